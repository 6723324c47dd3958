// Describing malformed JSON without quoting it. V8's JSON.parse gives a position for most errors
// but not all ("Unexpected token 'x', "…" is not valid JSON"), and its message can quote the
// surrounding text, which in a plan may be a password: keep the message up to the quote, and take
// the position from the caller's own finding when the native one is missing.

export interface JsonErrorAt {
  line: number;
  column: number;
  message: string;
}

export function describeJsonError(text: string, error: unknown, fallback: () => { offset: number; message: string }): JsonErrorAt {
  const native = error instanceof Error ? error.message : '';
  const position = / in JSON at position (\d+)/.exec(native);
  if (position) {
    // "Expected ',' or '}' after property value in JSON at position 22": nothing quoted before " in JSON".
    return { ...lineAndColumn(text, Number(position[1])), message: lowerFirst(native.slice(0, position.index)) };
  }
  const found = fallback();
  const token = /^(Unexpected token '.{1,2}')/.exec(native);
  return { ...lineAndColumn(text, found.offset), message: token ? lowerFirst(token[1]!) : found.message };
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** 1-based line and column (in UTF-16 code units) of an offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

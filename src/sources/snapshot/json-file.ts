// JSON files with positions: syntax errors and shape problems point at a line and column.
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import { InputError, errorMessage, readFailure } from '../../errors.js';
import type { Segment } from '../../policy/messages.js';
import { locate } from '../../policy/yaml-path.js';

export interface JsonFile {
  file: string;
  text: string;
  value: unknown;
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: Math.min(offset, text.length) - lineStart + 1 };
}

/**
 * Offset of the first JSON syntax error, or -1. V8's messages do not always carry a position
 * ("Unexpected token '}', … is not valid JSON"), so the text is scanned again to find it.
 */
export function syntaxErrorOffset(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const string = () => {
    i++;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return;
      }
      if (c < ' ') fail();
      i += c === '\\' ? 2 : 1;
    }
    fail();
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      space();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === '{') {
          space();
          if (text[i] !== '"') fail();
          string();
          space();
          if (text[i] !== ':') fail();
          i++;
        }
        value();
        space();
        if (text[i] === ',') i++;
        else if (text[i] === close) {
          i++;
          return;
        } else fail();
      }
    }
    if (c === '"') return string();
    const literal = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 64));
    if (!literal) fail();
    i += literal![0].length;
  };
  try {
    value();
    space();
    if (i < text.length) fail();
    return -1;
  } catch (offset) {
    if (typeof offset === 'number') return offset;
    // The scan recurses per level: absurdly deep nesting overflows the stack. No position then.
    if (offset instanceof RangeError) return -1;
    throw offset;
  }
}

/**
 * V8's message without its excerpt of the file (which may hold secrets, or bytes a terminal acts
 * on) and offset (the position goes into the InputError). The unexpected character is escaped
 * when it is not printable.
 */
function syntaxMessage(error: unknown): string {
  return errorMessage(error)
    .replace(/, "[\s\S]*"(?:\.\.\.)? is not valid JSON$/, '')
    .replace(/ in JSON at position \d+[\s\S]*$/, '')
    .replace(/^Unexpected end of JSON input$/, 'unexpected end of the file')
    .replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Parses JSON text; a syntax error is an InputError at its line and column. */
export function parseJson(text: string, file: string, what: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (error) {
    // V8's "at position N", when the scan cannot tell (it gives up on absurdly deep nesting).
    const v8Offset = Number(/ at position (\d+)/.exec(errorMessage(error))?.[1] ?? -1);
    const scanned = syntaxErrorOffset(body);
    const offset = scanned >= 0 ? scanned : v8Offset;
    const position = offset >= 0 ? lineColumn(body, offset) : {};
    throw new InputError(`not valid JSON (${what}): ${syntaxMessage(error)}`, { file, ...position });
  }
}

export async function readJsonFile(file: string, what: string): Promise<JsonFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${what}: ${readFailure(error)}`, { file });
  }
  return { file, text, value: parseJson(text, file, what) };
}

/** An InputError at the JSON member `path` (JSON is YAML: its parser gives the positions). */
export function errorAt(json: JsonFile, path: Segment[], message: string): InputError {
  const lineCounter = new LineCounter();
  const doc = parseDocument(json.text, { lineCounter, uniqueKeys: false });
  const position = locate(doc, lineCounter, path, false);
  return new InputError(message, { file: json.file, line: position?.line ?? null, column: position?.column ?? null });
}

/** `regions[0].dbInstances[3].Engine` */
export function describePath(path: Segment[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('') || 'the top level';
}

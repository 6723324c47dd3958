// One validating pass over the plan's bytes (RFC 8259 grammar) that records where the parts this
// source reads are: the top-level values by key, and each `resource_changes` element with its
// `type`. Only those parts are then handed to native JSON.parse. A 50 MB plan thus never becomes
// one 50 MB string plus a full object graph (planned_values, prior_state, every unrelated
// resource) in memory, which is most of a full parse's time and memory.
//
// Two parts. `skipValue` validates one value and says where it ends: a flat loop over bytes with
// local state and nothing to record, which is where nearly all the bytes go. The driver walks only
// the levels where something is recorded (the top-level object, the resource_changes array, the
// keys of each change) and hands every value below them to skipValue. Kept apart so the hot loop
// meets no new path halfway through the file: V8 compiles a loop while it runs (on-stack
// replacement), and a path the loop had not taken yet throws that code away (a deoptimization) —
// one loop doing both cost a third more on a large plan, most of it in three such restarts.

export interface Range {
  start: number;
  end: number;
}

export interface PlanLayout {
  /** Offset of the first byte of the top-level value (`{` for an object). */
  topLevel: number;
  /** Byte ranges of the top-level object's values, by key (the last one wins, as in JSON.parse). */
  sections: Map<string, Range>;
  /** Number of elements of a top-level `resource_changes` array, and the wanted ones. */
  changes: { count: number; wanted: Range[] };
}

export type ScanResult = { ok: true; layout: PlanLayout } | { ok: false; offset: number; message: string };

// What the grammar expects next (in skipValue).
const VALUE = 0;
const KEY = 1;
const COLON = 2;
const COMMA_OR_CLOSE = 3;

/** Deeper than any real plan (a few dozen levels); JSON.parse itself goes further. */
export const MAX_DEPTH = 4096;
export const TOO_DEEP = `nested more than ${MAX_DEPTH} levels deep`;

function bytesEqual(b: Uint8Array, start: number, end: number, ascii: string): boolean {
  if (end - start !== ascii.length) return false;
  for (let k = 0; k < ascii.length; k++) if (b[start + k] !== ascii.charCodeAt(k)) return false;
  return true;
}

/**
 * Whether the key whose text lies between `start` and `end` (inside its quotes) is `name` (ASCII)
 * once its escapes are read, as JSON.parse reads it.
 */
function keyIs(b: Buffer, start: number, end: number, name: string): boolean {
  if (bytesEqual(b, start, end, name)) return true;
  // Only an escaped spelling ("t\u0079pe") can still be `name`, and it is longer than its text.
  if (end - start <= name.length || plainAscii(b, start, end)) return false;
  return JSON.parse(b.toString('utf8', start - 1, end + 1)) === name;
}

/** Whether a string's bytes are ASCII without escapes: its text is then its bytes. */
function plainAscii(b: Uint8Array, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (b[k]! >= 0x80 || b[k] === 0x5c) return false;
  return true;
}

const isHex = (x: number) => (x >= 0x30 && x <= 0x39) || (x >= 0x41 && x <= 0x46) || (x >= 0x61 && x <= 0x66);
const isDigit = (x: number) => x >= 0x30 && x <= 0x39;

/** Bytes inside a string: 0 plain, 1 the closing quote, 2 a backslash, 3 a control character (invalid). */
const IN_STRING = new Uint8Array(256);
IN_STRING[0x22] = 1;
IN_STRING[0x5c] = 2;
IN_STRING.fill(3, 0, 0x20);

/** The end of the string whose opening quote is at `i`, or -1 when it is malformed or unterminated. */
function stringEnd(b: Uint8Array, i: number, n: number): number {
  let k = i + 1;
  for (;;) {
    let kind: number | undefined;
    // Past the end, b[k] is undefined and so is its class: the loop stops there too.
    while ((kind = IN_STRING[b[k] as number]) === 0) k++;
    if (kind === 1) return k + 1;
    if (kind !== 2) return -1; // a control character, or the end of the input
    const e = b[k + 1];
    if (e === 0x75) {
      if (k + 5 >= n || !isHex(b[k + 2]!) || !isHex(b[k + 3]!) || !isHex(b[k + 4]!) || !isHex(b[k + 5]!)) return -1;
      k += 6;
    } else if (e === 0x22 || e === 0x5c || e === 0x2f || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) {
      k += 2;
    } else return -1;
  }
}

/** The end of the number or literal starting at `i`, or -1. */
function scalarEnd(b: Uint8Array, i: number, n: number): number {
  const c = b[i]!;
  // Literals byte by byte (past the end, b[k] is undefined and matches nothing): a plan has
  // hundreds of thousands of them.
  if (c === 0x74) return b[i + 1] === 0x72 && b[i + 2] === 0x75 && b[i + 3] === 0x65 ? i + 4 : -1; // true
  if (c === 0x66) return b[i + 1] === 0x61 && b[i + 2] === 0x6c && b[i + 3] === 0x73 && b[i + 4] === 0x65 ? i + 5 : -1; // false
  if (c === 0x6e) return b[i + 1] === 0x75 && b[i + 2] === 0x6c && b[i + 3] === 0x6c ? i + 4 : -1; // null
  let k = i;
  if (b[k] === 0x2d) k++;
  if (b[k] === 0x30) k++;
  else if (k < n && isDigit(b[k]!)) while (k < n && isDigit(b[k]!)) k++;
  else return -1;
  if (b[k] === 0x2e) {
    k++;
    if (!(k < n && isDigit(b[k]!))) return -1;
    while (k < n && isDigit(b[k]!)) k++;
  }
  if (b[k] === 0x65 || b[k] === 0x45) {
    k++;
    if (b[k] === 0x2b || b[k] === 0x2d) k++;
    if (!(k < n && isDigit(b[k]!))) return -1;
    while (k < n && isDigit(b[k]!)) k++;
  }
  return k;
}

/** Where and why the last scan failed (set when a function below returns -1). */
let failure: { offset: number; message: string } = { offset: 0, message: '' };

function fail(offset: number, message: string): -1 {
  failure = { offset, message };
  return -1;
}

/** Fails with `message`, or with "unexpected end of input" when `i` is past the end. */
function failOrEndOfInput(b: Uint8Array, i: number, message: string): -1 {
  return fail(i, b[i] === undefined ? 'unexpected end of input' : message);
}

function skipSpace(b: Uint8Array, i: number): number {
  let c = b[i];
  while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = b[++i];
  return i;
}

/** The open containers of skipValue: `{` or `[`. Scans are synchronous, so one stack serves all. */
const stack = new Uint8Array(MAX_DEPTH);

/**
 * Validates the JSON value starting at `i` (whitespace before it allowed) and returns the offset
 * just past it, or -1 (see `failure`). `room`: how many more levels the value may nest.
 */
function skipValue(b: Uint8Array, i: number, n: number, room: number): number {
  let depth = 0;
  let expect = VALUE;
  let justOpened = false;
  for (;;) {
    let c = b[i];
    // Every byte that starts a token is above 0x20: one comparison rules out whitespace for them.
    while (c! <= 0x20 && (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09)) c = b[++i];
    if (c === undefined) return fail(i, 'unexpected end of input');

    if (expect === VALUE) {
      if (c === 0x22) {
        const end = stringEnd(b, i, n);
        if (end === -1) return fail(i, 'bad string');
        i = end;
      } else if (c === 0x7b || c === 0x5b) {
        if (depth === room) return fail(i, TOO_DEEP);
        stack[depth++] = c;
        i++;
        expect = c === 0x7b ? KEY : VALUE;
        justOpened = true;
        continue;
      } else if (c === 0x5d && justOpened) {
        depth--;
        i++;
      } else {
        const end = scalarEnd(b, i, n);
        if (end === -1) return fail(i, `unexpected character ${JSON.stringify(String.fromCharCode(c))}`);
        i = end;
      }
    } else if (expect === KEY) {
      if (c === 0x7d && justOpened) {
        depth--;
        i++;
      } else {
        if (c !== 0x22) return fail(i, 'expected a property name');
        const end = stringEnd(b, i, n);
        if (end === -1) return fail(i, 'bad string');
        justOpened = false;
        // In a compact plan the colon follows at once: take it now rather than in another turn.
        if (b[end] === 0x3a) {
          i = end + 1;
          expect = VALUE;
        } else {
          i = end;
          expect = COLON;
        }
        continue;
      }
    } else if (expect === COLON) {
      if (c !== 0x3a) return fail(i, 'expected ":" after a property name');
      i++;
      expect = VALUE;
      continue;
    } else {
      const open = stack[depth - 1];
      if (c === 0x2c) {
        i++;
        expect = open === 0x7b ? KEY : VALUE;
        continue;
      }
      if (!((c === 0x7d && open === 0x7b) || (c === 0x5d && open === 0x5b))) {
        return fail(i, open === 0x7b ? 'expected "," or "}"' : 'expected "," or "]"');
      }
      depth--;
      i++;
    }

    // A value (or a container) has ended.
    if (depth === 0) return i;
    justOpened = false;
    // In a compact plan a comma mostly follows at once: take it now rather than in another turn.
    if (b[i] === 0x2c) {
      i++;
      expect = stack[depth - 1] === 0x7b ? KEY : VALUE;
    } else {
      expect = COMMA_OR_CLOSE;
    }
  }
}

/**
 * Walks the object whose `{` is at `i`, calling `member(keyStart, keyEnd, at)` (`at`: its value) for each
 * property; `member` validates the value and returns the offset past it, or -1. Returns the offset
 * past the object, or -1.
 */
function walkObject(b: Uint8Array, i: number, n: number, member: (keyStart: number, keyEnd: number, at: number) => number): number {
  i = skipSpace(b, i + 1);
  if (b[i] === 0x7d) return i + 1;
  for (;;) {
    if (b[i] !== 0x22) return failOrEndOfInput(b, i, 'expected a property name');
    const keyEnd = stringEnd(b, i, n);
    if (keyEnd === -1) return fail(i, 'bad string');
    const colon = skipSpace(b, keyEnd);
    if (b[colon] !== 0x3a) return failOrEndOfInput(b, colon, 'expected ":" after a property name');
    const end = member(i + 1, keyEnd - 1, skipSpace(b, colon + 1));
    if (end === -1) return -1;
    i = skipSpace(b, end);
    if (b[i] === 0x2c) i = skipSpace(b, i + 1);
    else if (b[i] === 0x7d) return i + 1;
    else return failOrEndOfInput(b, i, 'expected "," or "}"');
  }
}

/**
 * Scans `bytes` (UTF-8 JSON). `sectionKeys`: the top-level keys whose value ranges to record.
 * `wantChange(type)`: whether a resource_changes element of that `type` is wanted.
 */
export function scanPlan(bytes: Buffer, sectionKeys: readonly string[], wantChange: (type: string) => boolean): ScanResult {
  const n = bytes.length;
  const sections = new Map<string, Range>();
  let changes: PlanLayout['changes'] = { count: 0, wanted: [] };

  /** The resource_changes array whose `[` is at `i`: each element validated, the wanted ones recorded. */
  const scanChanges = (i: number): number => {
    const found: PlanLayout['changes'] = { count: 0, wanted: [] };
    let type: string | null = null;
    const elementMember = (keyStart: number, keyEnd: number, at: number): number => {
      if (!keyIs(bytes, keyStart, keyEnd, 'type')) return skipValue(bytes, at, n, MAX_DEPTH - 3);
      if (bytes[at] !== 0x22) {
        type = null; // the last "type" is the one JSON.parse keeps, and this one is not a string
        return skipValue(bytes, at, n, MAX_DEPTH - 3);
      }
      const end = stringEnd(bytes, at, n);
      if (end === -1) return fail(at, 'bad string');
      // Terraform writes types as plain ASCII; an escaped one means what JSON.parse makes of it.
      type = plainAscii(bytes, at + 1, end - 1) ? bytes.toString('latin1', at + 1, end - 1) : (JSON.parse(bytes.toString('utf8', at, end)) as string);
      return end;
    };
    i = skipSpace(bytes, i + 1);
    if (bytes[i] === 0x5d) {
      changes = found;
      return i + 1;
    }
    for (;;) {
      const start = i;
      type = null;
      const end = bytes[i] === 0x7b ? walkObject(bytes, i, n, elementMember) : skipValue(bytes, i, n, MAX_DEPTH - 2);
      if (end === -1) return -1;
      found.count++;
      if (type !== null && wantChange(type)) found.wanted.push({ start, end });
      i = skipSpace(bytes, end);
      if (bytes[i] === 0x2c) i = skipSpace(bytes, i + 1);
      else if (bytes[i] === 0x5d) {
        changes = found;
        return i + 1;
      } else return failOrEndOfInput(bytes, i, 'expected "," or "]"');
    }
  };

  /** Records a top-level value's range under its key (when it is one of sectionKeys); passes `end` on. */
  const record = (key: string | null, start: number, end: number): number => {
    if (end !== -1 && key !== null) sections.set(key, { start, end });
    return end;
  };

  const topLevel = skipSpace(bytes, 0);
  const end =
    bytes[topLevel] === 0x7b
      ? walkObject(bytes, topLevel, n, (keyStart, keyEnd, at) => {
          let key: string | null = null;
          for (const name of sectionKeys) if (keyIs(bytes, keyStart, keyEnd, name)) key = name;
          const isChanges = key === 'resource_changes' || keyIs(bytes, keyStart, keyEnd, 'resource_changes');
          if (!isChanges) return record(key, at, skipValue(bytes, at, n, MAX_DEPTH - 1));
          // The last resource_changes is the one JSON.parse keeps: one that is not a list has no changes.
          if (bytes[at] === 0x5b) return record(key, at, scanChanges(at));
          changes = { count: 0, wanted: [] };
          return record(key, at, skipValue(bytes, at, n, MAX_DEPTH - 1));
        })
      : skipValue(bytes, topLevel, n, MAX_DEPTH);
  if (end === -1) return { ok: false, ...failure };
  const after = skipSpace(bytes, end);
  if (after < n) return { ok: false, offset: after, message: 'unexpected text after the JSON value' };
  return { ok: true, layout: { topLevel, sections, changes } };
}

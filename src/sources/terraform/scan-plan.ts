// One validating pass over the plan's bytes (RFC 8259 grammar) that records where the parts this
// source reads are: the top-level values by key, and each `resource_changes` element with its
// `type`. Only those parts are then handed to native JSON.parse. A 50 MB plan thus never becomes
// one 50 MB string plus a full object graph (planned_values, prior_state, every unrelated
// resource) in memory, which is most of a full parse's time and memory.
//
// Written as one flat loop over bytes with local state: this is the hot path for large plans.

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

// What the grammar expects next.
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

/**
 * Scans `bytes` (UTF-8 JSON). `sectionKeys`: the top-level keys whose value ranges to record.
 * `wantChange(type)`: whether a resource_changes element of that `type` is wanted.
 */
export function scanPlan(bytes: Buffer, sectionKeys: readonly string[], wantChange: (type: string) => boolean): ScanResult {
  const n = bytes.length;
  const stack = new Uint8Array(MAX_DEPTH); // the open containers: `{` or `[`
  let depth = 0;
  let i = 0;
  let expect = VALUE;
  let justOpened = false;

  const sections = new Map<string, Range>();
  let wanted: Range[] = [];
  let count = 0;
  let topKey: string | null = null; // the current key of the top-level object, when recorded
  let sectionStart = -1;
  let inChanges = false; // directly inside the top-level resource_changes array
  let elementStart = -1;
  let elementType: string | null = null;
  let typeKeyPending = false; // just read the key "type" directly inside a resource_changes element

  while (i < n && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  const topLevel = i;

  for (;;) {
    let c = bytes[i];
    // Every byte that starts a token is above 0x20: one comparison rules out whitespace for them.
    while (c! <= 0x20 && (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09)) c = bytes[++i];
    if (c === undefined) {
      if (depth === 0 && expect === COMMA_OR_CLOSE) return { ok: true, layout: { topLevel, sections, changes: { count, wanted } } };
      return { ok: false, offset: i, message: 'unexpected end of input' };
    }

    let valueEnded = false;
    if (expect === VALUE) {
      if (c === 0x5d && justOpened) {
        depth--;
        i++;
        valueEnded = true;
      } else {
        // A value starts here: note it where it is one we record.
        if (depth === 1) {
          sectionStart = topKey !== null ? i : -1;
          inChanges = topKey === 'resource_changes' && c === 0x5b;
          if (inChanges) {
            count = 0;
            wanted = [];
          }
        } else if (depth === 2 && inChanges) {
          elementStart = i;
          elementType = null;
        }
        if (c === 0x22) {
          const end = stringEnd(bytes, i, n);
          if (end === -1) return { ok: false, offset: i, message: 'bad string' };
          if (typeKeyPending) elementType = bytes.toString('latin1', i + 1, end - 1);
          i = end;
          valueEnded = true;
        } else if (c === 0x7b || c === 0x5b) {
          if (depth === MAX_DEPTH) return { ok: false, offset: i, message: TOO_DEEP };
          stack[depth++] = c;
          i++;
          expect = c === 0x7b ? KEY : VALUE;
          justOpened = true;
          typeKeyPending = false;
          continue;
        } else {
          const end = scalarEnd(bytes, i, n);
          if (end === -1) return { ok: false, offset: i, message: `unexpected character ${JSON.stringify(String.fromCharCode(c))}` };
          i = end;
          valueEnded = true;
        }
        typeKeyPending = false;
      }
    } else if (expect === KEY) {
      if (c === 0x7d && justOpened) {
        depth--;
        i++;
        valueEnded = true;
      } else {
        if (c !== 0x22) return { ok: false, offset: i, message: 'expected a property name' };
        const end = stringEnd(bytes, i, n);
        if (end === -1) return { ok: false, offset: i, message: 'bad string' };
        if (depth === 1) {
          topKey = null;
          for (const key of sectionKeys) if (bytesEqual(bytes, i + 1, end - 1, key)) topKey = key;
        } else if (depth === 3 && inChanges) {
          typeKeyPending = bytesEqual(bytes, i + 1, end - 1, 'type');
        }
        justOpened = false;
        // In a compact plan the colon follows at once: take it now rather than in another turn.
        if (bytes[end] === 0x3a) {
          i = end + 1;
          expect = VALUE;
        } else {
          i = end;
          expect = COLON;
        }
        continue;
      }
    } else if (expect === COLON) {
      if (c !== 0x3a) return { ok: false, offset: i, message: 'expected ":" after a property name' };
      i++;
      expect = VALUE;
      continue;
    } else {
      if (depth === 0) return { ok: false, offset: i, message: 'unexpected text after the JSON value' };
      const open = stack[depth - 1];
      if (c === 0x2c) {
        i++;
        expect = open === 0x7b ? KEY : VALUE;
        continue;
      }
      if (!((c === 0x7d && open === 0x7b) || (c === 0x5d && open === 0x5b))) {
        return { ok: false, offset: i, message: open === 0x7b ? 'expected "," or "}"' : 'expected "," or "]"' };
      }
      depth--;
      i++;
      valueEnded = true;
    }

    if (valueEnded) {
      justOpened = false;
      if (depth === 1) {
        if (sectionStart !== -1 && topKey !== null) sections.set(topKey, { start: sectionStart, end: i });
        sectionStart = -1;
        inChanges = false;
      } else if (depth === 2 && inChanges) {
        count++;
        if (elementType !== null && wantChange(elementType)) wanted.push({ start: elementStart, end: i });
        elementType = null;
      }
      // In a compact plan a comma mostly follows at once: take it now rather than in another turn.
      if (depth > 0 && bytes[i] === 0x2c) {
        i++;
        expect = stack[depth - 1] === 0x7b ? KEY : VALUE;
      } else {
        expect = COMMA_OR_CLOSE;
      }
    }
  }
}

// The JSON report: SPEC's shape and property order first, the fields SPEC does not show after them.
// Written in pieces (renderJsonChunks) so that a report on a large fleet never has to exist as one
// string (and again as one buffer to write it): a file gets it a few dozen items at a time,
// formatted exactly as JSON.stringify(report, null, 2) formats the whole.
import type { Report } from './types.js';

type Json = Record<string, unknown>;

/** The order of an object's properties, and of the objects (or lists of objects) it holds. */
interface Shape {
  keys: readonly string[];
  nested?: Record<string, Shape>;
}

const FINDING: Shape = {
  keys: ['rule', 'severity', 'resource', 'message', 'source', 'arn', 'exemption'],
  nested: { source: { keys: ['type', 'file', 'line', 'column', 'region'] } },
};
const RESOURCE: Shape = {
  keys: [
    ...['id', 'arn', 'kind', 'engine', 'engineVersion', 'ca', 'sslEnforced', 'iamAuth', 'restart', 'source'],
    ...['caBasis', 'caValidTill', 'serverCertValidTill', 'rotationRestarts', 'supportedCAs', 'identifier', 'endpoint'],
  ],
  nested: { restart: { keys: ['required', 'reason', 'trigger'] }, source: { keys: ['type', 'file', 'line', 'region'] } },
};

/** Top-level properties in order; `list` marks those written a batch of items at a time. */
const TOP: readonly { key: keyof Report; shape?: Shape; list?: true }[] = [
  { key: 'tool', shape: { keys: ['name', 'version'] } },
  { key: 'summary', shape: { keys: ['resources', 'findings', 'error', 'warning', 'notice', 'restartRequired', 'incomplete', 'suppressed', 'excluded'] } },
  { key: 'resources', shape: RESOURCE, list: true },
  { key: 'findings', shape: FINDING, list: true },
  { key: 'errors', shape: { keys: ['source', 'message'] }, list: true },
  { key: 'asOf' },
  { key: 'policy', shape: { keys: ['file', 'exemptions'], nested: { exemptions: { keys: ['selector', 'rules', 'reason', 'expires', 'status', 'matched', 'line'] } } } },
  { key: 'suppressed', shape: FINDING, list: true },
];

/**
 * Items per piece of a list. Small enough that each piece stays an ordinary short-lived string:
 * V8 puts strings over 128 KB (64 K characters once one is not Latin-1) in its large-object
 * space, where making, copying and freeing them costs far more. Writing the 20 MB report of 20,000
 * resources took about 95 ms with a thousand items per piece, about 65 ms with 64.
 */
const BATCH = 64;

/**
 * Puts objects of one shape in order: the shape's keys first, in that order, and every other key
 * after them in its own order (so a field added to the Report type later is still written).
 * An object already so, which is how buildReport makes them, is used as it is: no copy then.
 */
class Arranger {
  private readonly positions: Map<string, number>;
  private readonly nested: [key: string, arranger: Arranger][];
  /**
   * Key lists found in order. The items of a list are nearly always made alike, so an item whose
   * keys are those of one already checked needs neither a key array nor a lookup per key: on a
   * large fleet that is hundreds of thousands of each.
   */
  private readonly ordered: string[][] = [];

  constructor(private readonly shape: Shape) {
    this.positions = new Map(shape.keys.map((key, i) => [key, i]));
    this.nested = Object.entries(shape.nested ?? {}).map(([key, inner]) => [key, arrangerOf(inner)]);
  }

  /** A list, item by item: `items` itself when every item is in order. */
  list(items: readonly unknown[]): readonly unknown[] {
    let out: unknown[] | null = null;
    for (let i = 0; i < items.length; i++) {
      const arranged = this.value(items[i]);
      if (arranged !== items[i]) (out ??= items.slice())[i] = arranged;
    }
    return out ?? items;
  }

  value(value: unknown): unknown {
    if (Array.isArray(value)) return this.list(value);
    if (value === null || typeof value !== 'object') return value;
    const source = value as Json;
    let out = source;
    if (!this.inOrder(source)) {
      out = {};
      for (const key of this.shape.keys) if (key in source) out[key] = source[key];
      for (const key of Object.keys(source)) if (!(key in out)) out[key] = source[key];
    }
    for (const [key, arranger] of this.nested) {
      const inner = out[key];
      const arranged = arranger.value(inner);
      if (arranged !== inner) {
        if (out === source) out = { ...source };
        out[key] = arranged;
      }
    }
    return out;
  }

  /** Whether `value`'s own keys already are the shape's keys (those present, in order) followed by any others. */
  private inOrder(value: Json): boolean {
    for (const keys of this.ordered) if (hasKeys(value, keys)) return true;
    const keys = Object.keys(value);
    let last = -1;
    let others = false;
    for (const key of keys) {
      const at = this.positions.get(key);
      if (at === undefined) others = true;
      else if (others || at < last) return false;
      else last = at;
    }
    if (this.ordered.length < MAX_ORDERED_KEY_LISTS) this.ordered.push(keys);
    return true;
  }
}

const MAX_ORDERED_KEY_LISTS = 8;

/**
 * Whether `value`'s keys are exactly `keys`, in that order. for…in walks the object's keys without
 * making an array; it also walks inherited enumerable keys, which only makes a match rarer.
 */
function hasKeys(value: Json, keys: readonly string[]): boolean {
  let i = 0;
  for (const key in value) if (key !== keys[i++]) return false;
  return i === keys.length;
}

const arrangers = new WeakMap<Shape, Arranger>();
function arrangerOf(shape: Shape): Arranger {
  let arranger = arrangers.get(shape);
  if (!arranger) arrangers.set(shape, (arranger = new Arranger(shape)));
  return arranger;
}

/** `"key": value` as a property of the top-level object (two spaces in), as JSON.stringify(…, null, 2) writes it. */
function member(key: string, value: unknown): string {
  // The wrapper object puts the value at the right depth; its braces and outer newlines are cut off.
  return JSON.stringify({ [key]: value }, null, 2).slice(2, -2);
}

/** A top-level list, `BATCH` items per piece. */
function* list(key: string, items: readonly unknown[], shape: Shape): Generator<string> {
  if (items.length === 0) {
    yield member(key, []);
    return;
  }
  const arranger = arrangerOf(shape);
  for (let start = 0; start < items.length; start += BATCH) {
    const batch = arranger.list(items.slice(start, start + BATCH));
    const text = member(key, batch);
    const first = start === 0;
    const last = start + BATCH >= items.length;
    // `  "key": [\n    {…},\n    {…}\n  ]`: the first piece keeps the opening, the last the closing.
    // Yielded as two pieces, not one concatenation: joining the long slice to a short string makes
    // a string that must be copied whole (flattened) before it can be encoded.
    const open = text.indexOf('\n') + 1;
    yield first ? text.slice(0, open) : ',\n';
    yield text.slice(open, last ? undefined : -4);
  }
}

/** The JSON report in pieces whose concatenation is `renderJson(report)`. */
export function* renderJsonChunks(report: Report): Generator<string> {
  const source = report as unknown as Json;
  const known = new Set<string>(TOP.map((t) => t.key));
  let separator = '{\n';
  for (const { key, shape, list: inPieces } of TOP) {
    const value = source[key];
    if (value === undefined) continue;
    yield separator;
    separator = ',\n';
    if (inPieces && Array.isArray(value)) yield* list(key, value, shape!);
    else yield member(key, shape ? arrangerOf(shape).value(value) : value);
  }
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (known.has(key) || value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
    yield separator;
    separator = ',\n';
    yield member(key, value);
  }
  yield separator === '{\n' ? '{}\n' : '\n}\n';
}

export function renderJson(report: Report): string {
  let text = '';
  for (const chunk of renderJsonChunks(report)) text += chunk;
  return text;
}

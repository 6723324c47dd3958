// The JSON report: SPEC's shape and property order first, the fields SPEC does not show after them.
// Written in pieces (renderJsonChunks) so that a report on a large fleet never has to exist as one
// string (and again as one buffer to write it): a file gets it a thousand items at a time,
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

/** Items per piece of a list: about a megabyte of text, few enough writes, little memory. */
const BATCH = 1024;

const positions = new WeakMap<Shape, Map<string, number>>();
function positionsOf(shape: Shape): Map<string, number> {
  let map = positions.get(shape);
  if (!map) positions.set(shape, (map = new Map(shape.keys.map((key, i) => [key, i]))));
  return map;
}

/** Whether `value`'s own keys already are the shape's keys (those present, in order) followed by any others. */
function inOrder(value: Json, shape: Shape): boolean {
  const position = positionsOf(shape);
  let last = -1;
  let others = false;
  for (const key of Object.keys(value)) {
    const at = position.get(key);
    if (at === undefined) others = true;
    else if (others || at < last) return false;
    else last = at;
  }
  return true;
}

/**
 * `value` with the shape's keys first, in that order, and every other key after them in its own
 * order (so a field added to the Report type later is still written); a list, item by item.
 * `value` itself when it is already so, which is how buildReport makes them: no copy then.
 */
function arrange(value: unknown, shape: Shape): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item: unknown) => arrange(item, shape));
    return items.every((item, i) => item === value[i]) ? value : items;
  }
  if (value === null || typeof value !== 'object') return value;
  const source = value as Json;
  let out = source;
  if (!inOrder(source, shape)) {
    out = {};
    for (const key of shape.keys) if (key in source) out[key] = source[key];
    for (const key of Object.keys(source)) if (!(key in out)) out[key] = source[key];
  }
  for (const key in shape.nested) {
    const inner = out[key];
    const arranged = arrange(inner, shape.nested[key]!);
    if (arranged !== inner) {
      if (out === source) out = { ...source };
      out[key] = arranged;
    }
  }
  return out;
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
  for (let start = 0; start < items.length; start += BATCH) {
    const batch = arrange(items.slice(start, start + BATCH), shape);
    const text = member(key, batch);
    const first = start === 0;
    const last = start + BATCH >= items.length;
    // `  "key": [\n    {…},\n    {…}\n  ]`: the first piece keeps the opening, the last the closing.
    const open = text.indexOf('\n') + 1;
    yield `${first ? text.slice(0, open) : ',\n'}${text.slice(open, last ? undefined : -4)}`;
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
    else yield member(key, shape ? arrange(value, shape) : value);
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

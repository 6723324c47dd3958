// Finds the YAML node behind a policy path, so validation errors get a line and column.
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { Segment } from './messages.js';

export interface Position {
  line: number;
  column: number;
}

interface Found {
  /** The node at the path, or null where the path leads nowhere (then `key` or `parent` is the best place). */
  value: Node | null;
  key: Node | null;
  /** The deepest node the path reached. */
  deepest: Node | null;
}

function resolve(doc: Document, node: unknown): Node | null {
  if (isAlias(node)) return (node.resolve(doc) as Node | undefined) ?? null;
  return (node as Node | null) ?? null;
}

export function findNode(doc: Document, path: Segment[]): Found {
  let current = resolve(doc, doc.contents);
  let key: Node | null = null;
  for (const segment of path) {
    let next: Node | null = null;
    key = null;
    if (isMap(current)) {
      const pair = current.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (pair) {
        key = (pair.key as Node) ?? null;
        next = resolve(doc, pair.value);
      }
    } else if (isSeq(current) && typeof segment === 'number') {
      next = resolve(doc, current.items[segment]);
    }
    if (!next && !key) return { value: null, key: null, deepest: current };
    current = next;
    if (!current) return { value: null, key, deepest: key };
  }
  return { value: current, key, deepest: current };
}

export function positionOf(node: Node | null | undefined, lineCounter: LineCounter): Position | null {
  const offset = node?.range?.[0];
  if (offset === undefined) return null;
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

/**
 * Where to point for a problem about `path`: the key itself when asked (unknown keys), the value
 * otherwise, or the key when the value is empty (`ssl:` with nothing after it has no text to point at).
 */
export function locate(doc: Document, lineCounter: LineCounter, path: Segment[], atKey: boolean): Position | null {
  const found = findNode(doc, path);
  const emptyValue = isScalar(found.value) && found.value.value === null && found.value.source === '';
  const node = atKey || emptyValue || !found.value ? (found.key ?? found.value ?? found.deepest) : found.value;
  return positionOf(node, lineCounter);
}

// A template as a plain tree in which every node keeps the file position it came from, so facts
// can point at the exact property. Short-form tags (`!Ref X`) are already in long form (`{Ref: X}`).
import type { Location } from '../../model.js';

export interface CfnScalar {
  type: 'scalar';
  value: string | number | boolean | null;
  /** The value as CloudFormation reads it: a string, with numbers as they were written (`15.10`). */
  text: string;
  at: Location;
}

export interface CfnSeq {
  type: 'seq';
  items: CfnNode[];
  at: Location;
}

export interface CfnEntry {
  key: string;
  keyAt: Location;
  value: CfnNode;
}

export interface CfnMap {
  type: 'map';
  entries: CfnEntry[];
  at: Location;
}

export type CfnNode = CfnScalar | CfnSeq | CfnMap;

export function entryOf(map: CfnMap | undefined, key: string): CfnEntry | undefined {
  return map?.entries.find((e) => e.key === key);
}

export function valueOf(map: CfnMap | undefined, key: string): CfnNode | undefined {
  return entryOf(map, key)?.value;
}

/** The function name when `node` is an intrinsic (`{"Fn::If": …}`, `{"Ref": …}`, `{"Condition": …}`). */
export function intrinsicName(node: CfnNode): string | null {
  if (node.type !== 'map' || node.entries.length !== 1) return null;
  const key = node.entries[0]!.key;
  return key === 'Ref' || key === 'Condition' || key.startsWith('Fn::') ? key : null;
}

/** A scalar's text, or null when the node is not a plain scalar. */
export function scalarText(node: CfnNode | undefined): string | null {
  return node?.type === 'scalar' ? node.text : null;
}

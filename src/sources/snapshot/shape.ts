// A small structural check for JSON inputs: the first member of the wrong type, with its path.
// Unknown members are allowed (newer files within one format version may add some).
import type { Segment } from '../../policy/messages.js';

export type Shape =
  | { kind: 'string' | 'boolean' | 'number' | 'any' }
  | { kind: 'array'; items: Shape }
  | { kind: 'object'; members: Record<string, Shape>; required: string[] }
  | { kind: 'nullable'; inner: Shape };

export const str: Shape = { kind: 'string' };
export const bool: Shape = { kind: 'boolean' };
export const num: Shape = { kind: 'number' };
export const any: Shape = { kind: 'any' };
export const arr = (items: Shape): Shape => ({ kind: 'array', items });
export const nullable = (inner: Shape): Shape => ({ kind: 'nullable', inner });
export const obj = (members: Record<string, Shape>, required: string[] = []): Shape => ({ kind: 'object', members, required });

export interface ShapeProblem {
  path: Segment[];
  message: string;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function expected(shape: Shape): string {
  switch (shape.kind) {
    case 'array':
      return 'an array';
    case 'object':
      return 'an object';
    case 'nullable':
      return `${expected(shape.inner)} or null`;
    default:
      return `a ${shape.kind}`;
  }
}

/** The first problem in document order, or null. */
export function checkShape(value: unknown, shape: Shape, path: Segment[] = []): ShapeProblem | null {
  switch (shape.kind) {
    case 'any':
      return null;
    case 'nullable':
      return value === null ? null : checkShape(value, shape.inner, path);
    case 'array': {
      if (!Array.isArray(value)) return { path, message: `must be an array, not ${typeName(value)}` };
      for (let i = 0; i < value.length; i++) {
        const problem = checkShape(value[i], shape.items, [...path, i]);
        if (problem) return problem;
      }
      return null;
    }
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return { path, message: `must be an object, not ${typeName(value)}` };
      const record = value as Record<string, unknown>;
      const missing = shape.required.find((key) => record[key] === undefined);
      if (missing) return { path, message: `misses "${missing}" (${expected(shape.members[missing]!)})` };
      for (const [key, member] of Object.entries(record)) {
        const memberShape = shape.members[key];
        if (!memberShape) continue;
        const problem = checkShape(member, memberShape, [...path, key]);
        if (problem) return problem;
      }
      return null;
    }
    default:
      return typeof value === shape.kind ? null : { path, message: `must be ${expected(shape)}, not ${typeName(value)}` };
  }
}

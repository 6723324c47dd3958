// Reading one property of a resource as a model fact, with the position of the value node
// (or of the logical id when the property is missing).
import { known, unknown, type Fact, type Location } from '../../model.js';
import { entryOf } from './nodes.js';
import type { Evaluator, Resolved } from './resolve.js';
import type { ResourceDecl } from './template.js';

export type Prop =
  | { absent: true; at: Location; via?: string }
  | { absent: false; resolved: Resolved; at: Location };

export const NOT_SET = 'not set in template';

export function readProp(evaluator: Evaluator, decl: ResourceDecl, name: string): Prop {
  const entry = entryOf(decl.properties, name);
  if (!entry) return { absent: true, at: decl.at };
  const resolved = evaluator.resolve(entry.value);
  if (resolved.kind === 'novalue') return { absent: true, at: entry.value.at, via: joinVia(resolved.via, 'AWS::NoValue') };
  return { absent: false, resolved, at: entry.value.at };
}

export function joinVia(via: string[], ...more: string[]): string | undefined {
  const all = [...new Set([...via, ...more])];
  return all.length > 0 ? all.join('; ') : undefined;
}

/** A present property as a string fact; `what` names it in reasons. */
export function stringFact(prop: Prop & { absent: false }, what: string): Fact<string> {
  const r = prop.resolved;
  switch (r.kind) {
    case 'value':
      return typeof r.value === 'string' ? known(r.value, prop.at, joinVia(r.via)) : unknown(`${what} is not a string`, prop.at);
    case 'resource':
      return unknown(`${what} is the physical id of ${r.id}, known only after deploy`, prop.at);
    case 'unknown':
      return unknown(`${what}: ${r.reason}`, prop.at);
    case 'novalue':
      return unknown(`${what} is AWS::NoValue`, prop.at);
  }
}

/** A string property, known null when it is not set. */
export function optionalString(evaluator: Evaluator, decl: ResourceDecl, name: string): Fact<string | null> {
  const prop = readProp(evaluator, decl, name);
  if (prop.absent) return known<string | null>(null, prop.at, prop.via ?? NOT_SET);
  return stringFact(prop, name);
}

/** A boolean property (`true`, `"true"`, `"True"`), with the value it takes when not set. */
export function booleanFact(evaluator: Evaluator, decl: ResourceDecl, name: string, whenAbsent: boolean | null): Fact<boolean> | null {
  const prop = readProp(evaluator, decl, name);
  if (prop.absent) return whenAbsent === null ? null : known(whenAbsent, prop.at, prop.via ?? NOT_SET);
  const fact = stringFact(prop, name);
  if (!fact.known) return fact;
  const text = fact.value.toLowerCase();
  if (text === 'true' || text === 'false') return known(text === 'true', prop.at, fact.via);
  return unknown(`${name} is ${JSON.stringify(fact.value)}, not true or false`, prop.at);
}

/** A property's plain string value when it is known, else null (identifiers, names for lookups). */
export function knownString(evaluator: Evaluator, decl: ResourceDecl, name: string): string | null {
  const prop = readProp(evaluator, decl, name);
  if (prop.absent || prop.resolved.kind !== 'value' || typeof prop.resolved.value !== 'string') return null;
  return prop.resolved.value;
}

/** Engines and families are case-insensitive (`MySQL`, `MySQL8.0` in AWS's own samples). */
export function lower(fact: Fact<string>): Fact<string> {
  return fact.known ? { ...fact, value: fact.value.toLowerCase() } : fact;
}

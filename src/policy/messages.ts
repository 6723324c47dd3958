// Turns an ajv error into a sentence a platform engineer can act on: what is wrong, where
// (the policy path), and what is allowed. The caller turns `path` into line and column.
import type { ErrorObject } from 'ajv';
import { SELECTOR_KEYS } from './schema.js';

export type Segment = string | number;

export interface Problem {
  message: string;
  /** Path to the YAML node the problem is about. */
  path: Segment[];
  /** Point at the key of the last segment (unknown keys) rather than its value. */
  atKey: boolean;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function isCalendarDate(text: string): boolean {
  return dateProblem(text) === null;
}

/** Why `YYYY-MM-DD` text is not a real day, or null when it is one. */
function dateProblem(text: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return 'it is not written YYYY-MM-DD';
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  if (month < 1 || month > 12) return `there is no month ${month}`;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return `${MONTHS[month - 1]} ${year} has ${daysInMonth} days`;
  return null;
}

export function pointerToPath(pointer: string): Segment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** `overrides[0].ca.min-days-valid`; the empty path is the whole policy. */
export function displayPath(path: Segment[]): string {
  if (path.length === 0) return 'the policy';
  return path.map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`)).join('');
}

/** What a YAML value is, for "got …". */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return 'a mapping';
}

const TYPE_NAMES: Record<string, string> = {
  object: 'a mapping (key: value)',
  array: 'a list',
  string: 'a string',
  boolean: 'true or false',
  integer: 'a whole number',
  number: 'a number',
};

function expectedType(schemaType: unknown): string {
  const types = (Array.isArray(schemaType) ? schemaType : [schemaType]).filter((t) => t !== 'null');
  return types.map((t) => TYPE_NAMES[String(t)] ?? String(t)).join(' or ');
}

function list(values: readonly unknown[]): string {
  return values.map(String).join(', ');
}

/** Normalises spelling variants so `iam_auth`, `IamAuth` and `iam-auth` compare equal. */
function normaliseKey(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[_\s]+/g, '-');
}

/** Edits (insert, delete, substitute, swap neighbours) that turn `a` into `b`. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

export function suggestion(key: string, allowed: readonly string[]): string | null {
  const normal = normaliseKey(key);
  const exact = allowed.find((candidate) => candidate === normal);
  if (exact) return exact;
  const scored = allowed
    .map((candidate) => ({ candidate, distance: editDistance(normal, candidate) }))
    .filter(({ distance, candidate }) => distance <= Math.max(1, Math.floor(candidate.length / 4)))
    .sort((a, b) => a.distance - b.distance);
  return scored[0]?.candidate ?? null;
}

function unknownKey(error: ErrorObject, path: Segment[]): string {
  const key = String(error.params.additionalProperty);
  const allowed = Object.keys((error.parentSchema?.properties as Record<string, unknown> | undefined) ?? {});
  const last = path[path.length - 1];
  const parent = path.length === 0 ? 'policy' : displayPath(path);
  const noun = last === 'severity' ? 'rule' : 'key';
  const allowedLabel = last === 'severity' ? 'rules' : 'allowed';
  let message = `unknown ${noun} ${JSON.stringify(key)} in ${parent} (${allowedLabel}: ${list(allowed)})`;
  const isExemption = path.length === 2 && path[0] === 'exemptions';
  const isOverride = path.length === 2 && path[0] === 'overrides';
  if (isExemption && key === 'match') {
    return `${message}; an exemption names its databases directly with ${list(SELECTOR_KEYS)}, not under match`;
  }
  if (isOverride && (SELECTOR_KEYS as readonly string[]).includes(key)) {
    return `${message}; put ${key} under match: the selector of an override goes in match`;
  }
  const guess = suggestion(key, allowed);
  if (guess) message += `; did you mean ${JSON.stringify(guess)}?`;
  return message;
}

const MISSING_HINTS: Record<string, string> = {
  reason: 'say why the violation is accepted; reports show it',
  match: `the selector (${list(SELECTOR_KEYS)}) of the databases this override applies to`,
  key: 'the tag key to match',
};

const EMPTY_LIST_HINTS: Record<string, string> = {
  allowed: 'with no allowed CA every database fails ca-allowed; to switch the rule off, set severity.ca-allowed: off',
  engines: 'no engine would be in scope; leave engines out to check every engine',
  rules: 'leave rules out to exempt every rule',
};

/** One ajv error, explained. */
export function explain(error: ErrorObject): Problem {
  const path = pointerToPath(error.instancePath);
  const where = displayPath(path);
  const last = path[path.length - 1];
  const value: unknown = error.data;
  const problem = (message: string, atKey = false, at: Segment[] = path): Problem => ({ message, path: at, atKey });

  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      return problem(unknownKey(error, path), true, [...path, key]);
    }
    case 'type': {
      let message = `${where} must be ${expectedType(error.schema)}, got ${describeValue(value)}`;
      if (error.schema === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
        message += `; put it in quotes: "${String(value)}"`;
      }
      return problem(message);
    }
    case 'enum':
      return problem(`${where} must be one of ${list(error.params.allowedValues as unknown[])}, got ${describeValue(value)}`);
    case 'const':
      if (last === 'version') {
        return problem(`version must be 1, got ${describeValue(value)}: this rds-tls-guard reads policy version 1`);
      }
      return problem(`${where} must be ${JSON.stringify(error.params.allowedValue)}, got ${describeValue(value)}`);
    case 'required': {
      const missing = String(error.params.missingProperty);
      const hint = MISSING_HINTS[missing];
      return problem(`${where} is missing ${JSON.stringify(missing)}${hint ? `: ${hint}` : ''}`);
    }
    case 'anyOf':
      // Only exemptions use anyOf: the selector keys sit beside rules/reason/expires.
      return problem(
        `${where} does not say which databases it exempts: give at least one of ${list(SELECTOR_KEYS)} ` +
          `(id: "*" exempts every database)`,
      );
    case 'minProperties':
      return problem(`${where} is an empty selector: give at least one of ${list(SELECTOR_KEYS)}`);
    case 'minItems': {
      const hint = EMPTY_LIST_HINTS[String(last)];
      return problem(`${where} must not be an empty list${hint ? `: ${hint}` : ''}`);
    }
    case 'minLength':
      return problem(`${where} must not be empty`);
    case 'minimum':
      return problem(`${where} must be ${String(error.params.limit)} or more, got ${describeValue(value)}`);
    case 'maximum':
      return problem(`${where} must be ${String(error.params.limit)} or less, got ${describeValue(value)}`);
    case 'pattern':
      if (last === 'expires') {
        return problem(`${where} must be a date written YYYY-MM-DD (e.g. 2027-03-31), got ${describeValue(value)}`);
      }
      if (last === 'reason') return problem(`${where} must not be blank: say why the violation is accepted`);
      return problem(`${where} must match ${String(error.params.pattern)}, got ${describeValue(value)}`);
    case 'format':
      return problem(`${where} is not a real date: ${String(value)} (${dateProblem(String(value)) ?? 'invalid'})`);
    default:
      return problem(`${where} ${error.message ?? 'is not valid'}`);
  }
}

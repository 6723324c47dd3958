// Terraform addresses and references, as they appear in plan JSON:
//   module.db["eu.west"].module.pg.aws_db_parameter_group.this[0]
//   var.pg · local.x · module.pg.name · aws_db_parameter_group.x[0].name · count.index
// Keys are kept in Terraform's own spelling (`[0]`, `["a"]`) so they compare as strings.

/** One `name` or `name[key]` step of an address. `key` is the bracketed text, e.g. `[0]` or `["a"]`. */
export interface Step {
  name: string;
  key: string | null;
}

/** Splits an address or reference on dots outside brackets and quoted keys. Null when malformed. */
export function parseSteps(text: string): Step[] | null {
  const steps: Step[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const nameStart = i;
    while (i < n && text[i] !== '.' && text[i] !== '[') i++;
    const name = text.slice(nameStart, i);
    let key: string | null = null;
    if (text[i] === '[') {
      const start = i;
      i++;
      if (text[i] === '"') {
        i++;
        while (i < n && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
        i++;
      } else {
        while (i < n && text[i] !== ']') i++;
      }
      if (text[i] !== ']') return null;
      i++;
      key = text.slice(start, i);
      // `a[0][1]` (nested index into an attribute): keep the first key, the rest is attribute path.
      while (text[i] === '[') {
        while (i < n && text[i] !== ']') i++;
        i++;
      }
    }
    if (!name) return null;
    steps.push({ name, key });
    if (i < n) {
      if (text[i] !== '.') return null;
      i++;
      if (i === n) return null;
    }
  }
  return steps.length > 0 ? steps : null;
}

/** A module instance path: `module.a[0].module.b` → [{name:'a', key:'[0]'}, {name:'b', key:null}]. */
export type ModulePath = Step[];

/** Parses `module_address` (absent or '' for the root module). */
export function parseModulePath(address: string | undefined | null): ModulePath | null {
  if (!address) return [];
  const steps = parseSteps(address);
  if (!steps || steps.length % 2 !== 0) return null;
  const path: ModulePath = [];
  for (let i = 0; i < steps.length; i += 2) {
    if (steps[i]!.name !== 'module' || steps[i]!.key !== null) return null;
    path.push(steps[i + 1]!);
  }
  return path;
}

/** `module.a.module.b`, without instance keys: the key of a module in the configuration tree. */
export function configPathOf(path: ModulePath): string {
  return path.map((s) => `module.${s.name}`).join('.');
}

export function formatModulePath(path: ModulePath): string {
  return path.map((s) => `module.${s.name}${s.key ?? ''}`).join('.');
}

/** Matches a module instance against a pattern whose steps may have a wildcard key (`*`: any key). */
export const ANY_KEY = '*';
export function modulePathMatches(pattern: ModulePath, path: ModulePath): boolean {
  if (pattern.length !== path.length) return false;
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    const s = path[i]!;
    if (p.name !== s.name) return false;
    if (p.key !== ANY_KEY && p.key !== s.key) return false;
  }
  return true;
}

/** A reference from a configuration expression (`references` in plan JSON), by what it names. */
export type Reference =
  | { kind: 'var'; name: string }
  | { kind: 'local'; name: string }
  | { kind: 'module'; call: string; key: string | null; output: string | null }
  | { kind: 'resource'; type: string; name: string; key: string | null }
  | { kind: 'data' }
  /** count.index, each.key/value, path.*, terraform.*: known while planning. */
  | { kind: 'meta'; name: string }
  | { kind: 'other' };

const META_ROOTS = new Set(['count', 'each', 'path', 'terraform']);

export function parseReference(text: string): Reference {
  const steps = parseSteps(text);
  if (!steps) return { kind: 'other' };
  const [first, second, third] = steps;
  if (!first || !second) return { kind: 'other' };
  switch (first.name) {
    case 'var':
      return { kind: 'var', name: second.name };
    case 'local':
      return { kind: 'local', name: second.name };
    case 'module':
      return { kind: 'module', call: second.name, key: second.key, output: third?.name ?? null };
    case 'data':
      return { kind: 'data' };
    case 'self':
      return { kind: 'other' };
    default:
      if (META_ROOTS.has(first.name)) return { kind: 'meta', name: `${first.name}.${second.name}` };
      return { kind: 'resource', type: first.name, name: second.name, key: second.key };
  }
}

/**
 * The distinct objects an expression's `references` name. Terraform lists every step of a traversal
 * (`module.pg.name`, `module.pg`; `aws_x.a[0].id`, `aws_x.a[0]`, `aws_x.a`): keep the most specific.
 */
export function distinctReferences(references: readonly unknown[]): Reference[] {
  const parsed = references.filter((r): r is string => typeof r === 'string').map(parseReference);
  const out: Reference[] = [];
  const seen = new Set<string>();
  for (const ref of parsed) {
    if (ref.kind === 'module' && ref.output === null) {
      const specific = parsed.some((o) => o.kind === 'module' && o.call === ref.call && o.output !== null && (ref.key === null || o.key === ref.key));
      if (specific) continue;
    }
    if (ref.kind === 'resource' && ref.key === null) {
      const keyed = parsed.some((o) => o.kind === 'resource' && o.type === ref.type && o.name === ref.name && o.key !== null);
      if (keyed) continue;
    }
    const id = JSON.stringify(ref);
    if (!seen.has(id)) {
      seen.add(id);
      out.push(ref);
    }
  }
  return out;
}

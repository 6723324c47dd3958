// One pass over `resource_changes` picks the RDS resources and parameter groups, and an index over
// them answers the links between resources: by value (a group's name, a cluster's identifier)
// or, when the value is known only after apply, through the configuration's references.
import type { PlannedChange } from '../../model.js';
import { InputError } from '../../errors.js';
import { configPathOf, modulePathMatches, parseModulePath, parseSteps, type ModulePath } from './address.js';
import { PlanConfiguration } from './config.js';
import { isRecord, type ChangeJson, type ConfigResourceJson, type ResourceChangeJson, type Values } from './plan-types.js';

export const TRACKED_TYPES = [
  'aws_db_instance',
  'aws_rds_cluster',
  'aws_rds_cluster_instance',
  'aws_db_parameter_group',
  'aws_rds_cluster_parameter_group',
] as const;
export type TrackedType = (typeof TRACKED_TYPES)[number];
const TRACKED = new Set<string>(TRACKED_TYPES);
export const isTrackedType = (type: string): type is TrackedType => TRACKED.has(type);

/**
 * The one string for a tracked type. A parsed plan holds its own copy of "aws_db_instance" in
 * every resource change (V8 shares only strings of up to ten characters), and an entry would
 * keep that copy alive until the model is built.
 */
const TYPE_NAMES = new Map<string, TrackedType>(TRACKED_TYPES.map((type) => [type, type]));

export interface Entry {
  address: string;
  type: TrackedType;
  name: string;
  /** Instance key as written in the address (`[0]`, `["a"]`), or null. */
  key: string | null;
  /** The module instance the resource lives in. */
  path: ModulePath;
  configPath: string;
  action: PlannedChange['action'];
  before: Values | null;
  /** The read attributes of `after`, UNKNOWN for those `after_unknown` marks known only after apply. */
  after: Values;
  /** `after_unknown` is `true`: the whole object is known only after apply. */
  allUnknown: boolean;
  /** `after_unknown.parameter`: a parameter group's marks for each of its parameters. */
  parameterUnknowns: unknown;
  replacePaths: unknown;
  config: ConfigResourceJson | undefined;
}

/** What `read` returns for a value known only after apply. */
export const UNKNOWN = Symbol('known after apply');

/** A value of `after`: UNKNOWN until apply, else the value (null when unset). */
export function read(entry: Entry, attribute: string): unknown {
  if (entry.allUnknown) return UNKNOWN;
  return entry.after[attribute] ?? null;
}

/** A string argument: undefined when unknown until apply, null when unset or empty. */
export function readString(entry: Entry, attribute: string): string | null | undefined {
  const value = read(entry, attribute);
  if (value === UNKNOWN) return undefined;
  return typeof value === 'string' && value !== '' ? value : null;
}

export function beforeString(entry: Entry, attribute: string): string | null {
  const value = entry.before?.[attribute];
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * The attributes the model is built from. Entries keep only these, never whole `before`/`after`
 * objects: those hold passwords, and dropping the rest at once keeps large plans small in memory.
 */
const READ_ATTRIBUTES = [
  'address', 'apply_immediately', 'arn', 'ca_cert_identifier', 'ca_certificate_identifier', 'cluster_identifier',
  'db_cluster_instance_class', 'db_cluster_parameter_group_name', 'endpoint', 'engine', 'engine_version',
  'engine_version_actual', 'family', 'iam_database_authentication_enabled', 'identifier', 'instance_class', 'name',
  'name_prefix', 'parameter', 'parameter_group_name', 'region', 'replicate_source_db', 'tags', 'tags_all',
] as const;

const READ = new Set<string>(READ_ATTRIBUTES);

/**
 * The read attributes of `values`. Walks the object's own keys rather than looking up each read
 * attribute: a plan's values objects of one type share their key order, so this stays on V8's fast
 * paths (a lookup by each of 24 names on objects of many shapes does not), once per resource.
 */
function pick(values: Values): Values {
  const picked: Values = {};
  for (const attribute in values) if (READ.has(attribute)) picked[attribute] = values[attribute];
  return picked;
}

/**
 * The read attributes of `after`, with those `after_unknown` marks `true` set to UNKNOWN: one object
 * per resource rather than two (the `after_unknown` marks of a large plan take as much memory as
 * the values).
 */
function pickAfter(after: Values, unknowns: Values | null): Values {
  const picked = pick(after);
  if (unknowns) for (const attribute in unknowns) if (unknowns[attribute] === true && READ.has(attribute)) picked[attribute] = UNKNOWN;
  return picked;
}

/** The read attributes the rules decide on, by the JSON type the AWS provider gives them. */
const EXPECTED_TYPE: Readonly<Record<string, 'string' | 'boolean'>> = {
  ca_cert_identifier: 'string', ca_certificate_identifier: 'string', engine: 'string', engine_version: 'string',
  engine_version_actual: 'string', parameter_group_name: 'string', db_cluster_parameter_group_name: 'string', family: 'string',
  iam_database_authentication_enabled: 'boolean', apply_immediately: 'boolean',
};

/**
 * A value of another type is not something Terraform writes: reading it as "not set" would be a
 * guess (a CA that is an object is not the default CA), so the plan is rejected instead.
 */
function checkTypes(address: string, after: Values, file: string): void {
  for (const attribute in after) {
    const expected = EXPECTED_TYPE[attribute];
    const value = after[attribute];
    if (expected === undefined || value === null || value === UNKNOWN || typeof value === expected) continue;
    const got = Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : `the ${typeof value} ${JSON.stringify(value)}`;
    throw new InputError(`Terraform plan: ${address}: "${attribute}" is ${got}, not a ${expected}; is this \`terraform show -json\` output?`, { file });
  }
}

/** Reads the resource changes of one plan into entries. */
export class EntryReader {
  /** Parsed module addresses: a plan repeats a few of them many times. */
  private readonly modules = new Map<string, { path: ModulePath; configPath: string } | null>();

  constructor(
    private readonly config: PlanConfiguration,
    private readonly file: string,
  ) {}

  /**
   * One resource_change as an entry, or null when it is not evaluated: not a tracked managed
   * resource, or only being deleted (or forgotten).
   */
  read(rc: ResourceChangeJson): Entry | null {
    const { file } = this;
    const type = isRecord(rc) && typeof rc.type === 'string' ? TYPE_NAMES.get(rc.type) : undefined;
    if (!type) return null;
    if (rc.mode !== undefined && rc.mode !== 'managed') return null;
    if (rc.deposed !== undefined) return null; // an old object kept for create_before_destroy: being destroyed
    const change: ChangeJson | null = isRecord(rc.change) ? rc.change : null;
    const actions = change && Array.isArray(change.actions) ? change.actions : null;
    if (!change || !actions || typeof rc.address !== 'string') {
      throw new InputError(`Terraform plan: a resource change of type ${type} has no address or change.actions`, { file });
    }
    const action = actionOf(actions, change.importing !== undefined && change.importing !== null);
    if (action === null) return null;
    const located = this.locate(rc, rc.address);
    if (!located) throw new InputError(`Terraform plan: cannot read resource address ${JSON.stringify(rc.address)}`, { file });
    if (!isRecord(change.after)) {
      throw new InputError(`Terraform plan: ${rc.address} is planned (${actions.join(', ')}) without "after" values`, { file });
    }
    const { configPath } = located;
    const unknowns = isRecord(change.after_unknown) ? change.after_unknown : null;
    const after = pickAfter(change.after, unknowns);
    checkTypes(rc.address, after, file);
    return {
      address: rc.address,
      type,
      name: located.name,
      key: located.key,
      path: located.path,
      configPath,
      action,
      // Only an update compares before with after.
      before: action === 'update' && isRecord(change.before) ? pick(change.before) : null,
      after,
      allUnknown: change.after_unknown === true,
      parameterUnknowns: unknowns?.parameter,
      replacePaths: change.replace_paths,
      config: this.config.resource(configPath, type, located.name),
    };
  }

  /** Module instance, name and key of a managed resource, from `module_address`/`index` when given. */
  private locate(rc: ResourceChangeJson, address: string): { path: ModulePath; configPath: string; name: string; key: string | null } | null {
    if (typeof rc.name === 'string' && (rc.module_address === undefined || typeof rc.module_address === 'string')) {
      const moduleAddress = rc.module_address ?? '';
      let module = this.modules.get(moduleAddress);
      if (module === undefined) {
        const path = parseModulePath(moduleAddress);
        module = path ? { path, configPath: configPathOf(path) } : null;
        this.modules.set(moduleAddress, module);
      }
      const key = instanceKey(rc.index);
      // Old plans may lack module_address: then only a root address can be read this way.
      if (module && (rc.module_address !== undefined || !address.startsWith('module.'))) {
        return { path: module.path, configPath: module.configPath, name: rc.name, key };
      }
    }
    const steps = parseSteps(address);
    if (!steps) return null;
    const path: ModulePath = [];
    let i = 0;
    while (steps[i]?.name === 'module' && steps[i]!.key === null && steps[i + 1]) {
      path.push(steps[i + 1]!);
      i += 2;
    }
    const type = steps[i];
    const name = steps[i + 1];
    if (!type || !name || type.key !== null || i + 2 !== steps.length) return null;
    return { path, configPath: configPathOf(path), name: name.name, key: name.key };
  }
}

/** `count` keys, made once: every counted block in a plan has a `[0]`. */
const countKeys: string[] = [];

/** An instance key as an address writes it: `[0]`, `["a"]`; null without one. */
function instanceKey(index: unknown): string | null {
  if (typeof index === 'string') return `[${JSON.stringify(index)}]`;
  if (typeof index !== 'number') return null;
  if (Number.isInteger(index) && index >= 0 && index < 1024) return (countKeys[index] ??= `[${index}]`);
  return `[${index}]`;
}

/** `create`, `update`, a replacement, or nothing to evaluate (delete, forget). */
function actionOf(actions: unknown[], importing: boolean): PlannedChange['action'] | null {
  const deletes = actions.includes('delete');
  if (actions.includes('create')) return deletes ? 'replace' : 'create';
  if (actions.includes('update')) return 'update';
  if (actions.includes('no-op') || actions.includes('read')) return importing ? 'import' : 'no-op';
  return null; // delete, forget
}

export type Link = { entry: Entry; via: string } | { entry: null; reason: string };

const NONE: readonly Entry[] = Object.freeze([]);

export class PlanIndex {
  private readonly byType = new Map<TrackedType, Entry[]>();
  /** By type, then attribute, then value: built on first use of each type and attribute. */
  private readonly byValueCache = new Map<TrackedType, Map<string, Map<string, Entry[]>>>();
  /** Every instance of a resource block, by `configPath type.name`. */
  private readonly byBlock = new Map<string, Entry[]>();

  constructor(
    readonly entries: readonly Entry[],
    private readonly config: PlanConfiguration,
  ) {
    for (const type of TRACKED_TYPES) this.byType.set(type, []);
    for (const entry of entries) {
      this.byType.get(entry.type)!.push(entry);
      const block = `${entry.configPath} ${entry.type}.${entry.name}`;
      const instances = this.byBlock.get(block);
      if (instances) instances.push(entry);
      else this.byBlock.set(block, [entry]);
    }
  }

  ofType(type: TrackedType): readonly Entry[] {
    return this.byType.get(type)!;
  }

  /** Resources of a type whose known `attribute` equals `value` (group names, cluster identifiers, ARNs). */
  withValue(type: TrackedType, attribute: string, value: string): readonly Entry[] {
    let byAttribute = this.byValueCache.get(type);
    if (!byAttribute) this.byValueCache.set(type, (byAttribute = new Map()));
    let index = byAttribute.get(attribute);
    if (!index) {
      index = new Map();
      for (const entry of this.ofType(type)) {
        const known = readString(entry, attribute);
        if (!known) continue;
        const list = index.get(known);
        if (list) list.push(entry);
        else index.set(known, [entry]);
      }
      byAttribute.set(attribute, index);
    }
    return index.get(value) ?? NONE;
  }

  /**
   * The resource of `targetType` that an argument's value comes from, when the value is known only
   * after apply: follow the configuration's references (across module inputs and outputs). A
   * trail that ends in a local value (not in plan JSON) links only when exactly one candidate
   * exists in that module and below; any other unknown source makes the link unknown.
   */
  linkThroughConfiguration(entry: Entry, attribute: string, targetType: TrackedType): Link {
    const expression = PlanConfiguration.argument(entry.config, attribute);
    if (!this.config.present || !expression) {
      return { entry: null, reason: `${attribute} is known only after apply` };
    }
    const candidates = new Set<Entry>();
    const locals: string[] = [];
    for (const leaf of this.config.leaves(expression, entry.path)) {
      if (leaf.kind === 'static') continue;
      if (leaf.kind === 'dynamic') return { entry: null, reason: `${attribute} comes from ${leaf.what}, known only after apply` };
      if (leaf.kind === 'resource') {
        if (leaf.type !== targetType) {
          return { entry: null, reason: `${attribute} comes from ${leaf.type}.${leaf.name}, known only after apply` };
        }
        for (const candidate of this.byBlock.get(`${configPathOf(leaf.module)} ${targetType}.${leaf.name}`) ?? []) {
          if (modulePathMatches(leaf.module, candidate.path) && (leaf.key === null || leaf.key === candidate.key)) candidates.add(candidate);
        }
        continue;
      }
      const where = leaf.module.length ? configPathOf(leaf.module) : 'the root module';
      locals.push(`local.${leaf.name} in ${where}`);
      for (const candidate of this.ofType(targetType)) {
        const under = candidate.path.length >= leaf.module.length && modulePathMatches(leaf.module, candidate.path.slice(0, leaf.module.length));
        if (under) candidates.add(candidate);
      }
    }
    if (candidates.size === 1) {
      const [found] = candidates;
      const via = locals.length
        ? `configuration references through ${locals.join(', ')} (locals are not in plan JSON; the only ${targetType} there)`
        : 'configuration references';
      return { entry: found!, via };
    }
    if (candidates.size === 0) {
      return { entry: null, reason: `${attribute} is known only after apply, and its configuration names no ${targetType} in the plan` };
    }
    return { entry: null, reason: `${attribute} is known only after apply and may come from any of ${candidates.size} ${targetType} resources` };
  }
}

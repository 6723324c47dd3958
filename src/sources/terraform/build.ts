// Turns the selected plan entries into the model: DB instances, clusters and their members with
// the facts the rules need, each with where it was written. Only named attributes are copied:
// `before`/`after` hold passwords and must never reach the model.
import {
  known,
  unknown,
  type CaFacts,
  type DefaultParameterGroup,
  type Fact,
  type Location,
  type Origin,
  type ParameterGroup,
  type ParameterValue,
  type PlannedChange,
  type Resource,
  type RestartCause,
  type TlsFacts,
} from '../../model.js';
import type { PlanConfiguration } from './config.js';
import { beforeString, read, readString, UNKNOWN, type Entry, type PlanIndex, type TrackedType } from './entries.js';
import type { ResourceLocation, TerraformLocator } from './locate.js';
import { isRecord } from './plan-types.js';
import { ModelPool } from './pool.js';

/** Engines whose resources are not RDS databases (Neptune, DocumentDB share the RDS API). */
const NOT_RDS = new Set(['docdb', 'neptune']);
const ARN = /^arn:[^:]+:rds:([^:]*):([^:]*):/;

interface Context {
  file: string;
  config: PlanConfiguration;
  index: PlanIndex;
  locator: TerraformLocator;
  groups: Map<Entry, ParameterGroupBuilt>;
  /** Facts and the small parts of resources, one object each however many resources share them. */
  pool: ModelPool;
}

interface ParameterGroupBuilt {
  group: ParameterGroup;
  /** The `parameter` set itself is known only after apply. */
  parametersUnknown: boolean;
}

export function buildResources(ctx: Omit<Context, 'groups' | 'pool'>): Resource[] {
  const context: Context = { ...ctx, groups: new Map(), pool: new ModelPool(ctx.file) };
  const resources: Resource[] = [];
  for (const entry of ctx.index.entries) {
    let resource: Resource | null = null;
    if (entry.type === 'aws_db_instance') resource = dbInstance(entry, context);
    else if (entry.type === 'aws_rds_cluster') resource = dbCluster(entry, context);
    else if (entry.type === 'aws_rds_cluster_instance') resource = clusterMember(entry, context);
    if (resource) resources.push(resource);
  }
  return resources;
}

// Each kind is built as one object literal with every property it has, in one order: resources
// then have room for exactly their properties (a large plan has tens of thousands).

function dbInstance(entry: Entry, ctx: Context): Resource | null {
  const common = commonParts(entry, ctx, replicaSource(entry, ctx), 'replica source');
  if (!common) return null;
  const { loc } = common;
  return {
    id: entry.address,
    arn: common.arn,
    kind: 'db-instance',
    engine: common.engine,
    engineVersion: common.engineVersion,
    tags: common.tags,
    change: plannedChange(entry, ctx, loc, 'instance_class'),
    origin: common.origin,
    identifier: readString(entry, 'identifier') ?? null,
    endpoint: readString(entry, 'address') ?? readString(entry, 'endpoint') ?? null,
    ca: caFacts(entry, 'ca_cert_identifier', ctx, loc),
    tls: tlsFacts(entry, 'parameter_group_name', 'aws_db_parameter_group', ctx, loc),
    iamAuth: iamAuth(entry, ctx, loc),
  };
}

function dbCluster(entry: Entry, ctx: Context): Resource | null {
  const common = commonParts(entry, ctx, null, '');
  if (!common) return null;
  const { loc } = common;
  const multiAz = isMultiAz(entry, ctx);
  const parts = {
    id: entry.address,
    arn: common.arn,
    kind: 'db-cluster' as const,
    engine: common.engine,
    engineVersion: common.engineVersion,
    tags: common.tags,
    change: plannedChange(entry, ctx, loc, 'db_cluster_instance_class'),
    origin: common.origin,
    clusterType: multiAz ? ('multi-az' as const) : ('aurora' as const),
    identifier: readString(entry, 'cluster_identifier') ?? null,
    endpoint: readString(entry, 'endpoint') ?? null,
  };
  const tls = tlsFacts(entry, 'db_cluster_parameter_group_name', 'aws_rds_cluster_parameter_group', ctx, loc);
  const iamAuthFact = iamAuth(entry, ctx, loc);
  // The CA is per instance in Aurora; only Multi-AZ DB clusters set it on the cluster.
  if (!multiAz) return { ...parts, tls, iamAuth: iamAuthFact };
  return { ...parts, ca: caFacts(entry, 'ca_certificate_identifier', ctx, loc), tls, iamAuth: iamAuthFact };
}

function clusterMember(entry: Entry, ctx: Context): Resource | null {
  const cluster = memberCluster(entry, ctx);
  const common = commonParts(entry, ctx, cluster, 'cluster');
  if (!common) return null;
  const { loc } = common;
  const parts = {
    id: entry.address,
    arn: common.arn,
    kind: 'cluster-member' as const,
    engine: common.engine,
    engineVersion: common.engineVersion,
    tags: common.tags,
    change: plannedChange(entry, ctx, loc, 'instance_class'),
    origin: common.origin,
    clusterId: cluster?.address ?? null,
    identifier: readString(entry, 'identifier') ?? null,
    endpoint: readString(entry, 'endpoint') ?? null,
  };
  // Members of a Multi-AZ DB cluster take the CA from the cluster.
  if (cluster && isMultiAz(cluster, ctx)) return parts;
  return { ...parts, ca: caFacts(entry, 'ca_cert_identifier', ctx, loc) };
}

interface CommonParts {
  loc: ResourceLocation;
  arn: string | null;
  engine: Fact<string>;
  engineVersion: Fact<string | null>;
  tags: Record<string, string>;
  origin: Origin;
}

/**
 * The parts every kind has. Engine and version fall back to `from` (a replica's source, a
 * member's cluster). Null for engines that are not RDS databases.
 */
function commonParts(entry: Entry, ctx: Context, from: Entry | null, fromWhat: string): CommonParts | null {
  const loc = ctx.locator.resource(entry.configPath, entry.type, entry.name);
  const engine = engineOf(entry, ctx, loc, from, fromWhat);
  if (engine.known && NOT_RDS.has(engine.value)) return null;
  const arn = readString(entry, 'arn') ?? null;
  const fromArn = arn ? ARN.exec(arn) : null;
  return {
    loc,
    arn,
    engine,
    engineVersion: engineVersionOf(entry, ctx, loc, from, fromWhat),
    tags: tagsOf(entry),
    origin: ctx.pool.origin(
      loc.block,
      readString(entry, 'region') ?? ctx.config.region(entry.config, entry.configPath) ?? (fromArn?.[1] || null),
      fromArn?.[2] || null,
    ),
  };
}

/** A Multi-AZ DB cluster has a DB cluster instance class; Aurora clusters do not (and run aurora-* engines). */
function isMultiAz(entry: Entry, ctx: Context): boolean {
  const engine = readString(entry, 'engine');
  if (engine === 'mysql' || engine === 'postgres') return true;
  const instanceClass = readString(entry, 'db_cluster_instance_class');
  if (instanceClass !== undefined) return instanceClass !== null;
  return ctx.config.argumentState(entry.config, 'db_cluster_instance_class', entry.path) === 'set';
}

function engineOf(entry: Entry, ctx: Context, loc: ResourceLocation, from: Entry | null, fromWhat: string): Fact<string> {
  const at = loc.argument('engine');
  const own = readString(entry, 'engine');
  if (own) return ctx.pool.known(ctx.pool.lowerCase(own), at);
  const inherited = from ? readString(from, 'engine') : undefined;
  if (inherited) return ctx.pool.known(ctx.pool.lowerCase(inherited), at, `${fromWhat} ${from!.address}`);
  return ctx.pool.unknown(own === undefined ? 'engine is known only after apply' : 'engine is not set', at);
}

function engineVersionOf(entry: Entry, ctx: Context, loc: ResourceLocation, from: Entry | null, fromWhat: string): Fact<string | null> {
  const at = loc.argument('engine_version');
  const actual = readString(entry, 'engine_version_actual');
  if (actual) return ctx.pool.known(actual, at);
  const own = readString(entry, 'engine_version');
  if (own) return ctx.pool.known(own, at);
  if (from) {
    const inherited = readString(from, 'engine_version_actual') || readString(from, 'engine_version');
    if (inherited) return ctx.pool.known(inherited, at, `${fromWhat} ${from.address}`);
  }
  if (own === null) return ctx.pool.known(null, at, 'not set');
  return ctx.config.argumentState(entry.config, 'engine_version', entry.path) === 'unset'
    ? ctx.pool.known(null, at, 'not set in configuration')
    : ctx.pool.unknown('engine version is known only after apply', at);
}

/** The DB instance a read replica copies, when it is in the plan. */
function replicaSource(entry: Entry, ctx: Context): Entry | null {
  const source = readString(entry, 'replicate_source_db');
  if (source === null) return null;
  if (source === undefined) {
    const link = ctx.index.linkThroughConfiguration(entry, 'replicate_source_db', 'aws_db_instance');
    return link.entry;
  }
  const byId = ctx.index.withValue('aws_db_instance', 'identifier', source);
  const byArn = byId.length ? byId : ctx.index.withValue('aws_db_instance', 'arn', source);
  return byArn.length === 1 && byArn[0] !== entry ? byArn[0]! : null;
}

/** The aws_rds_cluster a cluster instance belongs to, when it is in the plan. */
function memberCluster(entry: Entry, ctx: Context): Entry | null {
  const identifier = readString(entry, 'cluster_identifier');
  if (identifier === null) return null;
  if (identifier === undefined) return ctx.index.linkThroughConfiguration(entry, 'cluster_identifier', 'aws_rds_cluster').entry;
  const clusters = ctx.index.withValue('aws_rds_cluster', 'cluster_identifier', identifier);
  return clusters.length === 1 ? clusters[0]! : null;
}

function caFacts(entry: Entry, attribute: string, ctx: Context, loc: ResourceLocation): CaFacts {
  const at = loc.argument(attribute);
  const value = readString(entry, attribute);
  let identifier: Fact<string | null>;
  if (value !== undefined) {
    identifier = value === null ? ctx.pool.known(null, at, 'not set') : ctx.pool.known(value, at);
  } else {
    const state = ctx.config.argumentState(entry.config, attribute, entry.path);
    identifier =
      state === 'unset'
        ? ctx.pool.known(null, at, 'not set in configuration')
        : ctx.pool.unknown(`${attribute} is known only after apply${state === 'unknown' ? ' (the plan has no configuration to tell whether it is set)' : ''}`, at);
  }
  // A CA change is a rotation of a running database: only on update (a new database has nothing to restart).
  if (entry.action === 'update') {
    const from = beforeString(entry, attribute);
    const changed = identifier.known ? identifier.value !== null && identifier.value !== from : true;
    if (changed) return { identifier, change: { from, to: identifier, pending: false, at } };
  }
  return ctx.pool.unchangedCa(identifier);
}

function tlsFacts(entry: Entry, attribute: string, groupType: TrackedType, ctx: Context, loc: ResourceLocation): TlsFacts {
  const at = loc.argument(attribute);
  const parameterGroup = parameterGroupFact(entry, attribute, groupType, ctx, at);
  // RDS applies a newly associated group's parameters (static and dynamic) only after a reboot,
  // and the provider does not reboot: the swap itself restarts nothing.
  const before = beforeString(entry, attribute);
  const after = readString(entry, attribute);
  if (entry.action === 'update' && before !== null && after !== before) return { parameterGroup, applyStatus: 'pending-reboot' };
  return ctx.pool.tls(parameterGroup);
}

function parameterGroupFact(entry: Entry, attribute: string, groupType: TrackedType, ctx: Context, at: Location): Fact<ParameterGroup | DefaultParameterGroup> {
  const name = readString(entry, attribute);
  if (name === null) return ctx.pool.known(ctx.pool.defaultGroup(null), at, 'not set');
  if (name !== undefined) {
    if (name.startsWith('default.')) return ctx.pool.known(ctx.pool.defaultGroup(name), at);
    const groups = ctx.index.withValue(groupType, 'name', name);
    if (groups.length === 1) return groupFact(groups[0]!, ctx, at);
    const link = ctx.index.linkThroughConfiguration(entry, attribute, groupType);
    if (link.entry) return groupFact(link.entry, ctx, at, link.via);
    if (groups.length > 1) return ctx.pool.unknown(`${groups.length} parameter groups in the plan are named "${name}"`, at);
    return ctx.pool.unknown(`parameter group "${name}" is not in the evaluated plan`, at);
  }
  const state = ctx.config.argumentState(entry.config, attribute, entry.path);
  if (state === 'unset') return ctx.pool.known(ctx.pool.defaultGroup(null), at, 'not set in configuration');
  const link = ctx.index.linkThroughConfiguration(entry, attribute, groupType);
  return link.entry ? groupFact(link.entry, ctx, at, link.via) : ctx.pool.unknown(link.reason, at);
}

function groupFact(groupEntry: Entry, ctx: Context, at: Location, via?: string): Fact<ParameterGroup> {
  const built = parameterGroup(groupEntry, ctx);
  if (built.parametersUnknown) return ctx.pool.unknown(`the parameters of ${groupEntry.address} are known only after apply`, at);
  return ctx.pool.known(built.group, at, via);
}

function parameterGroup(entry: Entry, ctx: Context): ParameterGroupBuilt {
  const cached = ctx.groups.get(entry);
  if (cached) return cached;
  const loc = ctx.locator.resource(entry.configPath, entry.type, entry.name);
  const name = readString(entry, 'name');
  const prefix = readString(entry, 'name_prefix');
  const family = readString(entry, 'family');
  const parametersRead = read(entry, 'parameter');
  const unknownParameters = entry.allUnknown ? null : entry.parameterUnknowns;
  const parameters: Record<string, ParameterValue> = {};
  if (Array.isArray(parametersRead)) {
    parametersRead.forEach((parameter, i) => {
      if (!isRecord(parameter) || typeof parameter.name !== 'string') return;
      const where = loc.parameter(parameter.name) ?? loc.block;
      const valueUnknown = Array.isArray(unknownParameters) && isRecord(unknownParameters[i]) && unknownParameters[i].value === true;
      const value: Fact<string> = valueUnknown
        ? unknown(`${parameter.name} is known only after apply`, where)
        : typeof parameter.value === 'string'
          ? known(parameter.value, where)
          : unknown(`${parameter.name} has no value`, where);
      const entryValue: ParameterValue = { name: parameter.name, value, at: where };
      if (parameter.apply_method === 'immediate' || parameter.apply_method === 'pending-reboot') entryValue.applyMethod = parameter.apply_method;
      parameters[parameter.name.toLowerCase()] = entryValue;
    });
  }
  const group: ParameterGroup = {
    id: entry.address,
    kind: entry.type === 'aws_rds_cluster_parameter_group' ? 'cluster' : 'db',
    name: name
      ? known(name, loc.argument('name'))
      : unknown(prefix ? `name is known only after apply (name_prefix "${prefix}")` : 'name is known only after apply', loc.argument(prefix ? 'name_prefix' : 'name')),
    family: family ? known(family, loc.argument('family')) : unknown(family === undefined ? 'family is known only after apply' : 'family is not set', loc.argument('family')),
    parameters,
    includesDefaults: false,
    location: loc.block,
  };
  const built = { group, parametersUnknown: parametersRead === UNKNOWN };
  ctx.groups.set(entry, built);
  return built;
}

function iamAuth(entry: Entry, ctx: Context, loc: ResourceLocation): Fact<boolean> {
  return booleanArgument(entry, 'iam_database_authentication_enabled', ctx, loc, 'not set');
}

/** A boolean argument whose unset value means false (the provider's default). */
function booleanArgument(entry: Entry, attribute: string, ctx: Context, loc: ResourceLocation, unsetVia: string): Fact<boolean> {
  const at = loc.argument(attribute);
  const value = read(entry, attribute);
  if (value !== UNKNOWN) return typeof value === 'boolean' ? ctx.pool.known(value, at) : ctx.pool.known(false, at, unsetVia);
  return ctx.config.argumentState(entry.config, attribute, entry.path) === 'unset'
    ? ctx.pool.known(false, at, 'not set in configuration')
    : ctx.pool.unknown(`${attribute} is known only after apply`, at);
}

function plannedChange(entry: Entry, ctx: Context, loc: ResourceLocation, classAttribute: string): PlannedChange {
  const causes: RestartCause[] = [];
  if (entry.action === 'replace') {
    const paths = Array.isArray(entry.replacePaths)
      ? entry.replacePaths.filter((p): p is unknown[] => Array.isArray(p) && p.length > 0).map((p) => p.join('.'))
      : [];
    causes.push({ reason: `replaced by a new database${paths.length ? `: ${paths.join(', ')} cannot change in place` : ''}`, at: loc.block });
  }
  if (entry.action === 'update') {
    const fromVersion = beforeString(entry, 'engine_version_actual') ?? beforeString(entry, 'engine_version');
    const configuredBefore = beforeString(entry, 'engine_version');
    const toVersion = readString(entry, 'engine_version');
    if (fromVersion && toVersion && toVersion !== configuredBefore && !fromVersion.startsWith(`${toVersion}.`)) {
      causes.push({ reason: `engine version upgrade ${fromVersion} → ${toVersion}`, at: loc.argument('engine_version') });
    }
    const fromClass = beforeString(entry, classAttribute);
    const toClass = readString(entry, classAttribute);
    if (fromClass && toClass && fromClass !== toClass) {
      causes.push({ reason: `instance class change ${fromClass} → ${toClass}`, at: loc.argument(classAttribute) });
    }
  }
  const applyImmediately = booleanArgument(entry, 'apply_immediately', ctx, loc, 'not set (provider default)');
  if (causes.length === 0) return ctx.pool.changeWithoutRestarts(entry.action, applyImmediately);
  return { action: entry.action, applyImmediately, restartCauses: causes };
}

function tagsOf(entry: Entry): Record<string, string> {
  for (const attribute of ['tags_all', 'tags']) {
    const value = read(entry, attribute);
    if (isRecord(value)) return onlyStrings(value);
  }
  return {};
}

/** The string-valued keys of a parsed object: the object itself when that is all of them (no copy). */
function onlyStrings(value: Record<string, unknown>): Record<string, string> {
  let all = true;
  for (const key in value) if (typeof value[key] !== 'string') all = false;
  if (all) return value as Record<string, string>;
  const strings: Record<string, string> = {};
  for (const key in value) if (typeof value[key] === 'string') strings[key] = value[key];
  return strings;
}

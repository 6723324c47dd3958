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

/** Engines whose resources are not RDS databases (Neptune, DocumentDB share the RDS API). */
const NOT_RDS = new Set(['docdb', 'neptune']);
const ARN = /^arn:[^:]+:rds:([^:]*):([^:]*):/;

interface Context {
  file: string;
  config: PlanConfiguration;
  index: PlanIndex;
  locator: TerraformLocator;
  groups: Map<Entry, ParameterGroupBuilt>;
}

interface ParameterGroupBuilt {
  group: ParameterGroup;
  /** The `parameter` set itself is known only after apply. */
  parametersUnknown: boolean;
}

export function buildResources(ctx: Omit<Context, 'groups'>): Resource[] {
  const context: Context = { ...ctx, groups: new Map() };
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

function dbInstance(entry: Entry, ctx: Context): Resource | null {
  const made = newResource(entry, ctx, 'db-instance', replicaSource(entry, ctx), 'replica source');
  if (!made) return null;
  const { resource, loc } = made;
  resource.identifier = readString(entry, 'identifier') ?? null;
  resource.endpoint = readString(entry, 'address') ?? readString(entry, 'endpoint') ?? null;
  resource.ca = caFacts(entry, 'ca_cert_identifier', ctx, loc);
  resource.tls = tlsFacts(entry, 'parameter_group_name', 'aws_db_parameter_group', ctx, loc);
  resource.iamAuth = iamAuth(entry, ctx, loc);
  resource.change = plannedChange(entry, ctx, loc, 'instance_class');
  return resource;
}

function dbCluster(entry: Entry, ctx: Context): Resource | null {
  const made = newResource(entry, ctx, 'db-cluster', null, '');
  if (!made) return null;
  const { resource, loc } = made;
  const multiAz = isMultiAz(entry, ctx);
  resource.clusterType = multiAz ? 'multi-az' : 'aurora';
  resource.identifier = readString(entry, 'cluster_identifier') ?? null;
  resource.endpoint = readString(entry, 'endpoint') ?? null;
  // The CA is per instance in Aurora; only Multi-AZ DB clusters set it on the cluster.
  if (multiAz) resource.ca = caFacts(entry, 'ca_certificate_identifier', ctx, loc);
  resource.tls = tlsFacts(entry, 'db_cluster_parameter_group_name', 'aws_rds_cluster_parameter_group', ctx, loc);
  resource.iamAuth = iamAuth(entry, ctx, loc);
  resource.change = plannedChange(entry, ctx, loc, 'db_cluster_instance_class');
  return resource;
}

function clusterMember(entry: Entry, ctx: Context): Resource | null {
  const cluster = memberCluster(entry, ctx);
  const made = newResource(entry, ctx, 'cluster-member', cluster, 'cluster');
  if (!made) return null;
  const { resource, loc } = made;
  resource.clusterId = cluster?.address ?? null;
  resource.identifier = readString(entry, 'identifier') ?? null;
  resource.endpoint = readString(entry, 'endpoint') ?? null;
  // Members of a Multi-AZ DB cluster take the CA from the cluster.
  if (!cluster || !isMultiAz(cluster, ctx)) resource.ca = caFacts(entry, 'ca_cert_identifier', ctx, loc);
  resource.change = plannedChange(entry, ctx, loc, 'instance_class');
  return resource;
}

/**
 * The parts every kind has. Engine and version fall back to `from` (a replica's source, a
 * member's cluster). Null for engines that are not RDS databases.
 */
function newResource(entry: Entry, ctx: Context, kind: Resource['kind'], from: Entry | null, fromWhat: string): { resource: Resource; loc: ResourceLocation } | null {
  const loc = ctx.locator.resource(entry.configPath, entry.type, entry.name);
  const engine = engineOf(entry, loc, from, fromWhat);
  if (engine.known && NOT_RDS.has(engine.value)) return null;
  const arn = readString(entry, 'arn') ?? null;
  const fromArn = arn ? ARN.exec(arn) : null;
  const resource: Resource = {
    id: entry.address,
    arn,
    kind,
    engine,
    engineVersion: engineVersionOf(entry, ctx, loc, from, fromWhat),
    tags: tagsOf(entry),
    change: null,
    origin: {
      type: 'terraform',
      file: ctx.file,
      region: readString(entry, 'region') ?? ctx.config.region(entry.config, entry.configPath) ?? (fromArn?.[1] || null),
      account: fromArn?.[2] || null,
      location: loc.block,
    },
  };
  return { resource, loc };
}

/** A Multi-AZ DB cluster has a DB cluster instance class; Aurora clusters do not (and run aurora-* engines). */
function isMultiAz(entry: Entry, ctx: Context): boolean {
  const engine = readString(entry, 'engine');
  if (engine === 'mysql' || engine === 'postgres') return true;
  const instanceClass = readString(entry, 'db_cluster_instance_class');
  if (instanceClass !== undefined) return instanceClass !== null;
  return ctx.config.argumentState(entry.config, 'db_cluster_instance_class', entry.path) === 'set';
}

function engineOf(entry: Entry, loc: ResourceLocation, from: Entry | null, fromWhat: string): Fact<string> {
  const at = loc.argument('engine');
  const own = readString(entry, 'engine');
  if (own) return known(own.toLowerCase(), at);
  const inherited = from ? readString(from, 'engine') : undefined;
  if (inherited) return known(inherited.toLowerCase(), at, `${fromWhat} ${from!.address}`);
  return unknown(own === undefined ? 'engine is known only after apply' : 'engine is not set', at);
}

function engineVersionOf(entry: Entry, ctx: Context, loc: ResourceLocation, from: Entry | null, fromWhat: string): Fact<string | null> {
  const at = loc.argument('engine_version');
  const actual = readString(entry, 'engine_version_actual');
  if (actual) return known(actual, at);
  const own = readString(entry, 'engine_version');
  if (own) return known(own, at);
  if (from) {
    const inherited = readString(from, 'engine_version_actual') || readString(from, 'engine_version');
    if (inherited) return known(inherited, at, `${fromWhat} ${from.address}`);
  }
  if (own === null) return known(null, at, 'not set');
  return ctx.config.argumentState(entry.config, 'engine_version', entry.path) === 'unset'
    ? known(null, at, 'not set in configuration')
    : unknown('engine version is known only after apply', at);
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
    identifier = value === null ? known(null, at, 'not set') : known(value, at);
  } else {
    const state = ctx.config.argumentState(entry.config, attribute, entry.path);
    identifier =
      state === 'unset'
        ? known(null, at, 'not set in configuration')
        : unknown(`${attribute} is known only after apply${state === 'unknown' ? ' (the plan has no configuration to tell whether it is set)' : ''}`, at);
  }
  // A CA change is a rotation of a running database: only on update (a new database has nothing to restart).
  let change: CaFacts['change'] = null;
  if (entry.action === 'update') {
    const from = beforeString(entry, attribute);
    const changed = identifier.known ? identifier.value !== null && identifier.value !== from : true;
    if (changed) change = { from, to: identifier, pending: false, at };
  }
  return { identifier, change };
}

function tlsFacts(entry: Entry, attribute: string, groupType: TrackedType, ctx: Context, loc: ResourceLocation): TlsFacts {
  const at = loc.argument(attribute);
  const tls: TlsFacts = { parameterGroup: parameterGroupFact(entry, attribute, groupType, ctx, at) };
  // RDS applies a newly associated group's parameters (static and dynamic) only after a reboot,
  // and the provider does not reboot: the swap itself restarts nothing.
  const before = beforeString(entry, attribute);
  const after = readString(entry, attribute);
  if (entry.action === 'update' && before !== null && after !== before) tls.applyStatus = 'pending-reboot';
  return tls;
}

function parameterGroupFact(entry: Entry, attribute: string, groupType: TrackedType, ctx: Context, at: Location): Fact<ParameterGroup | DefaultParameterGroup> {
  const name = readString(entry, attribute);
  const engineDefault = (via: string) => known<DefaultParameterGroup>({ default: true, name: null }, at, via);
  if (name === null) return engineDefault('not set');
  if (name !== undefined) {
    if (name.startsWith('default.')) return known<DefaultParameterGroup>({ default: true, name }, at);
    const groups = ctx.index.withValue(groupType, 'name', name);
    if (groups.length === 1) return groupFact(groups[0]!, ctx, at);
    const link = ctx.index.linkThroughConfiguration(entry, attribute, groupType);
    if (link.entry) return groupFact(link.entry, ctx, at, link.via);
    if (groups.length > 1) return unknown(`${groups.length} parameter groups in the plan are named "${name}"`, at);
    return unknown(`parameter group "${name}" is not in the evaluated plan`, at);
  }
  const state = ctx.config.argumentState(entry.config, attribute, entry.path);
  if (state === 'unset') return engineDefault('not set in configuration');
  const link = ctx.index.linkThroughConfiguration(entry, attribute, groupType);
  return link.entry ? groupFact(link.entry, ctx, at, link.via) : unknown(link.reason, at);
}

function groupFact(groupEntry: Entry, ctx: Context, at: Location, via?: string): Fact<ParameterGroup> {
  const built = parameterGroup(groupEntry, ctx);
  if (built.parametersUnknown) return unknown(`the parameters of ${groupEntry.address} are known only after apply`, at);
  return known(built.group, at, via);
}

function parameterGroup(entry: Entry, ctx: Context): ParameterGroupBuilt {
  const cached = ctx.groups.get(entry);
  if (cached) return cached;
  const loc = ctx.locator.resource(entry.configPath, entry.type, entry.name);
  const name = readString(entry, 'name');
  const prefix = readString(entry, 'name_prefix');
  const family = readString(entry, 'family');
  const parametersRead = read(entry, 'parameter');
  const unknownParameters = entry.afterUnknown === true ? null : entry.afterUnknown.parameter;
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
  if (value !== UNKNOWN) return typeof value === 'boolean' ? known(value, at) : known(false, at, unsetVia);
  return ctx.config.argumentState(entry.config, attribute, entry.path) === 'unset'
    ? known(false, at, 'not set in configuration')
    : unknown(`${attribute} is known only after apply`, at);
}

function plannedChange(entry: Entry, ctx: Context, loc: ResourceLocation, classAttribute: string): PlannedChange {
  const causes: RestartCause[] = [];
  if (entry.action === 'replace') {
    const paths = Array.isArray(entry.replacePaths)
      ? entry.replacePaths.filter((p): p is unknown[] => Array.isArray(p) && p.length > 0).map((p) => p.join('.'))
      : [];
    causes.push({ reason: `replaced (delete and create)${paths.length ? `: ${paths.join(', ')} cannot change in place` : ''}`, at: loc.block });
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
  return {
    action: entry.action,
    applyImmediately: booleanArgument(entry, 'apply_immediately', ctx, loc, 'not set (provider default)'),
    restartCauses: causes,
  };
}

function tagsOf(entry: Entry): Record<string, string> {
  for (const attribute of ['tags_all', 'tags']) {
    const value = read(entry, attribute);
    if (!isRecord(value)) continue;
    const tags: Record<string, string> = {};
    for (const key in value) if (typeof value[key] === 'string') tags[key] = value[key];
    return tags;
  }
  return {};
}

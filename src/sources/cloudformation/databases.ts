// AWS::RDS::DBInstance and AWS::RDS::DBCluster as model resources.
import { InputError } from '../../errors.js';
import { known, unknown, type Fact, type Resource, type ResourceKind } from '../../model.js';
import { TYPES, type Catalog, type Located, type Unit } from './catalog.js';
import { parameterGroupFact, sslOptionFact } from './groups.js';
import { entryOf, type CfnNode } from './nodes.js';
import { booleanFact, knownString, lower, NOT_SET, optionalString, readProp, stringFact } from './properties.js';
import type { ResourceDecl } from './template.js';

/** Engines on the RDS API that are not RDS databases. */
const NOT_RDS = new Set(['docdb', 'neptune']);

interface EngineFacts {
  engine: Fact<string>;
  version: Fact<string | null>;
}

export class DatabaseReader {
  private readonly engines = new Map<ResourceDecl, EngineFacts>();
  private readonly visiting: string[] = [];

  constructor(private readonly catalog: Catalog) {}

  /** The DB instances and clusters of `unit` that exist after deployment. */
  read(unit: Unit): Resource[] {
    const out: Resource[] = [];
    for (const decl of unit.template.resources.values()) {
      if (!this.catalog.exists(unit, decl)) continue;
      const resource =
        decl.type === TYPES.instance ? this.instance(unit, decl) : decl.type === TYPES.cluster ? this.cluster(unit, decl) : null;
      if (resource) out.push(resource);
    }
    return out;
  }

  private instance(unit: Unit, decl: ResourceDecl): Resource | null {
    const ev = unit.evaluator;
    const { engine, version } = this.engineOf(unit, decl);
    if (engine.known && NOT_RDS.has(engine.value)) return null;
    const clusterProp = readProp(ev, decl, 'DBClusterIdentifier');
    const kind: ResourceKind = clusterProp.absent ? 'db-instance' : 'cluster-member';
    const resource = this.base(unit, decl, kind, engine, version, 'DBInstanceIdentifier');
    resource.ca = {
      identifier: optionalString(ev, decl, 'CACertificateIdentifier'),
      rotationRestart: booleanFact(ev, decl, 'CertificateRotationRestart', null),
    };
    if (kind === 'cluster-member') {
      const cluster = this.locate(unit, decl, 'DBClusterIdentifier', TYPES.cluster);
      resource.clusterId = 'decl' in cluster ? cluster.decl.id : null;
      return resource; // TLS and IAM auth are the cluster's
    }
    resource.tls = { parameterGroup: parameterGroupFact(this.catalog, unit, decl, 'DBParameterGroupName') };
    if (engine.known && /^(custom-)?oracle/.test(engine.value)) resource.tls.sslOption = sslOptionFact(this.catalog, unit, decl);
    resource.iamAuth = booleanFact(ev, decl, 'EnableIAMDatabaseAuthentication', false)!;
    return resource;
  }

  private cluster(unit: Unit, decl: ResourceDecl): Resource | null {
    const ev = unit.evaluator;
    const { engine, version } = this.engineOf(unit, decl);
    if (engine.known && NOT_RDS.has(engine.value)) return null;
    // Only Multi-AZ DB clusters take DBClusterInstanceClass, and only they run mysql/postgres.
    const multiAz = engine.known ? !engine.value.startsWith('aurora') : !readProp(ev, decl, 'DBClusterInstanceClass').absent;
    const resource = this.base(unit, decl, 'db-cluster', engine, version, 'DBClusterIdentifier');
    resource.clusterType = multiAz ? 'multi-az' : 'aurora';
    // Aurora sets the CA per instance. The 2025 schema has no cluster CACertificateIdentifier;
    // a Multi-AZ cluster that sets one anyway is read, else the CA is not set.
    if (multiAz) resource.ca = { identifier: optionalString(ev, decl, 'CACertificateIdentifier') };
    resource.tls = { parameterGroup: parameterGroupFact(this.catalog, unit, decl, 'DBClusterParameterGroupName') };
    resource.iamAuth = booleanFact(ev, decl, 'EnableIAMDatabaseAuthentication', false)!;
    return resource;
  }

  private base(
    unit: Unit,
    decl: ResourceDecl,
    kind: ResourceKind,
    engine: Fact<string>,
    engineVersion: Fact<string | null>,
    identifierProperty: string,
  ): Resource {
    return {
      id: decl.id,
      arn: null,
      kind,
      engine,
      engineVersion,
      tags: this.tags(unit, decl),
      identifier: knownString(unit.evaluator, decl, identifierProperty),
      change: null,
      origin: { type: unit.type, file: unit.template.file, region: unit.region, account: unit.account, location: decl.at },
    };
  }

  /** Engine and version; a read replica or cluster member without them takes them from its source. */
  private engineOf(unit: Unit, decl: ResourceDecl): EngineFacts {
    const cached = this.engines.get(decl);
    if (cached) return cached;
    const label = `${decl.id} (${unit.template.file})`;
    if (this.visiting.includes(label)) {
      const loop = [...this.visiting.slice(this.visiting.indexOf(label)), label].join(' → ');
      throw new InputError(`databases take their engine from each other in a loop: ${loop}`, {
        file: unit.template.file,
        line: decl.at.line,
        column: decl.at.column,
      });
    }
    this.visiting.push(label);
    try {
      const facts = this.readEngine(unit, decl);
      this.engines.set(decl, facts);
      return facts;
    } finally {
      this.visiting.pop();
    }
  }

  private readEngine(unit: Unit, decl: ResourceDecl): EngineFacts {
    const ev = unit.evaluator;
    const engineProp = readProp(ev, decl, 'Engine');
    const versionProp = readProp(ev, decl, 'EngineVersion');
    const ownEngine = engineProp.absent ? null : lower(stringFact(engineProp, 'Engine'));
    const ownVersion = versionProp.absent ? null : stringFact(versionProp, 'EngineVersion');
    if (ownEngine && ownVersion) return { engine: ownEngine, version: ownVersion };

    // Where an engine or version that is not set comes from.
    const sources: [string, string][] =
      decl.type === TYPES.instance
        ? [['SourceDBInstanceIdentifier', TYPES.instance], ['DBClusterIdentifier', TYPES.cluster]]
        : [['SourceDBClusterIdentifier', TYPES.cluster]];
    for (const [property, type] of sources) {
      if (readProp(ev, decl, property).absent) continue;
      const source = this.locate(unit, decl, property, type);
      const at = entryOf(decl.properties, property)!.value.at;
      if (!('decl' in source)) {
        return {
          engine: ownEngine ?? unknown(`Engine is not set in template and ${source.reason}`, at),
          version: ownVersion ?? unknown(`EngineVersion is not set in template and ${source.reason}`, at),
        };
      }
      const inherited = this.engineOf(source.unit, source.decl);
      const via = `${property === 'DBClusterIdentifier' ? 'from cluster' : 'read replica of'} ${source.decl.id}`;
      return {
        engine: ownEngine ?? withVia(inherited.engine, via),
        version: ownVersion ?? withVia(inherited.version, via),
      };
    }
    const snapshot = ['DBSnapshotIdentifier', 'SnapshotIdentifier'].find((p) => !readProp(ev, decl, p).absent);
    return {
      engine: ownEngine ?? unknown(snapshot ? `Engine is not set in template (restored from ${snapshot})` : 'Engine is not set in template', decl.at),
      version: ownVersion ?? known<string | null>(null, versionProp.at, versionProp.absent ? (versionProp.via ?? NOT_SET) : undefined),
    };
  }

  /** The resource that `property` names: by Ref, or by a literal identifier or ARN in any evaluated template. */
  private locate(unit: Unit, decl: ResourceDecl, property: string, type: string): Located | { reason: string } {
    const prop = readProp(unit.evaluator, decl, property);
    if (prop.absent) return { reason: `${property} is not set` };
    const r = prop.resolved;
    if (r.kind === 'resource') {
      const target = unit.template.resources.get(r.id)!;
      if (target.type !== type) return { reason: `${property} refers to ${r.id}, a ${target.type}` };
      if (unit.removed.has(r.id)) return { reason: `${property} refers to ${r.id}, which the change set removes` };
      return { unit, decl: target };
    }
    const name = stringFact(prop, property);
    if (!name.known) return { reason: name.reason };
    // An ARN names the resource in its last segment: arn:aws:rds:region:account:db:name.
    const identifier = name.value.startsWith('arn:') ? name.value.split(':').pop()! : name.value;
    return this.catalog.findByName(type, identifier) ?? { reason: `${property} ${name.value} is not in the evaluated templates` };
  }

  private tags(unit: Unit, decl: ResourceDecl): Record<string, string> {
    const ev = unit.evaluator;
    const entry = entryOf(decl.properties, 'Tags');
    const chosen = entry ? ev.select(entry.value) : undefined;
    const tags: Record<string, string> = {};
    if (!chosen?.node || chosen.node.type !== 'seq') return tags;
    for (const item of chosen.node.items) {
      const tag = ev.select(item).node;
      if (!tag || tag.type !== 'map') continue;
      const key = resolvedText(unit, entryOf(tag, 'Key')?.value);
      const value = resolvedText(unit, entryOf(tag, 'Value')?.value);
      // A tag whose key or value is known only at deploy time cannot be matched by a policy selector.
      if (key !== null && value !== null) tags[key] = value;
    }
    return tags;
  }
}

function resolvedText(unit: Unit, node: CfnNode | undefined): string | null {
  if (!node) return null;
  const r = unit.evaluator.resolveString(node, 'tag');
  return r.kind === 'value' ? (r.value as string) : null;
}

function withVia<T>(fact: Fact<T>, via: string): Fact<T> {
  if (!fact.known) return { ...fact, reason: `${via}: ${fact.reason}` };
  return { ...fact, via: fact.via ? `${via}; ${fact.via}` : via };
}

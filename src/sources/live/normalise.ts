// Raw AWS facts (live or from a snapshot) → the model. One function for both, so `check --snapshot`
// gives what `check --live` gave when the snapshot was taken.
import type {
  CaChange,
  CaFacts,
  CertificateFact,
  EngineVersionFact,
  Fact,
  Location,
  ParameterGroup,
  ParameterValue,
  Resource,
  SourceError,
  SourceResult,
  TlsFacts,
} from '../../model.js';
import { known, noLocation, unknown } from '../../model.js';
import { isRdsDatabaseEngine, tlsOption, tlsParameter, usesOptionGroupTls } from './engines.js';
import type {
  RawDBCluster,
  RawDBInstance,
  RawEngineVersion,
  RawParameterGroup,
  RawTag,
  RegionFacts,
} from './raw.js';
import { CA_ROTATION_ACTION } from './raw.js';

export interface NormaliseOrigin {
  type: 'live' | 'snapshot';
  /** The snapshot file; null for live. */
  file: string | null;
}

export interface CapturedFacts {
  regions: RegionFacts[];
  errors: SourceError[];
  unavailable: SourceError[];
}

function engineFact(engine: string | undefined, via: string): Fact<string> {
  return engine ? known(engine.toLowerCase(), undefined, via) : unknown(`${via} gives no Engine`);
}

export function engineVersionFact(raw: RawEngineVersion, source: string): EngineVersionFact {
  return {
    engine: raw.Engine.toLowerCase(),
    version: raw.EngineVersion,
    supportsCertificateRotationWithoutRestart: raw.SupportsCertificateRotationWithoutRestart ?? null,
    supportedCAs: raw.SupportedCACertificateIdentifiers ?? null,
    parameterGroupFamily: raw.DBParameterGroupFamily ?? null,
    source,
  };
}

function accountOf(arn: string | undefined): string | null {
  const account = arn?.split(':')[4];
  return account ? account : null;
}

function tagsOf(list: RawTag[] | undefined): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const tag of list ?? []) if (tag.Key) tags[tag.Key] = tag.Value ?? '';
  return tags;
}

/** Cluster parameter group status seen by the members: pending-reboot on any member wins. */
function clusterApplyStatus(cluster: RawDBCluster): string | null {
  const statuses = (cluster.DBClusterMembers ?? []).flatMap((m) => (m.DBClusterParameterGroupStatus ? [m.DBClusterParameterGroupStatus] : []));
  if (statuses.length === 0) return null;
  return statuses.find((s) => s === 'pending-reboot') ?? statuses.find((s) => s !== 'in-sync') ?? statuses[0]!;
}

/** Reads the target CA out of a maintenance action's description, where AWS names one. */
function caNamedIn(description: string | undefined): string | null {
  return description?.match(/\brds-ca-[a-z0-9-]*[a-z0-9]\b/i)?.[0]?.toLowerCase() ?? null;
}

class RegionNormaliser {
  private readonly location: Location;
  private readonly engineVersions = new Map<string, RawEngineVersion>();
  private readonly groups = new Map<string, RawParameterGroup>();
  private readonly groupObjects = new Map<string, ParameterGroup>();
  private readonly clusters = new Map<string, RawDBCluster>();
  private readonly instances = new Map<string, RawDBInstance>();
  private readonly rotations = new Map<string, { Action?: string; Description?: string }[]>();

  constructor(
    private readonly facts: RegionFacts,
    private readonly origin: NormaliseOrigin,
  ) {
    this.location = noLocation(origin.file);
    for (const v of facts.engineVersions ?? []) this.engineVersions.set(`${v.Engine.toLowerCase()} ${v.EngineVersion}`, v);
    for (const g of facts.dbParameterGroups) this.groups.set(`db ${g.name}`, g);
    for (const g of facts.dbClusterParameterGroups) this.groups.set(`cluster ${g.name}`, g);
    for (const c of facts.dbClusters) this.clusters.set(c.DBClusterIdentifier, c);
    for (const i of facts.dbInstances) this.instances.set(i.DBInstanceIdentifier, i);
    for (const p of facts.pendingMaintenanceActions ?? []) this.rotations.set(p.ResourceIdentifier, p.PendingMaintenanceActionDetails);
  }

  private get region(): string {
    return this.facts.region;
  }

  private via(api: string): string {
    return `${api} ${this.region}`;
  }

  resources(): Resource[] {
    const rds = <T extends { Engine?: string }>(list: T[]) => list.filter((r) => isRdsDatabaseEngine(r.Engine));
    return [...rds(this.facts.dbClusters).map((c) => this.cluster(c)), ...rds(this.facts.dbInstances).map((i) => this.instance(i))];
  }

  certificates(): CertificateFact[] {
    const certificates = this.facts.certificates;
    if (!certificates) return [];
    const defaultCa = certificates.DefaultCertificateForNewLaunches?.toLowerCase();
    return certificates.Certificates.map((c) => {
      const fact: CertificateFact = { identifier: c.CertificateIdentifier, validTill: c.ValidTill ?? null, region: this.region };
      if (defaultCa) fact.defaultForNewLaunches = c.CertificateIdentifier.toLowerCase() === defaultCa;
      return fact;
    });
  }

  engineVersionFacts(): EngineVersionFact[] {
    return (this.facts.engineVersions ?? []).map((v) => engineVersionFact(v, this.via('DescribeDBEngineVersions')));
  }

  private base(identifier: string, arn: string | undefined, kind: Resource['kind'], api: string, raw: RawDBInstance | RawDBCluster): Resource {
    return {
      id: identifier,
      arn: arn ?? null,
      kind,
      engine: engineFact(raw.Engine, this.via(api)),
      engineVersion: known(raw.EngineVersion ?? null, undefined, this.via(api)),
      tags: tagsOf(raw.TagList),
      identifier,
      endpoint: null,
      change: null,
      origin: { type: this.origin.type, file: this.origin.file, region: this.region, account: accountOf(arn), location: this.location },
    };
  }

  private instance(db: RawDBInstance): Resource {
    const api = 'DescribeDBInstances';
    const clusterId = db.DBClusterIdentifier;
    const resource = this.base(db.DBInstanceIdentifier, db.DBInstanceArn, clusterId ? 'cluster-member' : 'db-instance', api, db);
    resource.endpoint = db.Endpoint?.Address ?? null;
    if (clusterId) {
      resource.clusterId = clusterId;
      // The CA of a Multi-AZ DB cluster is the cluster's; an Aurora instance has its own.
      if (this.clusterTypeOf(clusterId, db.Engine) === 'aurora') resource.ca = this.instanceCa(db);
      return resource;
    }
    resource.ca = this.instanceCa(db);
    resource.tls = this.instanceTls(db);
    resource.iamAuth = known(db.IAMDatabaseAuthenticationEnabled ?? false, undefined, this.via(api));
    return resource;
  }

  private cluster(cluster: RawDBCluster): Resource {
    const api = 'DescribeDBClusters';
    const resource = this.base(cluster.DBClusterIdentifier, cluster.DBClusterArn, 'db-cluster', api, cluster);
    resource.clusterType = cluster.DBClusterInstanceClass ? 'multi-az' : 'aurora';
    resource.endpoint = cluster.Endpoint ?? null;
    if (resource.clusterType === 'multi-az') resource.ca = this.multiAzCa(cluster);
    resource.tls = {
      parameterGroup: this.groupFact('cluster', cluster.DBClusterParameterGroup, cluster.Engine, cluster.EngineVersion, cluster.DBClusterIdentifier),
      applyStatus: clusterApplyStatus(cluster),
    };
    resource.iamAuth = known(cluster.IAMDatabaseAuthenticationEnabled ?? false, undefined, this.via(api));
    return resource;
  }

  /** Aurora engines make Aurora clusters; when the cluster was not read, the member's engine tells. */
  private clusterTypeOf(clusterId: string, engine: string | undefined): 'aurora' | 'multi-az' {
    const cluster = this.clusters.get(clusterId);
    if (cluster) return cluster.DBClusterInstanceClass ? 'multi-az' : 'aurora';
    return (engine ?? '').toLowerCase().startsWith('aurora') ? 'aurora' : 'multi-az';
  }

  private caValidTill(identifier: string | null): string | undefined {
    if (!identifier) return undefined;
    const id = identifier.toLowerCase();
    return this.facts.certificates?.Certificates.find((c) => c.CertificateIdentifier.toLowerCase() === id)?.ValidTill;
  }

  /** A pending CA change: `PendingModifiedValues` names the target; a maintenance action may not. */
  private pendingChange(arn: string | undefined, current: string | null, pendingCa: string | undefined, pendingVia: string): CaChange | null | undefined {
    if (pendingCa) return { from: current, to: known(pendingCa, undefined, pendingVia), pending: true };
    if (this.facts.pendingMaintenanceActions === null) return undefined;
    const rotation = arn ? this.rotations.get(arn)?.find((a) => a.Action === CA_ROTATION_ACTION) : undefined;
    if (!rotation) return null;
    const named = caNamedIn(rotation.Description);
    const via = this.via('DescribePendingMaintenanceActions');
    return {
      from: current,
      to: named ? known(named, undefined, via) : unknown(`the pending ${CA_ROTATION_ACTION} maintenance action (${via}) does not name the target CA`),
      pending: true,
    };
  }

  private caFacts(identifier: Fact<string | null>, serverCertValidTill: string | undefined, change: CaChange | null | undefined): CaFacts {
    const ca: CaFacts = { identifier, serverCertValidTill: serverCertValidTill ?? null };
    const validTill = identifier.known ? this.caValidTill(identifier.value) : undefined;
    if (validTill) ca.caValidTill = validTill;
    if (change !== undefined) ca.change = change;
    return ca;
  }

  private instanceCa(db: RawDBInstance): CaFacts {
    const via = this.via('DescribeDBInstances');
    const current = db.CACertificateIdentifier ?? null;
    const change = this.pendingChange(db.DBInstanceArn, current, db.PendingModifiedValues?.CACertificateIdentifier, `${via} PendingModifiedValues`);
    return this.caFacts(known(current, undefined, via), db.CertificateDetails?.ValidTill, change);
  }

  private multiAzCa(cluster: RawDBCluster): CaFacts {
    const own = cluster.CertificateDetails?.CAIdentifier;
    const member = (cluster.DBClusterMembers ?? [])
      .map((m) => (m.DBInstanceIdentifier ? this.instances.get(m.DBInstanceIdentifier) : undefined))
      .find((m) => m?.CACertificateIdentifier);
    let identifier: Fact<string | null>;
    let serverCertValidTill = cluster.CertificateDetails?.ValidTill;
    if (own) identifier = known(own, undefined, this.via('DescribeDBClusters'));
    else if (member) {
      // All instances of a Multi-AZ DB cluster carry the cluster's CA.
      identifier = known(member.CACertificateIdentifier!, undefined, `${this.via('DescribeDBInstances')} (member ${member.DBInstanceIdentifier})`);
      serverCertValidTill ??= member.CertificateDetails?.ValidTill;
    } else {
      identifier = unknown(`${this.via('DescribeDBClusters')} gives no CertificateDetails for the Multi-AZ DB cluster, and no member instance was read`);
    }
    const current = identifier.known ? identifier.value : null;
    const change = this.pendingChange(
      cluster.DBClusterArn,
      current,
      cluster.PendingModifiedValues?.CertificateDetails?.CAIdentifier,
      `${this.via('DescribeDBClusters')} PendingModifiedValues`,
    );
    return this.caFacts(identifier, serverCertValidTill, change);
  }

  private instanceTls(db: RawDBInstance): TlsFacts {
    const membership = db.DBParameterGroups?.[0];
    const tls: TlsFacts = {
      parameterGroup: this.groupFact('db', membership?.DBParameterGroupName, db.Engine, db.EngineVersion, db.DBInstanceIdentifier),
      applyStatus: membership?.ParameterApplyStatus ?? null,
    };
    if (usesOptionGroupTls(db.Engine)) tls.sslOption = this.sslOption(db);
    return tls;
  }

  private sslOption(db: RawDBInstance): Fact<boolean> {
    const option = tlsOption(db.Engine) ?? 'SSL';
    const via = this.via('DescribeOptionGroups');
    const names = (db.OptionGroupMemberships ?? []).flatMap((m) => (m.OptionGroupName ? [m.OptionGroupName] : []));
    if (names.length === 0) return known(false, undefined, `${this.via('DescribeDBInstances')}: no option group`);
    let has = false;
    for (const name of names) {
      const group = this.facts.optionGroups.find((g) => g.name === name);
      if (!group) return unknown(`option group ${name} was not read`);
      if (group.unreadable !== undefined) return unknown(group.unreadable);
      has ||= (group.options ?? []).some((o) => o.toUpperCase() === option.toUpperCase());
    }
    return known(has, undefined, via);
  }

  private groupFact(
    kind: 'db' | 'cluster',
    name: string | undefined,
    engine: string | undefined,
    engineVersion: string | undefined,
    owner: string,
  ): Fact<ParameterGroup> {
    const api = kind === 'db' ? 'DescribeDBInstances' : 'DescribeDBClusters';
    const what = kind === 'db' ? 'DB parameter group' : 'DB cluster parameter group';
    if (!name) return unknown(`${this.via(api)} gives no ${what} for ${owner}`);
    if (!tlsParameter(engine)) {
      const why = usesOptionGroupTls(engine) ? `${engine} enforces TLS with an option, not a parameter` : `no TLS parameter is known for engine ${engine ?? '(none)'}`;
      return unknown(`${what} ${name} was not read: ${why}`);
    }
    const raw = this.groups.get(`${kind} ${name}`);
    if (!raw) return unknown(`${what} ${name} was not read`);
    if (raw.unreadable !== undefined || !raw.parameters) return unknown(raw.unreadable ?? `${what} ${name} was not read`);
    const key = `${kind} ${name}`;
    let group = this.groupObjects.get(key);
    if (!group) {
      group = this.parameterGroup(kind, raw, engine, engineVersion);
      this.groupObjects.set(key, group);
    }
    return known(group, undefined, this.via(kind === 'db' ? 'DescribeDBParameters' : 'DescribeDBClusterParameters'));
  }

  private parameterGroup(kind: 'db' | 'cluster', raw: RawParameterGroup, engine: string | undefined, engineVersion: string | undefined): ParameterGroup {
    const api = kind === 'db' ? 'DescribeDBParameters' : 'DescribeDBClusterParameters';
    const via = this.via(api);
    const parameters: Record<string, ParameterValue> = {};
    for (const p of raw.parameters ?? []) {
      // A parameter listed without a value is unset: the engine default applies, as if absent.
      if (p.ParameterValue === undefined) continue;
      const value: ParameterValue = { name: p.ParameterName, value: known(p.ParameterValue, undefined, via) };
      if (p.ApplyType === 'static' || p.ApplyType === 'dynamic') value.applyType = p.ApplyType;
      if (p.ApplyMethod === 'immediate' || p.ApplyMethod === 'pending-reboot') value.applyMethod = p.ApplyMethod;
      if (p.Source) value.source = p.Source;
      parameters[p.ParameterName.toLowerCase()] = value;
    }
    return {
      id: raw.name,
      kind,
      name: known(raw.name, undefined, via),
      family: this.familyOf(raw.name, engine, engineVersion),
      parameters,
      // No `Source` filter: AWS lists engine defaults too, so what is listed is what is in effect.
      includesDefaults: true,
      location: this.location,
    };
  }

  /** The group's family: the engine version's `DBParameterGroupFamily` (a group only serves its family). */
  private familyOf(name: string, engine: string | undefined, engineVersion: string | undefined): Fact<string> {
    const version = engine && engineVersion ? this.engineVersions.get(`${engine.toLowerCase()} ${engineVersion}`) : undefined;
    if (version?.DBParameterGroupFamily) return known(version.DBParameterGroupFamily, undefined, this.via('DescribeDBEngineVersions'));
    if (name.startsWith('default.')) return known(name.slice('default.'.length), undefined, 'default parameter group name');
    return unknown(`no DescribeDBEngineVersions facts for ${engine ?? '(no engine)'} ${engineVersion ?? ''}`.trim());
  }
}

/** Raw facts of every region → one SourceResult. */
export function normalise(captured: CapturedFacts, origin: NormaliseOrigin): SourceResult {
  const regions = captured.regions.map((facts) => new RegionNormaliser(facts, origin));
  const result: SourceResult = {
    resources: regions.flatMap((r) => r.resources()),
    errors: [...captured.errors],
    engineVersions: regions.flatMap((r) => r.engineVersionFacts()),
    certificates: regions.flatMap((r) => r.certificates()),
  };
  if (captured.unavailable.length > 0) result.unavailable = [...captured.unavailable];
  return result;
}

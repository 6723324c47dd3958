// The one model every source produces and every rule reads. Rules never see raw input.

export type SourceType = 'terraform' | 'cloudformation' | 'changeset' | 'live' | 'snapshot';

/** A position in a user's file. `line`/`column` are 1-based, null where the source has no lines. */
export interface Location {
  file: string | null;
  line: number | null;
  column: number | null;
}

/**
 * Unknown is a value: a fact is either known, with where it came from, or unknown with the reason.
 * `via` names how it was learnt when that is not a file position ("DescribeDBInstances",
 * "not set in configuration", "engine default").
 */
export type Fact<T> =
  | { known: true; value: T; at?: Location; via?: string }
  | { known: false; reason: string; at?: Location };

// Each variant is one object literal, not a literal plus properties added after: a fact then has
// room for exactly its properties, where adding some would give it a second, growable store
// (a large fleet has hundreds of thousands of facts).
export function known<T>(value: T, at?: Location, via?: string): Fact<T> {
  if (at) return via ? { known: true, value, at, via } : { known: true, value, at };
  return via ? { known: true, value, via } : { known: true, value };
}

export function unknown<T = never>(reason: string, at?: Location): Fact<T> {
  return at ? { known: false, reason, at } : { known: false, reason };
}

export function noLocation(file: string | null = null): Location {
  return { file, line: null, column: null };
}

export type ResourceKind = 'db-instance' | 'db-cluster' | 'cluster-member';

/** Where a resource came from. `location` points at the resource itself (block, logical id). */
export interface Origin {
  type: SourceType;
  file: string | null;
  region: string | null;
  account: string | null;
  location: Location;
}

/** One parameter as a source saw it. `value` is the raw string (numbers from YAML are stringified). */
export interface ParameterValue {
  name: string;
  value: Fact<string>;
  /** 'static' parameters need a reboot to take effect. */
  applyType?: 'static' | 'dynamic';
  applyMethod?: 'immediate' | 'pending-reboot';
  /** Live only: 'user' when set by the user; 'system'/'engine-default' when it is the family default. */
  source?: string;
  at?: Location;
}

export interface ParameterGroup {
  /** Id in its source: Terraform address, CloudFormation logical id, or the group name for live. */
  id: string;
  kind: 'db' | 'cluster';
  name: Fact<string>;
  family: Fact<string>;
  /** By lower-cased parameter name. */
  parameters: Record<string, ParameterValue>;
  /**
   * True when `parameters` lists every parameter including engine defaults (live API), so a missing
   * parameter is really absent; false for IaC, where only parameters the user set are listed.
   */
  includesDefaults: boolean;
  location: Location;
}

/** The engine's default parameter group (`default.postgres15`): nothing set by the user. */
export interface DefaultParameterGroup {
  default: true;
  name: string | null;
}

export interface TlsFacts {
  /**
   * The parameter group that decides TLS enforcement: the instance's DB parameter group, or for
   * Aurora and Multi-AZ DB clusters the cluster parameter group (set on the db-cluster resource).
   */
  parameterGroup: Fact<ParameterGroup | DefaultParameterGroup>;
  /** Live: `ParameterApplyStatus` / `DBClusterParameterGroupStatus` ('in-sync', 'pending-reboot', …). */
  applyStatus?: string | null;
  /** Oracle: whether the option group carries the `SSL` option. */
  sslOption?: Fact<boolean>;
}

export interface CaChange {
  from: string | null;
  /**
   * Set, with the reason, when the source does not tell the previous CA (a change set described
   * without `--include-property-values`): `from` is then null for "not told", not "not set".
   */
  fromUnknown?: string;
  to: Fact<string | null>;
  /** Live: the change is pending (`PendingModifiedValues`, maintenance action), not in a plan. */
  pending: boolean;
  at?: Location;
}

export interface CaFacts {
  /**
   * The CA identifier the resource has, or will have once the evaluated change is applied.
   * Known `null` means not set: the account default applies, which the policy's
   * `ca.assume-default` stands in for.
   */
  identifier: Fact<string | null>;
  /** CA expiry as the source reported it (live `DescribeCertificates`); else the shipped CA data is used. */
  caValidTill?: string | null;
  /** Server certificate expiry (`CertificateDetails.ValidTill`), where known. ISO 8601. */
  serverCertValidTill?: string | null;
  /** A CA change in the evaluated plan or change set, or pending on the live resource. */
  change?: CaChange | null;
  /** `CertificateRotationRestart` (CloudFormation property / ModifyDBInstance flag) when set. */
  rotationRestart?: Fact<boolean> | null;
}

/** Something in the evaluated change, other than the CA rotation, that restarts or replaces the database. */
export interface RestartCause {
  reason: string;
  at?: Location;
  /** It may restart the database, or not: the prediction is unknown unless another cause is certain. */
  uncertain?: true;
}

/** What a Terraform plan or a change set does to the resource. Null for live and snapshot. */
export interface PlannedChange {
  action: 'create' | 'update' | 'replace' | 'no-op' | 'import';
  /** Terraform `apply_immediately`; CloudFormation always applies immediately. */
  applyImmediately?: Fact<boolean>;
  /** Restarts the source can see other than the CA rotation (replacement, engine upgrade, static parameter group swap). */
  restartCauses: RestartCause[];
}

export interface Resource {
  /** Terraform address, CloudFormation logical id, or the DB instance / cluster identifier (live, snapshot). */
  id: string;
  arn: string | null;
  kind: ResourceKind;
  /** For db-cluster resources. */
  clusterType?: 'aurora' | 'multi-az';
  /** For cluster-member resources: the id of its db-cluster resource in the same source, when known. */
  clusterId?: string | null;
  /** Lower-cased. */
  engine: Fact<string>;
  /** Known null when not set (AWS picks the default version). */
  engineVersion: Fact<string | null>;
  tags: Record<string, string>;
  /** AWS identifier where known (`demodb`), for the inventory. */
  identifier?: string | null;
  endpoint?: string | null;
  /** Absent where the CA is not set on this kind (Aurora db-cluster; member of a Multi-AZ DB cluster). */
  ca?: CaFacts;
  /** Absent on cluster members: TLS is decided by the cluster. */
  tls?: TlsFacts;
  /** Absent on cluster members: IAM auth is decided by the cluster. */
  iamAuth?: Fact<boolean>;
  change: PlannedChange | null;
  origin: Origin;
}

/** Engine-version facts from `DescribeDBEngineVersions` (AWS, a file, or the shipped data). */
export interface EngineVersionFact {
  engine: string;
  version: string;
  supportsCertificateRotationWithoutRestart: boolean | null;
  supportedCAs: string[] | null;
  parameterGroupFamily?: string | null;
  /** Where this came from: "DescribeDBEngineVersions us-east-1", a file path, or the shipped data's source. */
  source: string;
}

/** CA facts from `DescribeCertificates`. */
export interface CertificateFact {
  identifier: string;
  validTill: string | null;
  region: string | null;
  /** True when this CA is `DefaultCertificateForNewLaunches` in that region. */
  defaultForNewLaunches?: boolean;
}

/** A part of a source that could not be read; the rest is still evaluated (exit code 3). */
export interface SourceError {
  source: string;
  message: string;
}

export interface SourceResult {
  resources: Resource[];
  errors: SourceError[];
  engineVersions?: EngineVersionFact[];
  certificates?: CertificateFact[];
  /**
   * Optional facts not read because IAM denies the API (live: DescribeDBEngineVersions,
   * DescribeCertificates, DescribePendingMaintenanceActions, DescribeOptionGroups), e.g.
   * `{source: "us-east-1 DescribeDBEngineVersions", message: "AccessDenied: …"}`. The facts they
   * would give fall back (shipped data) or stay unknown; unlike `errors`, the run is not incomplete.
   */
  unavailable?: SourceError[];
}

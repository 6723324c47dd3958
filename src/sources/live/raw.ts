// The raw AWS facts a scan keeps: the Describe* members the normaliser reads, with their AWS names,
// timestamps as ISO strings. Live scans and snapshot files hold exactly this, so both run the same
// normaliser. Nothing else from the responses is kept (no endpoints' credentials, no master user data).
import type {
  Certificate,
  DBCluster,
  DBEngineVersion,
  DBInstance,
  OptionGroup,
  Parameter,
  ResourcePendingMaintenanceActions,
} from '@aws-sdk/client-rds';

export type Timestamp = string;

export interface RawTag {
  Key?: string;
  Value?: string;
}

export interface RawDBInstance {
  DBInstanceIdentifier: string;
  DBInstanceArn?: string;
  Engine?: string;
  EngineVersion?: string;
  DBClusterIdentifier?: string;
  CACertificateIdentifier?: string;
  CertificateDetails?: { CAIdentifier?: string; ValidTill?: Timestamp };
  IAMDatabaseAuthenticationEnabled?: boolean;
  DBParameterGroups?: { DBParameterGroupName?: string; ParameterApplyStatus?: string }[];
  OptionGroupMemberships?: { OptionGroupName?: string; Status?: string }[];
  PendingModifiedValues?: { CACertificateIdentifier?: string };
  Endpoint?: { Address?: string };
  TagList?: RawTag[];
}

export interface RawDBCluster {
  DBClusterIdentifier: string;
  DBClusterArn?: string;
  Engine?: string;
  EngineVersion?: string;
  DBClusterInstanceClass?: string;
  DBClusterParameterGroup?: string;
  DBClusterMembers?: { DBInstanceIdentifier?: string; DBClusterParameterGroupStatus?: string }[];
  IAMDatabaseAuthenticationEnabled?: boolean;
  CertificateDetails?: { CAIdentifier?: string; ValidTill?: Timestamp };
  PendingModifiedValues?: { CertificateDetails?: { CAIdentifier?: string } };
  Endpoint?: string;
  TagList?: RawTag[];
}

export interface RawParameter {
  ParameterName: string;
  ParameterValue?: string;
  Source?: string;
  ApplyType?: string;
  ApplyMethod?: string;
}

/** One parameter group's TLS parameters, or why they could not be read. */
export interface RawParameterGroup {
  name: string;
  /** The parameter names asked for (the TLS settings of the engines that use the group). */
  asked: string[];
  parameters?: RawParameter[];
  unreadable?: string;
}

export interface RawOptionGroup {
  name: string;
  /** `OptionName`s in the group. */
  options?: string[];
  unreadable?: string;
}

export interface RawEngineVersion {
  Engine: string;
  EngineVersion: string;
  DBParameterGroupFamily?: string;
  SupportsCertificateRotationWithoutRestart?: boolean;
  SupportedCACertificateIdentifiers?: string[];
}

export interface RawCertificate {
  CertificateIdentifier: string;
  ValidTill?: Timestamp;
  CustomerOverride?: boolean;
}

export interface RawCertificates {
  Certificates: RawCertificate[];
  DefaultCertificateForNewLaunches?: string;
}

export interface RawPendingMaintenance {
  ResourceIdentifier: string;
  /** Only the `ca-certificate-rotation` actions are kept. */
  PendingMaintenanceActionDetails: { Action?: string; Description?: string }[];
}

/** Everything read in one region. `null` where an optional API was not read. */
export interface RegionFacts {
  region: string;
  dbInstances: RawDBInstance[];
  dbClusters: RawDBCluster[];
  dbParameterGroups: RawParameterGroup[];
  dbClusterParameterGroups: RawParameterGroup[];
  optionGroups: RawOptionGroup[];
  engineVersions: RawEngineVersion[] | null;
  certificates: RawCertificates | null;
  pendingMaintenanceActions: RawPendingMaintenance[] | null;
}

export const CA_ROTATION_ACTION = 'ca-certificate-rotation';

/** SDK timestamps are Dates; recorded ones may already be strings. */
function timestamp(value: Date | string | undefined): Timestamp | undefined {
  if (value === undefined || value === null) return undefined;
  return value instanceof Date ? value.toISOString() : String(value);
}

/** Copies the named members that are present (not undefined), so raw facts carry no empty keys. */
function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (source[key] !== undefined && source[key] !== null) out[key] = source[key];
  return out;
}

function tags(list: { Key?: string; Value?: string }[] | undefined): RawTag[] | undefined {
  return list?.map((tag) => pick(tag, ['Key', 'Value']));
}

export function rawInstance(db: DBInstance): RawDBInstance {
  const raw: RawDBInstance = {
    DBInstanceIdentifier: db.DBInstanceIdentifier ?? '',
    ...pick(db, ['DBInstanceArn', 'Engine', 'EngineVersion', 'DBClusterIdentifier', 'CACertificateIdentifier', 'IAMDatabaseAuthenticationEnabled']),
  };
  if (db.CertificateDetails) {
    raw.CertificateDetails = { ...pick(db.CertificateDetails, ['CAIdentifier']) };
    const validTill = timestamp(db.CertificateDetails.ValidTill);
    if (validTill) raw.CertificateDetails.ValidTill = validTill;
  }
  if (db.DBParameterGroups) raw.DBParameterGroups = db.DBParameterGroups.map((g) => pick(g, ['DBParameterGroupName', 'ParameterApplyStatus']));
  if (db.OptionGroupMemberships) raw.OptionGroupMemberships = db.OptionGroupMemberships.map((g) => pick(g, ['OptionGroupName', 'Status']));
  if (db.PendingModifiedValues?.CACertificateIdentifier) {
    raw.PendingModifiedValues = { CACertificateIdentifier: db.PendingModifiedValues.CACertificateIdentifier };
  }
  if (db.Endpoint?.Address) raw.Endpoint = { Address: db.Endpoint.Address };
  const tagList = tags(db.TagList);
  if (tagList) raw.TagList = tagList;
  return raw;
}

export function rawCluster(cluster: DBCluster): RawDBCluster {
  const raw: RawDBCluster = {
    DBClusterIdentifier: cluster.DBClusterIdentifier ?? '',
    ...pick(cluster, [
      'DBClusterArn', 'Engine', 'EngineVersion', 'DBClusterInstanceClass', 'DBClusterParameterGroup',
      'IAMDatabaseAuthenticationEnabled', 'Endpoint',
    ]),
  };
  if (cluster.DBClusterMembers) {
    raw.DBClusterMembers = cluster.DBClusterMembers.map((m) => pick(m, ['DBInstanceIdentifier', 'DBClusterParameterGroupStatus']));
  }
  if (cluster.CertificateDetails) {
    raw.CertificateDetails = { ...pick(cluster.CertificateDetails, ['CAIdentifier']) };
    const validTill = timestamp(cluster.CertificateDetails.ValidTill);
    if (validTill) raw.CertificateDetails.ValidTill = validTill;
  }
  const pendingCa = cluster.PendingModifiedValues?.CertificateDetails?.CAIdentifier;
  if (pendingCa) raw.PendingModifiedValues = { CertificateDetails: { CAIdentifier: pendingCa } };
  const tagList = tags(cluster.TagList);
  if (tagList) raw.TagList = tagList;
  return raw;
}

export function rawParameter(parameter: Parameter): RawParameter {
  return {
    ParameterName: parameter.ParameterName ?? '',
    ...pick(parameter, ['ParameterValue', 'Source', 'ApplyType', 'ApplyMethod']),
  };
}

export function rawOptionNames(group: OptionGroup): string[] {
  return (group.Options ?? []).flatMap((o) => (o.OptionName ? [o.OptionName] : []));
}

export function rawEngineVersion(version: DBEngineVersion): RawEngineVersion {
  return {
    Engine: version.Engine ?? '',
    EngineVersion: version.EngineVersion ?? '',
    ...pick(version, ['DBParameterGroupFamily', 'SupportsCertificateRotationWithoutRestart', 'SupportedCACertificateIdentifiers']),
  };
}

export function rawCertificate(certificate: Certificate): RawCertificate {
  const raw: RawCertificate = { CertificateIdentifier: certificate.CertificateIdentifier ?? '', ...pick(certificate, ['CustomerOverride']) };
  const validTill = timestamp(certificate.ValidTill);
  if (validTill) raw.ValidTill = validTill;
  return raw;
}

/** Keeps only the CA rotation actions; null when the resource has none. */
export function rawCaRotation(pending: ResourcePendingMaintenanceActions): RawPendingMaintenance | null {
  const details = (pending.PendingMaintenanceActionDetails ?? [])
    .filter((d) => d.Action === CA_ROTATION_ACTION)
    .map((d) => pick(d, ['Action', 'Description']));
  if (!pending.ResourceIdentifier || details.length === 0) return null;
  return { ResourceIdentifier: pending.ResourceIdentifier, PendingMaintenanceActionDetails: details };
}

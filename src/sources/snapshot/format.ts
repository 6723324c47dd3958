// The snapshot file: the raw AWS facts of a live scan, per region, as `rds-tls-guard snapshot` wrote
// them (the Describe* members the normaliser reads, with their AWS names). No credentials, no
// request metadata: nothing is kept that the normaliser does not read.
import type { SourceError } from '../../model.js';
import type { RegionFacts } from '../live/raw.js';
import { any, arr, bool, nullable, num, obj, str, type Shape } from './shape.js';

export const SNAPSHOT_FORMAT = 'rds-tls-guard-snapshot';
/** Bumped when a reader of the previous version would misread a file; added members do not bump it. */
export const SNAPSHOT_VERSION = 1;

export interface Snapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: number;
  /** ISO 8601, when the scan finished. */
  capturedAt: string;
  tool: { name: string; version: string };
  /** The regions scanned (`all` resolved to the enabled regions). */
  regions: string[];
  facts: RegionFacts[];
  /** Parts that could not be read: evaluating the snapshot is incomplete, as the live run was. */
  errors: SourceError[];
  /** Optional APIs that IAM denied (see SourceResult.unavailable). */
  unavailable: SourceError[];
}

const tags = arr(obj({ Key: str, Value: str }));
const certificateDetails = obj({ CAIdentifier: str, ValidTill: str });
const sourceErrors = arr(obj({ source: str, message: str }, ['source', 'message']));

const instance = obj(
  {
    DBInstanceIdentifier: str,
    DBInstanceArn: str,
    Engine: str,
    EngineVersion: str,
    DBClusterIdentifier: str,
    CACertificateIdentifier: str,
    CertificateDetails: certificateDetails,
    IAMDatabaseAuthenticationEnabled: bool,
    DBParameterGroups: arr(obj({ DBParameterGroupName: str, ParameterApplyStatus: str })),
    OptionGroupMemberships: arr(obj({ OptionGroupName: str, Status: str })),
    PendingModifiedValues: obj({ CACertificateIdentifier: str }),
    Endpoint: obj({ Address: str }),
    TagList: tags,
  },
  ['DBInstanceIdentifier'],
);

const cluster = obj(
  {
    DBClusterIdentifier: str,
    DBClusterArn: str,
    Engine: str,
    EngineVersion: str,
    DBClusterInstanceClass: str,
    DBClusterParameterGroup: str,
    DBClusterMembers: arr(obj({ DBInstanceIdentifier: str, DBClusterParameterGroupStatus: str })),
    IAMDatabaseAuthenticationEnabled: bool,
    CertificateDetails: certificateDetails,
    PendingModifiedValues: obj({ CertificateDetails: obj({ CAIdentifier: str }) }),
    Endpoint: str,
    TagList: tags,
  },
  ['DBClusterIdentifier'],
);

/** A `DBEngineVersion` as the tool keeps it (also the shape of describe-db-engine-versions files). */
export const engineVersionShape: Shape = obj(
  {
    Engine: str,
    EngineVersion: str,
    DBParameterGroupFamily: str,
    SupportsCertificateRotationWithoutRestart: bool,
    SupportedCACertificateIdentifiers: arr(str),
  },
  ['Engine', 'EngineVersion'],
);

const parameterGroup = obj(
  {
    name: str,
    asked: arr(str),
    parameters: arr(obj({ ParameterName: str, ParameterValue: str, Source: str, ApplyType: str, ApplyMethod: str }, ['ParameterName'])),
    unreadable: str,
  },
  ['name', 'asked'],
);

const regionFacts = obj(
  {
    region: str,
    dbInstances: arr(instance),
    dbClusters: arr(cluster),
    dbParameterGroups: arr(parameterGroup),
    dbClusterParameterGroups: arr(parameterGroup),
    optionGroups: arr(obj({ name: str, options: arr(str), unreadable: str }, ['name'])),
    engineVersions: nullable(arr(engineVersionShape)),
    certificates: nullable(
      obj(
        {
          Certificates: arr(obj({ CertificateIdentifier: str, ValidTill: str, CustomerOverride: bool }, ['CertificateIdentifier'])),
          DefaultCertificateForNewLaunches: str,
        },
        ['Certificates'],
      ),
    ),
    pendingMaintenanceActions: nullable(
      arr(obj({ ResourceIdentifier: str, PendingMaintenanceActionDetails: arr(obj({ Action: str, Description: str })) }, ['ResourceIdentifier', 'PendingMaintenanceActionDetails'])),
    ),
  },
  [
    'region', 'dbInstances', 'dbClusters', 'dbParameterGroups', 'dbClusterParameterGroups', 'optionGroups', 'engineVersions', 'certificates',
    'pendingMaintenanceActions',
  ],
);

/** Checked after `format` and `version` (a newer version may change anything). */
export const snapshotShape: Shape = obj(
  {
    format: str,
    version: num,
    capturedAt: str,
    tool: any,
    regions: arr(str),
    facts: arr(regionFacts),
    errors: sourceErrors,
    unavailable: sourceErrors,
  },
  ['capturedAt', 'regions', 'facts', 'errors'],
);

// Reads one region: instances and clusters first, then — once per region, however many databases
// share them — each parameter group's TLS parameters, each Oracle option group, each engine version,
// the region's CAs and its pending CA rotations. Read-only Describe* calls, pages of 100.
import {
  paginateDescribeCertificates,
  paginateDescribeDBClusterParameters,
  paginateDescribeDBClusters,
  paginateDescribeDBEngineVersions,
  paginateDescribeDBInstances,
  paginateDescribeDBParameters,
  paginateDescribeOptionGroups,
  paginateDescribePendingMaintenanceActions,
  type Filter,
  type Parameter,
  type RDSClient,
} from '@aws-sdk/client-rds';
import type { LimitFunction } from 'p-limit';
import { isCertificateNotFound, isInvalidParameter } from './aws-errors.js';
import { isRdsDatabaseEngine, tlsParameter, usesOptionGroupTls } from './engines.js';
import type { ApiName, Ledger } from './ledger.js';
import {
  rawCaRotation,
  rawCertificate,
  rawCluster,
  rawEngineVersion,
  rawInstance,
  rawOptionNames,
  rawParameter,
  type RawCertificates,
  type RawDBCluster,
  type RawDBInstance,
  type RawEngineVersion,
  type RawOptionGroup,
  type RawParameter,
  type RawParameterGroup,
  type RawPendingMaintenance,
  type RegionFacts,
} from './raw.js';

export const PAGE_SIZE = 100;

export interface RegionScan {
  region: string;
  client: RDSClient;
  /** Bounds the calls in flight across the whole scan; one slot per call stream (a paginated read). */
  limit: LimitFunction;
  ledger: Ledger;
}

/** All items of a paginated read; throws on any failed page (for reads that must be whole). */
async function readAll<P, T>(pages: AsyncIterable<P>, items: (page: P) => T[] | undefined): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(...(items(page) ?? []));
  return out;
}

/** A listing: what the pages before a failure gave is kept, and the failure recorded. */
async function readListing<P, T>(scan: RegionScan, api: ApiName, pages: () => AsyncIterable<P>, items: (page: P) => T[] | undefined): Promise<T[]> {
  const out: T[] = [];
  try {
    for await (const page of pages()) out.push(...(items(page) ?? []));
  } catch (error) {
    scan.ledger.fail(scan.region, api, error);
  }
  return out;
}

/**
 * One call stream per key, bounded by the scan's limit. The first key goes alone, so an API that
 * IAM denies costs one call per region, not one per key; after it failed the rest are skipped.
 */
async function fetchEach<T>(
  scan: RegionScan,
  api: ApiName,
  keys: string[],
  fetchOne: (key: string) => Promise<T>,
  failed: (key: string, reason: string) => T,
): Promise<T[]> {
  const run = async (key: string): Promise<T> => {
    const skipped = scan.ledger.skipped(scan.region, api);
    if (skipped) return failed(key, skipped);
    try {
      return await fetchOne(key);
    } catch (error) {
      return failed(key, scan.ledger.fail(scan.region, api, error, key));
    }
  };
  if (keys.length === 0) return [];
  const first = await scan.limit(run, keys[0]!);
  const rest = await Promise.all(keys.slice(1).map((key) => scan.limit(run, key)));
  return [first, ...rest];
}

/** Parameter groups to read, by name, with the TLS parameters their databases need. */
function groupsToRead(entries: { group: string | undefined; engine: string | undefined }[]): Map<string, Set<string>> {
  const groups = new Map<string, Set<string>>();
  for (const { group, engine } of entries) {
    const parameter = tlsParameter(engine);
    if (!group || !parameter) continue;
    groups.set(group, (groups.get(group) ?? new Set()).add(parameter));
  }
  return groups;
}

function parameterFilter(names: string[]): Filter[] {
  return [{ Name: 'parameter-name', Values: names }];
}

/**
 * The TLS parameters of one group, engine defaults included (no `Source` filter). Asks AWS for just
 * those parameters (`Filters: parameter-name`); where the filter is refused, reads the whole group
 * (paginated) for the rest of the region. Endpoints that ignore the filter are handled the same way.
 */
async function readGroupParameters(scan: RegionScan, kind: 'db' | 'cluster', name: string, asked: string[], state: FilterState): Promise<RawParameter[]> {
  const client = scan.client;
  const read = (filters: Filter[] | undefined): Promise<Parameter[]> =>
    kind === 'db'
      ? readAll(paginateDescribeDBParameters({ client, pageSize: PAGE_SIZE }, { DBParameterGroupName: name, Filters: filters }), (p) => p.Parameters)
      : readAll(
          paginateDescribeDBClusterParameters({ client, pageSize: PAGE_SIZE }, { DBClusterParameterGroupName: name, Filters: filters }),
          (p) => p.Parameters,
        );
  let parameters: Parameter[];
  if (state.filterRefused) {
    parameters = await read(undefined);
  } else {
    try {
      parameters = await read(parameterFilter(asked));
    } catch (error) {
      if (!isInvalidParameter(error)) throw error;
      state.filterRefused = true;
      parameters = await read(undefined);
    }
  }
  return parameters.map(rawParameter).filter((p) => asked.includes(p.ParameterName.toLowerCase()));
}

interface FilterState {
  filterRefused: boolean;
}

async function readParameterGroups(scan: RegionScan, kind: 'db' | 'cluster', groups: Map<string, Set<string>>): Promise<RawParameterGroup[]> {
  const api: ApiName = kind === 'db' ? 'DescribeDBParameters' : 'DescribeDBClusterParameters';
  const state: FilterState = { filterRefused: false };
  const names = [...groups.keys()].sort();
  return fetchEach(
    scan,
    api,
    names,
    async (name): Promise<RawParameterGroup> => {
      const asked = [...groups.get(name)!].sort();
      return { name, asked, parameters: await readGroupParameters(scan, kind, name, asked, state) };
    },
    (name, reason) => ({ name, asked: [...groups.get(name)!].sort(), unreadable: reason }),
  );
}

async function readOptionGroups(scan: RegionScan, names: string[]): Promise<RawOptionGroup[]> {
  return fetchEach(
    scan,
    'DescribeOptionGroups',
    names,
    async (name): Promise<RawOptionGroup> => {
      const groups = await readAll(
        paginateDescribeOptionGroups({ client: scan.client, pageSize: PAGE_SIZE }, { OptionGroupName: name }),
        (p) => p.OptionGroupsList,
      );
      return { name, options: groups.flatMap(rawOptionNames) };
    },
    (name, reason) => ({ name, unreadable: reason }),
  );
}

async function readEngineVersions(scan: RegionScan, pairs: Map<string, { engine: string; version: string }>): Promise<RawEngineVersion[]> {
  const found = await fetchEach(
    scan,
    'DescribeDBEngineVersions',
    [...pairs.keys()].sort(),
    async (key) => {
      const { engine, version } = pairs.get(key)!;
      return readEngineVersion(scan.client, engine, version);
    },
    () => [] as RawEngineVersion[],
  );
  return found.flat();
}

/** `DescribeDBEngineVersions` for one engine version, deprecated ones included (`IncludeAll`). */
export async function readEngineVersion(client: RDSClient, engine: string, version: string): Promise<RawEngineVersion[]> {
  const versions = await readAll(
    paginateDescribeDBEngineVersions({ client, pageSize: PAGE_SIZE }, { Engine: engine, EngineVersion: version, IncludeAll: true }),
    (p) => p.DBEngineVersions,
  );
  return versions.map(rawEngineVersion).filter((v) => v.Engine === engine && v.EngineVersion === version);
}

async function readCertificates(scan: RegionScan): Promise<RawCertificates | null> {
  return scan.limit(async () => {
    const result: RawCertificates = { Certificates: [] };
    try {
      for await (const page of paginateDescribeCertificates({ client: scan.client, pageSize: PAGE_SIZE }, {})) {
        result.Certificates.push(...(page.Certificates ?? []).map(rawCertificate));
        if (page.DefaultCertificateForNewLaunches) result.DefaultCertificateForNewLaunches = page.DefaultCertificateForNewLaunches;
      }
    } catch (error) {
      // No CA at all in the region is an answer, not a failure (Prowler logged it and reported "expired").
      if (isCertificateNotFound(error)) return result;
      scan.ledger.fail(scan.region, 'DescribeCertificates', error);
      return null;
    }
    return result;
  });
}

async function readPendingCaRotations(scan: RegionScan): Promise<RawPendingMaintenance[] | null> {
  return scan.limit(async () => {
    const out: RawPendingMaintenance[] = [];
    try {
      const pages = paginateDescribePendingMaintenanceActions({ client: scan.client, pageSize: PAGE_SIZE }, {});
      for await (const page of pages) {
        for (const pending of page.PendingMaintenanceActions ?? []) {
          const rotation = rawCaRotation(pending);
          if (rotation) out.push(rotation);
        }
      }
    } catch (error) {
      scan.ledger.fail(scan.region, 'DescribePendingMaintenanceActions', error);
      return null;
    }
    return out;
  });
}

function enginePairs(resources: { Engine?: string; EngineVersion?: string }[]): Map<string, { engine: string; version: string }> {
  const pairs = new Map<string, { engine: string; version: string }>();
  for (const { Engine, EngineVersion } of resources) {
    if (Engine && EngineVersion) pairs.set(`${Engine} ${EngineVersion}`, { engine: Engine, version: EngineVersion });
  }
  return pairs;
}

export async function captureRegion(scan: RegionScan): Promise<RegionFacts> {
  const { client } = scan;
  const [instances, clusters] = await Promise.all([
    scan.limit(() =>
      readListing(scan, 'DescribeDBInstances', () => paginateDescribeDBInstances({ client, pageSize: PAGE_SIZE }, {}), (p) => p.DBInstances?.map(rawInstance)),
    ),
    scan.limit(() =>
      readListing(scan, 'DescribeDBClusters', () => paginateDescribeDBClusters({ client, pageSize: PAGE_SIZE }, {}), (p) => p.DBClusters?.map(rawCluster)),
    ),
  ]);
  const dbInstances: RawDBInstance[] = instances.filter((i) => isRdsDatabaseEngine(i.Engine));
  const dbClusters: RawDBCluster[] = clusters.filter((c) => isRdsDatabaseEngine(c.Engine));
  const facts: RegionFacts = {
    region: scan.region,
    dbInstances,
    dbClusters,
    dbParameterGroups: [],
    dbClusterParameterGroups: [],
    optionGroups: [],
    engineVersions: null,
    certificates: null,
    pendingMaintenanceActions: null,
  };
  if (dbInstances.length + dbClusters.length === 0) return facts;

  // Members take TLS from their cluster's group; their own DB parameter group does not decide it.
  const standalone = dbInstances.filter((i) => !i.DBClusterIdentifier);
  const dbGroups = groupsToRead(standalone.map((i) => ({ group: i.DBParameterGroups?.[0]?.DBParameterGroupName, engine: i.Engine })));
  const clusterGroups = groupsToRead(dbClusters.map((c) => ({ group: c.DBClusterParameterGroup, engine: c.Engine })));
  const optionGroupNames = [
    ...new Set(
      standalone.filter((i) => usesOptionGroupTls(i.Engine)).flatMap((i) => (i.OptionGroupMemberships ?? []).flatMap((m) => (m.OptionGroupName ? [m.OptionGroupName] : []))),
    ),
  ].sort();

  [
    facts.dbParameterGroups,
    facts.dbClusterParameterGroups,
    facts.optionGroups,
    facts.engineVersions,
    facts.certificates,
    facts.pendingMaintenanceActions,
  ] = await Promise.all([
    readParameterGroups(scan, 'db', dbGroups),
    readParameterGroups(scan, 'cluster', clusterGroups),
    readOptionGroups(scan, optionGroupNames),
    readEngineVersions(scan, enginePairs([...dbInstances, ...dbClusters])),
    readCertificates(scan),
    readPendingCaRotations(scan),
  ]);
  return facts;
}

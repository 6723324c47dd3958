// What a scan asks AWS, and how often: paginated listings, each group / engine version once per
// region, the parameter-name filter with its fallback, CA facts, pending CA changes, `all` regions.
import { AccountClient, ListRegionsCommand } from '@aws-sdk/client-account';
import {
  DescribeCertificatesCommand,
  DescribeDBClusterParametersCommand,
  DescribeDBClustersCommand,
  DescribeDBEngineVersionsCommand,
  DescribeDBInstancesCommand,
  DescribeDBParametersCommand,
  DescribePendingMaintenanceActionsCommand,
  type DBInstance,
  type DescribeDBEngineVersionsMessage,
  type DescribeDBParametersMessage,
} from '@aws-sdk/client-rds';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { readLive } from '../../src/sources/live/index.js';
import { planRegions } from '../../src/sources/live/regions.js';
import { awsError, denied, instance, mockRegions } from './mock-rds.js';

/** Answers a paginated Describe* call in pages of `size` from `items`, markers "1", "2", … */
function paged<T>(items: T[], key: string, size = 100) {
  return (input: { Marker?: string }) => {
    const start = Number(input.Marker ?? 0) * size;
    const page = items.slice(start, start + size);
    const next = start + size < items.length ? String(Number(input.Marker ?? 0) + 1) : undefined;
    return Promise.resolve({ [key]: page, Marker: next });
  };
}

describe('pagination and once-per-region fetching', () => {
  const regions = ['us-east-1', 'eu-west-1'];
  const groups = ['pg-a', 'pg-b', 'pg-c'];
  const versions = ['14.9', '16.3'];
  const fleet = (region: string): DBInstance[] =>
    Array.from({ length: 250 }, (_, i) =>
      instance(`db-${String(i).padStart(3, '0')}`, region, {
        EngineVersion: versions[i % versions.length],
        DBParameterGroups: [{ DBParameterGroupName: groups[i % groups.length], ParameterApplyStatus: 'in-sync' }],
      }),
    );

  it('reads every page and asks about each group and engine version once per region', async () => {
    const aws = mockRegions(regions);
    for (const region of regions) {
      aws.mock(region).on(DescribeDBInstancesCommand).callsFake(paged(fleet(region), 'DBInstances'));
      aws.mock(region)
        .on(DescribeDBParametersCommand)
        .callsFake((input: DescribeDBParametersMessage) =>
          Promise.resolve({ Parameters: [{ ParameterName: 'rds.force_ssl', ParameterValue: input.DBParameterGroupName === 'pg-b' ? '0' : '1', Source: 'user' }] }),
        );
      aws.mock(region)
        .on(DescribeDBEngineVersionsCommand)
        .callsFake((input: DescribeDBEngineVersionsMessage) =>
          Promise.resolve({
            DBEngineVersions: [
              {
                Engine: input.Engine, EngineVersion: input.EngineVersion, DBParameterGroupFamily: `postgres${input.EngineVersion!.split('.')[0]}`,
                SupportsCertificateRotationWithoutRestart: input.EngineVersion === '16.3', SupportedCACertificateIdentifiers: ['rds-ca-rsa2048-g1'],
              },
            ],
          }),
        );
    }
    const result = await readLive({ regions, clientFactory: aws.clientFactory });
    expect(result.errors).toEqual([]);
    expect(result.resources).toHaveLength(500);
    // 250 instances in pages of 100: 3 pages per region.
    expect(aws.calls('DescribeDBInstances')).toBe(6);
    expect(aws.calls('DescribeDBParameters')).toBe(6);
    expect(aws.calls('DescribeDBEngineVersions')).toBe(4);
    expect(aws.calls('DescribeDBClusters')).toBe(2);
    expect(aws.calls('DescribeCertificates')).toBe(2);
    expect(aws.calls('DescribePendingMaintenanceActions')).toBe(2);

    const first = aws.mock('us-east-1').commandCalls(DescribeDBParametersCommand)[0]!.args[0].input;
    expect(first).toMatchObject({ MaxRecords: 100, Filters: [{ Name: 'parameter-name', Values: ['rds.force_ssl'] }] });
    expect(first).not.toHaveProperty('Source');
    expect(aws.mock('us-east-1').commandCalls(DescribeDBEngineVersionsCommand)[0]!.args[0].input).toMatchObject({ IncludeAll: true });

    const db1 = result.resources.find((r) => r.id === 'db-001' && r.origin.region === 'eu-west-1')!;
    const link = db1.tls?.parameterGroup;
    expect(link?.known && !('default' in link.value) && link.value).toMatchObject({
      id: 'pg-b',
      family: { known: true, value: 'postgres16', via: 'DescribeDBEngineVersions eu-west-1' },
      parameters: { 'rds.force_ssl': { value: { value: '0' }, source: 'user' } },
    });
    expect(result.engineVersions).toHaveLength(4);
    expect(result.engineVersions).toContainEqual({
      engine: 'postgres', version: '16.3', supportsCertificateRotationWithoutRestart: true, supportedCAs: ['rds-ca-rsa2048-g1'],
      parameterGroupFamily: 'postgres16', source: 'DescribeDBEngineVersions eu-west-1',
    });
  });

  it('falls back to reading whole groups, page by page, where the parameter-name filter is refused', async () => {
    const aws = mockRegions(['us-east-1']);
    aws.mock('us-east-1').on(DescribeDBInstancesCommand).resolves({
      DBInstances: groups.map((g, i) => instance(`db-${i}`, 'us-east-1', { DBParameterGroups: [{ DBParameterGroupName: g }] })),
    });
    const all = [
      ...Array.from({ length: 150 }, (_, i) => ({ ParameterName: `param_${i}`, ParameterValue: '0', Source: 'engine-default' })),
      { ParameterName: 'rds.force_ssl', ParameterValue: '1', Source: 'system', ApplyType: 'static', ApplyMethod: 'pending-reboot' },
    ];
    aws.mock('us-east-1')
      .on(DescribeDBParametersCommand)
      .callsFake((input: DescribeDBParametersMessage) =>
        input.Filters ? Promise.reject(awsError('InvalidParameterValue', 'Unrecognized filter name: parameter-name')) : paged(all, 'Parameters')(input),
      );
    const result = await readLive({ regions: ['us-east-1'], clientFactory: aws.clientFactory });
    expect(result.errors).toEqual([]);
    // One refused filtered call, then 2 pages for each of the 3 groups.
    expect(aws.calls('DescribeDBParameters')).toBe(7);
    for (const resource of result.resources) {
      const link = resource.tls?.parameterGroup;
      const parameters = link?.known && !('default' in link.value) ? link.value.parameters : {};
      expect(Object.keys(parameters)).toEqual(['rds.force_ssl']);
      expect(parameters['rds.force_ssl']).toMatchObject({ value: { value: '1' }, applyType: 'static', applyMethod: 'pending-reboot', source: 'system' });
    }
  });
});

describe('clusters', () => {
  it('reads cluster groups once, and the cluster is pending-reboot when any member is', async () => {
    const aws = mockRegions(['us-east-1']);
    aws.mock('us-east-1').on(DescribeDBClustersCommand).resolves({
      DBClusters: ['a', 'b'].map((id) => ({
        DBClusterIdentifier: id, DBClusterArn: `arn:aws:rds:us-east-1:111122223333:cluster:${id}`, Engine: 'aurora-mysql', EngineVersion: '8.0.mysql_aurora.3.08.2',
        DBClusterParameterGroup: 'amy-secure',
        DBClusterMembers: [
          { DBInstanceIdentifier: `${id}-1`, DBClusterParameterGroupStatus: 'in-sync' },
          { DBInstanceIdentifier: `${id}-2`, DBClusterParameterGroupStatus: id === 'b' ? 'pending-reboot' : 'in-sync' },
        ],
      })),
    });
    aws.mock('us-east-1').on(DescribeDBClusterParametersCommand).resolves({ Parameters: [{ ParameterName: 'require_secure_transport', ParameterValue: 'ON', Source: 'user' }] });
    const result = await readLive({ regions: ['us-east-1'], clientFactory: aws.clientFactory });
    expect(aws.calls('DescribeDBClusterParameters')).toBe(1);
    expect(aws.mock('us-east-1').commandCalls(DescribeDBClusterParametersCommand)[0]!.args[0].input).toMatchObject({
      DBClusterParameterGroupName: 'amy-secure',
      Filters: [{ Name: 'parameter-name', Values: ['require_secure_transport'] }],
    });
    expect(result.resources.map((r) => [r.id, r.clusterType, r.tls?.applyStatus, r.iamAuth?.known && r.iamAuth.value])).toEqual([
      ['a', 'aurora', 'in-sync', false],
      ['b', 'aurora', 'pending-reboot', false],
    ]);
  });
});

describe('CA facts', () => {
  it('takes CA validity and the default CA from DescribeCertificates, and the server certificate from the instance', async () => {
    const aws = mockRegions(['us-east-1']);
    aws.mock('us-east-1').on(DescribeDBInstancesCommand).resolves({
      DBInstances: [
        instance('db-1', 'us-east-1', { CertificateDetails: { CAIdentifier: 'rds-ca-rsa2048-g1', ValidTill: new Date('2027-01-05T14:55:14Z') } }),
        instance('db-2', 'us-east-1', { CACertificateIdentifier: undefined }),
      ],
    });
    aws.mock('us-east-1').on(DescribeCertificatesCommand).resolves({
      Certificates: [
        { CertificateIdentifier: 'rds-ca-rsa2048-g1', ValidTill: new Date('2061-05-24T22:59:00Z'), CustomerOverride: false },
        { CertificateIdentifier: 'rds-ca-ecc384-g1', ValidTill: new Date('2121-05-24T23:06:59Z') },
      ],
      DefaultCertificateForNewLaunches: 'rds-ca-rsa2048-g1',
    });
    const result = await readLive({ regions: ['us-east-1'], clientFactory: aws.clientFactory });
    expect(result.certificates).toEqual([
      { identifier: 'rds-ca-rsa2048-g1', validTill: '2061-05-24T22:59:00.000Z', region: 'us-east-1', defaultForNewLaunches: true },
      { identifier: 'rds-ca-ecc384-g1', validTill: '2121-05-24T23:06:59.000Z', region: 'us-east-1', defaultForNewLaunches: false },
    ]);
    expect(result.resources[0]!.ca).toEqual({
      identifier: { known: true, value: 'rds-ca-rsa2048-g1', via: 'DescribeDBInstances us-east-1' },
      serverCertValidTill: '2027-01-05T14:55:14.000Z',
      caValidTill: '2061-05-24T22:59:00.000Z',
      change: null,
    });
    // Not set: known null, so the policy's ca.assume-default decides.
    expect(result.resources[1]!.ca?.identifier).toEqual({ known: true, value: null, via: 'DescribeDBInstances us-east-1' });
  });

  it('reports pending CA changes from PendingModifiedValues and from ca-certificate-rotation maintenance', async () => {
    const aws = mockRegions(['us-east-1']);
    aws.mock('us-east-1').on(DescribeDBInstancesCommand).resolves({
      DBInstances: [
        instance('queued', 'us-east-1', { CACertificateIdentifier: 'rds-ca-2019', PendingModifiedValues: { CACertificateIdentifier: 'rds-ca-rsa4096-g1' } }),
        instance('maintenance', 'us-east-1', { CACertificateIdentifier: 'rds-ca-2019' }),
        instance('patch-only', 'us-east-1', { CACertificateIdentifier: 'rds-ca-2019' }),
      ],
    });
    aws.mock('us-east-1').on(DescribeDBClustersCommand).resolves({
      DBClusters: [
        {
          DBClusterIdentifier: 'maz', DBClusterArn: 'arn:aws:rds:us-east-1:111122223333:cluster:maz', Engine: 'postgres', EngineVersion: '16.3',
          DBClusterInstanceClass: 'db.m6gd.large', DBClusterParameterGroup: 'maz-pg',
          CertificateDetails: { CAIdentifier: 'rds-ca-rsa2048-g1', ValidTill: new Date('2027-02-01T00:00:00Z') },
          PendingModifiedValues: { CertificateDetails: { CAIdentifier: 'rds-ca-ecc384-g1' } },
        },
      ],
    });
    aws.mock('us-east-1').on(DescribePendingMaintenanceActionsCommand).resolves({
      PendingMaintenanceActions: [
        { ResourceIdentifier: 'arn:aws:rds:us-east-1:111122223333:db:maintenance', PendingMaintenanceActionDetails: [{ Action: 'ca-certificate-rotation', Description: 'Certificate rotation' }] },
        { ResourceIdentifier: 'arn:aws:rds:us-east-1:111122223333:db:patch-only', PendingMaintenanceActionDetails: [{ Action: 'system-update', Description: 'New Operating System patch is available' }] },
      ],
    });
    const result = await readLive({ regions: ['us-east-1'], clientFactory: aws.clientFactory });
    const change = (id: string) => result.resources.find((r) => r.id === id)?.ca?.change;
    expect(change('queued')).toEqual({
      from: 'rds-ca-2019', to: { known: true, value: 'rds-ca-rsa4096-g1', via: 'DescribeDBInstances us-east-1 PendingModifiedValues' }, pending: true,
    });
    expect(change('maintenance')).toEqual({
      from: 'rds-ca-2019',
      to: { known: false, reason: 'the pending ca-certificate-rotation maintenance action (DescribePendingMaintenanceActions us-east-1) does not name the target CA' },
      pending: true,
    });
    expect(change('patch-only')).toBeNull();
    const maz = result.resources.find((r) => r.id === 'maz')!;
    expect(maz.ca).toMatchObject({
      identifier: { known: true, value: 'rds-ca-rsa2048-g1', via: 'DescribeDBClusters us-east-1' },
      serverCertValidTill: '2027-02-01T00:00:00.000Z',
      change: { from: 'rds-ca-rsa2048-g1', to: { known: true, value: 'rds-ca-ecc384-g1' }, pending: true },
    });
  });
});

describe('regions', () => {
  it('"all" scans the regions the account has enabled', async () => {
    const account = new AccountClient({ region: 'us-east-1', credentials: { accessKeyId: 'AKIAUNITTESTKEY00003', secretAccessKey: 'x' } });
    mockClient(account)
      .on(ListRegionsCommand)
      .resolves({ Regions: [{ RegionName: 'eu-west-1', RegionOptStatus: 'ENABLED_BY_DEFAULT' }, { RegionName: 'af-south-1', RegionOptStatus: 'ENABLED' }] });
    const aws = mockRegions(['eu-west-1', 'af-south-1']);
    aws.mock('af-south-1').on(DescribeDBInstancesCommand).resolves({ DBInstances: [instance('cape-db', 'af-south-1')] });
    const result = await readLive({ regions: ['all'], accountClient: account, clientFactory: aws.clientFactory });
    expect(result.resources.map((r) => `${r.origin.region} ${r.id}`)).toEqual(['af-south-1 cape-db']);
    expect(aws.calls('DescribeDBInstances', 'eu-west-1')).toBe(1);
  });

  it('"all" without permission to list the regions is an error, not a silent empty scan', async () => {
    const account = new AccountClient({ region: 'us-east-1', credentials: { accessKeyId: 'AKIAUNITTESTKEY00003', secretAccessKey: 'x' } });
    mockClient(account).on(ListRegionsCommand).rejects(denied('ListRegions'));
    const result = await readLive({ regions: ['all'], accountClient: account, clientFactory: () => { throw new Error('no region to scan'); } });
    expect(result.resources).toEqual([]);
    expect(result.errors).toEqual([
      { source: 'account ListRegions', message: expect.stringMatching(/^AccessDenied: .*rds:ListRegions \(list the regions with --region instead of "all"\)$/) },
    ]);
  });

  it('rejects "all" beside other regions and names that are not regions', () => {
    expect(() => planRegions(['all', 'us-east-1'])).toThrow(InputError);
    expect(() => planRegions(['us-east1'])).toThrow(/"us-east1" is not an AWS region name/);
    expect(() => planRegions([])).toThrow(InputError);
    expect(planRegions(['us-gov-west-1', 'cn-northwest-1', 'us-gov-west-1'])).toEqual({ kind: 'listed', regions: ['us-gov-west-1', 'cn-northwest-1'] });
  });
});

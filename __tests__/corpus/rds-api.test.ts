// Recorded RDS API responses (Cloud Custodian placebo recordings, AWS CLI and AWS doc examples)
// through the live source, the SDK client mocked to answer with them.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DescribeCertificatesCommand,
  DescribeDBClusterParametersCommand,
  DescribeDBClustersCommand,
  DescribeDBEngineVersionsCommand,
  DescribeDBInstancesCommand,
  DescribeDBParametersCommand,
  DescribePendingMaintenanceActionsCommand,
  RDSClient,
  type DBInstance,
} from '@aws-sdk/client-rds';
import { mockClient, type AwsClientStub } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import type { Resource, SourceResult } from '../../src/model.js';
import { defaultPolicy } from '../../src/policy/index.js';
import { readEngineVersionsFiles } from '../../src/sources/engine-versions/index.js';
import { readLive } from '../../src/sources/live/index.js';
import { captureSnapshot, writeSnapshot } from '../../src/sources/snapshot/index.js';

const corpus = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus');
const placebo = (name: string) => join(corpus, 'rds-api/cloud-custodian-placebo', name);
const extracted = (name: string) => join(corpus, 'extracted', name);

/** A placebo recording's response, `{"__class__": "datetime", …}` turned into the Date the SDK gives. */
function recorded<T = Record<string, unknown>>(file: string): T {
  const wrapper = JSON.parse(readFileSync(file, 'utf8'), (_key, value: unknown) => {
    const v = value as { __class__?: string; year: number; month: number; day: number; hour: number; minute: number; second: number; microsecond: number };
    if (v && typeof v === 'object' && v.__class__ === 'datetime') {
      return new Date(Date.UTC(v.year, v.month - 1, v.day, v.hour, v.minute, v.second, Math.floor(v.microsecond / 1000)));
    }
    return value;
  });
  return wrapper.data as T;
}

const TIMESTAMPS = new Set(['ValidFrom', 'ValidTill', 'CustomerOverrideValidTill', 'ClusterCreateTime', 'EarliestRestorableTime', 'LatestRestorableTime']);

/** AWS CLI output: ISO strings where the SDK gives Dates. */
function cliOutput<T = Record<string, unknown>>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8'), (key, value: unknown) => (TIMESTAMPS.has(key) && typeof value === 'string' ? new Date(value) : value)) as T;
}

function account(region: string): { factory: (r: string) => RDSClient; mock: AwsClientStub<RDSClient> } {
  const client = new RDSClient({ region, credentials: { accessKeyId: 'AKIACORPUSTESTKEY001', secretAccessKey: 'x' } });
  const mock = mockClient(client);
  mock.onAnyCommand().resolves({});
  return { factory: () => client, mock };
}

const byId = (result: SourceResult, id: string): Resource => result.resources.find((r) => r.id === id)!;

describe('DescribeDBInstances recordings', () => {
  it('postgres 14.7 on rds-ca-2019, whose server certificate ended with the CA', async () => {
    const aws = account('us-east-1');
    aws.mock.on(DescribeDBInstancesCommand).resolves(recorded(placebo('test_rds_snapshot_copy_related_tags__rds.DescribeDBInstances_1.json')));
    const result = await readLive({ regions: ['us-east-1'], clientFactory: aws.factory });
    expect(result.resources.map((r) => r.id)).toEqual(['database-1', 'database-2']);
    const db = byId(result, 'database-1');
    expect(db).toMatchObject({
      kind: 'db-instance',
      arn: 'arn:aws:rds:us-east-1:644160558196:db:database-1',
      engine: { value: 'postgres' },
      engineVersion: { value: '14.7' },
      tags: { Owner: 'c7n' },
      endpoint: 'database-1.cz6wy8cci3uf.us-east-1.rds.amazonaws.com',
      iamAuth: { known: true, value: false },
      origin: { type: 'live', region: 'us-east-1', account: '644160558196' },
      ca: { identifier: { known: true, value: 'rds-ca-2019' }, serverCertValidTill: '2024-08-22T17:08:50.000Z' },
      tls: { applyStatus: 'in-sync', parameterGroup: { known: true, value: { id: 'default.postgres14', family: { value: 'postgres14' } } } },
    });
    // Both share default.postgres14: it is read once.
    expect(aws.mock.commandCalls(DescribeDBParametersCommand)).toHaveLength(1);
  });

  it('a parameter group pending-reboot and one still applying', async () => {
    const aws = account('us-west-2');
    aws.mock.on(DescribeDBInstancesCommand).resolves(recorded(placebo('test_rds_parameter_group__rds.DescribeDBInstances_1.json')));
    const result = await readLive({ regions: ['us-west-2'], clientFactory: aws.factory });
    expect(result.resources.map((r) => [r.id, r.engineVersion.known && r.engineVersion.value, r.tls?.applyStatus])).toEqual([
      ['mysql-compliance', '8.0.28', 'pending-reboot'],
      ['mysql-non-compliance', '8.0.28', 'in-sync'],
      ['mysql-non-compliance02', '8.0.28', 'applying'],
    ]);
    expect(aws.mock.commandCalls(DescribeDBParametersCommand).map((c) => c.args[0].input.DBParameterGroupName).sort()).toEqual([
      'default.mysql8.0',
      'test-pg-mysql',
      'test-pg-mysql-nc',
    ]);
  });

  it('postgres instances in a cluster that is not listed are members of a Multi-AZ DB cluster: no CA, TLS or IAM of their own', async () => {
    const aws = account('us-west-2');
    aws.mock.on(DescribeDBInstancesCommand).resolves(recorded(placebo('test_security_hub_rds__rds.DescribeDBInstances_1.json')));
    const result = await readLive({ regions: ['us-west-2'], clientFactory: aws.factory });
    expect(result.resources.map((r) => [r.id, r.kind, r.clusterId])).toEqual([
      ['test-instance-1', 'cluster-member', 'test'],
      ['test-instance-2', 'cluster-member', 'test'],
      ['test-instance-3', 'cluster-member', 'test'],
    ]);
    for (const member of result.resources) {
      expect(member.ca).toBeUndefined();
      expect(member.tls).toBeUndefined();
      expect(member.iamAuth).toBeUndefined();
    }
    expect(aws.mock.commandCalls(DescribeDBParametersCommand)).toHaveLength(0);
  });

  it('an Aurora MySQL member keeps its own CA and server certificate date', async () => {
    const aws = account('us-east-1');
    aws.mock.on(DescribeDBInstancesCommand).resolves(recorded(placebo('test_rds_delete_aurora_filter__rds.DescribeDBInstances_1.json')));
    const result = await readLive({ regions: ['us-east-1'], clientFactory: aws.factory });
    expect(result.resources).toHaveLength(1);
    expect(result.resources[0]).toMatchObject({
      id: 'aurora-test-instance',
      kind: 'cluster-member',
      clusterId: 'aurora-test-cluster',
      engineVersion: { value: '8.0.mysql_aurora.3.08.2' },
      ca: { identifier: { value: 'rds-ca-rsa2048-g1' }, serverCertValidTill: '2027-01-05T14:55:14.000Z' },
    });
    expect(result.resources[0]!.tls).toBeUndefined();
  });
});

describe('DescribeDBClusters recordings', () => {
  it('Aurora MySQL clusters with IAM auth, one pending-reboot, no CA rotation pending', async () => {
    const aws = account('us-west-2');
    aws.mock.on(DescribeDBClustersCommand).resolves(recorded(placebo('test_rdscluster_pending_maintenance__rds.DescribeDBClusters_1.json')));
    aws.mock.on(DescribePendingMaintenanceActionsCommand).resolves(recorded(placebo('test_rdscluster_pending_maintenance__rds.DescribePendingMaintenanceActions_1.json')));
    aws.mock.on(DescribeDBClusterParametersCommand).resolves(recorded(placebo('test_rdsclusterparamgroup_param_value_filter__rds.DescribeDBClusterParameters_1.json')));
    const snapshot = await captureSnapshot({ regions: ['us-west-2'], clientFactory: aws.factory });
    // db-upgrade and system-update are not CA rotations: nothing is kept.
    expect(snapshot.facts[0]!.pendingMaintenanceActions).toEqual([]);
    const result = await readLive({ regions: ['us-west-2'], clientFactory: aws.factory });
    expect(result.resources.map((r) => [r.id, r.kind, r.clusterType, r.tls?.applyStatus, r.iamAuth?.known && r.iamAuth.value])).toEqual([
      ['apip-prd-auroracluster-vtmn1quuo8mc', 'db-cluster', 'aurora', 'in-sync', true],
      ['ibadges-prd-auroracluster-agib5v3rkebi', 'db-cluster', 'aurora', 'in-sync', true],
      ['sreg-prd-primary-cluster', 'db-cluster', 'aurora', 'in-sync', true],
      ['tep-prd-auroracluster-wpbswbngjuo6', 'db-cluster', 'aurora', 'pending-reboot', true],
    ]);
    const tep = byId(result, 'tep-prd-auroracluster-wpbswbngjuo6');
    expect(tep.ca).toBeUndefined();
    expect(tep.tags).toMatchObject({ dbapp: 'tep', 'intuit:billing:appenv': 'prod' });
    // The recorded group holds tls_version only: require_secure_transport is not set there.
    expect(tep.tls?.parameterGroup).toMatchObject({ known: true, value: { id: 'tep-prd-rdsdbclusterparametergroup-1xt58egbzoeu4', parameters: {} } });
    expect(aws.mock.commandCalls(DescribeDBClusterParametersCommand)[0]!.args[0].input.Filters).toEqual([{ Name: 'parameter-name', Values: ['require_secure_transport'] }]);
  });

  it('the AWS CLI example: an Aurora MySQL cluster on its default cluster group, IAM auth off', async () => {
    const aws = account('us-east-1');
    aws.mock.on(DescribeDBClustersCommand).resolves(cliOutput(extracted('describe-db-clusters__output1.json')));
    const result = await readLive({ regions: ['us-east-1'], clientFactory: aws.factory });
    expect(result.resources).toHaveLength(1);
    expect(result.resources[0]).toMatchObject({
      id: 'mydbcluster',
      clusterType: 'aurora',
      engine: { value: 'aurora-mysql' },
      engineVersion: { value: '5.7.mysql_aurora.2.04.2' },
      iamAuth: { known: true, value: false },
      endpoint: 'mydbcluster.cluster-cnpexample.us-east-1.rds.amazonaws.com',
      tls: { applyStatus: 'in-sync', parameterGroup: { known: true, value: { id: 'default.aurora-mysql5.7', kind: 'cluster' } } },
    });
  });
});

describe('the AWS CLI create-db-instance and describe-certificates examples', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'rds-tls-guard-corpus-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  function usWest2() {
    const aws = account('us-west-2');
    const created = cliOutput<{ DBInstance: DBInstance }>(extracted('create-db-instance__output1.json')).DBInstance;
    aws.mock.on(DescribeDBInstancesCommand).resolves({ DBInstances: [created] });
    aws.mock.on(DescribeCertificatesCommand).resolves(cliOutput(extracted('describe-certificates__output1.json')));
    aws.mock.on(DescribePendingMaintenanceActionsCommand).resolves(cliOutput(extracted('describe-pending-maintenance-actions__output1.json')));
    return aws;
  }

  it('give the CA, its validity from the region, the default CA, and drop the masked password', async () => {
    const result = await readLive({ regions: ['us-west-2'], clientFactory: usWest2().factory });
    expect(result.certificates).toEqual([
      { identifier: 'rds-ca-ecc384-g1', validTill: '2121-05-24T23:06:59.000Z', region: 'us-west-2', defaultForNewLaunches: false },
      { identifier: 'rds-ca-rsa4096-g1', validTill: '2121-05-24T23:03:20.000Z', region: 'us-west-2', defaultForNewLaunches: false },
      { identifier: 'rds-ca-rsa2048-g1', validTill: '2061-05-24T22:59:00.000Z', region: 'us-west-2', defaultForNewLaunches: true },
      { identifier: 'rds-ca-2019', validTill: '2024-08-22T17:08:50.000Z', region: 'us-west-2', defaultForNewLaunches: false },
    ]);
    const db = byId(result, 'test-mysql-instance');
    expect(db).toMatchObject({
      engine: { value: 'mysql' },
      engineVersion: { value: '5.7.22' },
      origin: { region: 'us-west-2', account: '123456789012' },
      iamAuth: { known: true, value: false },
      tls: { applyStatus: 'in-sync', parameterGroup: { known: true, value: { id: 'default.mysql5.7' } } },
    });
    // The pending change is the master password (masked), not a CA: no CA change; the system-update is not one either.
    expect(db.ca).toEqual({
      identifier: { known: true, value: 'rds-ca-2019', via: 'DescribeDBInstances us-west-2' },
      serverCertValidTill: null,
      caValidTill: '2024-08-22T17:08:50.000Z',
      change: null,
    });
    const snapshot = await captureSnapshot({ regions: ['us-west-2'], clientFactory: usWest2().factory });
    expect(JSON.stringify(snapshot)).not.toContain('MasterUserPassword');
  });

  it('evaluate through check() from a snapshot: rds-ca-2019 is not allowed and expired on 2024-08-22', async () => {
    const file = join(work, 'us-west-2.json');
    await writeSnapshot(file, await captureSnapshot({ regions: ['us-west-2'], clientFactory: usWest2().factory }));
    const report = await check({ policy: defaultPolicy(), snapshots: [file], asOf: new Date('2026-06-01T00:00:00Z') });
    const row = report.resources.find((r) => r.id === 'test-mysql-instance')!;
    expect(row).toMatchObject({ ca: 'rds-ca-2019', caValidTill: '2024-08-22T17:08:50.000Z', iamAuth: false, source: { type: 'snapshot', file, region: 'us-west-2' } });
    const rules = report.findings.filter((f) => f.resource === 'test-mysql-instance').map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['ca-allowed', 'ca-expiring', 'iam-auth']));
  });
});

describe('engine versions and parameters', () => {
  const ssl = extracted('awsdocs-rds-user-guide__UsingWithRDS.SSL__block2.json');

  it('postgres 13.4 from the RDS user guide rotates without restart and supports four CAs', async () => {
    const aws = account('us-east-1');
    aws.mock.on(DescribeDBInstancesCommand).resolves({
      DBInstances: [{ DBInstanceIdentifier: 'pg13', DBInstanceArn: 'arn:aws:rds:us-east-1:123456789012:db:pg13', Engine: 'postgres', EngineVersion: '13.4', DBParameterGroups: [{ DBParameterGroupName: 'pg13-custom' }] }],
    });
    aws.mock.on(DescribeDBEngineVersionsCommand).resolves(JSON.parse(readFileSync(ssl, 'utf8')));
    aws.mock.on(DescribeDBParametersCommand).callsFake((input: { Marker?: string }) =>
      // The recording is a second page (it carries a Marker); the page after it is empty.
      Promise.resolve(input.Marker ? { Parameters: [] } : recorded(placebo('test_rds_param_filter__rds.DescribeDBParameters_2.json'))),
    );
    const result = await readLive({ regions: ['us-east-1'], clientFactory: aws.factory });
    expect(result.engineVersions).toEqual([
      {
        engine: 'postgres', version: '13.4', supportsCertificateRotationWithoutRestart: true,
        supportedCAs: ['rds-ca-2019', 'rds-ca-rsa2048-g1', 'rds-ca-ecc384-g1', 'rds-ca-rsa4096-g1'], parameterGroupFamily: 'postgres13',
        source: 'DescribeDBEngineVersions us-east-1',
      },
    ]);
    const group = result.resources[0]!.tls?.parameterGroup;
    expect(group).toMatchObject({ known: true, value: { id: 'pg13-custom', family: { known: true, value: 'postgres13' }, includesDefaults: true } });
    // rds.force_ssl is the system default 0, static: the recording's `ssl` = 1 only enables TLS and is not kept.
    const parameters = group?.known && !('default' in group.value) ? group.value.parameters : {};
    expect(parameters).toEqual({
      'rds.force_ssl': {
        name: 'rds.force_ssl', value: { known: true, value: '0', via: 'DescribeDBParameters us-east-1' }, applyType: 'static', applyMethod: 'pending-reboot', source: 'system',
      },
    });
  });

  it('readEngineVersionsFiles reads the same facts from the documentation block', async () => {
    expect(await readEngineVersionsFiles([ssl])).toEqual([
      {
        engine: 'postgres', version: '13.4', supportsCertificateRotationWithoutRestart: true,
        supportedCAs: ['rds-ca-2019', 'rds-ca-rsa2048-g1', 'rds-ca-ecc384-g1', 'rds-ca-rsa4096-g1'], parameterGroupFamily: 'postgres13', source: ssl,
      },
    ]);
  });

  it('an older recording without SupportsCertificateRotationWithoutRestart leaves it unknown (null)', async () => {
    const aws = account('us-east-1');
    aws.mock.on(DescribeDBInstancesCommand).resolves({ DBInstances: [{ DBInstanceIdentifier: 'pg13', Engine: 'postgres', EngineVersion: '13.4' }] });
    aws.mock.on(DescribeDBEngineVersionsCommand).resolves(recorded(placebo('test_rds_engine_filter__rds.DescribeDBEngineVersions_1.json')));
    const result = await readLive({ regions: ['us-east-1'], clientFactory: aws.factory });
    expect(result.engineVersions).toEqual([
      { engine: 'postgres', version: '13.4', supportsCertificateRotationWithoutRestart: null, supportedCAs: null, parameterGroupFamily: 'postgres13', source: 'DescribeDBEngineVersions us-east-1' },
    ]);
  });
});

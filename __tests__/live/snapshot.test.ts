// Snapshot files: the round trip gives the live facts back; bad files are input errors with positions.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DescribeCertificatesCommand,
  DescribeDBClusterParametersCommand,
  DescribeDBClustersCommand,
  DescribeDBEngineVersionsCommand,
  DescribeDBInstancesCommand,
  DescribeDBParametersCommand,
  DescribeOptionGroupsCommand,
  DescribePendingMaintenanceActionsCommand,
} from '@aws-sdk/client-rds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import type { SourceResult } from '../../src/model.js';
import { readLive } from '../../src/sources/live/index.js';
import { captureSnapshot, readSnapshots, writeSnapshot } from '../../src/sources/snapshot/index.js';
import { awsError, denied, instance, mockRegions } from './mock-rds.js';

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'rds-tls-guard-snapshot-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every fact kind a scan keeps, in two regions, with one denied optional API and one failed group. */
function richAccount() {
  const aws = mockRegions(['us-east-1', 'eu-central-1']);
  const east = aws.mock('us-east-1');
  east.on(DescribeDBInstancesCommand).resolves({
    DBInstances: [
      instance('pg', 'us-east-1', {
        MasterUsername: 'admin',
        Endpoint: { Address: 'pg.abc.us-east-1.rds.amazonaws.com', Port: 5432 },
        PendingModifiedValues: { MasterUserPassword: '****', CACertificateIdentifier: 'rds-ca-rsa4096-g1' },
        CertificateDetails: { CAIdentifier: 'rds-ca-rsa2048-g1', ValidTill: new Date('2027-03-01T10:00:00Z') },
        TagList: [{ Key: 'env', Value: 'prod' }],
        IAMDatabaseAuthenticationEnabled: true,
      }),
      instance('broken-group', 'us-east-1', { DBParameterGroups: [{ DBParameterGroupName: 'gone', ParameterApplyStatus: 'in-sync' }] }),
      instance('ora', 'us-east-1', { Engine: 'oracle-se2', EngineVersion: '19.0.0.0.ru-2024-04.rur-2024-04.r1', OptionGroupMemberships: [{ OptionGroupName: 'ora-plain', Status: 'in-sync' }] }),
      instance('aurora-1', 'us-east-1', { Engine: 'aurora-mysql', EngineVersion: '8.0.mysql_aurora.3.08.2', DBClusterIdentifier: 'amy' }),
    ],
  });
  east.on(DescribeDBClustersCommand).resolves({
    DBClusters: [
      {
        DBClusterIdentifier: 'amy', DBClusterArn: 'arn:aws:rds:us-east-1:111122223333:cluster:amy', Engine: 'aurora-mysql', EngineVersion: '8.0.mysql_aurora.3.08.2',
        DBClusterParameterGroup: 'amy-params', DBClusterMembers: [{ DBInstanceIdentifier: 'aurora-1', DBClusterParameterGroupStatus: 'pending-reboot' }],
        IAMDatabaseAuthenticationEnabled: true, MasterUsername: 'admin',
      },
    ],
  });
  east.on(DescribeDBParametersCommand, { DBParameterGroupName: 'pg-main' }).resolves({ Parameters: [{ ParameterName: 'rds.force_ssl', ParameterValue: '1', Source: 'user', ApplyType: 'static' }] });
  east.on(DescribeDBParametersCommand, { DBParameterGroupName: 'gone' }).rejects(awsError('DBParameterGroupNotFound', 'DBParameterGroup not found: gone', 404));
  east.on(DescribeDBClusterParametersCommand).resolves({ Parameters: [{ ParameterName: 'require_secure_transport', ParameterValue: 'OFF', Source: 'engine-default' }] });
  east.on(DescribeOptionGroupsCommand).resolves({ OptionGroupsList: [{ OptionGroupName: 'ora-plain', Options: [{ OptionName: 'Timezone' }] }] });
  east.on(DescribeDBEngineVersionsCommand).resolves({
    DBEngineVersions: [{ Engine: 'postgres', EngineVersion: '14.9', DBParameterGroupFamily: 'postgres14', SupportsCertificateRotationWithoutRestart: true, SupportedCACertificateIdentifiers: ['rds-ca-rsa2048-g1'] }],
  });
  east.on(DescribeCertificatesCommand).resolves({ Certificates: [{ CertificateIdentifier: 'rds-ca-rsa2048-g1', ValidTill: new Date('2061-05-24T22:59:00Z') }], DefaultCertificateForNewLaunches: 'rds-ca-rsa2048-g1' });
  east.on(DescribePendingMaintenanceActionsCommand).resolves({ PendingMaintenanceActions: [] });
  const central = aws.mock('eu-central-1');
  central.on(DescribeDBInstancesCommand).resolves({ DBInstances: [instance('fra', 'eu-central-1', { EngineVersion: '16.3' })] });
  central.on(DescribeDBEngineVersionsCommand).rejects(denied('DescribeDBEngineVersions'));
  return aws;
}

function asFrom(result: SourceResult, type: 'live' | 'snapshot', file: string | null): unknown {
  return JSON.parse(
    JSON.stringify(result, (key, value: unknown) => {
      if (key === 'origin') return { ...(value as object), type, file };
      if (key === 'location' || key === 'at') return { ...(value as object), file };
      return value;
    }),
  );
}

describe('snapshot round trip', () => {
  it('reads back into the facts the live scan gives, and keeps nothing it does not read', async () => {
    const live = await readLive({ regions: ['us-east-1', 'eu-central-1'], clientFactory: richAccount().clientFactory });
    const snapshot = await captureSnapshot({ regions: ['us-east-1', 'eu-central-1'], clientFactory: richAccount().clientFactory });
    const file = join(work, 'rich.json');
    await writeSnapshot(file, snapshot);
    const offline = await readSnapshots([file]);

    expect(asFrom(offline, 'live', null)).toEqual(asFrom(live, 'live', null));
    expect(offline.resources.map((r) => [r.id, r.origin.type, r.origin.file])).toEqual(live.resources.map((r) => [r.id, 'snapshot', file]));
    // The run was incomplete (a group vanished) and one optional API was denied: both travel with the file.
    expect(offline.errors).toEqual([{ source: 'us-east-1 DescribeDBParameters', message: 'gone: DBParameterGroupNotFound: DBParameterGroup not found: gone' }]);
    expect(offline.unavailable?.map((e) => e.source)).toEqual(['eu-central-1 DescribeDBEngineVersions']);
    expect(offline.resources.find((r) => r.id === 'pg')?.ca?.change).toMatchObject({ to: { value: 'rds-ca-rsa4096-g1' } });

    const text = readFileSync(file, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 'rds-tls-guard-snapshot', version: 1, regions: ['us-east-1', 'eu-central-1'] });
    for (const dropped of ['MasterUsername', 'MasterUserPassword', '****', 'Port', 'unit-test-secret', 'AKIAUNITTESTKEY']) expect(text).not.toContain(dropped);
  });

  it('combines several snapshot files', async () => {
    const snapshot = await captureSnapshot({ regions: ['us-east-1', 'eu-central-1'], clientFactory: richAccount().clientFactory });
    const a = join(work, 'a.json');
    const b = join(work, 'b.json');
    await writeSnapshot(a, { ...snapshot, facts: snapshot.facts.slice(0, 1), regions: ['us-east-1'] });
    await writeSnapshot(b, { ...snapshot, facts: snapshot.facts.slice(1), regions: ['eu-central-1'], errors: [] });
    const result = await readSnapshots([a, b]);
    expect(result.resources.map((r) => `${r.origin.file === a ? 'a' : 'b'} ${r.id}`)).toEqual(['a amy', 'a pg', 'a broken-group', 'a ora', 'a aurora-1', 'b fra']);
  });
});

describe('bad snapshot files', () => {
  const write = (name: string, text: string) => {
    const file = join(work, name);
    writeFileSync(file, text);
    return file;
  };
  const failure = async (file: string): Promise<InputError> => {
    const error = await readSnapshots([file]).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  };
  const valid = () => ({ format: 'rds-tls-guard-snapshot', version: 1, capturedAt: '2026-01-01T00:00:00.000Z', regions: [], facts: [], errors: [], unavailable: [] });

  it('a missing file names the file', async () => {
    const error = await failure(join(work, 'nope.json'));
    expect(error.file).toBe(join(work, 'nope.json'));
    expect(error.message).toBe('cannot read an rds-tls-guard snapshot: no such file');
  });

  it('invalid JSON points at the character', async () => {
    const error = await failure(write('syntax.json', '{\n  "format": "rds-tls-guard-snapshot",\n  "version": 1,\n}\n'));
    expect(error.describe()).toBe(`${join(work, 'syntax.json')}:4:1: not valid JSON (an rds-tls-guard snapshot): Expected double-quoted property name`);
  });

  it('another JSON file (a Terraform plan) is not a snapshot', async () => {
    const error = await failure(write('plan.json', '{"format_version": "1.2", "resource_changes": []}'));
    expect(error.message).toMatch(/^not an rds-tls-guard snapshot/);
    expect([error.line, error.column]).toEqual([1, 1]);
  });

  it('a newer format version asks for a newer rds-tls-guard', async () => {
    const error = await failure(write('newer.json', JSON.stringify({ ...valid(), version: 2 }, null, 2)));
    expect(error.message).toMatch(/format version 2 is newer than this rds-tls-guard reads \(1\)/);
    expect([error.line, error.column]).toEqual([3, 14]);
  });

  it('a member of the wrong type is named by its path, at its line', async () => {
    const facts = [{ region: 'us-east-1', dbInstances: [{ DBInstanceIdentifier: 'db', Engine: 5 }], dbClusters: [], dbParameterGroups: [], dbClusterParameterGroups: [], optionGroups: [], engineVersions: null, certificates: null, pendingMaintenanceActions: null }];
    const text = JSON.stringify({ ...valid(), facts }, null, 2);
    const error = await failure(write('types.json', text));
    expect(error.message).toBe('facts[0].dbInstances[0].Engine must be a string, not a number');
    const line = text.split('\n').findIndex((l) => l.includes('"Engine": 5')) + 1;
    expect([error.line, error.column]).toEqual([line, 21]);
  });

  it('a missing member is named', async () => {
    const error = await failure(write('missing.json', JSON.stringify({ ...valid(), facts: [{ region: 'us-east-1' }] })));
    expect(error.message).toBe('facts[0] misses "dbInstances" (an array)');
  });
});

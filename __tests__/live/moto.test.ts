// The live source against a real AWS endpoint (moto_server), through the real SDK: seeded through the
// RDS API in two regions, read with readLive, evaluated with check(), captured as a snapshot.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeDBInstancesCommand } from '@aws-sdk/client-rds';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import type { ParameterGroup, Resource, SourceResult } from '../../src/model.js';
import { defaultPolicy } from '../../src/policy/index.js';
import { countCalls, createRdsClient, readLive, type CallCounts } from '../../src/sources/live/index.js';
import { captureSnapshot, readSnapshots, writeSnapshot } from '../../src/sources/snapshot/index.js';
import { FAKE_ACCESS_KEY_ID, FAKE_SECRET_ACCESS_KEY, FAKE_SESSION_TOKEN, describeWithMoto } from '../helpers/moto.js';
import { ACCOUNT, REGIONS, seedFleet } from './fleet.js';

const byId = (result: SourceResult, id: string): Resource => {
  const found = result.resources.find((r) => r.id === id);
  if (!found) throw new Error(`no resource ${id} in ${result.resources.map((r) => r.id).join(', ')}`);
  return found;
};

function group(resource: Resource): ParameterGroup {
  const link = resource.tls?.parameterGroup;
  if (!link?.known || 'default' in link.value) throw new Error(`${resource.id} has no read parameter group: ${JSON.stringify(link)}`);
  return link.value;
}

/** The same facts or report, as if they came from another source type and file. */
function asFrom(value: unknown, type: 'live' | 'snapshot', file: string | null): unknown {
  return JSON.parse(
    JSON.stringify(value, (_key, v: unknown) => {
      if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
      const record = v as Record<string, unknown>;
      if ((record.type === 'live' || record.type === 'snapshot') && 'file' in record) return { ...record, type, file };
      if ('file' in record && 'line' in record && 'column' in record) return { ...record, file };
      return v;
    }),
  );
}

describeWithMoto(
  'live source against moto_server',
  (getMoto) => {
    let result: SourceResult;
    const counts: CallCounts = {};
    let work: string;

    beforeAll(async () => {
      work = mkdtempSync(join(tmpdir(), 'rds-tls-guard-live-'));
      await seedFleet();
      result = await readLive({ regions: [...REGIONS], clientFactory: (region) => countCalls(createRdsClient(region), counts) });
    });
    afterAll(() => rmSync(work, { recursive: true, force: true }));

    it('reaches moto through AWS_ENDPOINT_URL_RDS alone: the client is built with just a region', async () => {
      expect(process.env.AWS_ENDPOINT_URL_RDS).toBe(getMoto().endpoint);
      const client = createRdsClient('eu-west-1');
      try {
        const page = await client.send(new DescribeDBInstancesCommand({}));
        expect(page.DBInstances?.map((i) => i.DBInstanceIdentifier).sort()).toEqual(['eu-legacy-pg14', 'eu-mysql', 'eu-orders-pg14']);
      } finally {
        client.destroy();
      }
    });

    it('reads the RDS databases of both regions and skips Neptune', () => {
      expect(result.resources.map((r) => `${r.origin.region} ${r.kind} ${r.id}`).sort()).toEqual(
        [
          'us-east-1 db-cluster analytics',
          'us-east-1 db-cluster ledger',
          'us-east-1 cluster-member analytics-1',
          'us-east-1 cluster-member analytics-2',
          'us-east-1 cluster-member ledger-1',
          'us-east-1 db-instance orders-pg14',
          'us-east-1 db-instance reports-pg16',
          'us-east-1 db-instance billing-pg16',
          'us-east-1 db-instance shop-mysql',
          'us-east-1 db-instance erp-oracle',
          'eu-west-1 db-instance eu-orders-pg14',
          'eu-west-1 db-instance eu-legacy-pg14',
          'eu-west-1 db-instance eu-mysql',
        ].sort(),
      );
      for (const resource of result.resources) {
        expect(resource.origin).toMatchObject({ type: 'live', file: null, account: ACCOUNT });
        expect(resource.arn).toMatch(new RegExp(`^arn:aws:rds:${resource.origin.region}:${ACCOUNT}:(db|cluster):${resource.id}$`));
        expect(resource.change).toBeNull();
      }
    });

    it('takes the CA changed with ModifyDBInstance, the tags, IAM auth and the custom group with rds.force_ssl', () => {
      const orders = byId(result, 'orders-pg14');
      expect(orders.engine).toMatchObject({ known: true, value: 'postgres' });
      expect(orders.engineVersion).toMatchObject({ known: true, value: '14.9' });
      expect(orders.ca?.identifier).toEqual({ known: true, value: 'rds-ca-rsa4096-g1', via: 'DescribeDBInstances us-east-1' });
      expect(orders.tags).toEqual({ env: 'prod', team: 'orders' });
      expect(orders.iamAuth).toMatchObject({ known: true, value: true });
      expect(orders.endpoint).toBe('orders-pg14.aaaaaaaaaa.us-east-1.rds.amazonaws.com');
      expect(orders.tls?.applyStatus).toBe('in-sync');
      const pg = group(orders);
      expect(pg).toMatchObject({ id: 'pg14-force', kind: 'db', includesDefaults: true });
      expect(pg.parameters['rds.force_ssl']).toMatchObject({ value: { known: true, value: '1' }, applyMethod: 'pending-reboot' });
      // moto has no DescribeDBEngineVersions: the family of a custom group stays unknown, with the reason.
      expect(pg.family.known).toBe(false);
    });

    it('reads engine default groups and groups without the TLS parameter', () => {
      const reports = byId(result, 'reports-pg16');
      expect(group(reports)).toMatchObject({ id: 'default.postgres16', parameters: {}, family: { known: true, value: 'postgres16' } });
      expect(reports.iamAuth).toMatchObject({ known: true, value: false });
      expect(group(byId(result, 'billing-pg16'))).toMatchObject({ id: 'pg16-plain', parameters: {} });
      expect(group(byId(result, 'eu-mysql'))).toMatchObject({ id: 'default.mysql8.0', parameters: {} });
      expect(group(byId(result, 'shop-mysql')).parameters.require_secure_transport?.value).toMatchObject({ value: '1' });
    });

    it('puts TLS and IAM on the clusters and the CA on Aurora members, not on Multi-AZ members', () => {
      const analytics = byId(result, 'analytics');
      expect(analytics).toMatchObject({ clusterType: 'aurora', iamAuth: { known: true, value: true } });
      expect(analytics.ca).toBeUndefined();
      expect(group(analytics)).toMatchObject({ id: 'apg15-force', kind: 'cluster' });
      expect(group(analytics).parameters['rds.force_ssl']?.value).toMatchObject({ value: '1' });

      const member = byId(result, 'analytics-2');
      expect(member).toMatchObject({ clusterId: 'analytics', ca: { identifier: { known: true, value: 'rds-ca-2019' } } });
      expect(member.tls).toBeUndefined();
      expect(member.iamAuth).toBeUndefined();

      const ledger = byId(result, 'ledger');
      expect(ledger.clusterType).toBe('multi-az');
      expect(group(ledger).parameters.require_secure_transport?.value).toMatchObject({ value: 'ON' });
      // moto's DescribeDBClusters has no CertificateDetails: the members carry the cluster's CA.
      expect(ledger.ca?.identifier).toEqual({ known: true, value: 'rds-ca-rsa2048-g1', via: 'DescribeDBInstances us-east-1 (member ledger-1)' });
      const ledgerMember = byId(result, 'ledger-1');
      expect(ledgerMember.clusterId).toBe('ledger');
      expect(ledgerMember.ca).toBeUndefined();
    });

    it('reads the Oracle SSL option from the option group', () => {
      const oracle = byId(result, 'erp-oracle');
      expect(oracle.tls?.sslOption).toEqual({ known: true, value: true, via: 'DescribeOptionGroups us-east-1' });
      expect(oracle.tls?.parameterGroup).toMatchObject({ known: false });
    });

    it('fetches each group, option group and failing API once per region', () => {
      expect(counts).toEqual({
        DescribeDBInstances: 2,
        DescribeDBClusters: 2,
        // us-east-1: pg14-force, pg16-plain, mysql-secure, default.postgres16; eu-west-1: pg14-force, default.mysql8.0
        DescribeDBParameters: 6,
        DescribeDBClusterParameters: 2,
        DescribeOptionGroups: 1,
        // moto lacks these: one failed call per region, then the region stops asking.
        DescribeDBEngineVersions: 2,
        DescribeCertificates: 2,
        DescribePendingMaintenanceActions: 2,
      });
    });

    it('records the APIs moto lacks as errors (they failed; they were not denied) and keeps everything else', () => {
      expect(result.errors.map((e) => e.source)).toEqual([
        'eu-west-1 DescribeCertificates',
        'eu-west-1 DescribeDBEngineVersions',
        'eu-west-1 DescribePendingMaintenanceActions',
        'us-east-1 DescribeCertificates',
        'us-east-1 DescribeDBEngineVersions',
        'us-east-1 DescribePendingMaintenanceActions',
      ]);
      for (const error of result.errors) expect(error.message).toMatch(/HTTP 500/);
      expect(result.unavailable).toBeUndefined();
      expect(result.engineVersions).toEqual([]);
      expect(result.certificates).toEqual([]);
      // Without DescribePendingMaintenanceActions, "no pending CA change" is not known either.
      expect(byId(result, 'orders-pg14').ca?.change).toBeUndefined();
    });

    it('never puts credentials into the result', () => {
      const text = JSON.stringify(result);
      for (const secret of [FAKE_SECRET_ACCESS_KEY, FAKE_SESSION_TOKEN, FAKE_ACCESS_KEY_ID]) expect(text).not.toContain(secret);
    });

    it('evaluates the live fleet with check(): findings, the degraded restart prediction, incomplete', async () => {
      const report = await check({ policy: defaultPolicy(), live: true, regions: [...REGIONS], asOf: new Date('2026-06-01T00:00:00Z') });
      expect(report.summary.incomplete).toBe(true);
      expect(report.errors).toHaveLength(6);
      const caFindings = report.findings.filter((f) => f.rule === 'ca-allowed').map((f) => f.resource).sort();
      expect(caFindings).toEqual(['analytics-2', 'eu-legacy-pg14', 'shop-mysql']);
      const ssl = report.findings.filter((f) => f.rule === 'ssl-enforced').map((f) => `${f.severity} ${f.resource}`).sort();
      // MySQL 8.0 defaults require_secure_transport to OFF; PostgreSQL 16 defaults rds.force_ssl to 1;
      // Oracle's SSL option leaves the plain-text port open (a notice).
      expect(ssl).toEqual(['error eu-mysql', 'notice erp-oracle']);
      const analytics2 = report.resources.find((r) => r.id === 'analytics-2')!;
      expect(analytics2.restart.required).toBeNull();
      expect(analytics2.restart.reason).toMatch(/aurora-postgresql 15\.4/);
      const reports16 = report.resources.find((r) => r.id === 'reports-pg16')!;
      expect(reports16).toMatchObject({ sslEnforced: true, ca: 'rds-ca-rsa2048-g1', source: { type: 'live', region: 'us-east-1' } });
      expect(JSON.stringify(report)).not.toContain(FAKE_SECRET_ACCESS_KEY);
    });

    it('captures a snapshot that reads back into the same facts and the same report', async () => {
      const snapshot = await captureSnapshot({ regions: [...REGIONS] });
      expect(snapshot.regions).toEqual([...REGIONS]);
      expect(snapshot.errors).toEqual(result.errors);
      const file = join(work, 'fleet.snapshot.json');
      await writeSnapshot(file, snapshot);
      const text = readFileSync(file, 'utf8');
      for (const secret of [FAKE_SECRET_ACCESS_KEY, FAKE_SESSION_TOKEN, FAKE_ACCESS_KEY_ID, 'not-a-real-password-1']) expect(text).not.toContain(secret);

      const offline = await readSnapshots([file]);
      expect(asFrom(offline, 'live', null)).toEqual(asFrom(result, 'live', null));
      expect(offline.resources.every((r) => r.origin.type === 'snapshot' && r.origin.file === file)).toBe(true);

      const asOf = new Date('2026-06-01T00:00:00Z');
      const live = await check({ policy: defaultPolicy(), live: true, regions: [...REGIONS], asOf });
      const fromSnapshot = await check({ policy: defaultPolicy(), snapshots: [file], asOf });
      expect(asFrom(fromSnapshot, 'live', null)).toEqual(asFrom(live, 'live', null));
      expect(fromSnapshot.findings.length).toBeGreaterThan(0);
    });
  },
  { resetEachTest: false },
);

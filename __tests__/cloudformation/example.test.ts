// The README's CloudFormation example: what it shows must stay true.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { loadPolicy } from '../../src/policy/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TEMPLATE = 'examples/cloudformation/template.yaml';
const CHANGESET = 'examples/cloudformation/changeset.json';

async function run(changesets: string[]) {
  const policy = await loadPolicy('examples/policy.yml', { cwd: ROOT });
  return check({ policy, cwd: ROOT, cloudformation: [resolve(ROOT, TEMPLATE)], changesets: changesets.map((f) => resolve(ROOT, f)), awsFacts: false, env: {}, asOf: new Date('2026-01-15') });
}

describe('examples/cloudformation', () => {
  it('the template: LegacyDb fails every rule on its lines, ExportDb is unknown, the rest pass', async () => {
    const report = await run([]);
    expect(report.findings.map((f) => `${f.rule} ${f.resource} ${f.source.line}:${f.source.column}`)).toEqual([
      'ca-allowed LegacyDb 63:32',
      'ca-expiring LegacyDb 63:32',
      'ssl-enforced LegacyDb 53:9',
      'iam-auth LegacyDb 54:3',
      'unknown ExportDb 110:29',
    ]);
    expect(report.resources.map((r) => [r.id, r.kind, r.ca, r.sslEnforced, r.iamAuth])).toEqual([
      ['OrdersDb', 'db-instance', 'rds-ca-rsa2048-g1', true, true],
      ['LegacyDb', 'db-instance', 'rds-ca-2019', false, false],
      ['AnalyticsCluster', 'db-cluster', null, true, true],
      ['AnalyticsWriter', 'cluster-member', 'rds-ca-rsa4096-g1', true, true],
      ['AnalyticsReader', 'cluster-member', 'rds-ca-rsa2048-g1', true, true],
      ['ExportDb', 'db-instance', 'rds-ca-rsa4096-g1', null, true],
    ]);
    // Fixing LegacyDb's CA restarts it: MySQL 5.7.34 cannot rotate without a restart.
    expect(report.resources[1]!.restart).toMatchObject({ required: true, trigger: 'ca-not-allowed' });
  });

  it('the change set: OrdersDb rotates its CA without a restart', async () => {
    const report = await run([CHANGESET]);
    const orders = report.resources.find((r) => r.id === 'OrdersDb')!;
    expect(orders.source.type).toBe('changeset');
    expect(orders.restart).toMatchObject({ required: false, trigger: 'planned-ca-change' });
    expect(orders.restart.reason).toMatch(/^CA rds-ca-2019 → rds-ca-rsa2048-g1: mariadb 10.6.16 supports certificate rotation without restart/);
  });
});

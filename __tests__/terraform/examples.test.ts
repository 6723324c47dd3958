// examples/terraform: the plan a new user runs first. It must stay true to its .tf files and
// show every rule firing and passing.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { check } from '../../src/check.js';
import { defaultPolicy } from '../../src/policy/index.js';
import { scanTerraform } from '../../src/sources/terraform/hcl-scan.js';
import { readTerraformPlans } from '../../src/sources/terraform/index.js';

const EXAMPLE = resolve(dirname(fileURLToPath(import.meta.url)), '../../examples/terraform');
const PLAN = join(EXAMPLE, 'plan.json');

describe('examples/terraform', () => {
  it('has a plan whose configuration matches the .tf files argument for argument', () => {
    const blocks = new Map<string, Set<string>>();
    for (const name of readdirSync(EXAMPLE).filter((f) => f.endsWith('.tf'))) {
      for (const block of scanTerraform(readFileSync(join(EXAMPLE, name), 'utf8'))) {
        if (block.type === 'resource') blocks.set(block.labels.join('.'), new Set([...block.attributes.keys()].filter((k) => k !== 'count')));
      }
    }
    const plan = JSON.parse(readFileSync(PLAN, 'utf8'));
    expect(plan.format_version).toBe('1.2');
    const configured = plan.configuration.root_module.resources as { address: string; expressions: Record<string, unknown> }[];
    expect(configured.map((r) => r.address).sort()).toEqual([...blocks.keys()].sort());
    for (const resource of configured) {
      const attributes = Object.keys(resource.expressions).filter((k) => k !== 'parameter');
      expect(attributes.sort(), resource.address).toEqual([...blocks.get(resource.address)!].sort());
    }
  });

  it('locates every database in the .tf files', async () => {
    const { resources } = await readTerraformPlans([PLAN]);
    const where = Object.fromEntries(resources.map((r) => [r.id, `${r.origin.location.file?.split('/').pop()}:${r.origin.location.line}`]));
    expect(where).toEqual({
      'aws_db_instance.legacy': 'instances.tf:3',
      'aws_db_instance.billing': 'instances.tf:30',
      'aws_db_instance.reporting': 'instances.tf:57',
      'aws_db_instance.analytics': 'instances.tf:82',
      'aws_db_instance.wordpress': 'instances.tf:95',
      'aws_db_instance.inventory': 'instances.tf:124',
      'aws_db_instance.erp': 'instances.tf:138',
      'aws_db_instance.sandbox': 'instances.tf:164',
      'aws_rds_cluster.orders': 'aurora.tf:3',
      'aws_rds_cluster_instance.orders[0]': 'aurora.tf:25',
      'aws_rds_cluster_instance.orders[1]': 'aurora.tf:25',
    });
  });

  it('reads the facts each example is there to show', async () => {
    const { resources } = await readTerraformPlans([PLAN]);
    const get = (id: string) => resources.find((r) => r.id === id)!;
    expect(get('aws_db_instance.billing').ca!.change).toMatchObject({ from: 'rds-ca-2019', to: { known: true, value: 'rds-ca-rsa2048-g1' } });
    expect(get('aws_db_instance.billing').change!.applyImmediately).toMatchObject({ known: true, value: true });
    expect(get('aws_db_instance.inventory').ca!.identifier).toMatchObject({ known: false, reason: 'ca_cert_identifier is known only after apply' });
    expect(get('aws_db_instance.analytics').tls!.parameterGroup).toMatchObject({ known: true, value: { default: true, name: null } });
    expect(get('aws_rds_cluster_instance.orders[1]').clusterId).toBe('aws_rds_cluster.orders');
    expect(get('aws_db_instance.sandbox').tags).toEqual({ 'tls-policy': 'exempt', 'managed-by': 'terraform' });
    expect(JSON.stringify(resources)).not.toContain('example-only-Pa55word');
  });

  it('fires every rule under the built-in policy, pointing at the .tf lines', async () => {
    const report = await check({ policy: defaultPolicy(), awsFacts: false, env: {}, asOf: new Date('2026-01-01'), terraformPlans: [PLAN] });
    const findings = report.findings.map((f) => `${f.rule} ${f.resource} ${f.source.file?.split('/').pop()}:${f.source.line}`);
    expect(findings).toEqual([
      'ca-allowed aws_db_instance.legacy instances.tf:13',
      'ca-expiring aws_db_instance.legacy instances.tf:13',
      'ssl-enforced aws_db_instance.reporting instances.tf:70',
      'iam-auth aws_db_instance.reporting instances.tf:57',
      'iam-auth aws_db_instance.wordpress instances.tf:95',
      'unknown aws_db_instance.inventory instances.tf:133',
      'ca-allowed aws_db_instance.sandbox instances.tf:173',
      'ca-expiring aws_db_instance.sandbox instances.tf:173',
      'ssl-enforced aws_db_instance.sandbox instances.tf:164',
      'iam-auth aws_db_instance.sandbox instances.tf:164',
    ]);
    const restart = Object.fromEntries(report.resources.map((r) => [r.id, r.restart.required]));
    expect(restart['aws_db_instance.billing']).toBe(true); // MySQL 5.7.34 restarts to rotate
    expect(restart['aws_db_instance.legacy']).toBe(false); // PostgreSQL 13.4 rotates without a restart
    const erp = report.resources.find((r) => r.id === 'aws_db_instance.erp')!;
    expect([erp.sslEnforced, erp.iamAuth]).toEqual([true, null]); // SQL Server: IAM auth not applicable

    const gate = { ...defaultPolicy(), restart: { allowed: false } };
    const gated = await check({ policy: gate, awsFacts: false, env: {}, asOf: new Date('2026-01-01'), terraformPlans: [PLAN] });
    expect(gated.findings.filter((f) => f.rule === 'no-restart').map((f) => f.resource)).toEqual(['aws_db_instance.billing']);
  });
});

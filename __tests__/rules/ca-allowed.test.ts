import { describe, expect, it } from 'vitest';
import { known, unknown } from '../../src/model.js';
import { at, instance, report, rulesFired, withPolicy } from '../core/fixtures.js';

describe('ca-allowed', () => {
  it('fails on a CA that is not allowed, at the CA property, with the restart prediction', () => {
    const r = report([instance('db', { ca: { identifier: known('rds-ca-2019', at(9, 22)) } })]);
    const finding = r.findings.find((f) => f.rule === 'ca-allowed');
    expect(finding).toMatchObject({ severity: 'error', resource: 'db', source: { file: 'main.tf', line: 9, column: 22 } });
    expect(finding?.message).toMatch(/rds-ca-2019, which is not allowed/);
    expect(finding?.message).toMatch(/unknown: no engine-version facts for postgres 16.4/);
    expect(r.resources[0]?.restart).toMatchObject({ required: null, trigger: 'ca-not-allowed' });
  });

  it('an unset CA takes ca.assume-default', () => {
    const passing = report([instance('db', { ca: { identifier: known(null, at(1)) } })]);
    expect(rulesFired(passing)).toEqual([]);
    expect(passing.resources[0]).toMatchObject({ ca: 'rds-ca-rsa2048-g1', caBasis: 'assumed default' });

    const strict = withPolicy((p) => (p.ca.assumeDefault = 'rds-ca-2019'));
    const failing = report([instance('db', { ca: { identifier: known(null, at(1)) } })], strict);
    expect(failing.findings[0]?.message).toMatch(/rds-ca-2019 \(not set: ca.assume-default\)/);
  });

  it('an unknown CA is an unknown finding (warning), never a guess', () => {
    const r = report([instance('db', { ca: { identifier: unknown('known only after apply', at(4)) } })]);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ rule: 'unknown', severity: 'warning', source: { line: 4 } });
    // One unknown fact blocks two rules: one finding names both.
    expect(r.findings[0]?.message).toBe('ca-allowed, ca-expiring: CA: known only after apply');
    expect(r.resources[0]?.ca).toBeNull();
  });

  it('flags an allowed CA the engine version does not support', () => {
    const facts = {
      fileEngineVersions: [
        { engine: 'postgres', version: '16.4', supportsCertificateRotationWithoutRestart: true, supportedCAs: ['rds-ca-rsa2048-g1'], source: 'ev.json' },
      ],
    };
    const r = report([instance('db', { ca: { identifier: known('rds-ca-ecc384-g1', at(5)) } })], withPolicy(), facts);
    expect(r.findings.map((f) => f.message)).toEqual([
      'CA rds-ca-ecc384-g1 is not supported by postgres 16.4 (supported: rds-ca-rsa2048-g1; ev.json).',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { known, unknown } from '../../src/model.js';
import { at, instance, parameterGroup, report, withPolicy } from '../core/fixtures.js';

describe('unknown', () => {
  it('reports a fact a rule needs, at the property that holds it, with the reason', () => {
    const group = parameterGroup('pg', {});
    group.parameters['rds.force_ssl'] = { name: 'rds.force_ssl', value: unknown('known only after apply', at(21, 7)), at: at(21, 7) };
    const r = report([instance('db', { tls: { parameterGroup: known(group) } })]);
    expect(r.findings).toEqual([
      expect.objectContaining({
        rule: 'unknown',
        severity: 'warning',
        message: 'ssl-enforced: TLS enforcement: rds.force_ssl: known only after apply',
        source: expect.objectContaining({ line: 21, column: 7 }),
      }),
    ]);
    expect(r.resources[0]?.sslEnforced).toBeNull();
    expect(r.resources[0]?.sslBasis).toBe('unknown: rds.force_ssl: known only after apply');
  });

  it('one unknown fact that blocks several rules is one finding naming them all', () => {
    const r = report([instance('db', { ca: { identifier: unknown('set by a module output') } })]);
    expect(r.findings.map((f) => f.message)).toEqual(['ca-allowed, ca-expiring: CA: set by a module output']);
  });

  it('takes its severity from the policy; off silences it, never the rule that raised it', () => {
    const strict = withPolicy((p) => (p.severity.unknown = 'error'));
    const db = () => instance('db', { iamAuth: unknown('from a variable with no default'), ca: { identifier: known('rds-ca-2019') } });
    expect(report([db()], strict).findings.map((f) => [f.rule, f.severity])).toEqual([
      ['ca-allowed', 'error'],
      ['ca-expiring', 'warning'],
      ['unknown', 'error'],
    ]);
    const silent = withPolicy((p) => (p.severity.unknown = 'off'));
    expect(report([db()], silent).findings.map((f) => f.rule)).toEqual(['ca-allowed', 'ca-expiring']);
  });
});

import { describe, expect, it } from 'vitest';
import { known } from '../../src/model.js';
import { at, instance, report, rulesFired, withPolicy } from '../core/fixtures.js';

describe('ca-expiring', () => {
  it('warns about an expired CA and a server certificate inside the window', () => {
    const r = report([
      instance('old', { ca: { identifier: known('rds-ca-2019', at(3)) } }),
      instance('soon', { ca: { identifier: known('rds-ca-rsa2048-g1', at(3)), serverCertValidTill: '2027-01-10T00:00:00Z' } }),
    ]);
    const expiring = r.findings.filter((f) => f.rule === 'ca-expiring');
    expect(expiring.map((f) => [f.resource, f.severity])).toEqual([
      ['old', 'warning'],
      ['soon', 'warning'],
    ]);
    expect(expiring[0]?.message).toMatch(/CA rds-ca-2019 expired on 2024-08-22/);
    expect(expiring[1]?.message).toMatch(/server certificate expires on 2027-01-10, in 44 days; the policy needs 60 days/);
  });

  it('respects min-days-valid', () => {
    const lenient = withPolicy((p) => (p.ca.minDaysValid = 30));
    const r = report([instance('soon', { ca: { identifier: known('rds-ca-rsa2048-g1'), serverCertValidTill: '2027-01-10T00:00:00Z' } })], lenient);
    expect(rulesFired(r)).toEqual([]);
  });
});

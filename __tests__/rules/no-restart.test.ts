import { describe, expect, it } from 'vitest';
import { known } from '../../src/model.js';
import { at, instance, report, rulesFired, withPolicy } from '../core/fixtures.js';

describe('no-restart and restart prediction', () => {
  const engineVersions = {
    fileEngineVersions: [
      { engine: 'postgres', version: '16.4', supportsCertificateRotationWithoutRestart: false, supportedCAs: null, source: 'ev.json' },
      { engine: 'postgres', version: '16.8', supportsCertificateRotationWithoutRestart: true, supportedCAs: null, source: 'ev.json' },
    ],
  };
  const rotating = (version: string, applyImmediately = false) =>
    instance('db', {
      engineVersion: known(version),
      ca: { identifier: known('rds-ca-rsa2048-g1', at(5)), change: { from: 'rds-ca-2019', to: known('rds-ca-rsa2048-g1'), pending: false, at: at(5) } },
      change: { action: 'update', applyImmediately: known(applyImmediately), restartCauses: [] },
    });

  it('a planned CA change predicts the restart from the engine version, with its timing', () => {
    const r = report([rotating('16.4')], withPolicy(), engineVersions);
    expect(r.resources[0]?.restart).toEqual({
      required: true,
      reason: 'CA rds-ca-2019 → rds-ca-rsa2048-g1: postgres 16.4 does not support certificate rotation without restart (ev.json) at the next maintenance window (apply_immediately is false)',
      trigger: 'planned-ca-change',
    });
    expect(r.summary.restartRequired).toBe(1);
    expect(rulesFired(r)).toEqual([]); // restarts are allowed by default
  });

  it('with restart.allowed false the restart is an error, a rotation without restart is not', () => {
    const gate = withPolicy((p) => (p.restart.allowed = false));
    expect(report([rotating('16.4')], gate, engineVersions).findings.map((f) => [f.rule, f.severity])).toEqual([['no-restart', 'error']]);
    expect(rulesFired(report([rotating('16.8')], gate, engineVersions))).toEqual([]);
    // Without facts the restart is unknown, and says so.
    const unknownRestart = report([rotating('16.4')], gate);
    expect(unknownRestart.findings[0]?.rule).toBe('unknown');
    expect(unknownRestart.findings[0]?.message).toMatch(/^no-restart: restart: CA rds-ca-2019/);
  });

  it('CertificateRotationRestart false defers the restart', () => {
    const resource = rotating('16.4');
    resource.ca!.rotationRestart = known(false);
    const r = report([resource], withPolicy(), engineVersions);
    expect(r.resources[0]?.restart.required).toBe(false);
    expect(r.resources[0]?.restart.reason).toMatch(/CertificateRotationRestart is false/);
  });

  it('a replacement restarts whatever the CA does', () => {
    const gate = withPolicy((p) => (p.restart.allowed = false));
    const replaced = instance('db', { change: { action: 'replace', restartCauses: [{ reason: 'replaced (delete and create)' }] } });
    const r = report([replaced], gate);
    expect(r.findings[0]).toMatchObject({ rule: 'no-restart', message: 'this change restarts the database: replaced (delete and create).' });
  });

  it('a replacement that only may happen (Replacement: Conditional) leaves the restart unknown, unless something else is certain', () => {
    const gate = withPolicy((p) => (p.restart.allowed = false));
    const conditional = { reason: 'the database may be replaced (Replacement: Conditional)', uncertain: true as const };
    const maybe = report([instance('db', { change: { action: 'update', restartCauses: [conditional] } })], gate);
    expect(maybe.resources[0]?.restart).toEqual({ required: null, reason: conditional.reason, trigger: 'other-change' });
    expect(maybe.summary.restartRequired).toBe(0);
    expect(maybe.findings.map((f) => [f.rule, f.message])).toEqual([['unknown', `no-restart: restart: ${conditional.reason}`]]);

    const alsoUpgraded = instance('db', { change: { action: 'update', restartCauses: [conditional, { reason: 'engine version upgrade 16.4 → 17.2' }] } });
    expect(report([alsoUpgraded], gate).resources[0]?.restart.required).toBe(true);
    const alsoRotating = rotating('16.4');
    alsoRotating.change!.restartCauses = [conditional];
    expect(report([alsoRotating], gate, engineVersions).resources[0]?.restart.required).toBe(true);
  });

  it('a CA change whose old CA the change set does not show says so without naming one', () => {
    const resource = rotating('16.8');
    resource.ca!.change!.fromUnknown = 'the change set does not include property values';
    expect(report([resource], withPolicy(), engineVersions).resources[0]?.restart.reason).toBe(
      'CA change to rds-ca-rsa2048-g1: postgres 16.8 supports certificate rotation without restart (ev.json)',
    );
  });

  it('live resources have nothing planned: no-restart does not apply', () => {
    const gate = withPolicy((p) => (p.restart.allowed = false));
    const r = report([instance('db', { ca: { identifier: known('rds-ca-2019') } })], gate, engineVersions);
    expect(rulesFired(r)).not.toContain('no-restart');
    expect(r.resources[0]?.restart).toMatchObject({ required: true, trigger: 'ca-not-allowed' });
  });
});

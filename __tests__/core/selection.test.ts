import { describe, expect, it } from 'vitest';
import { exitCode } from '../../src/exit.js';
import { known, unknown } from '../../src/model.js';
import type { RuleId } from '../../src/policy/types.js';
import { at, instance, report, withPolicy } from './fixtures.js';

describe('policy selection', () => {
  it('scope excludes by engine and tag and counts them', () => {
    const policy = withPolicy((p) => {
      p.scope.engines = ['postgres', 'aurora-*'];
      p.scope.exclude = [{ tag: { key: 'tls-policy', value: 'exempt' } }];
    });
    const r = report(
      [instance('a', { iamAuth: known(false) }), instance('b', { engine: known('mysql'), iamAuth: known(false) }), instance('c', { iamAuth: known(false), tags: { 'tls-policy': 'exempt' } })],
      policy,
    );
    expect(r.resources.map((x) => x.id)).toEqual(['a']);
    expect(r.summary.excluded).toBe(2);
  });

  it('overrides apply in order, later wins', () => {
    const policy = withPolicy((p) => {
      p.overrides = [
        { match: { tag: { key: 'env', value: 'dev' } }, settings: { iamAuth: { required: false } }, at: at(1) },
        { match: { id: 'dev-strict' }, settings: { iamAuth: { required: true } }, at: at(2) },
      ];
    });
    const r = report([instance('dev-db', { iamAuth: known(false), tags: { env: 'dev' } }), instance('dev-strict', { iamAuth: known(false), tags: { env: 'dev' } })], policy);
    expect(r.findings.map((f) => f.resource)).toEqual(['dev-strict']);
  });

  it('exemptions suppress, expire, and report their status', () => {
    const policy = withPolicy((p) => {
      p.exemptions = [
        { selector: { id: 'billing-db' }, rules: ['iam-auth'], reason: 'vendor client', expires: '2026-11-27', at: at(30) },
        { selector: { id: 'old-*' }, rules: ['iam-auth'], reason: 'migration', expires: '2026-11-26', at: at(34) },
        { selector: { id: 'nothing-here' }, rules: [], reason: 'stale', expires: null, at: at(38) },
      ];
    });
    const r = report([instance('billing-db', { iamAuth: known(false) }), instance('old-db', { iamAuth: known(false) })], policy);
    expect(r.suppressed.map((f) => [f.resource, f.exemption.reason])).toEqual([['billing-db', 'vendor client']]);
    expect(r.findings.map((f) => f.message)).toEqual(['IAM database authentication is not enabled. (the exemption "migration" expired on 2026-11-26)']);
    expect(r.policy.exemptions.map((e) => e.status)).toEqual(['active', 'expired', 'unused']);
    expect(r.summary).toMatchObject({ findings: 1, suppressed: 1, error: 1 });
  });

  it('exemptions for the rules an unknown blocks cover that unknown', () => {
    const exempt = (rules: RuleId[]) =>
      withPolicy((p) => {
        p.exemptions = [{ selector: { id: 'db' }, rules, reason: 'CA set by a module we do not own', expires: null, at: at(1) }];
      });
    const db = () => instance('db', { ca: { identifier: unknown('known only after apply') } });
    const both = report([db()], exempt(['ca-allowed', 'ca-expiring']));
    expect(both.findings).toEqual([]);
    expect(both.suppressed.map((f) => f.rule)).toEqual(['unknown']);
    // ca-expiring still needs the CA: the unknown stays.
    expect(report([db()], exempt(['ca-allowed'])).findings.map((f) => f.rule)).toEqual(['unknown']);
  });

  it('severity off silences a rule and its unknowns; severity changes the level', () => {
    const policy = withPolicy((p) => {
      p.severity['iam-auth'] = 'off';
      p.severity['ca-allowed'] = 'notice';
    });
    const r = report([instance('db', { iamAuth: unknown('?'), ca: { identifier: known('rds-ca-2019') } })], policy);
    expect(r.findings.map((f) => [f.rule, f.severity])).toEqual([
      ['ca-allowed', 'notice'],
      ['ca-expiring', 'warning'],
    ]);
  });
});

describe('exit codes', () => {
  const failing = () => report([instance('db', { iamAuth: known(false) })]);
  it('1 at or above --fail-on, 0 below, never never', () => {
    expect(exitCode(failing(), 'error')).toBe(1);
    expect(exitCode(failing(), 'never')).toBe(0);
    const warningOnly = report([instance('db', { ca: { identifier: unknown('later') } })]);
    expect(exitCode(warningOnly, 'error')).toBe(0);
    expect(exitCode(warningOnly, 'warning')).toBe(1);
  });
  it('3 when incomplete, 1 wins over 3', () => {
    const clean = report([instance('db')]);
    clean.summary.incomplete = true;
    expect(exitCode(clean, 'error')).toBe(3);
    const both = failing();
    both.summary.incomplete = true;
    expect(exitCode(both, 'error')).toBe(1);
    expect(exitCode(both, 'never')).toBe(3);
  });
});

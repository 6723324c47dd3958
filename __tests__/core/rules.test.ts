import { describe, expect, it } from 'vitest';
import { exitCode } from '../../src/exit.js';
import { known, unknown } from '../../src/model.js';
import type { RuleId } from '../../src/policy/types.js';
import { at, instance, parameterGroup, report, rulesFired, withPolicy } from './fixtures.js';

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

describe('ssl-enforced', () => {
  it('reads the parameter in a custom group, pointing at its entry', () => {
    const r = report([instance('db', { tls: { parameterGroup: known(parameterGroup('pg', { 'rds.force_ssl': '0' })) } })]);
    expect(r.findings[0]).toMatchObject({ rule: 'ssl-enforced', source: { line: 20, column: 5 } });
    expect(r.findings[0]?.message).toBe('TLS is not enforced: rds.force_ssl = 0 in parameter group pg.');
    expect(r.resources[0]?.sslEnforced).toBe(false);
  });

  it('accepts 1, ON, on and true', () => {
    for (const value of ['1', 'ON', 'on', 'true', 'TRUE']) {
      const r = report([instance('db', { engine: known('mysql'), engineVersion: known('8.0.35'), tls: { parameterGroup: known(parameterGroup('pg', { require_secure_transport: value })) } })]);
      expect(rulesFired(r), value).toEqual([]);
    }
  });

  it('an unset parameter takes the engine-version default', () => {
    const pg14 = report([instance('db', { engineVersion: known('14.9'), tls: { parameterGroup: known(parameterGroup('pg', {})) } })]);
    expect(pg14.findings[0]?.message).toMatch(/rds.force_ssl not set in parameter group pg; the PostgreSQL 14.9 default is 0/);
    const pg16 = report([instance('db', { engineVersion: known('16.1'), tls: { parameterGroup: known(parameterGroup('pg', {})) } })]);
    expect(rulesFired(pg16)).toEqual([]);
  });

  it('a static value pending reboot is not in effect', () => {
    const group = parameterGroup('pg', { 'rds.force_ssl': '1' });
    group.parameters['rds.force_ssl']!.applyType = 'static';
    const r = report([instance('db', { origin: { type: 'live', file: null, region: 'us-east-1', account: null, location: { file: null, line: null, column: null } }, tls: { parameterGroup: known(group), applyStatus: 'pending-reboot' } })]);
    expect(r.findings.find((f) => f.rule === 'ssl-enforced')?.message).toMatch(/pending-reboot on db: not in effect/);
  });

  it('MariaDB before 10.5 cannot enforce TLS', () => {
    const r = report([instance('db', { engine: known('mariadb'), engineVersion: known('10.4.30'), iamAuth: known(false) })]);
    expect(r.findings.find((f) => f.rule === 'ssl-enforced')?.message).toMatch(/before 10.5 has no require_secure_transport/);
  });

  it('Oracle with the SSL option passes with a notice about the plain-text port', () => {
    const r = report([instance('ora', { engine: known('oracle-ee'), engineVersion: known('19.0.0.0.ru-2024-01.rur-2024-01.r1'), iamAuth: known(false), tls: { parameterGroup: known({ default: true, name: null }), sslOption: known(true, at(30)) } })]);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ rule: 'ssl-enforced', severity: 'notice' });
    expect(r.findings[0]?.message).toMatch(/plain-text listener \(1521\) stays open/);
    expect(r.resources[0]?.iamAuth).toBeNull();
  });
});

describe('Aurora: the cluster decides TLS and IAM auth', () => {
  const cluster = instance('cluster', {
    kind: 'db-cluster',
    clusterType: 'aurora',
    engine: known('aurora-postgresql'),
    engineVersion: known('16.6'),
    ca: undefined,
    tls: { parameterGroup: known(parameterGroup('cpg', { 'rds.force_ssl': '0' }, 'cluster')) },
    iamAuth: known(false, at(12)),
  });
  const member = (id: string) =>
    instance(id, { kind: 'cluster-member', clusterId: 'cluster', engine: known('aurora-postgresql'), engineVersion: known('16.6'), tls: undefined, iamAuth: undefined });

  it('one finding per rule on the cluster, none on the members', () => {
    const r = report([cluster, member('m1'), member('m2')]);
    expect(r.findings.map((f) => `${f.rule}@${f.resource}`)).toEqual(['ssl-enforced@cluster', 'iam-auth@cluster']);
    expect(r.resources.find((x) => x.id === 'm1')).toMatchObject({ sslEnforced: false, iamAuth: false, ca: 'rds-ca-rsa2048-g1' });
  });

  it('a CloudFormation member links to its cluster in another evaluated template', () => {
    const cfn = (file: string) => ({ type: 'cloudformation' as const, file, region: null, account: null, location: at(1, 1, file) });
    const r = report([{ ...cluster, origin: cfn('cluster.yaml') }, { ...member('m1'), origin: cfn('members.yaml') }]);
    expect(r.findings.map((f) => `${f.rule}@${f.resource}`)).toEqual(['ssl-enforced@cluster', 'iam-auth@cluster']);
  });

  it('a member whose cluster is not evaluated has unknown TLS and IAM', () => {
    const r = report([member('orphan')]);
    expect(r.findings.map((f) => f.message)).toEqual([
      'ssl-enforced: TLS enforcement: orphan takes TLS and IAM settings from cluster cluster, which is not in the evaluated sources',
      'iam-auth: IAM authentication: orphan takes TLS and IAM settings from cluster cluster, which is not in the evaluated sources',
    ]);
  });
});

describe('iam-auth', () => {
  it('is not applicable on SQL Server', () => {
    const r = report([instance('mssql', { engine: known('sqlserver-se'), engineVersion: known('15.00'), iamAuth: known(false), tls: { parameterGroup: known(parameterGroup('pg', { 'rds.force_ssl': '1' })) } })]);
    expect(rulesFired(r)).toEqual([]);
  });
  it('fails when off', () => {
    const r = report([instance('db', { iamAuth: known(false, at(7, 3)) })]);
    expect(r.findings[0]).toMatchObject({ rule: 'iam-auth', message: 'IAM database authentication is not enabled.', source: { line: 7 } });
  });
});

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

  it('live resources have nothing planned: no-restart does not apply', () => {
    const gate = withPolicy((p) => (p.restart.allowed = false));
    const r = report([instance('db', { ca: { identifier: known('rds-ca-2019') } })], gate, engineVersions);
    expect(rulesFired(r)).not.toContain('no-restart');
    expect(r.resources[0]?.restart).toMatchObject({ required: true, trigger: 'ca-not-allowed' });
  });
});

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

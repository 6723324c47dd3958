import { describe, expect, it } from 'vitest';
import { known } from '../../src/model.js';
import { at, instance, parameterGroup, report, rulesFired } from '../core/fixtures.js';

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

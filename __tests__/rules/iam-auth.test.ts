import { describe, expect, it } from 'vitest';
import { known } from '../../src/model.js';
import { at, instance, parameterGroup, report, rulesFired } from '../core/fixtures.js';

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

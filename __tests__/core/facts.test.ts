import { describe, expect, it } from 'vitest';
import { createFacts } from '../../src/facts/index.js';
import { compareVersions, numericPrefix } from '../../src/facts/version.js';

describe('engine versions compare on their numeric prefix', () => {
  it('reads Aurora versions up to the first word', () => {
    expect(numericPrefix('8.0.mysql_aurora.3.08.2')).toEqual([8, 0]);
    expect(numericPrefix('15.4')).toEqual([15, 4]);
  });
  it('orders versions numerically, not as text', () => {
    expect(compareVersions('10.11', '10.5')).toBeGreaterThan(0);
    expect(compareVersions('9.6', '15')).toBeLessThan(0);
    expect(compareVersions('15', '15.0')).toBe(0);
  });
});

describe('TLS defaults by engine version', () => {
  const facts = createFacts();
  it('PostgreSQL enforces by default from 15', () => {
    expect(facts.tlsDefault('postgres', '14.9')).toMatchObject({ known: true, value: '0' });
    expect(facts.tlsDefault('postgres', '15.2')).toMatchObject({ known: true, value: '1' });
  });
  it('a version-dependent default with no version is unknown, a constant one is known', () => {
    expect(facts.tlsDefault('postgres', null).known).toBe(false);
    expect(facts.tlsDefault('sqlserver-ee', null)).toMatchObject({ known: true, value: '0' });
  });
  it('Aurora PostgreSQL enforces by default from 17', () => {
    expect(facts.tlsDefault('aurora-postgresql', '17.4')).toMatchObject({ known: true, value: '1' });
    expect(facts.tlsDefault('aurora-postgresql', '16.6')).toMatchObject({ known: true, value: '0' });
  });
  it('an unconfirmed default (MySQL 9.7) is unknown with the reason', () => {
    const fact = facts.tlsDefault('mysql', '9.7.0');
    expect(fact.known).toBe(false);
    if (!fact.known) expect(fact.reason).toMatch(/not confirmed/);
    expect(facts.tlsDefault('mysql', '8.4.3')).toMatchObject({ known: true, value: '0' });
  });
  it('Aurora MySQL 8.4 defaults to ON, version 3 (8.0) to OFF', () => {
    expect(facts.tlsDefault('aurora-mysql', '8.0.mysql_aurora.3.08.2')).toMatchObject({ value: '0' });
    expect(facts.tlsDefault('aurora-mysql', '8.4.mysql_aurora.4.0.0')).toMatchObject({ value: '1' });
  });
});

describe('IAM authentication support', () => {
  const facts = createFacts();
  it('is not applicable on SQL Server, Oracle and Db2', () => {
    for (const engine of ['sqlserver-se', 'oracle-ee', 'db2-ae']) expect(facts.iamAuthSupport(engine, '1')).toMatchObject({ known: true, value: false });
  });
  it('starts at MariaDB 10.11', () => {
    expect(facts.iamAuthSupport('mariadb', '10.6.14')).toMatchObject({ known: true, value: false });
    expect(facts.iamAuthSupport('mariadb', '10.11.5')).toMatchObject({ known: true, value: true });
    expect(facts.iamAuthSupport('mariadb', null).known).toBe(false);
  });
});

describe('engine-version facts: AWS over files over shipped data', () => {
  const row = (source: string, flag: boolean) => ({
    engine: 'postgres', version: '13.4', supportsCertificateRotationWithoutRestart: flag, supportedCAs: null, source,
  });
  it('prefers AWS answers for the same region', () => {
    const facts = createFacts({
      awsEngineVersions: [row('DescribeDBEngineVersions eu-west-1', false), row('DescribeDBEngineVersions us-east-1', true)],
      fileEngineVersions: [row('ev.json', false)],
    });
    expect(facts.engineVersion('postgres', '13.4', 'us-east-1').fact?.source).toBe('DescribeDBEngineVersions us-east-1');
  });
  it('uses a file when AWS said nothing', () => {
    const facts = createFacts({ fileEngineVersions: [row('ev.json', false)] });
    expect(facts.engineVersion('postgres', '13.4', null).fact?.supportsCertificateRotationWithoutRestart).toBe(false);
  });
  it('says why when nothing is known', () => {
    const lookup = createFacts().engineVersion('postgres', '99.1', null);
    expect(lookup.fact).toBeNull();
    if (!lookup.fact) expect(lookup.reason).toMatch(/--engine-versions/);
  });
});

describe('CA validity', () => {
  it('uses DescribeCertificates for the region before the shipped dates', () => {
    const facts = createFacts({
      certificates: [{ identifier: 'rds-ca-2019', validTill: '2024-05-08T00:00:00Z', region: 'me-south-1' }],
    });
    expect(facts.caValidity('rds-ca-2019', 'me-south-1')?.validTill).toBe('2024-05-08T00:00:00Z');
    expect(createFacts().caValidity('rds-ca-2019', null)?.validTill).toBe('2024-08-22T17:08:50Z');
    expect(createFacts().caValidity('my-private-ca', null)).toBeNull();
  });
});

describe('a refused DescribeDBEngineVersions', () => {
  it('is named in the reason when no other data has the version', () => {
    const facts = createFacts({
      engineVersionsUnavailable: [{ source: 'us-east-1 DescribeDBEngineVersions', message: 'AccessDenied: not authorized' }],
    });
    const lookup = facts.engineVersion('postgres', '16.4', 'us-east-1');
    expect(lookup.fact).toBeNull();
    if (!lookup.fact) expect(lookup.reason).toBe('no engine-version facts for postgres 16.4: us-east-1 DescribeDBEngineVersions failed (AccessDenied: not authorized), and no --engine-versions file or shipped data has it');
    // Shipped data still answers for the versions it has.
    expect(facts.engineVersion('postgres', '13.4', 'us-east-1').fact?.supportsCertificateRotationWithoutRestart).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/report/text.js';
import { cleanReport, finding, resource, sampleReport } from './fixtures.js';

const ESC = '\u001b';

describe('renderText', () => {
  const report = sampleReport();
  const plain = renderText(report, { color: false });
  const lines = plain.split('\n');

  it('starts with the tool version, the policy file and the as-of date', () => {
    expect(lines[0]).toBe('rds-tls-guard 0.1.0 · policy .github/rds-tls-policy.yml · as of 2026-09-01');
  });

  it('groups findings under their resource, most severe first, each with its own location', () => {
    const terraform = lines.indexOf('module.db.aws_db_instance.main[0]  db-instance  postgres 13.7  plan.json');
    expect(terraform).toBeGreaterThan(0);
    expect(lines[terraform + 1]).toBe(
      '  error   ca-allowed: uses CA rds-ca-2019, which is not allowed (allowed: rds-ca-rsa2048-g1). (plan.json)',
    );
    expect(lines[terraform + 2]).toMatch(/^ {2}warning ca-expiring: CA rds-ca-2019 expired on 2024-08-22;.* \(plan\.json\)$/);

    const cloudformation = lines.indexOf('AppDatabase  db-instance  mysql 8.0.35  templates/app.yaml:12');
    expect(lines[cloudformation + 1]).toMatch(/^ {2}error {3}ssl-enforced: TLS is not enforced: .* \(templates\/app\.yaml:31:9\)$/);
    expect(lines[cloudformation + 2]).toMatch(/^ {2}notice {2}ssl-enforced: .* \(templates\/app\.yaml:12:3\)$/);

    // Live: the region is on the resource line; the finding has no file to point at.
    const live = lines.indexOf('prod-db  db-instance  postgres 15.4  live us-east-1');
    expect(lines[live + 1]).toBe('  error   ca-allowed: uses CA rds-ca-2019, which is not allowed (allowed: rds-ca-rsa2048-g1).');
    expect(lines[live + 2]).toBe('  warning unknown: no-restart: restart: no engine-version facts for postgres 15.4');
  });

  it('leaves the suppressed finding out of the list and counts it', () => {
    expect(plain).not.toContain('IAM database authentication is not enabled');
    expect(lines.at(-2)).toBe(
      '3 errors, 2 warnings, 1 notice in 5 resources; 1 would restart; 1 suppressed; 2 excluded by scope; incomplete: 1 source error',
    );
    expect(plain.endsWith('\n')).toBe(true);
  });

  it('highlights what would restart, what is unknown, what could not be read and stale exemptions', () => {
    const section = (title: string) => lines.slice(lines.indexOf(title) + 1, lines.indexOf('', lines.indexOf(title)));
    expect(section('Would restart:')).toEqual([
      '  module.db.aws_db_instance.main[0] (plan.json): moving to an allowed CA: postgres 13.7 does not support certificate rotation without restart (shipped data)',
    ]);
    // The restart question is unknown and the unknown finding says so: one reason, not two.
    expect(section('Unknown:')).toEqual(['  prod-db (live us-east-1): no-restart: restart: no engine-version facts for postgres 15.4']);
    expect(section('Could not be read (the evaluation is incomplete):')).toEqual([
      '  live us-west-2: AccessDenied: not authorized to perform rds:DescribeDBInstances',
    ]);
    expect(section('Exemptions to review:')).toEqual([
      '  expired id=billing-* [all rules]: expired on 2026-06-30 (.github/rds-tls-policy.yml:24)',
      '  unused  engine=oracle-* [ssl-enforced]: matched nothing (.github/rds-tls-policy.yml:28)',
    ]);
  });

  it('has no escape codes without colour, and colours severities with it', () => {
    expect(plain).not.toContain(ESC);
    const coloured = renderText(report, { color: true });
    expect(coloured).toContain(`${ESC}[31merror  ${ESC}[39m ca-allowed`);
    expect(coloured).toContain(`${ESC}[33mwarning${ESC}[39m ca-expiring`);
    expect(coloured).toContain(`${ESC}[36mnotice ${ESC}[39m ssl-enforced`);
    // Without the codes it is the same text.
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(plain);
  });

  it('shows control characters from user input instead of sending them to the terminal', () => {
    const hostile = sampleReport();
    hostile.findings = [finding({ resource: 'evil\u001b[2Jdb', message: 'line\nbreak' })];
    const out = renderText(hostile, { color: false });
    expect(out).not.toContain(ESC);
    expect(out).toContain('evil\\x1b[2Jdb');
    expect(out).toContain('line\\x0abreak');
  });

  it('keeps resources that share an id in different files apart', () => {
    const twins = cleanReport();
    const at = (file: string) => ({ type: 'cloudformation' as const, file, line: 3, region: null });
    twins.resources = [resource({ id: 'MyDB', source: at('a.yaml') }), resource({ id: 'MyDB', engine: 'mysql', source: at('b.json') })];
    twins.findings = [
      finding({ resource: 'MyDB', message: 'in b', source: { ...at('b.json'), column: 5 } }),
      finding({ resource: 'MyDB', message: 'in a', source: { ...at('a.yaml'), column: 5 } }),
    ];
    const out = renderText(twins, { color: false }).split('\n');
    expect(out.slice(1, 8)).toEqual([
      '',
      'MyDB  db-instance  mysql 15.4  b.json:3',
      '  error   ca-allowed: in b (b.json:3:5)',
      '',
      'MyDB  db-instance  postgres 15.4  a.yaml:3',
      '  error   ca-allowed: in a (a.yaml:3:5)',
      '',
    ]);
  });

  it('says a clean report is clean in one line after the header', () => {
    const out = renderText(cleanReport(), { color: false });
    expect(out).toBe('rds-tls-guard 0.1.0 · built-in default policy · as of 2026-09-01\nNo findings in 2 resources.\n');
    expect(renderText(cleanReport(), { color: true })).toContain(`${ESC}[32mNo findings in 2 resources.${ESC}[39m`);
  });

  it('says what the scope left out even when clean, so a scope that drops everything shows', () => {
    const report = cleanReport();
    report.resources = [];
    report.summary = { ...report.summary, resources: 0, excluded: 11, suppressed: 1 };
    expect(renderText(report, { color: false }).split('\n')[1]).toBe('No findings in 0 resources (1 suppressed; 11 excluded by scope).');
  });
});

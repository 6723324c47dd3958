import { createRequire } from 'node:module';
import path from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../src/policy/types.js';
import { RULES } from '../../src/rules/meta.js';
import { SARIF_MAX_RESULTS, renderSarif } from '../../src/report/sarif.js';
import { cleanReport, finding, largeReport, sampleReport } from './fixtures.js';

// The SARIF 2.1.0 schema (rtm.5, draft-04) as @microsoft/jest-sarif ships it.
const require = createRequire(import.meta.url);
const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
// unicodeRegExp off: the schema's `language` pattern is not valid with the u flag.
// Both are CommonJS with a `default` export; under NodeNext that is `.default`.
const ajv = new ajvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
ajvFormats.default(ajv); // uri and uri-reference are checked, as upload-sarif does
const validate = ajv.compile(schema);

function valid(text: string) {
  const log = JSON.parse(text);
  const ok = validate(log);
  expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
  expect(ok).toBe(true);
  return log;
}

// Relative paths in a report are relative to the working directory, here the repository root.
const repoRoot = process.cwd();

describe('renderSarif', () => {
  const log = valid(renderSarif(sampleReport(), { repoRoot }));
  const run = log.runs[0];
  const byResource = (id: string) => run.results.filter((r: { properties: { resource: string } }) => r.properties.resource === id);

  it('is valid SARIF 2.1.0 with one run and a trailing newline', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(renderSarif(sampleReport()).endsWith('}\n')).toBe(true);
    valid(renderSarif(cleanReport()));
  });

  it('is checked by a validator that does reject bad SARIF', () => {
    const minimal = (result: object) => ({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [result] }] });
    expect(validate(minimal({ message: { text: 'm' } }))).toBe(true);
    expect(validate(minimal({ message: { text: 'm' }, level: 'notice' }))).toBe(false);
    const badUri = { message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'no file associated' } } }] };
    expect(validate(minimal(badUri))).toBe(false);
  });

  it('describes all six rules from the shared rule texts', () => {
    const { driver } = run.tool;
    expect(driver).toMatchObject({ name: 'rds-tls-guard', version: '0.1.0', informationUri: 'https://github.com/rds-tls-guard/rds-tls-guard' });
    expect(driver.rules.map((rule: { id: string }) => rule.id)).toEqual([...RULE_IDS]);
    const caAllowed = driver.rules[0];
    expect(caAllowed.shortDescription.text).toBe(RULES['ca-allowed'].title);
    expect(caAllowed.fullDescription.text).toBe(RULES['ca-allowed'].description);
    expect(caAllowed.help.markdown.startsWith(RULES['ca-allowed'].help)).toBe(true);
    expect(caAllowed.help.text).not.toContain('`');
    expect(caAllowed.helpUri).toBe('https://github.com/rds-tls-guard/rds-tls-guard/blob/main/docs/rules.md#ca-allowed');
    expect(driver.rules.map((rule: { defaultConfiguration: { level: string } }) => rule.defaultConfiguration.level)).toEqual([
      'error', 'warning', 'error', 'error', 'error', 'warning',
    ]);
  });

  it('gives each finding its level, rule index and region where the source has lines', () => {
    expect(run.results).toHaveLength(7);
    const [cfnError, cfnNotice] = byResource('AppDatabase');
    expect(cfnError).toMatchObject({ ruleId: 'ssl-enforced', ruleIndex: 2, level: 'error' });
    expect(cfnError.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'templates/app.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 31, startColumn: 9 },
    });
    expect(cfnNotice.level).toBe('note');
    // Terraform plan: a file, no line, so no region; the message names the resource.
    const [tfError, tfWarning] = byResource('module.db.aws_db_instance.main[0]');
    expect(tfError.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'plan.json', uriBaseId: '%SRCROOT%' } });
    expect(tfError.message.text).toBe('module.db.aws_db_instance.main[0]: uses CA rds-ca-2019, which is not allowed (allowed: rds-ca-rsa2048-g1).');
    expect(tfWarning).toMatchObject({ ruleId: 'ca-expiring', level: 'warning' });
  });

  it('gives a live finding a relative artifact naming source, region and id, and the ARN as logical location', () => {
    const [live] = byResource('prod-db');
    expect(live.locations[0]).toEqual({
      physicalLocation: { artifactLocation: { uri: 'rds-tls-guard/live/us-east-1/prod-db' } },
      logicalLocations: [{ name: 'prod-db', kind: 'resource', fullyQualifiedName: 'arn:aws:rds:us-east-1:123456789012:db:prod-db' }],
    });
  });

  it('keeps suppressed findings, marked with the exemption reason', () => {
    const [suppressed] = byResource('AppCluster');
    expect(suppressed.suppressions).toEqual([
      { kind: 'external', status: 'accepted', justification: 'vendor client has no IAM auth support', properties: { expires: '2027-03-31' } },
    ]);
    expect(run.results.filter((r: { suppressions?: unknown }) => r.suppressions)).toHaveLength(1);
  });

  it('fingerprints by rule, source, region and resource, not by line or message', () => {
    const moved = sampleReport();
    moved.findings[1] = { ...moved.findings[1]!, message: 'changed wording', source: { ...moved.findings[1]!.source, line: 99, column: 1 } };
    const again = JSON.parse(renderSarif(moved, { repoRoot })).runs[0];
    const prints = (r: typeof run) => r.results.map((x: { partialFingerprints: Record<string, string> }) => x.partialFingerprints['rdsTlsGuard/v1']);
    expect(prints(again)).toEqual(prints(run));
    // Two findings of one rule on one resource stay apart.
    const [error, notice] = byResource('AppDatabase');
    expect(error.partialFingerprints['rdsTlsGuard/v1']).not.toBe(notice.partialFingerprints['rdsTlsGuard/v1']);
    expect(new Set(prints(run)).size).toBe(run.results.length);
    // One logical id in two templates: two alerts.
    const twins = cleanReport();
    const at = (file: string) => ({ type: 'cloudformation' as const, file, line: 3, column: 1, region: null });
    twins.findings = [finding({ resource: 'MyDB', source: at('a.yaml') }), finding({ resource: 'MyDB', source: at('b.json') })];
    const [a, b] = JSON.parse(renderSarif(twins)).runs[0].results;
    expect(a.partialFingerprints).not.toEqual(b.partialFingerprints);
  });

  it('reports an incomplete evaluation as an unsuccessful invocation, and stale exemptions as configuration notices', () => {
    const [invocation] = run.invocations;
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications).toEqual([
      { level: 'error', message: { text: 'live us-west-2: AccessDenied: not authorized to perform rds:DescribeDBInstances' } },
    ]);
    expect(invocation.toolConfigurationNotifications.map((n: { message: { text: string } }) => n.message.text)).toEqual([
      'Exemption id=billing-* expired on 2026-06-30.',
      'Exemption engine=oracle-* matched nothing.',
    ]);
    expect(invocation.toolConfigurationNotifications[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: '.github/rds-tls-policy.yml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 24 },
    });
    expect(valid(renderSarif(cleanReport())).runs[0].invocations[0].executionSuccessful).toBe(true);
  });

  it('makes paths relative to the repository root, percent-encoded, and keeps files outside it absolute', () => {
    const report = cleanReport();
    report.findings = [
      finding({ resource: 'a', source: { type: 'cloudformation', file: path.join(repoRoot, 'stacks', 'my db#1.yaml'), line: 2, column: 1, region: null } }),
      finding({ resource: 'b', source: { type: 'terraform', file: '/elsewhere/plan.json', line: null, column: null, region: null } }),
      finding({ resource: 'c/d?', source: { type: 'snapshot', file: null, line: null, column: null, region: null } }),
    ];
    const results = valid(renderSarif(report, { repoRoot })).runs[0].results;
    const uris = results.map((r: { locations: { physicalLocation: { artifactLocation: unknown } }[] }) => r.locations[0]!.physicalLocation.artifactLocation);
    expect(uris).toEqual([
      { uri: 'stacks/my%20db%231.yaml', uriBaseId: '%SRCROOT%' },
      { uri: 'file:///elsewhere/plan.json' },
      { uri: 'rds-tls-guard/snapshot/no-region/c%2Fd%3F' },
    ]);
    // Without a root, relative paths stay relative (POSIX slashes).
    const bare = JSON.parse(renderSarif({ ...report, findings: [finding({ resource: 'x', source: { type: 'terraform', file: './plans\\a.json', line: 1, column: null, region: null } })] }));
    expect(bare.runs[0].results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'plans/a.json', uriBaseId: '%SRCROOT%' },
      region: { startLine: 1 },
    });
  });

  it('keeps the most severe results when over the limit and records the cut', () => {
    const big = largeReport(SARIF_MAX_RESULTS + 400); // errors, warnings, warnings, notices in turn
    const bigRun = valid(renderSarif(big)).runs[0];
    expect(bigRun.results).toHaveLength(SARIF_MAX_RESULTS);
    const levels = bigRun.results.map((r: { level: string }) => r.level);
    expect(levels.filter((l: string) => l === 'error')).toHaveLength(6_350);
    expect(levels.filter((l: string) => l === 'warning')).toHaveLength(12_700);
    expect(levels.filter((l: string) => l === 'note')).toHaveLength(SARIF_MAX_RESULTS - 6_350 - 12_700);
    expect(bigRun.properties.truncated).toEqual({
      limit: SARIF_MAX_RESULTS,
      resultsOmitted: 400,
      omittedBySeverity: { error: 0, warning: 0, notice: 400 },
    });
  });
});

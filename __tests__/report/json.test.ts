import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/report/json.js';
import { sampleReport } from './fixtures.js';

describe('renderJson', () => {
  const report = sampleReport();
  const text = renderJson(report);
  const parsed = JSON.parse(text);

  it('is pretty-printed with a trailing newline and loses nothing', () => {
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "tool": {\n    "name": "rds-tls-guard"');
    expect(parsed).toEqual(report);
  });

  it("puts SPEC's properties first, in SPEC's order, and the others after them", () => {
    expect(Object.keys(parsed)).toEqual(['tool', 'summary', 'resources', 'findings', 'errors', 'asOf', 'policy', 'suppressed', 'unavailable']);
    expect(Object.keys(parsed.summary)).toEqual([
      'resources', 'findings', 'error', 'warning', 'notice', 'restartRequired', 'incomplete', 'suppressed', 'excluded',
    ]);
    expect(Object.keys(parsed.resources[0]).slice(0, 10)).toEqual([
      'id', 'arn', 'kind', 'engine', 'engineVersion', 'ca', 'sslEnforced', 'iamAuth', 'restart', 'source',
    ]);
    expect(Object.keys(parsed.resources[0].restart)).toEqual(['required', 'reason', 'trigger']);
    expect(Object.keys(parsed.resources[0].source)).toEqual(['type', 'file', 'line', 'region']);
    expect(Object.keys(parsed.findings[1])).toEqual(['rule', 'severity', 'resource', 'message', 'source', 'arn']);
    expect(Object.keys(parsed.findings[1].source)).toEqual(['type', 'file', 'line', 'column', 'region']);
    expect(Object.keys(parsed.errors[0])).toEqual(['source', 'message']);
    expect(Object.keys(parsed.suppressed[0]).at(-1)).toBe('exemption');
  });

  it('keeps the values as they are: nulls, the CloudFormation line and column, the live ARN', () => {
    expect(parsed.findings[0].source).toEqual({ type: 'terraform', file: 'plan.json', line: null, column: null, region: null });
    expect(parsed.findings[1].source.line).toBe(31);
    expect(parsed.findings[1].source.column).toBe(9);
    expect(parsed.findings[2].arn).toBe('arn:aws:rds:us-east-1:123456789012:db:prod-db');
    expect(parsed.resources[2].restart).toEqual({ required: null, reason: 'no engine-version facts for postgres 15.4', trigger: 'ca-not-allowed' });
  });

  it('writes a field it does not know after the known ones', () => {
    const extended = { ...sampleReport(), generatedBy: 'test' } as ReturnType<typeof sampleReport> & { generatedBy: string };
    expect(Object.keys(JSON.parse(renderJson(extended))).at(-1)).toBe('generatedBy');
  });
});

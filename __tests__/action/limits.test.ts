// Each GitHub limit pinned to the value GitHub documents, and each respected by the code that
// publishes against it.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotationBudget, planAnnotations } from '../../src/action/annotations.js';
import { commentBody } from '../../src/action/comment.js';
import * as limits from '../../src/action/limits.js';
import { reportOutputs, sarifSizeProblem, setOutputs, writeReportFiles } from '../../src/action/outputs.js';
import { summaryMarkdown } from '../../src/action/summary.js';
import type { Finding } from '../../src/report/types.js';
import { finding, largeReport, sampleReport } from '../report/fixtures.js';

describe('the limits', () => {
  it('are the values GitHub documents', () => {
    expect(limits.ANNOTATIONS_PER_TYPE_PER_STEP).toBe(10);
    expect(limits.ANNOTATIONS_PER_JOB).toBe(50);
    expect(limits.ERROR_SLOTS_FOR_FAILURE).toBe(1);
    expect(limits.COMMENT_MAX_CHARS).toBe(65_536);
    expect(limits.SUMMARY_MAX_BYTES).toBe(1024 * 1024);
    expect(limits.OUTPUTS_MAX_BYTES_PER_JOB).toBe(1_000_000);
    expect(limits.SARIF_MAX_RESULTS).toBe(25_000);
    expect(limits.SARIF_MAX_GZIP_BYTES).toBe(10 * 1024 * 1024);
  });

  it('leave each budget below its limit', () => {
    expect(limits.COMMENT_BUDGET_CHARS).toBeLessThan(limits.COMMENT_MAX_CHARS);
    expect(limits.SUMMARY_BUDGET_BYTES).toBeLessThan(limits.SUMMARY_MAX_BYTES);
    expect(limits.OUTPUTS_BUDGET_BYTES).toBeLessThan(limits.OUTPUTS_MAX_BYTES_PER_JOB);
    // Three types of ten per step stay within the job's fifty.
    expect(3 * limits.ANNOTATIONS_PER_TYPE_PER_STEP).toBeLessThanOrEqual(limits.ANNOTATIONS_PER_JOB);
  });
});

describe('the code respects them', () => {
  it('annotations: at most 10 per type per step, whatever the number of findings', () => {
    const severities = ['error', 'warning', 'notice'] as const;
    const findings: Finding[] = Array.from({ length: 300 }, (_, i) => finding({ resource: `db${i}`, severity: severities[i % 3]! }));
    const plan = planAnnotations(findings, [], { budget: annotationBudget(false), workspace: '/w', cwd: '/w' });
    for (const severity of severities) expect(plan.shown.filter((a) => a.level === severity)).toHaveLength(limits.ANNOTATIONS_PER_TYPE_PER_STEP);
    expect(plan.hidden).toHaveLength(270);
  });

  it('comment: a huge report stays within the budget, in UTF-16 code units (never fewer than characters)', () => {
    const body = commentBody(largeReport(8_000), { marker: { workflow: 'w', policy: 'p', key: null, run: 1 }, runUrl: null });
    expect(body.length).toBeLessThanOrEqual(limits.COMMENT_BUDGET_CHARS);
    expect([...body].length).toBeLessThanOrEqual(limits.COMMENT_MAX_CHARS);
  });

  it('summary: a huge report stays within the budget in bytes, and says where the full report is', () => {
    const report = largeReport(12_000);
    const text = summaryMarkdown(report, { notes: ['12 annotations not shown'], runUrl: null, reportPath: '/runner/temp/rds-tls-guard.json' });
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(limits.SUMMARY_BUDGET_BYTES);
    expect(Buffer.byteLength(text)).toBeGreaterThan(limits.SUMMARY_BUDGET_BYTES - 20_000);
    expect(text).toContain('> 12 annotations not shown');
    expect(text).toContain('The full report is the JSON file /runner/temp/rds-tls-guard.json');
  });

  it('summary: a report that fits is complete, with the notes right under the headline', () => {
    const text = summaryMarkdown(sampleReport(), { notes: ['2 annotations not shown (2 warnings): …'], runUrl: null, reportPath: '/tmp/r.json' });
    expect(text).not.toContain('too long for the job summary');
    const [headline, blank, note] = text.split('\n');
    expect(headline).toMatch(/^## ❌ rds-tls-guard: /);
    expect([blank, note]).toEqual(['', '> 2 annotations not shown \\(2 warnings\\): …']);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('outputs: counts and paths only, and nothing past the budget is set', () => {
    const set: Record<string, string> = {};
    const warnings: string[] = [];
    const { summary } = sampleReport();
    setOutputs(reportOutputs(sampleReport(), 1, { report: '/t/r.json', sarif: '/t/r.sarif', sarifGzipBytes: 10 }), (n, v) => (set[n] = v), (w) => warnings.push(w));
    expect(set).toEqual({
      findings: String(summary.findings),
      errors: String(summary.error),
      warnings: String(summary.warning),
      notices: String(summary.notice),
      'restart-required': String(summary.restartRequired),
      incomplete: String(summary.incomplete),
      'exit-code': '1',
      report: '/t/r.json',
      sarif: '/t/r.sarif',
    });
    setOutputs({ big: 'x'.repeat(limits.OUTPUTS_BUDGET_BYTES) }, (n, v) => (set[n] = v), (w) => warnings.push(w));
    expect(set.big).toBeUndefined();
    expect(warnings).toEqual([`Output "big" was not set: it would take the outputs past ${limits.OUTPUTS_BUDGET_BYTES} bytes.`]);
  });

  it('SARIF: at most 25,000 results, and a warning when the gzipped file is over 10 MiB', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rds-tls-guard-limits-'));
    try {
      const files = (await writeReportFiles(largeReport(25_010), dir, dir, (w) => expect.fail(w)))!;
      const sarif = JSON.parse(await readFile(files.sarif, 'utf8')) as { runs: { results: unknown[] }[] };
      expect(sarif.runs[0]!.results).toHaveLength(limits.SARIF_MAX_RESULTS);
      expect(sarifSizeProblem(files)).toBeNull();
      expect(sarifSizeProblem({ ...files, sarifGzipBytes: limits.SARIF_MAX_GZIP_BYTES + 1 })).toMatch(/^The SARIF file is 10\.0 MiB gzipped; code scanning rejects uploads over 10\.0 MiB\./);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

import { describe, expect, it } from 'vitest';
import { FORMATS, isFormat, renderReport } from '../../src/report/index.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { sampleReport } from './fixtures.js';

describe('renderReport', () => {
  const report = sampleReport();

  it('knows the five formats', () => {
    expect(FORMATS).toEqual(['text', 'json', 'sarif', 'markdown', 'csv']);
    expect(isFormat('sarif')).toBe(true);
    expect(isFormat('html')).toBe(false);
  });

  it('dispatches to each renderer', () => {
    expect(renderReport(report, 'text').split('\n')[0]).toBe('rds-tls-guard 0.1.0 · policy .github/rds-tls-policy.yml · as of 2026-09-01');
    expect(renderReport(report, 'text')).not.toContain('\u001b[');
    expect(renderReport(report, 'text', { color: true })).toContain('\u001b[31m');
    expect(JSON.parse(renderReport(report, 'json')).summary.error).toBe(3);
    expect(JSON.parse(renderReport(report, 'sarif')).version).toBe('2.1.0');
    expect(renderReport(report, 'csv').split('\r\n')[0]!.startsWith('engine,engine_version,identifier,')).toBe(true);
  });

  it('renders the job-summary Markdown unless told otherwise', () => {
    expect(renderReport(report, 'markdown')).toBe(renderMarkdown(report, { variant: 'summary' }));
    expect(renderReport(report, 'markdown', { markdown: { variant: 'comment' } })).toBe(renderMarkdown(report, { variant: 'comment' }));
  });
});

// renderJsonChunks writes the JSON report a batch of items at a time: the pieces must join into
// exactly what JSON.stringify(report, null, 2) writes, at every batch boundary.
import { describe, expect, it } from 'vitest';
import { renderJson, renderJsonChunks } from '../../src/report/json.js';
import type { Report } from '../../src/report/types.js';
import { sampleReport } from './fixtures.js';

const whole = (report: Report) => `${JSON.stringify(JSON.parse(renderJson(report)), null, 2)}\n`;

describe('renderJsonChunks', () => {
  const base = sampleReport();
  const many = (n: number): Report => ({
    ...base,
    resources: Array.from({ length: n }, (_, i) => ({ ...base.resources[i % base.resources.length]!, id: `db-${i}` })),
    findings: Array.from({ length: n }, (_, i) => ({ ...base.findings[i % base.findings.length]!, resource: `db-${i}` })),
  });

  it.each([0, 1, 1023, 1024, 1025, 2049])('joins into the whole report for %i resources and findings', (n) => {
    const report = many(n);
    const chunks = [...renderJsonChunks(report)];
    expect(chunks.join('')).toBe(renderJson(report));
    expect(chunks.join('')).toBe(whole(report));
    expect(JSON.parse(chunks.join(''))).toEqual(report);
  });

  it('writes a large list in several pieces, none of them the whole report', () => {
    const report = many(3000);
    const chunks = [...renderJsonChunks(report)];
    const text = chunks.join('');
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(text.length / 2);
  });
});

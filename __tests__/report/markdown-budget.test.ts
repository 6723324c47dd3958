import { describe, expect, it } from 'vitest';
import { type LengthUnit, renderMarkdown, textLength } from '../../src/report/markdown.js';
import { largeReport } from './fixtures.js';
import { tableRows, toHtml } from './gfm.js';

// 400 findings on resources named データベース-N (3 UTF-8 bytes per kana): 100 errors, 200 warnings,
// 100 notices; 40 databases would restart.
const report = largeReport(400);
const RUN = 'https://github.com/o/r/actions/runs/1';
const TOTAL = { error: 100, warning: 200, notice: 100 };

type Severity = keyof typeof TOTAL;

function shownRows(md: string): Record<Severity, number> {
  const count = (label: string) => md.split('\n').filter((line) => line.startsWith(`| ${label} |`)).length;
  return { error: count('❌ error'), warning: count('⚠️ warning'), notice: count('ℹ️ notice') };
}

/** The counts a "N more findings (…) are not shown" note gives, or zeros without one. */
function omittedFindings(md: string): { total: number } & Record<Severity, number> {
  const match = md.match(/_(\d+)(?: more)? findings? \(([^)]*)\) (?:is|are) not shown; /);
  const out = { total: 0, error: 0, warning: 0, notice: 0 };
  if (!match) return out;
  out.total = Number(match[1]);
  for (const part of match[2]!.split(', ')) {
    const [n, word] = part.split(' ');
    out[word!.replace(/s$/, '') as Severity] = Number(n);
  }
  return out;
}

function inventoryRows(md: string): number {
  const start = md.indexOf('<details>');
  return start < 0 ? 0 : md.slice(start, md.indexOf('</details>')).split('\n').filter((line) => line.startsWith('| `')).length;
}

function restartRows(md: string): number {
  const start = md.match(/#{3,4} Would restart \(40\)/);
  if (!start) return 0;
  const rest = md.slice(start.index! + start[0].length);
  return rest.slice(0, rest.search(/\n#{2,4} |\n<details>|$/)).split('\n').filter((line) => line.startsWith('| `')).length;
}

describe.each([
  ['summary', 'bytes'],
  ['summary', 'chars'],
  ['comment', 'chars'],
  ['comment', 'bytes'],
] as const)('the %s within a limit in %s', (variant, unit: LengthUnit) => {
  const listed: Severity[] = variant === 'comment' ? ['error', 'warning'] : ['error', 'warning', 'notice'];
  const full = renderMarkdown(report, { variant, runUrl: RUN });
  let previousShown = -1;

  it.each([40, 250, 2_000, 5_000, 20_000, 35_000, 200_000])('fits in %i, drops whole rows from the least important end and counts them', (limit) => {
    const md = renderMarkdown(report, { variant, maxLength: limit, lengthUnit: unit, runUrl: RUN });
    expect(textLength(md, unit)).toBeLessThanOrEqual(limit);
    if (textLength(full, unit) <= limit) {
      expect(md).toBe(full);
      return;
    }

    // Whole rows and whole blocks only.
    for (const line of md.split('\n')) if (line.startsWith('|')) expect(line.endsWith(' |')).toBe(true);
    expect(md.split('<details>').length).toBe(md.split('</details>').length);
    for (const row of tableRows(toHtml(md))) expect(row.length).toBeGreaterThanOrEqual(3);

    const shown = shownRows(md);
    const omitted = omittedFindings(md);
    if (limit >= 2_000) {
      // Every listed finding is either shown or counted in the note, by severity.
      for (const severity of listed) expect(shown[severity] + omitted[severity], severity).toBe(TOTAL[severity]);
      expect(omitted.total).toBe(listed.reduce((sum, s) => sum + omitted[s], 0));
      expect(restartRows(md) + Number(md.match(/_(\d+)(?: more)? databases? that would restart/)?.[1] ?? 0)).toBe(40);
    } else {
      // Too small for any detail: the verdict (with the counts), then a note if there is room.
      expect(shown).toEqual({ error: 0, warning: 0, notice: 0 });
      const headline = full.split('\n')[0]!;
      expect(headline.startsWith(`${variant === 'comment' ? '###' : '##'} ❌ rds-tls-guard: 100 errors, 200 warnings`)).toBe(true);
      if (md.endsWith('…')) expect(headline.startsWith(md.slice(0, -1))).toBe(true); // cut, and says so
      else expect(md.startsWith(`${headline}\n`)).toBe(true);
    }
    // Less severe rows go first: a notice only with every warning, a warning only with every error.
    if (shown.notice > 0) expect(shown.warning).toBe(TOTAL.warning);
    if (shown.warning > 0) expect(shown.error).toBe(TOTAL.error);
    // The inventory goes before any finding.
    if (omitted.total > 0) expect(inventoryRows(md)).toBe(0);
    // A larger budget never shows less.
    const total = shown.error + shown.warning + shown.notice;
    expect(total).toBeGreaterThanOrEqual(previousShown);
    previousShown = total;
  });
});

describe('the budget', () => {
  it('counts UTF-8 bytes or UTF-16 code units as asked', () => {
    const full = renderMarkdown(report, { variant: 'comment' });
    const chars = textLength(full, 'chars');
    const bytes = textLength(full, 'bytes');
    expect(bytes).toBeGreaterThan(chars + 10_000); // the kana names
    const limit = chars + 1_000;
    expect(renderMarkdown(report, { variant: 'comment', maxLength: limit, lengthUnit: 'chars' })).toBe(full);
    const cut = renderMarkdown(report, { variant: 'comment', maxLength: limit, lengthUnit: 'bytes' });
    expect(textLength(cut, 'bytes')).toBeLessThanOrEqual(limit);
    expect(cut).not.toBe(full);
    // Defaults: characters for a comment, bytes for a summary.
    expect(renderMarkdown(report, { variant: 'comment', maxLength: limit })).toBe(full);
    expect(textLength(renderMarkdown(report, { variant: 'summary', maxLength: 50_000 }), 'bytes')).toBeLessThanOrEqual(50_000);
  });

  it('says exactly what it left out, with the run link', () => {
    const md = renderMarkdown(report, { variant: 'comment', maxLength: 20_000, runUrl: RUN });
    const shown = shownRows(md);
    expect(shown.error).toBe(100);
    const warnings = TOTAL.warning - shown.warning;
    expect(md).toContain(
      `_${warnings} more findings (${warnings} warnings) are not shown; see [the job summary](${RUN})._`,
    );
    const summary = renderMarkdown(report, { variant: 'summary', maxLength: 20_000, runUrl: RUN });
    expect(summary).toContain(`_The inventory of 400 resources is not shown; see the JSON report of [this run](${RUN})._`);
    expect(renderMarkdown(report, { variant: 'comment', maxLength: 20_000 })).toContain('not shown; see the job summary of this run._');
  });

  it('links only http(s) run URLs', () => {
    const md = renderMarkdown(report, { variant: 'comment', maxLength: 20_000, runUrl: 'javascript:alert(1)' });
    expect(md).not.toContain('javascript:');
    expect(md).toContain('see the job summary of this run');
  });

  it('keeps a large report under GitHub limits quickly', () => {
    const big = largeReport(6_000);
    const started = Date.now();
    const comment = renderMarkdown(big, { variant: 'comment', maxLength: 65_536, runUrl: RUN });
    const summary = renderMarkdown(big, { variant: 'summary', maxLength: 1_048_576 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(comment.length).toBeLessThanOrEqual(65_536);
    expect(comment.length).toBeGreaterThan(60_000); // it uses the room it has
    expect(textLength(summary, 'bytes')).toBeLessThanOrEqual(1_048_576);
    expect(shownRows(summary).error).toBe(1_500);
  });
});

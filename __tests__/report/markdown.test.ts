import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/report/markdown.js';
import type { Report } from '../../src/report/types.js';
import { cleanReport, finding, resource, sampleReport } from './fixtures.js';
import { tableRows, toHtml, visibleText } from './gfm.js';

const DOCS = 'https://github.com/rds-tls-guard/rds-tls-guard/blob/main/docs/rules.md';

/** The body rows of the table under a heading (up to the next heading or details block), as visible text per cell. */
function tableAfter(markdown: string, heading: string): string[][] {
  const start = markdown.indexOf(heading);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const rest = markdown.slice(start + heading.length);
  const next = rest.search(/\n#{2,4} |\n<details>/);
  // The rule links are defined at the end of the document.
  const links = markdown.split('\n').filter((line) => /^\[[a-z-]+\]: https:/.test(line));
  const part = `${next < 0 ? rest : rest.slice(0, next)}\n\n${links.join('\n')}\n`;
  return tableRows(toHtml(part)).map((row) => row.map(visibleText));
}

describe('renderMarkdown summary', () => {
  const report = sampleReport();
  const md = renderMarkdown(report, { variant: 'summary' });
  const html = toHtml(md);

  it('opens with the verdict and what was evaluated', () => {
    const [headline, , meta] = md.split('\n');
    expect(headline).toBe('## ❌ rds-tls-guard: 3 errors, 2 warnings, 1 notice · 1 database would restart · unknown facts in 1 resource · evaluation incomplete');
    expect(meta).toBe(
      'Policy `.github/rds-tls-policy.yml` · as of 2026-09-01 · 5 resources evaluated · 1 suppressed by exemptions · 2 excluded by scope · rds-tls-guard 0.1.0',
    );
  });

  it('counts in a table', () => {
    expect(tableRows(toHtml(md.split('\n\n')[2]!))).toEqual([['3', '2', '1', '1', '1', '1', '1']]);
  });

  it('lists every finding, most severe first, with rule links and file:line or region', () => {
    const rows = tableAfter(md, '### Findings (6)');
    expect(rows).toEqual([
      ['❌ error', 'ca-allowed', 'module.db.aws_db_instance.main[0]', 'uses CA rds-ca-2019, which is not allowed (allowed: rds-ca-rsa2048-g1).', 'plan.json'],
      ['❌ error', 'ssl-enforced', 'AppDatabase', 'TLS is not enforced: require_secure_transport = OFF in parameter group AppParams.', 'templates/app.yaml:31'],
      ['❌ error', 'ca-allowed', 'prod-db', 'uses CA rds-ca-2019, which is not allowed (allowed: rds-ca-rsa2048-g1).', 'live us-east-1'],
      ['⚠️ warning', 'unknown', 'prod-db', 'no-restart: restart: no engine-version facts for postgres 15.4', 'live us-east-1'],
      ['⚠️ warning', 'ca-expiring', 'module.db.aws_db_instance.main[0]', report.findings[4]!.message, 'plan.json'],
      ['ℹ️ notice', 'ssl-enforced', 'AppDatabase', 'TLS is available, but the plain port stays open.', 'templates/app.yaml:12'],
    ]);
    expect(html).toContain(`<a href="${DOCS}#ca-allowed">ca-allowed</a>`);
    expect(html).toContain(`<a href="${DOCS}#unknown">unknown</a>`);
    // The suppressed finding is counted, not listed.
    expect(md).not.toContain('IAM database authentication is not enabled');
  });

  it('shows what would restart and why, unknown facts, and what could not be read', () => {
    expect(tableAfter(md, '### Would restart (1)')).toEqual([
      ['module.db.aws_db_instance.main[0]', 'postgres 13.7', report.resources[0]!.restart.reason, 'plan.json'],
    ]);
    expect(md).toContain('### Unknown facts (1)\n\n- `prod-db` (live us-east-1): no-restart: restart: no engine-version facts for postgres 15.4\n');
    expect(md).toContain('### Could not be read (1)');
    expect(md).toContain('- `live us-west-2`: AccessDenied: not authorized to perform rds:DescribeDBInstances');
  });

  it('lists exemptions, the stale ones first', () => {
    expect(tableAfter(md, '### Exemptions (3)')).toEqual([
      ['expired', 'id=billing-*', 'all', 'migration in Q2', '2026-06-30', '0', '.github/rds-tls-policy.yml:24'],
      ['unused', 'engine=oracle-*', 'ssl-enforced', 'legacy', '', '0', '.github/rds-tls-policy.yml:28'],
      ['active', 'id=AppCluster', 'iam-auth', 'vendor client has no IAM auth support', '2027-03-31', '1', '.github/rds-tls-policy.yml:20'],
    ]);
  });

  it('puts the inventory in a details block, one row per resource', () => {
    const details = md.slice(md.indexOf('<details>'), md.indexOf('</details>'));
    expect(details).toContain('<summary>Inventory: 5 resources</summary>');
    const rows = tableRows(toHtml(details)).map((row) => row.map(visibleText));
    expect(rows.map((row) => row[0])).toEqual(['module.db.aws_db_instance.main[0]', 'AppDatabase', 'prod-db', 'AppCluster', 'AppClusterMember']);
    expect(rows[1]).toEqual(['AppDatabase', 'db-instance', 'mysql 8.0.35', 'rds-ca-rsa2048-g1 (assumed default)', '2061-05-21T22:23:47Z', 'no', 'yes', 'no', 'templates/app.yaml:12']);
    expect(rows[2]!.slice(-2)).toEqual(['unknown', 'live us-east-1']);
  });

  it('uses the given title', () => {
    expect(renderMarkdown(report, { variant: 'summary', title: 'RDS policy (prod) #1' }).split('\n')[0]).toBe(
      '## ❌ RDS policy \\(prod\\) \\#\u200d1: 3 errors, 2 warnings, 1 notice · 1 database would restart · unknown facts in 1 resource · evaluation incomplete',
    );
  });
});

describe('renderMarkdown comment', () => {
  const md = renderMarkdown(sampleReport(), { variant: 'comment' });

  it('lists violations, restarts and unknown facts, and leaves notices and the inventory to the summary', () => {
    expect(md.split('\n')[0]).toBe('### ❌ rds-tls-guard: 3 errors, 2 warnings · 1 database would restart · unknown facts in 1 resource · evaluation incomplete');
    const rows = tableAfter(md, '#### Violations (5)');
    expect(rows.map((row) => row[0])).toEqual(['❌ error', '❌ error', '❌ error', '⚠️ warning', '⚠️ warning']);
    expect(tableAfter(md, '#### Would restart (1)')).toHaveLength(1);
    expect(md).toContain('#### Unknown facts (1)');
    expect(md).toContain('1 notice is listed in the job summary.');
    expect(md).not.toContain('<details>');
    expect(md).not.toContain('Exemptions');
    expect(md).not.toContain('plain port');
  });

  it('is an explicit all-clear when there is nothing to report', () => {
    const clear = renderMarkdown(cleanReport(), { variant: 'comment' });
    expect(clear).toBe(
      '### ✅ rds-tls-guard: all clear\n\n' +
        'Built-in default policy · as of 2026-09-01 · 2 resources evaluated · rds-tls-guard 0.1.0\n\n' +
        'No violations, no database that would restart, and no unknown facts.\n',
    );
  });

  it('is all clear with notices only, and says where they are', () => {
    const report = cleanReport();
    report.findings = [finding({ resource: 'aws_db_instance.a', severity: 'notice', rule: 'ssl-enforced', message: 'plain port open' })];
    const md = renderMarkdown(report, { variant: 'comment' });
    expect(md.split('\n')[0]).toBe('### ✅ rds-tls-guard: all clear');
    expect(md).toContain('No violations, no database that would restart, and no unknown facts.\n\n1 notice is listed in the job summary.\n');
    // The summary still names it.
    expect(renderMarkdown(report, { variant: 'summary' }).split('\n')[0]).toBe('## ℹ️ rds-tls-guard: 1 notice');
  });
});

describe('renderMarkdown with hostile names', () => {
  const names = ['<img src=x onerror=alert(1)>', 'a|b', '`x`', '[link](http://evil)', '@mention', '#123', 'x\n| forged | row |'];
  const report: Report = {
    ...cleanReport(),
    resources: names.map((id) => resource({ id, restart: { required: true, reason: `restarts ${id}`, trigger: 'planned-ca-change' }, source: { type: 'terraform', file: `${id}.json`, line: null, region: null } })),
    findings: names.map((id) => finding({ resource: id, message: `bad ${id}`, source: { type: 'terraform', file: `${id}.json`, line: 3, column: 1, region: null } })),
    errors: [{ source: '@mention', message: '<b>#123</b>' }],
    policy: { file: '`x`.yml', exemptions: [{ selector: 'id=a|b', rules: 'all', reason: '[link](http://evil)', expires: null, status: 'unused', matched: 0, line: 1 }] },
  };

  it.each(['summary', 'comment'] as const)('renders them as text in the %s: no HTML, link, mention or forged row', (variant) => {
    const md = renderMarkdown(report, { variant, runUrl: 'https://github.com/o/r/actions/runs/1' });
    const html = toHtml(md);
    expect(html).not.toMatch(/<img|<b>|<script/);
    // The only links are the rule docs.
    for (const [, href] of html.matchAll(/<a href="([^"]*)"/g)) expect(href!.startsWith(DOCS)).toBe(true);
    for (const row of tableRows(html)) expect(row.length).toBeGreaterThanOrEqual(3);
    const findingRows = tableAfter(md, variant === 'summary' ? '### Findings (7)' : '#### Violations (7)');
    expect(findingRows.map((row) => row[2])).toEqual(names.map((name) => name.replace(/\n/g, ' ')));
    expect(findingRows.map((row) => row[3])).toEqual(names.map((name) => `bad ${name.replace(/\n/g, ' ')}`));
    expect(md).not.toMatch(/(^|[^`])@mention/m);
    expect(md).toContain('@\u200dmention');
    expect(md).toMatch(/\\#\u200d123/);
  });
});

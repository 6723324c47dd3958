import { getOctokit } from '@actions/github';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  commentBody,
  findOurComment,
  hasCommentContent,
  markerLine,
  publishComment,
  readMarker,
  type CommentIdentity,
  type PublishOptions,
} from '../../src/action/comment.js';
import { octokitCommentsApi, type CommentsApi } from '../../src/action/comments-api.js';
import { COMMENT_BUDGET_CHARS, COMMENT_MAX_CHARS } from '../../src/action/limits.js';
import type { Report } from '../../src/report/types.js';
import { cleanReport, finding, largeReport, sampleReport } from '../report/fixtures.js';
import { FakeGitHub } from './fake-github.js';

const BOT = 'github-actions[bot]';
const TOKEN = 'ghs_unit_test_token';
const identity: CommentIdentity = { workflow: '.github/workflows/rds.yml', policy: '.github/rds-tls-policy.yml', key: null };
const PR = 7;

let github: FakeGitHub;
let api: CommentsApi;

beforeEach(async () => {
  github = await new FakeGitHub({ owner: 'acme', repo: 'infra', token: TOKEN, login: BOT }).start();
  api = octokitCommentsApi(getOctokit(TOKEN, { baseUrl: github.url }), 'acme', 'infra', () => {});
});
afterEach(async () => {
  await github.stop();
});

function options(partial: Partial<PublishOptions> = {}): PublishOptions {
  return { issue: PR, mode: 'auto', failing: true, identity, run: 100, runUrl: 'https://github.com/acme/infra/actions/runs/100', ...partial };
}

function ourBody(markerIdentity: CommentIdentity, text: string, run = 50): string {
  return `${markerLine({ ...markerIdentity, run })}\n${text}`;
}

describe('the marker', () => {
  it('reads back what it writes, and no value can close the HTML comment', () => {
    const hostile = { workflow: 'wf --> <img src=x>', policy: 'p.yml', key: '--><script>' };
    const line = markerLine({ ...hostile, run: 12 });
    expect(line.indexOf('-->')).toBe(line.length - 3);
    expect(line).not.toMatch(/<(?!!--)/);
    expect(readMarker(`${line}\nbody`)).toEqual({ ...hostile, run: 12 });
  });

  it('ignores bodies without a well-formed marker at the top', () => {
    expect(readMarker('text\n<!-- rds-tls-guard {"v":1,"workflow":"w","policy":"p","key":null} -->')).toBeNull();
    expect(readMarker('<!-- rds-tls-guard {not json} -->')).toBeNull();
    expect(readMarker('<!-- rds-tls-guard {"v":2,"workflow":"w","policy":"p"} -->')).toBeNull();
  });
});

describe('findOurComment', () => {
  it('pages through every comment and takes only the token’s own, with the same workflow, policy and key', async () => {
    for (let i = 0; i < 130; i++) github.addComment(PR, `LGTM ${i}`, `user${i % 3}`);
    // Look-alikes: our marker pasted by a person, another workflow's, another key's, another PR's.
    github.addComment(PR, ourBody(identity, 'copied by a human'), 'mallory');
    github.addComment(PR, ourBody({ ...identity, workflow: '.github/workflows/other.yml' }, 'other workflow'), BOT, 'Bot');
    github.addComment(PR, ourBody({ ...identity, key: 'staging' }, 'staging'), BOT, 'Bot');
    github.addComment(PR + 1, ourBody(identity, 'other PR'), BOT, 'Bot');
    for (let i = 0; i < 60; i++) github.addComment(PR, `more ${i}`, 'user1');
    const ours = github.addComment(PR, ourBody(identity, 'ours'), BOT, 'Bot');

    const found = await findOurComment(api, PR, identity, BOT);
    expect(found?.id).toBe(ours.id);
    const pages = github.requests.filter((r) => r.method === 'GET').map((r) => [r.query.per_page, r.query.page ?? '1']);
    // 194 comments on the PR: two pages of 100, the second found through the first's Link header.
    expect(pages).toEqual([
      ['100', '1'],
      ['100', '2'],
    ]);
  });

  it('finds nothing when only others carry the marker', async () => {
    github.addComment(PR, ourBody(identity, 'pasted'), 'mallory');
    expect(await findOurComment(api, PR, identity, BOT)).toBeNull();
  });
});

describe('publishComment', () => {
  it('creates one comment, then updates it in place, and leaves it alone when nothing changed', async () => {
    const report = sampleReport();
    const first = await publishComment(api, report, options({ run: 100 }));
    expect(first.action).toBe('created');
    expect(github.commentsOn(PR)).toHaveLength(1);

    report.findings = report.findings.slice(1);
    const second = await publishComment(api, report, options({ run: 101 }));
    expect(second).toEqual({ action: 'updated', id: first.id, fellBack: false });
    expect(github.commentsOn(PR)).toHaveLength(1);
    expect(readMarker(github.commentsOn(PR)[0]!.body)?.run).toBe(101);

    const writes = github.writes().length;
    const third = await publishComment(api, report, options({ run: 102 }));
    expect(third.action).toBe('unchanged');
    expect(github.writes()).toHaveLength(writes);
  });

  it('turns an earlier red comment into an all-clear, in every mode that writes', async () => {
    for (const mode of ['auto', 'always', 'on-violation'] as const) {
      const key = `mode-${mode}`;
      await publishComment(api, sampleReport(), options({ mode, identity: { ...identity, key } }));
      const result = await publishComment(api, cleanReport(), options({ mode, failing: false, run: 101, identity: { ...identity, key } }));
      expect(result.action).toBe('updated');
      const body = github.comments.find((c) => c.id === result.id)!.body;
      expect(body).toContain(`### ✅ rds-tls-guard · ${key}: all clear`);
      expect(body).toContain('No violations, no database that would restart, and no unknown facts.');
    }
    expect(github.commentsOn(PR)).toHaveLength(3);
  });

  it('creates a comment only when the mode asks for one', async () => {
    const warningsOnly: Report = { ...cleanReport(), findings: [finding({ resource: 'aws_db_instance.a', severity: 'warning', rule: 'ca-expiring' })] };
    expect(hasCommentContent(warningsOnly)).toBe(true);
    expect((await publishComment(api, cleanReport(), options({ mode: 'auto', failing: false }))).action).toBe('not-needed');
    expect((await publishComment(api, warningsOnly, options({ mode: 'on-violation', failing: false }))).action).toBe('not-needed');
    expect(github.writes()).toHaveLength(0);
    expect((await publishComment(api, warningsOnly, options({ mode: 'auto', failing: false }))).action).toBe('created');
    expect((await publishComment(api, cleanReport(), options({ mode: 'always', failing: false, identity: { ...identity, key: 'a' } }))).action).toBe('created');
  });

  it('never overwrites a comment a newer run wrote', async () => {
    github.addComment(PR, ourBody(identity, 'from run 200', 200), BOT, 'Bot');
    expect((await publishComment(api, sampleReport(), options({ run: 150 }))).action).toBe('newer-exists');
    expect(github.writes()).toHaveLength(0);
  });

  it('falls back to a short comment when GitHub still answers 422', async () => {
    github.failures.push({ method: 'POST', path: /\/issues\/7\/comments$/, status: 422, message: 'Body is too long (maximum is 65536 characters)', times: 1 });
    const result = await publishComment(api, sampleReport(), options());
    expect(result).toMatchObject({ action: 'created', fellBack: true });
    const body = github.commentsOn(PR)[0]!.body;
    expect(body.length).toBeLessThanOrEqual(2_000);
    expect(readMarker(body)).toEqual({ ...identity, run: 100 });
    expect(body).toContain('see [the job summary](https://github.com/acme/infra/actions/runs/100)');
  });

  it('uses the login GitHub names for the token, and falls back to github-actions[bot]', async () => {
    expect(await api.tokenLogin()).toBe(BOT);
    const app = await new FakeGitHub({ owner: 'acme', repo: 'infra', token: TOKEN, login: 'my-app[bot]' }).start();
    const noViewer = await new FakeGitHub({ owner: 'acme', repo: 'infra', token: TOKEN, login: 'x', viewer: false }).start();
    try {
      expect(await octokitCommentsApi(getOctokit(TOKEN, { baseUrl: app.url }), 'acme', 'infra', () => {}).tokenLogin()).toBe('my-app[bot]');
      const debug: string[] = [];
      expect(await octokitCommentsApi(getOctokit(TOKEN, { baseUrl: noViewer.url }), 'acme', 'infra', (m) => debug.push(m)).tokenLogin()).toBe(BOT);
      expect(debug[0]).toContain('GraphQL viewer query failed');
    } finally {
      await app.stop();
      await noViewer.stop();
    }
  });
});

describe('commentBody', () => {
  it('stays within the budget for a huge report and says what it left out', () => {
    const body = commentBody(largeReport(5_000), { marker: { ...identity, run: 1 }, runUrl: 'https://github.com/acme/infra/actions/runs/1' });
    expect(body.length).toBeLessThanOrEqual(COMMENT_BUDGET_CHARS);
    expect(COMMENT_BUDGET_CHARS).toBeLessThan(COMMENT_MAX_CHARS);
    expect(body).toMatch(/_\d+ more findings \([^)]*\) are not shown; see \[the job summary\]\(https:\/\/github\.com\/acme\/infra\/actions\/runs\/1\)\._/);
  });

  it('is accepted by GitHub at the limit: a huge report of 4-byte characters still fits', async () => {
    const report = largeReport(3_000, (i) => `𝔡𝔟-${'𝔵'.repeat(40)}-${i}`);
    const result = await publishComment(api, report, options());
    expect(result).toMatchObject({ action: 'created', fellBack: false });
    // Filled close to the budget, and GitHub (which counts characters) took it.
    expect(github.commentsOn(PR)[0]!.body.length).toBeGreaterThan(COMMENT_BUDGET_CHARS - 1_000);
  });

  it('escapes hostile resource names: no mention, link, HTML or broken table', () => {
    const report: Report = {
      ...cleanReport(),
      findings: [
        finding({ resource: '@octocat <img src=x onerror=alert(1)> [x](https://evil.example) | #1', message: 'msg @team #12 <b>bold</b>' }),
      ],
    };
    const body = commentBody(report, { marker: { ...identity, run: 1 }, runUrl: null });
    const row = body.split('\n').find((line) => line.startsWith('| ❌ error'))!;
    expect(row).not.toContain('<img');
    expect(row).not.toContain('<b>');
    expect(row).not.toMatch(/@octocat|@team|#1\b|#12/);
    expect(row).not.toContain('](https://');
    // Five cells and no more: the | in the name did not open a sixth.
    expect(row.split(/(?<!\\)\|/).length - 2).toBe(5);
  });
});

import { describe, expect, it } from 'vitest';
import { commentStep, policyKey, type CommentStepOptions } from '../../src/action/comment-step.js';
import type { CommentsApi } from '../../src/action/comments-api.js';
import type { RunContext } from '../../src/action/run-context.js';
import { sampleReport } from '../report/fixtures.js';

const context: RunContext = {
  eventName: 'pull_request',
  owner: 'acme',
  repo: 'infra',
  pullRequest: { number: 42, fromFork: false },
  workflow: '.github/workflows/rds.yml',
  runId: 7,
  runUrl: 'https://github.com/acme/infra/actions/runs/7',
  workspace: '/w',
};

function failingApi(error: unknown): CommentsApi {
  return {
    tokenLogin: async () => 'github-actions[bot]',
    listComments: async function* () {
      throw error;
    },
    createComment: async () => {
      throw error;
    },
    updateComment: async () => {
      throw error;
    },
  };
}

async function step(partial: Partial<CommentStepOptions> & { api: CommentStepOptions['api'] }) {
  const log = { info: [] as string[], warning: [] as string[], debug: [] as string[] };
  const result = await commentStep({
    report: sampleReport(),
    inputs: { comment: 'auto', commentKey: null, githubToken: 'ghs_x' },
    context,
    failing: true,
    log: { info: (m) => log.info.push(m), warning: (m) => log.warning.push(m), debug: (m) => log.debug.push(m) },
    ...partial,
  });
  return { result, log };
}

const noApi = () => {
  throw new Error('the API must not be built');
};

describe('commentStep', () => {
  it('does not touch GitHub with comment: never, or without a token', async () => {
    expect((await step({ api: noApi, inputs: { comment: 'never', commentKey: null, githubToken: 'ghs_x' } })).log.warning).toEqual([]);
    const { log } = await step({ api: noApi, inputs: { comment: 'always', commentKey: null, githubToken: '' } });
    expect(log.warning).toEqual(['No PR comment: the "github-token" input is empty. The verdict is not affected.']);
  });

  it('explains a 404 and a 401 with the fix, and never throws', async () => {
    const notFound = Object.assign(new Error('Not Found'), { status: 404 });
    const { result, log } = await step({ api: () => failingApi(notFound) });
    expect(result).toBeNull();
    expect(log.warning[0]).toMatch(/^GitHub answered 404 for pull request #42 in acme\/infra: the token cannot see it .*permissions: pull-requests: write.*The verdict is not affected\.$/);
    const badToken = Object.assign(new Error('Bad credentials'), { status: 401 });
    expect((await step({ api: () => failingApi(badToken) })).log.warning[0]).toBe(
      'GitHub rejected the token in `github-token` (401: Bad credentials). Leave `github-token` unset to use the workflow\'s GITHUB_TOKEN. The verdict is not affected.',
    );
    expect((await step({ api: () => failingApi(new Error('socket hang up')) })).log.warning[0]).toBe(
      'Could not write the comment on pull request #42 in acme/infra: socket hang up. The verdict is not affected.',
    );
  });
});

describe('policyKey', () => {
  it('is the policy file relative to the repository, or "built-in"', () => {
    const report = sampleReport();
    expect(policyKey({ ...report, policy: { ...report.policy, file: '/w/.github/rds-tls-policy.yml' } }, '/w')).toBe('.github/rds-tls-policy.yml');
    expect(policyKey({ ...report, policy: { ...report.policy, file: 'policies/prod.yml' } }, '/w')).toBe('policies/prod.yml');
    expect(policyKey({ ...report, policy: { ...report.policy, file: null } }, '/w')).toBe('built-in');
  });
});

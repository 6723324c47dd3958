import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readRunContext } from '../../src/action/run-context.js';

const payload = JSON.parse(readFileSync(fileURLToPath(new URL('./fixtures/pull_request.synchronize.json', import.meta.url)), 'utf8')) as Record<string, unknown>;

const env = {
  GITHUB_EVENT_NAME: 'pull_request',
  GITHUB_REPOSITORY: 'acme/infra',
  GITHUB_RUN_ID: '9876543210',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_WORKFLOW: 'RDS TLS',
  GITHUB_WORKFLOW_REF: 'acme/infra/.github/workflows/rds.yml@refs/pull/42/merge',
  GITHUB_WORKSPACE: '/home/runner/work/infra/infra',
};

function forked(): Record<string, unknown> {
  const copy = structuredClone(payload) as { pull_request: { head: { repo: { full_name: string } } } };
  copy.pull_request.head.repo.full_name = 'someone/infra';
  return copy;
}

describe('readRunContext', () => {
  it('reads the pull request, the workflow file and the run link of a pull_request run', () => {
    expect(readRunContext(env, payload)).toEqual({
      eventName: 'pull_request',
      owner: 'acme',
      repo: 'infra',
      pullRequest: { number: 42, fromFork: false },
      workflow: '.github/workflows/rds.yml',
      runId: 9876543210,
      runUrl: 'https://github.com/acme/infra/actions/runs/9876543210',
      workspace: '/home/runner/work/infra/infra',
    });
  });

  it('knows a fork pull request, which only pull_request (not pull_request_target) runs with a read-only token', () => {
    expect(readRunContext(env, forked()).pullRequest).toEqual({ number: 42, fromFork: true });
    expect(readRunContext({ ...env, GITHUB_EVENT_NAME: 'pull_request_target' }, forked()).pullRequest).toEqual({ number: 42, fromFork: false });
  });

  it('has no pull request on other events, unless one is given', () => {
    const schedule = { ...env, GITHUB_EVENT_NAME: 'schedule' };
    expect(readRunContext(schedule, { schedule: '0 3 * * *' }).pullRequest).toBeNull();
    expect(readRunContext({ ...env, GITHUB_EVENT_NAME: 'workflow_run' }, {}, 17).pullRequest).toEqual({ number: 17, fromFork: false });
  });

  it('falls back to the workflow name, and links to the attempt of a re-run', () => {
    const context = readRunContext({ ...env, GITHUB_WORKFLOW_REF: undefined, GITHUB_RUN_ATTEMPT: '2' }, payload);
    expect(context.workflow).toBe('RDS TLS');
    expect(context.runUrl).toBe('https://github.com/acme/infra/actions/runs/9876543210/attempts/2');
  });
});

// Whether and how the PR comment is written in this run, and what the log says about it. Every
// problem here is a warning with its fix: publishing never changes the verdict.
import path from 'node:path';
import type { Report } from '../report/types.js';
import { type CommentIdentity, type CommentResult, publishComment } from './comment.js';
import type { CommentsApi } from './comments-api.js';
import type { ActionInputs } from './inputs.js';
import { PULL_REQUEST_EVENTS, type RunContext } from './run-context.js';

export interface StepLog {
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
}

const PERMISSION_FIX =
  'Give the job `permissions: pull-requests: write` (and `contents: read`). Pull requests from forks and from Dependabot ' +
  'get a read-only token whatever the workflow asks; for those, see "Fork pull requests" in docs/action.md (the `workflow_run` pattern).';

/** The policy file as the marker records it: repository-relative, so runners and checkouts agree. */
export function policyKey(report: Report, workspace: string): string {
  const file = report.policy.file;
  if (!file) return 'built-in';
  const relative = path.relative(workspace, path.resolve(workspace, file));
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
}

function statusOf(error: unknown): number | null {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : null;
}

function problem(error: unknown, issue: number, context: RunContext): string {
  const status = statusOf(error);
  const detail = error instanceof Error ? error.message : String(error);
  const where = `pull request #${issue} in ${context.owner}/${context.repo}`;
  if (status === 403) return `GitHub refused to write the comment on ${where} (403: ${detail}). ${PERMISSION_FIX}`;
  if (status === 404) return `GitHub answered 404 for ${where}: the token cannot see it or may not comment on it (${detail}). ${PERMISSION_FIX}`;
  if (status === 401) return `GitHub rejected the token in \`github-token\` (401: ${detail}). Leave \`github-token\` unset to use the workflow's GITHUB_TOKEN.`;
  return `Could not write the comment on ${where}: ${detail.replace(/\.?$/, '.')}`;
}

const DONE: Record<CommentResult['action'], string> = {
  created: 'Created the comment',
  updated: 'Updated the comment',
  unchanged: 'The comment is up to date',
  'not-needed': 'No comment needed (nothing to report, and no earlier comment to update)',
  'newer-exists': 'Left the comment alone: a newer run has already updated it',
};

export interface CommentStepOptions {
  report: Report;
  inputs: Pick<ActionInputs, 'comment' | 'commentKey' | 'githubToken'>;
  context: RunContext;
  failing: boolean;
  /** Built only when a comment is to be written (the token is used then and only then). */
  api: () => CommentsApi;
  log: StepLog;
}

export async function commentStep(options: CommentStepOptions): Promise<CommentResult | null> {
  const { report, inputs, context, log } = options;
  if (inputs.comment === 'never') {
    log.debug('PR comment: off (comment: never)');
    return null;
  }
  const pr = context.pullRequest;
  if (!pr) {
    const events = PULL_REQUEST_EVENTS.join(' and ');
    log.info(`No PR comment: the "${context.eventName || 'unknown'}" event is not a pull request (comments are written on ${events}, or with the "pull-request" input).`);
    return null;
  }
  if (pr.fromFork) {
    log.warning(
      `No PR comment on pull request #${pr.number}: it comes from a fork, and GitHub gives workflows that fork pull requests trigger a read-only token. ` +
        'The annotations and the job summary carry the result. To comment on fork pull requests, see "Fork pull requests" in docs/action.md (the `workflow_run` pattern).',
    );
    return null;
  }
  if (!inputs.githubToken || !context.owner || !context.repo) {
    log.warning(`No PR comment: ${!inputs.githubToken ? 'the "github-token" input is empty' : 'GITHUB_REPOSITORY is not set'}. The verdict is not affected.`);
    return null;
  }
  const identity: CommentIdentity = { workflow: context.workflow, policy: policyKey(report, context.workspace), key: inputs.commentKey };
  try {
    const result = await publishComment(options.api(), report, {
      issue: pr.number,
      mode: inputs.comment,
      failing: options.failing,
      identity,
      run: context.runId,
      runUrl: context.runUrl,
    });
    const id = result.id !== null ? ` (comment ${result.id})` : '';
    log.info(`${DONE[result.action]} on pull request #${pr.number}${id}.`);
    if (result.fellBack) log.warning(`GitHub refused the full PR comment as too long; a short one that points to the job summary was written instead.`);
    return result;
  } catch (error) {
    log.warning(`${problem(error, pr.number, context)} The verdict is not affected.`);
    return null;
  }
}

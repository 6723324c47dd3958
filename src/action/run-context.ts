// What the action needs to know about the workflow run, from the runner's environment and the
// event payload: the pull request (if any), the repository, the workflow, and links back to the run.
import path from 'node:path';

/** Events whose payload is a pull request the comment belongs to. */
export const PULL_REQUEST_EVENTS: readonly string[] = ['pull_request', 'pull_request_target'];

export interface PullRequestRef {
  number: number;
  /** The head branch lives in another repository: GitHub gives `pull_request` runs a read-only token. */
  fromFork: boolean;
}

export interface RunContext {
  eventName: string;
  owner: string | null;
  repo: string | null;
  pullRequest: PullRequestRef | null;
  /** Stable id of the workflow: its file path when the runner says it, else its name. */
  workflow: string;
  runId: number | null;
  /** The run's page, linked from notes about what a comment or summary left out. */
  runUrl: string | null;
  workspace: string;
}

interface PullRequestPayload {
  number?: unknown;
  head?: { repo?: { full_name?: unknown } | null };
  base?: { repo?: { full_name?: unknown } | null };
}

function pullRequestOf(eventName: string, payload: Record<string, unknown>, explicit: number | null): PullRequestRef | null {
  const pr = (payload.pull_request ?? null) as PullRequestPayload | null;
  const fromFork = (ref: PullRequestPayload | null) =>
    // A deleted fork has `head.repo: null`; that is a fork too.
    eventName === 'pull_request' && ref !== null && ref.head !== undefined && ref.head?.repo?.full_name !== ref.base?.repo?.full_name;
  if (explicit !== null) {
    return { number: explicit, fromFork: pr !== null && pr.number === explicit && fromFork(pr) };
  }
  if (!PULL_REQUEST_EVENTS.includes(eventName) || pr === null) return null;
  if (typeof pr.number !== 'number' || !Number.isSafeInteger(pr.number) || pr.number <= 0) return null;
  return { number: pr.number, fromFork: fromFork(pr) };
}

/** `owner/repo/.github/workflows/ci.yml@refs/heads/main` → `.github/workflows/ci.yml`. */
function workflowPath(ref: string | undefined, repository: string | undefined): string | null {
  if (!ref) return null;
  const withoutRef = ref.replace(/@[^@]*$/, '');
  const prefix = repository ? `${repository}/` : '';
  return prefix && withoutRef.startsWith(prefix) ? withoutRef.slice(prefix.length) : withoutRef;
}

export function readRunContext(env: NodeJS.ProcessEnv, payload: Record<string, unknown>, explicitPullRequest: number | null = null): RunContext {
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const repository = env.GITHUB_REPOSITORY;
  const [owner, repo] = repository && /^[^/]+\/[^/]+$/.test(repository) ? repository.split('/') : [null, null];
  const runId = env.GITHUB_RUN_ID && /^\d+$/.test(env.GITHUB_RUN_ID) ? Number(env.GITHUB_RUN_ID) : null;
  const server = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
  const attempt = env.GITHUB_RUN_ATTEMPT && env.GITHUB_RUN_ATTEMPT !== '1' ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : '';
  return {
    eventName,
    owner: owner ?? null,
    repo: repo ?? null,
    pullRequest: pullRequestOf(eventName, payload, explicitPullRequest),
    workflow: workflowPath(env.GITHUB_WORKFLOW_REF, repository) ?? env.GITHUB_WORKFLOW ?? '',
    runId,
    runUrl: repository && runId !== null ? `${server}/${repository}/actions/runs/${runId}${attempt}` : null,
    workspace: path.resolve(env.GITHUB_WORKSPACE ?? process.cwd()),
  };
}

// The sticky PR comment: one per workflow, policy and comment key, found again by a hidden marker
// among the PR's comments that this token wrote, updated in place, left alone when unchanged, and
// turned into an all-clear once nothing is left to report.
import { renderMarkdown } from '../report/index.js';
import { restartingResources, unknownFacts } from '../report/common.js';
import type { Report } from '../report/types.js';
import type { CommentsApi, IssueComment } from './comments-api.js';
import type { CommentMode } from './inputs.js';
import { COMMENT_BUDGET_CHARS } from './limits.js';

export const MARKER_TOOL = 'rds-tls-guard';
const MARKER_VERSION = 1;
/** Budget of the fallback comment sent when GitHub rejects a body as too long. */
const MINIMAL_BUDGET_CHARS = 2_000;

/** What makes a comment ours to update: the same workflow, policy file and comment key. */
export interface CommentIdentity {
  workflow: string;
  policy: string;
  key: string | null;
}

export interface Marker extends CommentIdentity {
  /** The run that wrote it: an older run finishing late does not overwrite a newer result. */
  run: number | null;
}

const MARKER_PATTERN = /^<!-- rds-tls-guard (\{.*?\}) -->\n?/;

export function markerLine(marker: Marker): string {
  const payload = JSON.stringify({ v: MARKER_VERSION, workflow: marker.workflow, policy: marker.policy, key: marker.key, run: marker.run });
  // `<` and `>` as JSON escapes: nothing in a value can end the HTML comment.
  return `<!-- ${MARKER_TOOL} ${payload.replace(/</g, '\\u003c').replace(/>/g, '\\u003e')} -->`;
}

export function readMarker(body: string): Marker | null {
  const match = MARKER_PATTERN.exec(body);
  if (!match) return null;
  try {
    const data = JSON.parse(match[1]!) as Record<string, unknown>;
    if (data.v !== MARKER_VERSION || typeof data.workflow !== 'string' || typeof data.policy !== 'string') return null;
    return {
      workflow: data.workflow,
      policy: data.policy,
      key: typeof data.key === 'string' ? data.key : null,
      run: typeof data.run === 'number' ? data.run : null,
    };
  } catch {
    return null;
  }
}

function sameIdentity(a: CommentIdentity, b: CommentIdentity): boolean {
  return a.workflow === b.workflow && a.policy === b.policy && a.key === b.key;
}

/** The visible part, as GitHub may hand it back (CRLF line ends, trailing space trimmed). */
function visible(body: string): string {
  return body.replace(/\r\n?/g, '\n').replace(MARKER_PATTERN, '').trimEnd();
}

/**
 * Our comment for this identity: authored by this token's login (another user pasting the marker
 * cannot take it over), with our marker, over every page. The oldest wins when a race left two.
 */
export async function findOurComment(api: CommentsApi, issue: number, identity: CommentIdentity, login: string): Promise<(IssueComment & { marker: Marker }) | null> {
  for await (const page of api.listComments(issue)) {
    for (const comment of page) {
      if (comment.login !== login) continue;
      const marker = readMarker(comment.body);
      if (marker && sameIdentity(marker, identity)) return { ...comment, marker };
    }
  }
  return null;
}

export interface CommentBodyOptions {
  marker: Marker;
  runUrl: string | null;
  /** Upper bound for the whole body, marker included (UTF-16 code units). */
  budget?: number;
}

/** The headline's name: the tool, and the comment key that tells prod from staging. */
export function reportTitle(key: string | null): string {
  return key ? `${MARKER_TOOL} · ${key}` : MARKER_TOOL;
}

export function commentBody(report: Report, options: CommentBodyOptions): string {
  const marker = markerLine(options.marker);
  const budget = (options.budget ?? COMMENT_BUDGET_CHARS) - marker.length - 1;
  const markdown = renderMarkdown(report, { variant: 'comment', maxLength: budget, lengthUnit: 'chars', runUrl: options.runUrl, title: reportTitle(options.marker.key) });
  return `${marker}\n${markdown}`;
}

/** Whether the comment would list anything: violations, restarts, unknown facts or unread sources. */
export function hasCommentContent(report: Report): boolean {
  return (
    report.findings.some((finding) => finding.severity !== 'notice') ||
    restartingResources(report).length > 0 ||
    unknownFacts(report).length > 0 ||
    report.errors.length > 0
  );
}

export type CommentAction = 'created' | 'updated' | 'unchanged' | 'not-needed' | 'newer-exists';

export interface CommentResult {
  action: CommentAction;
  id: number | null;
  /** Set when GitHub refused the full body as too long and the short one went instead. */
  fellBack: boolean;
}

export interface PublishOptions {
  issue: number;
  mode: Exclude<CommentMode, 'never'>;
  /** The step fails (the CLI would exit non-zero). */
  failing: boolean;
  identity: CommentIdentity;
  run: number | null;
  runUrl: string | null;
}

/** Whether a new comment is due; an existing one is updated in every mode but `never`. */
export function wantsNewComment(mode: PublishOptions['mode'], report: Report, failing: boolean): boolean {
  if (mode === 'always') return true;
  if (mode === 'on-violation') return failing;
  return hasCommentContent(report);
}

function isTooLong(error: unknown): boolean {
  return (error as { status?: unknown } | null)?.status === 422;
}

export async function publishComment(api: CommentsApi, report: Report, options: PublishOptions): Promise<CommentResult> {
  const login = await api.tokenLogin();
  const existing = await findOurComment(api, options.issue, options.identity, login);
  if (!existing && !wantsNewComment(options.mode, report, options.failing)) return { action: 'not-needed', id: null, fellBack: false };
  if (existing && existing.marker.run !== null && options.run !== null && existing.marker.run > options.run) {
    return { action: 'newer-exists', id: existing.id, fellBack: false };
  }

  const marker: Marker = { ...options.identity, run: options.run };
  const body = commentBody(report, { marker, runUrl: options.runUrl });
  if (existing && visible(existing.body) === visible(body)) return { action: 'unchanged', id: existing.id, fellBack: false };

  const send = async (text: string): Promise<number> => {
    if (existing) {
      await api.updateComment(existing.id, text);
      return existing.id;
    }
    return (await api.createComment(options.issue, text)).id;
  };
  try {
    return { action: existing ? 'updated' : 'created', id: await send(body), fellBack: false };
  } catch (error) {
    // The budget keeps the body far below GitHub's limit; should GitHub still say no, a short
    // comment that points to the summary beats no comment at all.
    if (!isTooLong(error)) throw error;
    const short = commentBody(report, { marker, runUrl: options.runUrl, budget: MINIMAL_BUDGET_CHARS });
    return { action: existing ? 'updated' : 'created', id: await send(short), fellBack: true };
  }
}

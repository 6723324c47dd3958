// GitHub's limits for what an action publishes, in the unit GitHub measures them in. Past each
// limit GitHub drops or rejects silently, so the code plans below them and says what it left out.
// Sources: actions/toolkit docs/problem-matchers.md (annotations), github/docs workflow-commands.md
// (job summary), the REST error "Body is too long (maximum is 65536 characters)" (comments),
// github/docs output-limitations.md (outputs), docs.github.com SARIF support (code scanning).
import { SARIF_MAX_RESULTS as REPORT_SARIF_MAX_RESULTS } from '../report/index.js';

/** Workflow-command annotations GitHub shows per step, for each of error, warning and notice. */
export const ANNOTATIONS_PER_TYPE_PER_STEP = 10;

/** Annotations GitHub shows per job, all steps together. */
export const ANNOTATIONS_PER_JOB = 50;

/** `core.setFailed` writes one error annotation of its own; a failing step keeps a slot for it. */
export const ERROR_SLOTS_FOR_FAILURE = 1;

/** A PR / issue comment body, in characters. Above it GitHub answers 422. */
export const COMMENT_MAX_CHARS = 65_536;

/**
 * What the sticky comment may use, in UTF-16 code units (never fewer than GitHub's characters):
 * well under the limit, so an edit in GitHub's counting or a marker change cannot reach it.
 */
export const COMMENT_BUDGET_CHARS = 60_000;

/** A step's job summary, in bytes. Over it GitHub discards the whole summary, not the excess. */
export const SUMMARY_MAX_BYTES = 1_048_576;

/** What the job summary may use: room below the limit for anything else that writes to it. */
export const SUMMARY_BUDGET_BYTES = 1_000_000;

/** Step outputs per job, in bytes (GitHub approximates the size as UTF-16). */
export const OUTPUTS_MAX_BYTES_PER_JOB = 1_000_000;

/** What this action's outputs may use together: counts and paths, far below the job's limit. */
export const OUTPUTS_BUDGET_BYTES = 16_384;

/** Code scanning keeps at most this many results per SARIF run. */
export const SARIF_MAX_RESULTS = REPORT_SARIF_MAX_RESULTS;

/** Code scanning rejects a SARIF upload larger than this once gzipped. */
export const SARIF_MAX_GZIP_BYTES = 10 * 1024 * 1024;

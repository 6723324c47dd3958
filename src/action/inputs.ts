// Every action input, read once, typed and validated. Defaults live here, not in action.yml, so an
// input left out is told apart from one set to its default (trivy-action, dependency-review).
import * as core from '@actions/core';
import { InputError } from '../errors.js';
import { FAIL_ON, type FailOn } from '../exit.js';
import type { SourceOptions } from '../sources/index.js';

/** Input names as action.yml declares them, with the CLI flag each mirrors (for messages). */
export const INPUTS = {
  policy: { name: 'policy', flag: '--policy' },
  terraformPlan: { name: 'terraform-plan', flag: '--terraform-plan' },
  terraformDir: { name: 'terraform-dir', flag: '--terraform-dir' },
  cloudformation: { name: 'cloudformation', flag: '--cloudformation' },
  changeset: { name: 'changeset', flag: '--changeset' },
  cfnParameters: { name: 'cfn-parameters', flag: '--cfn-parameter' },
  cfnParametersFile: { name: 'cfn-parameters-file', flag: '--cfn-parameters-file' },
  live: { name: 'live', flag: '--live' },
  regions: { name: 'regions', flag: '--region' },
  snapshot: { name: 'snapshot', flag: '--snapshot' },
  engineVersions: { name: 'engine-versions', flag: '--engine-versions' },
  failOn: { name: 'fail-on', flag: '--fail-on' },
  asOf: { name: 'as-of', flag: '--as-of' },
  awsFacts: { name: 'aws-facts', flag: '--no-aws' },
  comment: { name: 'comment', flag: null },
  commentKey: { name: 'comment-key', flag: null },
  pullRequest: { name: 'pull-request', flag: null },
  githubToken: { name: 'github-token', flag: null },
} as const;

/**
 * When the sticky PR comment is written (on pull requests only; see docs/action.md):
 * - `auto`: created when it has something to list (violations, restarts, unknown facts, unread
 *   sources); an existing one is always updated, so a fixed PR shows an all-clear.
 * - `always`: created or updated on every run, all-clear included.
 * - `on-violation`: created only when the step fails; an existing one is always updated.
 * - `never`: never written; an existing one is left as it is.
 */
export const COMMENT_MODES = ['auto', 'always', 'on-violation', 'never'] as const;
export type CommentMode = (typeof COMMENT_MODES)[number];

/** The sources, named as check() takes them. */
export type SourceInputs = Omit<SourceOptions, 'cwd'> & { engineVersions: string[] };

export interface ActionInputs {
  policy: string | null;
  sources: SourceInputs;
  failOn: FailOn;
  asOf: Date | undefined;
  awsFacts: boolean;
  comment: CommentMode;
  commentKey: string | null;
  /** A PR number given explicitly (e.g. from a `workflow_run` workflow); null: from the event. */
  pullRequest: number | null;
  githubToken: string;
}

/** Reads one raw input; `core.getInput` in the action (INPUT_<NAME>, hyphens kept, trimmed). */
export type InputReader = (name: string) => string;

const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];
const COMMENT_KEY_MAX = 100;

function quoted(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}

/** YAML 1.2 core booleans, as `core.getBooleanInput`, but an empty input takes the default instead of throwing. */
export function parseBoolean(name: string, raw: string, fallback: boolean): boolean {
  if (raw === '') return fallback;
  if (TRUE.includes(raw)) return true;
  if (FALSE.includes(raw)) return false;
  throw new InputError(`input "${name}" must be true or false, got ${quoted(raw)}`);
}

export function parseEnum<T extends string>(name: string, raw: string, allowed: readonly T[], fallback: T): T {
  if (raw === '') return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw new InputError(`input "${name}" must be one of ${allowed.join(', ')}; got ${quoted(raw)}`);
}

/** Splits on commas that are not inside a glob's `{a,b}` braces. */
function splitCommas(line: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '\\') i++;
    else if (char === '{') depth++;
    else if (char === '}' && depth > 0) depth--;
    else if (char === ',' && depth === 0) {
      parts.push(line.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(line.slice(start));
  return parts;
}

/** A list input: one value per line, or several on a line separated by commas (globs' braces kept). */
export function parseList(raw: string, options: { commas: boolean } = { commas: true }): string[] {
  return raw
    .split(/\r?\n/)
    .flatMap((line) => (options.commas ? splitCommas(line) : [line]))
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

function parseKeyValueLines(name: string, raw: string): string[] {
  // Lines only: a CommaDelimitedList parameter's value has commas in it.
  const pairs = parseList(raw, { commas: false });
  for (const pair of pairs) {
    if (pair.indexOf('=') <= 0) throw new InputError(`input "${name}" takes one Key=Value per line, got ${quoted(pair)}`);
  }
  return pairs;
}

function parseDate(name: string, raw: string): Date | undefined {
  if (raw === '') return undefined;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? new Date(`${raw}T00:00:00Z`) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== raw) {
    throw new InputError(`input "${name}" must be a date like 2026-12-31, got ${quoted(raw)}`);
  }
  return date;
}

function parsePullRequest(name: string, raw: string): number | null {
  if (raw === '') return null;
  const number = /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(number)) throw new InputError(`input "${name}" must be a pull request number, got ${quoted(raw)}`);
  return number;
}

function parseCommentKey(name: string, raw: string): string | null {
  if (raw === '') return null;
  if (raw.length > COMMENT_KEY_MAX || /[\u0000-\u001f\u007f]/.test(raw)) {
    throw new InputError(`input "${name}" must be one line of at most ${COMMENT_KEY_MAX} characters`);
  }
  return raw;
}

export function getInputs(read: InputReader = (name) => core.getInput(name)): ActionInputs {
  const get = (input: { name: string }) => read(input.name).trim();
  const list = (input: { name: string }) => parseList(get(input));
  const terraformDirs = list(INPUTS.terraformDir);
  if (terraformDirs.length > 1) throw new InputError(`input "${INPUTS.terraformDir.name}" takes one directory, got ${terraformDirs.length}`);
  return {
    policy: get(INPUTS.policy) || null,
    sources: {
      terraformPlans: list(INPUTS.terraformPlan),
      terraformConfigDir: terraformDirs[0] ?? null,
      cloudformation: list(INPUTS.cloudformation),
      changesets: list(INPUTS.changeset),
      cfnParameters: parseKeyValueLines(INPUTS.cfnParameters.name, get(INPUTS.cfnParameters)),
      cfnParameterFiles: list(INPUTS.cfnParametersFile),
      live: parseBoolean(INPUTS.live.name, get(INPUTS.live), false),
      regions: list(INPUTS.regions),
      snapshots: list(INPUTS.snapshot),
      engineVersions: list(INPUTS.engineVersions),
    },
    failOn: parseEnum(INPUTS.failOn.name, get(INPUTS.failOn), FAIL_ON, 'error'),
    asOf: parseDate(INPUTS.asOf.name, get(INPUTS.asOf)),
    awsFacts: parseBoolean(INPUTS.awsFacts.name, get(INPUTS.awsFacts), true),
    comment: parseEnum(INPUTS.comment.name, get(INPUTS.comment), COMMENT_MODES, 'auto'),
    commentKey: parseCommentKey(INPUTS.commentKey.name, get(INPUTS.commentKey)),
    pullRequest: parsePullRequest(INPUTS.pullRequest.name, get(INPUTS.pullRequest)),
    githubToken: read(INPUTS.githubToken.name).trim(),
  };
}

const INPUT_FOR_FLAG = new Map<string, string>(
  Object.values(INPUTS).flatMap((input) => (input.flag ? [[input.flag, input.name] as const] : [])),
);

/**
 * Messages from the code the CLI shares name CLI flags ("--terraform-plan: no files match …");
 * an action user knows the inputs, so each flag becomes the input it mirrors.
 */
export function inputNamesFor(message: string): string {
  return message.replace(/--[a-z][a-z-]*/g, (flag) => {
    const name = INPUT_FOR_FLAG.get(flag);
    if (!name) return flag;
    return flag === '--no-aws' ? `"${name}: false"` : `"${name}"`;
  });
}

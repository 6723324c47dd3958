// One workflow-command annotation per finding, within GitHub's per-step limits: most severe first,
// and within a severity the ones GitHub can show on a changed line first. What does not fit is
// counted for the job summary and listed in the log, never dropped silently.
import path from 'node:path';
import type { AnnotationProperties } from '@actions/core';
import type { SourceError } from '../model.js';
import type { Severity } from '../policy/types.js';
import { countBySeverity, describeCounts, fileLocation, plural, whereText } from '../report/common.js';
import type { Finding } from '../report/types.js';
import { ANNOTATIONS_PER_JOB, ANNOTATIONS_PER_TYPE_PER_STEP, ERROR_SLOTS_FOR_FAILURE } from './limits.js';
import { logLine } from './log.js';

export type AnnotationLevel = Severity;

export interface Annotation {
  level: AnnotationLevel;
  message: string;
  properties: AnnotationProperties;
}

export interface AnnotationPlan {
  shown: Annotation[];
  /** Findings and source errors past the per-step limit, by level. */
  hidden: Annotation[];
}

export type AnnotationBudget = Record<AnnotationLevel, number>;

export interface AnnotationOptions {
  budget: AnnotationBudget;
  /** Repository root: annotation files are relative to it, and files outside it get no file. */
  workspace: string;
  /** What relative finding paths are relative to (the directory the tool ran in). */
  cwd: string;
}

const TITLE_MAX = 200;

/**
 * Slots left per level: GitHub's per-step limit, less the error annotation a failing step's
 * `setFailed` writes and the annotations this step already wrote (publishing warnings).
 */
export function annotationBudget(failing: boolean, alreadyWritten: Partial<AnnotationBudget> = {}): AnnotationBudget {
  const left = (level: AnnotationLevel, reserved: number) =>
    Math.max(0, ANNOTATIONS_PER_TYPE_PER_STEP - reserved - (alreadyWritten[level] ?? 0));
  return {
    error: left('error', failing ? ERROR_SLOTS_FOR_FAILURE : 0),
    warning: left('warning', 0),
    notice: left('notice', 0),
  };
}

/** The repository-relative POSIX path GitHub matches against the diff, or null outside the repository. */
export function repositoryPath(file: string, workspace: string, cwd: string): string | null {
  const relative = path.relative(workspace, path.resolve(cwd, file));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return relative.split(path.sep).join('/');
}

function clipTitle(title: string): string {
  return title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1)}…` : title;
}

function findingAnnotation(finding: Finding, options: AnnotationOptions): Annotation {
  const { source } = finding;
  const file = source.file ? repositoryPath(source.file, options.workspace, options.cwd) : null;
  const properties: AnnotationProperties = {};
  let title = `${finding.rule}: ${finding.resource}`;
  if (file) {
    properties.file = file;
    // A file with no line (a plan without its .tf files) is named, not pinned to a line it is not on.
    if (source.line != null && source.line >= 1) {
      properties.startLine = source.line;
      if (source.column != null && source.column >= 1) properties.startColumn = source.column;
    }
  } else {
    // Live and snapshot findings, or files outside the repository: the title says where.
    title += ` (${whereText(source)})`;
  }
  properties.title = clipTitle(title);
  return { level: finding.severity, message: finding.message, properties };
}

function sourceErrorAnnotation(error: SourceError): Annotation {
  return {
    level: 'warning',
    message: `${error.source}: ${error.message}. The evaluation is incomplete.`,
    properties: { title: 'rds-tls-guard: source not read' },
  };
}

/** How precisely GitHub can place it: on a line (shown in "Files changed"), on a file, or only in the run. */
function placement(annotation: Annotation): number {
  if (annotation.properties.startLine != null) return 0;
  return annotation.properties.file ? 1 : 2;
}

export function planAnnotations(findings: readonly Finding[], sourceErrors: readonly SourceError[], options: AnnotationOptions): AnnotationPlan {
  const candidates = [
    ...sourceErrors.map(sourceErrorAnnotation),
    ...findings
      .map((finding, index) => ({ annotation: findingAnnotation(finding, options), index }))
      // Most severe first, then by placement; report order within each.
      .sort((a, b) => rank(a.annotation) - rank(b.annotation) || a.index - b.index)
      .map(({ annotation }) => annotation),
  ];
  const left = { ...options.budget };
  const shown: Annotation[] = [];
  const hidden: Annotation[] = [];
  for (const annotation of candidates) {
    if (left[annotation.level] > 0) {
      left[annotation.level]--;
      shown.push(annotation);
    } else hidden.push(annotation);
  }
  return { shown, hidden };
}

const LEVEL_RANK: Record<AnnotationLevel, number> = { error: 0, warning: 1, notice: 2 };

function rank(annotation: Annotation): number {
  return LEVEL_RANK[annotation.level] * 10 + placement(annotation);
}

/** The job-summary note for annotations past the limit, or null when every one was written. */
export function overflowNote(plan: AnnotationPlan): string | null {
  if (plan.hidden.length === 0) return null;
  const counts = describeCounts(countBySeverity(plan.hidden.map((annotation) => ({ severity: annotation.level }) as Finding)));
  return (
    `${plural(plan.hidden.length, 'annotation')} not shown (${counts}): GitHub shows ${ANNOTATIONS_PER_TYPE_PER_STEP} ` +
    `errors, ${ANNOTATIONS_PER_TYPE_PER_STEP} warnings and ${ANNOTATIONS_PER_TYPE_PER_STEP} notices per step ` +
    `(${ANNOTATIONS_PER_JOB} per job). All of them are listed in the step log and in the JSON report.`
  );
}

export interface AnnotationSink {
  error(message: string, properties?: AnnotationProperties): void;
  warning(message: string, properties?: AnnotationProperties): void;
  notice(message: string, properties?: AnnotationProperties): void;
  info(message: string): void;
}

function describe(annotation: Annotation): string {
  const { file, startLine, startColumn, title } = annotation.properties;
  const where = file ? fileLocation({ file, line: startLine ?? null, column: startColumn ?? null }) : null;
  return logLine(`${annotation.level}: ${title ?? ''}${where ? ` at ${where}` : ''}: ${annotation.message}`);
}

export function writeAnnotations(plan: AnnotationPlan, sink: AnnotationSink): void {
  for (const annotation of plan.shown) sink[annotation.level](annotation.message, annotation.properties);
  if (plan.hidden.length === 0) return;
  sink.info(`rds-tls-guard: ${plural(plan.hidden.length, 'annotation')} past GitHub's per-step limit, listed here instead:`);
  for (const annotation of plan.hidden) sink.info(`  ${describe(annotation)}`);
}

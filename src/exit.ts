import type { Severity } from './policy/types.js';
import type { Report } from './report/types.js';

export type FailOn = Severity | 'never';
export const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'notice', 'never'];

/** SPEC's exit codes, plus 4 for an internal error (a bug), which SPEC leaves open. */
export const EXIT = { ok: 0, findings: 1, usage: 2, incomplete: 3, internal: 4 } as const;

const RANK: Record<Severity, number> = { error: 3, warning: 2, notice: 1 };

/** Whether a finding of this severity fails the run under --fail-on. */
export function reachesFailOn(severity: Severity, failOn: FailOn): boolean {
  return failOn !== 'never' && RANK[severity] >= RANK[failOn];
}

/** 1 when a finding reaches --fail-on, else 3 when the evaluation was incomplete, else 0. */
export function exitCode(report: Report, failOn: FailOn): number {
  if (report.findings.some((f) => reachesFailOn(f.severity, failOn))) return EXIT.findings;
  return report.summary.incomplete ? EXIT.incomplete : EXIT.ok;
}

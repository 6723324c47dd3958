// The report files (JSON, SARIF) and the step outputs. Large results go to files; outputs carry
// counts and paths, far below GitHub's per-job output limit.
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { renderJsonChunks, renderSarif, textLength } from '../report/index.js';
import type { Report } from '../report/types.js';
import { OUTPUTS_BUDGET_BYTES, SARIF_MAX_GZIP_BYTES } from './limits.js';

/** Output names as action.yml declares them. */
export const OUTPUTS = {
  findings: 'findings',
  errors: 'errors',
  warnings: 'warnings',
  notices: 'notices',
  restartRequired: 'restart-required',
  incomplete: 'incomplete',
  exitCode: 'exit-code',
  report: 'report',
  sarif: 'sarif',
} as const;

export interface ReportFiles {
  report: string;
  sarif: string;
  /** Size of the SARIF file gzipped, as code scanning measures uploads. */
  sarifGzipBytes: number;
}

/**
 * A directory of this step's own under RUNNER_TEMP: two steps in one job (prod and staging) must
 * not overwrite each other's files. GITHUB_ACTION is unique per step (`__run_2`, `guard`, …).
 */
export function reportDirectory(env: NodeJS.ProcessEnv): string {
  const step = (env.GITHUB_ACTION || 'run').replace(/[^A-Za-z0-9._-]/g, '_');
  return path.join(env.RUNNER_TEMP || tmpdir(), 'rds-tls-guard', step);
}

/** Writes the JSON report and the SARIF file; a file system that refuses is a warning, not a verdict. */
export async function writeReportFiles(report: Report, directory: string, workspace: string, warn: (message: string) => void): Promise<ReportFiles | null> {
  const files = { report: path.join(directory, 'rds-tls-guard.json'), sarif: path.join(directory, 'rds-tls-guard.sarif') };
  const sarif = renderSarif(report, { repoRoot: workspace });
  try {
    await mkdir(directory, { recursive: true });
    await Promise.all([writeFile(files.report, renderJsonChunks(report)), writeFile(files.sarif, sarif)]);
  } catch (error) {
    warn(`Could not write the report files in ${directory}: ${error instanceof Error ? error.message : String(error)}. The "report" and "sarif" outputs are not set; the verdict is not affected.`);
    return null;
  }
  return { ...files, sarifGzipBytes: gzipSync(sarif).length };
}

/** A warning when code scanning would reject the SARIF file, else null. */
export function sarifSizeProblem(files: ReportFiles): string | null {
  if (files.sarifGzipBytes <= SARIF_MAX_GZIP_BYTES) return null;
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  return `The SARIF file is ${mb(files.sarifGzipBytes)} MiB gzipped; code scanning rejects uploads over ${mb(SARIF_MAX_GZIP_BYTES)} MiB. Narrow the policy's scope or split the run.`;
}

export function reportOutputs(report: Report, exitCode: number, files: ReportFiles | null): Record<string, string> {
  const { summary } = report;
  return {
    [OUTPUTS.findings]: String(summary.findings),
    [OUTPUTS.errors]: String(summary.error),
    [OUTPUTS.warnings]: String(summary.warning),
    [OUTPUTS.notices]: String(summary.notice),
    [OUTPUTS.restartRequired]: String(summary.restartRequired),
    [OUTPUTS.incomplete]: String(summary.incomplete),
    [OUTPUTS.exitCode]: String(exitCode),
    ...(files ? { [OUTPUTS.report]: files.report, [OUTPUTS.sarif]: files.sarif } : {}),
  };
}

/** Sets each output; one past the action's output budget, or that the runner's file refuses, is left out with a warning. */
export function setOutputs(outputs: Record<string, string>, set: (name: string, value: string) => void, warn: (message: string) => void): void {
  let used = 0;
  for (const [name, value] of Object.entries(outputs)) {
    // GitHub approximates output sizes as UTF-16: two bytes per code unit.
    const size = 2 * textLength(name + value, 'chars');
    if (used + size > OUTPUTS_BUDGET_BYTES) {
      warn(`Output "${name}" was not set: it would take the outputs past ${OUTPUTS_BUDGET_BYTES} bytes.`);
      continue;
    }
    used += size;
    try {
      set(name, value);
    } catch (error) {
      // A broken GITHUB_OUTPUT is a publishing problem: the verdict stands.
      warn(`Output "${name}" was not set: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

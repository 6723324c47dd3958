// The action: read the inputs, run the same check() as the CLI, publish (files, outputs, PR
// comment, annotations, job summary), then pass or fail exactly as the CLI's exit code would.
import * as core from '@actions/core';
import * as github from '@actions/github';
import { check } from '../check.js';
import { InputError, errorMessage } from '../errors.js';
import { EXIT, exitCode, reachesFailOn, type FailOn } from '../exit.js';
import { loadPolicy } from '../policy/load.js';
import { countBySeverity, describeCounts, plural } from '../report/common.js';
import { renderText } from '../report/index.js';
import type { Report } from '../report/types.js';
import { annotationBudget, overflowNote, planAnnotations, repositoryPath, writeAnnotations } from './annotations.js';
import { reportTitle } from './comment.js';
import { commentStep } from './comment-step.js';
import { octokitCommentsApi } from './comments-api.js';
import { getInputs, inputNamesFor, type ActionInputs } from './inputs.js';
import { logLine, untrustedBlock } from './log.js';
import { OUTPUTS, reportDirectory, reportOutputs, sarifSizeProblem, setOutputs, writeReportFiles } from './outputs.js';
import { readRunContext, type RunContext } from './run-context.js';
import { failureSummary, summaryMarkdown, writeSummary } from './summary.js';

/** What the step ends with; written in `finally`, so outputs and summary exist before the step fails. */
interface Outcome {
  exitCode: number;
  outputs: Record<string, string>;
  summary: string | null;
  failure: { message: string; properties?: core.AnnotationProperties } | null;
}

/** Warnings the action itself wrote: they use the same per-step annotation slots as findings. */
function countingLog() {
  const written = { warning: 0 };
  return {
    written,
    info: (message: string) => core.info(logLine(message)),
    debug: (message: string) => core.debug(logLine(message)),
    warning: (message: string) => {
      written.warning++;
      core.warning(logLine(message));
    },
  };
}

function verdictMessage(report: Report, code: number, failOn: FailOn): string {
  const reasons: string[] = [];
  if (code === EXIT.findings) {
    const atOrAbove = report.findings.filter((finding) => reachesFailOn(finding.severity, failOn));
    reasons.push(`${describeCounts(countBySeverity(atOrAbove))} at or above fail-on "${failOn}"`);
  }
  if (report.summary.incomplete) {
    reasons.push(`the evaluation is incomplete: ${plural(report.errors.length, 'source')} could not be read`);
  }
  return `rds-tls-guard: ${reasons.join('; ')}. See the job summary for details.`;
}

function logReport(report: Report): void {
  core.startGroup('rds-tls-guard report');
  core.info(untrustedBlock(renderText(report, { color: false })));
  core.endGroup();
}

async function evaluate(inputs: ActionInputs, context: RunContext, log: ReturnType<typeof countingLog>): Promise<Outcome> {
  const cwd = process.cwd();
  const policy = await loadPolicy(inputs.policy, { cwd });
  const report = await check({ ...inputs.sources, policy, cwd, env: process.env, awsFacts: inputs.awsFacts, asOf: inputs.asOf });
  const code = exitCode(report, inputs.failOn);
  logReport(report);

  const files = await writeReportFiles(report, reportDirectory(process.env), context.workspace, log.warning);
  const sarifProblem = files && sarifSizeProblem(files);
  if (sarifProblem) log.warning(sarifProblem);

  await commentStep({
    report,
    inputs,
    context,
    failing: code !== EXIT.ok,
    api: () => octokitCommentsApi(github.getOctokit(inputs.githubToken), context.owner!, context.repo!, log.debug),
    log,
  });

  const plan = planAnnotations(report.findings, report.errors, {
    budget: annotationBudget(code !== EXIT.ok, log.written),
    workspace: context.workspace,
    cwd,
  });
  writeAnnotations(plan, { error: core.error, warning: core.warning, notice: core.notice, info: (line) => core.info(line) });
  const note = overflowNote(plan);
  return {
    exitCode: code,
    outputs: reportOutputs(report, code, files),
    summary: summaryMarkdown(report, { notes: note ? [note] : [], runUrl: context.runUrl, reportPath: files?.report ?? null, title: reportTitle(inputs.commentKey) }),
    failure: code === EXIT.ok ? null : { message: verdictMessage(report, code, inputs.failOn) },
  };
}

/** The one funnel: the user's errors say what to fix; anything else is a bug, with its stack in the debug log. */
function failed(error: unknown, workspace: string): Outcome {
  if (error instanceof InputError) {
    const message = inputNamesFor(error.describe());
    const file = error.file ? repositoryPath(error.file, workspace, process.cwd()) : null;
    const properties: core.AnnotationProperties | undefined = file
      ? { title: 'rds-tls-guard: input error', file, ...(error.line ? { startLine: error.line, ...(error.column ? { startColumn: error.column } : {}) } : {}) }
      : undefined;
    return { exitCode: EXIT.usage, outputs: { [OUTPUTS.exitCode]: String(EXIT.usage) }, summary: failureSummary(message), failure: { message, properties } };
  }
  const message = `rds-tls-guard internal error: ${errorMessage(error)}. This is a bug; please report it with the step's inputs.`;
  if (error instanceof Error && error.stack) core.debug(error.stack);
  return { exitCode: EXIT.internal, outputs: { [OUTPUTS.exitCode]: String(EXIT.internal) }, summary: failureSummary(message), failure: { message } };
}

export async function run(): Promise<void> {
  const log = countingLog();
  let workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  let outcome: Outcome | null = null;
  try {
    const inputs = getInputs();
    if (inputs.githubToken) core.setSecret(inputs.githubToken);
    const context = readRunContext(process.env, github.context.payload, inputs.pullRequest);
    workspace = context.workspace;
    outcome = await evaluate(inputs, context, log);
  } catch (error) {
    outcome = failed(error, workspace);
  } finally {
    if (outcome) {
      setOutputs(outcome.outputs, core.setOutput, log.warning);
      if (outcome.summary !== null) await writeSummary(outcome.summary, log);
      const failure = outcome.failure;
      if (failure?.properties) {
        // What setFailed does, plus the file and line of the bad input, so the annotation lands on it.
        core.error(logLine(failure.message), failure.properties);
        process.exitCode = core.ExitCode.Failure;
      } else if (failure) core.setFailed(logLine(failure.message));
    }
  }
}

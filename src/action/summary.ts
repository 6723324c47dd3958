// The job summary: the full Markdown report, kept under GitHub's 1 MiB (over it GitHub drops the
// whole summary), with the action's own notes under the headline: annotations past the limit,
// where the full report is.
import * as core from '@actions/core';
import { errorMessage } from '../errors.js';
import { escapeMarkdown, inlineCode, renderMarkdown, textLength, truncateTo } from '../report/index.js';
import type { Report } from '../report/types.js';
import { SUMMARY_BUDGET_BYTES } from './limits.js';

export interface SummaryOptions {
  /** Lines the action adds under the headline (annotation overflow, …); plain text, escaped here. */
  notes: string[];
  runUrl: string | null;
  /** The JSON report file (the `report` output), named when the summary had to leave rows out. */
  reportPath: string | null;
  title?: string;
  budget?: number;
}

function noteBlock(notes: string[]): string {
  return notes.map((note) => `> ${escapeMarkdown(note)}\n`).join('>\n');
}

/** The notes go right under the headline, where a reader sees them first. */
function withNotes(markdown: string, notes: string[]): string {
  if (notes.length === 0) return markdown;
  const headlineEnd = markdown.indexOf('\n\n');
  if (headlineEnd < 0) return `${markdown}\n${noteBlock(notes)}`;
  return `${markdown.slice(0, headlineEnd)}\n\n${noteBlock(notes)}${markdown.slice(headlineEnd)}`;
}

export function summaryMarkdown(report: Report, options: SummaryOptions): string {
  const budget = options.budget ?? SUMMARY_BUDGET_BYTES;
  const notes = [...options.notes];
  const render = (maxLength?: number) => renderMarkdown(report, { variant: 'summary', maxLength, lengthUnit: 'bytes', runUrl: options.runUrl, title: options.title });
  const full = withNotes(render(), notes);
  if (textLength(full, 'bytes') <= budget) return full;

  if (options.reportPath) {
    notes.push(
      `The report was too long for the job summary (GitHub's limit is 1 MiB) and was shortened. The full report is the JSON file ${options.reportPath} ` +
        '(the "report" output); upload it with actions/upload-artifact to keep it after the job.',
    );
  }
  const room = budget - textLength(withNotes('\n\n', notes), 'bytes');
  // Notes alone over the budget cannot happen with the notes the action writes; cut them if they did.
  if (room <= 0) return truncateTo(noteBlock(notes), budget, 'bytes');
  return withNotes(render(room), notes);
}

/** The summary of a run that could not evaluate: what went wrong, in a form that cannot break the page. */
export function failureSummary(message: string, budget: number = SUMMARY_BUDGET_BYTES): string {
  const text = `## ❌ rds-tls-guard could not run\n\n${inlineCode(truncateTo(message, 10_000, 'chars'))}\n`;
  return truncateTo(text, budget, 'bytes');
}

/** Writes this step's job summary; a runner file that refuses is a warning, never a verdict. */
export async function writeSummary(text: string, log: { debug(message: string): void; warning(message: string): void }): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    log.debug('GITHUB_STEP_SUMMARY is not set: no job summary');
    return;
  }
  await core.summary
    .emptyBuffer()
    .addRaw(text)
    .write()
    .catch((error: unknown) => log.warning(`Could not write the job summary: ${errorMessage(error)}. The verdict is not affected.`));
}

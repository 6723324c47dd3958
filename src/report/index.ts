// One entry for every output format: `--format` picks the renderer.
import { renderCsv } from './csv.js';
import { FORMATS, type Format } from './formats.js';
import { renderJson, renderJsonChunks } from './json.js';
import { type MarkdownOptions, renderMarkdown } from './markdown.js';
import { renderSarif, type SarifOptions } from './sarif.js';
import { renderText } from './text.js';
import type { Report } from './types.js';

export { FORMATS, type Format };

export interface RenderOptions {
  /** Text only: ANSI colours (a terminal that wants them). Default false. */
  color?: boolean;
  /** Markdown only; the job-summary variant unless told otherwise. */
  markdown?: Partial<MarkdownOptions>;
  sarif?: SarifOptions;
}

export function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

export function renderReport(report: Report, format: Format, options: RenderOptions = {}): string {
  switch (format) {
    case 'text':
      return renderText(report, { color: options.color ?? false });
    case 'json':
      return renderJson(report);
    case 'sarif':
      return renderSarif(report, options.sarif);
    case 'markdown':
      return renderMarkdown(report, { variant: 'summary', ...options.markdown });
    case 'csv':
      return renderCsv(report);
  }
}

/**
 * The report in pieces to write one after another: JSON a few dozen items at a time (a large
 * fleet's report never exists as one string), the other formats whole.
 */
export function* renderReportChunks(report: Report, format: Format, options: RenderOptions = {}): Generator<string> {
  if (format === 'json') yield* renderJsonChunks(report);
  else yield renderReport(report, format, options);
}

export { renderCsv, renderJson, renderJsonChunks, renderMarkdown, renderSarif, renderText };
export type { MarkdownOptions, SarifOptions };
export { textLength, truncateTo, type LengthUnit } from './length.js';
export { escapeMarkdown, inlineCode } from './markdown-escape.js';
export { SARIF_MAX_RESULTS } from './sarif.js';

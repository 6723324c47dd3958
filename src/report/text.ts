// The terminal report: findings grouped by resource, then what would restart, what is unknown,
// what could not be read, stale exemptions, and one summary line.
import type { Severity } from '../policy/types.js';
import {
  engineText,
  fileLocation,
  plural,
  policyText,
  groupByResource,
  restartingResources,
  sortBySeverity,
  staleExemptionText,
  staleExemptions,
  unknownFacts,
  whereText,
} from './common.js';
import type { Finding, Report, ResourceReport } from './types.js';

export interface TextOptions {
  color: boolean;
}

type Paint = (text: string) => string;

interface Palette {
  bold: Paint;
  dim: Paint;
  green: Paint;
  severity: Record<Severity, Paint>;
}

const sgr = (open: number, close: number): Paint => (text) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain: Paint = (text) => text;

function palette(color: boolean): Palette {
  if (!color) return { bold: plain, dim: plain, green: plain, severity: { error: plain, warning: plain, notice: plain } };
  return {
    bold: sgr(1, 22),
    dim: sgr(2, 22),
    green: sgr(32, 39),
    severity: { error: sgr(31, 39), warning: sgr(33, 39), notice: sgr(36, 39) },
  };
}

/**
 * User text (names, paths, messages quoting values) may carry control characters; printed raw,
 * an escape sequence could rewrite the terminal. They are shown as `\xNN` instead.
 */
function safe(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

function header(report: Report, paint: Palette): string {
  const policy = report.policy.file ? `policy ${safe(policyText(report))}` : policyText(report);
  return paint.bold(`${report.tool.name} ${safe(report.tool.version)}`) + ` · ${policy} · as of ${safe(report.asOf)}`;
}

function resourceHeading(id: string, resource: ResourceReport | null, paint: Palette): string {
  if (!resource) return paint.bold(safe(id));
  const parts = [resource.kind, engineText(resource), whereText(resource.source)].filter(Boolean).map(safe);
  return `${paint.bold(safe(id))}  ${paint.dim(parts.join('  '))}`;
}

function findingLine(finding: Finding, paint: Palette): string {
  const severity = paint.severity[finding.severity](finding.severity.padEnd(7));
  const at = fileLocation(finding.source);
  return `  ${severity} ${finding.rule}: ${safe(finding.message)}${at ? ` ${paint.dim(`(${safe(at)})`)}` : ''}`;
}

function findingsByResource(report: Report, paint: Palette): string[] {
  return groupByResource(report, sortBySeverity(report.findings)).flatMap((group) => [
    '',
    resourceHeading(group.id, group.resource, paint),
    ...group.items.map((finding) => findingLine(finding, paint)),
  ]);
}

function section(title: string, items: string[], paint: Palette): string[] {
  return items.length === 0 ? [] : ['', paint.bold(title), ...items.map((item) => `  ${item}`)];
}

function restarts(report: Report, paint: Palette): string[] {
  // The reason says what asks for the restart (the planned CA change, the rotation a fix takes).
  const items = restartingResources(report).map(
    (resource) => `${paint.bold(safe(resource.id))}${paint.dim(` (${safe(whereText(resource.source))})`)}: ${safe(resource.restart.reason)}`,
  );
  return section('Would restart:', items, paint);
}

function unknowns(report: Report, paint: Palette): string[] {
  const items = unknownFacts(report).map((group) => {
    const where = group.resource ? paint.dim(` (${safe(whereText(group.resource.source))})`) : '';
    return `${paint.bold(safe(group.id))}${where}: ${group.items.map(safe).join('; ')}`;
  });
  return section('Unknown:', items, paint);
}

function sourceErrors(report: Report, paint: Palette): string[] {
  const items = report.errors.map((error) => `${paint.severity.error(safe(error.source))}: ${safe(error.message)}`);
  return section('Could not be read (the evaluation is incomplete):', items, paint);
}

function unavailable(report: Report, paint: Palette): string[] {
  const items = report.unavailable.map((refusal) => `${paint.severity.warning(safe(refusal.source))}: ${safe(refusal.message)}`);
  return section('Not read, permission denied (those facts are unknown or from shipped data):', items, paint);
}

function exemptions(report: Report, paint: Palette): string[] {
  const file = report.policy.file;
  const items = staleExemptions(report).map((exemption) => {
    const at = file && exemption.line != null ? paint.dim(` (${safe(file)}:${exemption.line})`) : '';
    const rules = exemption.rules === 'all' ? 'all rules' : exemption.rules.join(', ');
    return `${paint.severity.warning(exemption.status.padEnd(7))} ${safe(exemption.selector)} [${rules}]: ${safe(staleExemptionText(exemption))}${at}`;
  });
  return section('Exemptions to review:', items, paint);
}

function summaryLine(report: Report, paint: Palette): string {
  const { summary } = report;
  const counts = [plural(summary.error, 'error'), plural(summary.warning, 'warning'), plural(summary.notice, 'notice')];
  const parts = [`${counts.join(', ')} in ${plural(summary.resources, 'resource')}`];
  if (summary.restartRequired > 0) parts.push(`${summary.restartRequired} would restart`);
  if (summary.suppressed > 0) parts.push(`${summary.suppressed} suppressed`);
  if (summary.excluded > 0) parts.push(`${summary.excluded} excluded by scope`);
  if (summary.incomplete) parts.push(`incomplete: ${plural(report.errors.length, 'source error')}`);
  const worst: Severity | null = summary.error > 0 ? 'error' : summary.warning > 0 ? 'warning' : summary.notice > 0 ? 'notice' : null;
  const line = parts.join('; ');
  return worst ? paint.severity[worst](line) : summary.incomplete ? paint.severity.warning(line) : line;
}

export function renderText(report: Report, options: TextOptions): string {
  const paint = palette(options.color);
  const body = [
    ...findingsByResource(report, paint),
    ...restarts(report, paint),
    ...unknowns(report, paint),
    ...sourceErrors(report, paint),
    ...unavailable(report, paint),
    ...exemptions(report, paint),
  ];
  if (body.length === 0) {
    const { suppressed, excluded } = report.summary;
    // Said even when clean: a scope that leaves nothing to evaluate must not pass unnoticed.
    const notes = [suppressed > 0 ? `${suppressed} suppressed` : '', excluded > 0 ? `${excluded} excluded by scope` : ''].filter(Boolean);
    const clean = `No findings in ${plural(report.summary.resources, 'resource')}${notes.length ? ` (${notes.join('; ')})` : ''}.`;
    return `${header(report, paint)}\n${paint.green(clean)}\n`;
  }
  return [header(report, paint), ...body, '', summaryLine(report, paint)].join('\n') + '\n';
}

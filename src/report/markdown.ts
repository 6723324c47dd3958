// The Markdown report: the full job summary, or the compact sticky PR comment. Either fits a size
// budget when one is given, dropping whole rows from the least important end and saying exactly
// what it left out.
import { type RuleId, SEVERITIES, type Severity } from '../policy/types.js';
import {
  clip,
  countBySeverity,
  describeCounts,
  engineText,
  plural,
  restartingResources,
  ruleDocUrl,
  sortBySeverity,
  unknownFacts,
  whereText,
  yesNoUnknown,
} from './common.js';
import { type LengthUnit, textLength, truncateTo } from './length.js';
import { escapeMarkdown, inlineCode } from './markdown-escape.js';
import type { ExemptionStatus, Finding, Report, ResourceReport } from './types.js';

export { textLength, truncateTo, type LengthUnit } from './length.js';

export interface MarkdownOptions {
  variant: 'summary' | 'comment';
  /** Upper bound on the result's length, in `lengthUnit`. */
  maxLength?: number;
  /** Default: 'chars' for a comment (GitHub's 65,536 limit), 'bytes' for a summary (1 MiB). */
  lengthUnit?: LengthUnit;
  /** The workflow run, linked from the notes about what was left out. */
  runUrl?: string | null;
  /** Shown in the headline; default "rds-tls-guard". */
  title?: string;
}

/** Longest user text in one cell; a hostile or runaway value cannot eat the whole budget. */
const MAX_CELL = 500;

const SEVERITY_ICON: Record<Severity, string> = { error: '❌', warning: '⚠️', notice: 'ℹ️' };

/** A row, list item or line that the budget may drop. Lower priority numbers are kept longer. */
interface Item {
  line: string;
  priority: number;
  /** What the note about dropped items counts by ("error", "expired", …). */
  kind?: string;
  rule?: RuleId;
}

/** A part of the report made of droppable items. */
interface Section {
  /** Shown while the section has any item, kept or not (so the note has a heading). */
  heading: string[];
  /** Shown only around kept items (table header, `<details>`). */
  open: string[];
  close: string[];
  items: Item[];
  /** What an item is, for the note on dropped items: singular and plural, and what follows them. */
  noun: [string, string];
  qualifier?: string;
  /** The dropped items by kind, in brackets after the count: "3 errors, 9 warnings". */
  breakdown?: (dropped: Item[]) => string;
  /** The note when the whole section is dropped, where the general wording reads badly. */
  whole?: (count: number) => string;
}

type Block = string[] | Section;

// Drop order, last first: the inventory, active exemptions, notices, stale exemptions, unknown
// facts, warnings, restarts, errors, and last of all the parts of a source that could not be read.
const PRIORITY = {
  sourceError: 0,
  error: 1,
  restart: 2,
  warning: 3,
  unknown: 4,
  unavailable: 4,
  expired: 5,
  unused: 6,
  notice: 7,
  active: 8,
  inventory: 9,
} as const;

const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
const cell = (text: string) => escapeMarkdown(clip(text, MAX_CELL));
const code = (text: string) => inlineCode(clip(text, MAX_CELL), { inTable: true });
/** "is" / "are" after a count. */
const verb = (count: number) => (count === 1 ? 'is' : 'are');

interface Context {
  report: Report;
  comment: boolean;
  title: string;
  /** "see …": where the full report is. */
  pointer: string;
}

function safeUrl(url: string | null | undefined): string | null {
  if (!url || !/^https?:\/\/[^\s]+$/i.test(url)) return null;
  return url.replace(/[()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function pointer(comment: boolean, runUrl: string | null): string {
  if (comment) return runUrl ? `see [the job summary](${runUrl})` : 'see the job summary of this run';
  return runUrl ? `see the JSON report of [this run](${runUrl})` : 'see the JSON report';
}

function note(context: Context, text: string): string {
  return `_${text}; ${context.pointer}._`;
}

/** "12 more findings (3 errors, 9 warnings) are not shown; see …" */
function omittedNote(context: Context, section: Section, dropped: Item[], some: boolean): string {
  const count = dropped.length;
  if (!some && section.whole) return note(context, section.whole(count));
  const noun = count === 1 ? section.noun[0] : section.noun[1];
  const qualifier = section.qualifier ? ` ${section.qualifier}` : '';
  const breakdown = section.breakdown ? ` (${section.breakdown(dropped)})` : '';
  return note(context, `${count}${some ? ' more' : ''} ${noun}${qualifier}${breakdown} ${verb(count)} not shown`);
}

/** Counts items by kind, in the given order of kinds, each worded by `word`. */
function byKind(dropped: Item[], kinds: readonly string[], word: (count: number, kind: string) => string): string {
  return kinds
    .map((kind) => [kind, dropped.filter((item) => item.kind === kind).length] as const)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => word(count, kind))
    .join(', ');
}

// ---- headline ---------------------------------------------------------------------------------

function verdict(context: Context): string {
  const { report, comment } = context;
  const counts = countBySeverity(report.findings);
  if (comment) counts.notice = 0;
  const restarts = restartingResources(report).length;
  const unknown = unknownFacts(report).length;
  const parts = [describeCounts(counts)].filter(Boolean);
  if (restarts > 0) parts.push(`${plural(restarts, 'database')} would restart`);
  if (unknown > 0) parts.push(`unknown facts in ${plural(unknown, 'resource')}`);
  if (report.summary.incomplete) parts.push('evaluation incomplete');
  const attention = counts.warning > 0 || restarts > 0 || unknown > 0 || report.summary.incomplete;
  const icon = counts.error > 0 ? '❌' : attention ? '⚠️' : counts.notice > 0 ? 'ℹ️' : '✅';
  const title = escapeMarkdown(context.title);
  return `${comment ? '###' : '##'} ${icon} ${title}: ${parts.length ? parts.join(' · ') : 'all clear'}`;
}

function metaLine(report: Report): string {
  const policy = report.policy.file ? `Policy ${inlineCode(report.policy.file)}` : 'Built-in default policy';
  const parts = [policy, `as of ${escapeMarkdown(report.asOf)}`, plural(report.summary.resources, 'resource') + ' evaluated'];
  if (report.summary.suppressed > 0) parts.push(`${report.summary.suppressed} suppressed by exemptions`);
  if (report.summary.excluded > 0) parts.push(`${report.summary.excluded} excluded by scope`);
  parts.push(`${escapeMarkdown(report.tool.name)} ${escapeMarkdown(report.tool.version)}`);
  return parts.join(' · ');
}

function countsTable(report: Report): string[] {
  const { summary } = report;
  const unknown = unknownFacts(report).length;
  return [
    row(['Errors', 'Warnings', 'Notices', 'Would restart', 'Unknown facts', 'Suppressed', 'Source errors']),
    row(Array(7).fill('---:')),
    row([summary.error, summary.warning, summary.notice, summary.restartRequired, unknown, summary.suppressed, report.errors.length].map(String)),
  ];
}

// ---- sections ---------------------------------------------------------------------------------

function heading(context: Context, text: string): string {
  return `${context.comment ? '####' : '###'} ${text}`;
}

function findingsSection(context: Context, findings: Finding[], title: string): Section {
  const items = sortBySeverity(findings).map<Item>((finding) => ({
    line: row([
      `${SEVERITY_ICON[finding.severity]} ${finding.severity}`,
      `[${finding.rule}]`,
      code(finding.resource),
      cell(finding.message),
      // file:line (no column): short, and what a reader looks for.
      cell(whereText({ type: finding.source.type, file: finding.source.file, line: finding.source.line, region: finding.source.region })),
    ]),
    priority: PRIORITY[finding.severity],
    kind: finding.severity,
    rule: finding.rule,
  }));
  return {
    heading: [heading(context, `${title} (${findings.length})`)],
    open: [row(['Severity', 'Rule', 'Resource', 'Message', 'Location']), row(Array(5).fill('---'))],
    close: [],
    items,
    noun: ['finding', 'findings'],
    breakdown: (dropped) => byKind(dropped, SEVERITIES, (count, severity) => plural(count, severity)),
  };
}

function restartSection(context: Context): Section {
  const items = restartingResources(context.report).map<Item>((resource) => ({
    line: row([code(resource.id), cell(engineText(resource)), cell(resource.restart.reason), cell(whereText(resource.source))]),
    priority: PRIORITY.restart,
  }));
  return {
    heading: [heading(context, `Would restart (${items.length})`)],
    open: [row(['Resource', 'Engine', 'Why it restarts', 'Where']), row(Array(4).fill('---'))],
    close: [],
    items,
    noun: ['database', 'databases'],
    qualifier: 'that would restart',
  };
}

function unknownSection(context: Context): Section {
  const items = unknownFacts(context.report).map<Item>((group) => ({
    line: `- ${inlineCode(clip(group.id, MAX_CELL))}${group.resource ? ` (${escapeMarkdown(clip(whereText(group.resource.source), MAX_CELL))})` : ''}: ${group.items
      .map((reason) => escapeMarkdown(clip(reason, MAX_CELL)))
      .join('; ')}`,
    priority: PRIORITY.unknown,
  }));
  return {
    heading: [heading(context, `Unknown facts (${items.length})`)],
    open: [],
    close: [],
    items,
    noun: ['resource', 'resources'],
    qualifier: 'with unknown facts',
  };
}

function sourceErrorSection(context: Context): Section {
  const items = context.report.errors.map<Item>((error) => ({
    line: `- ${inlineCode(clip(error.source, MAX_CELL))}: ${escapeMarkdown(clip(error.message, MAX_CELL))}`,
    priority: PRIORITY.sourceError,
  }));
  return {
    heading: [heading(context, `Could not be read (${items.length})`), 'The evaluation is incomplete: these parts of the sources were not evaluated.'],
    open: [],
    close: [],
    items,
    noun: ['source error', 'source errors'],
  };
}

function unavailableSection(context: Context): Section {
  const items = context.report.unavailable.map<Item>((refusal) => ({
    line: `- ${inlineCode(clip(refusal.source, MAX_CELL))}: ${escapeMarkdown(clip(refusal.message, MAX_CELL))}`,
    priority: PRIORITY.unavailable,
  }));
  return {
    heading: [
      heading(context, `Not read: permission denied (${items.length})`),
      'Optional AWS APIs the credentials may not call: the facts they give are unknown or come from shipped data.',
    ],
    open: [],
    close: [],
    items,
    noun: ['refused call', 'refused calls'],
  };
}

function exemptionRow(exemption: ExemptionStatus, policyFile: string | null): string {
  const rules = exemption.rules === 'all' ? 'all' : exemption.rules.join(', ');
  const at = policyFile && exemption.line != null ? `${policyFile}:${exemption.line}` : '';
  return row([exemption.status, code(exemption.selector), rules, cell(exemption.reason), cell(exemption.expires ?? ''), String(exemption.matched), cell(at)]);
}

function exemptionSection(context: Context): Section {
  const { exemptions, file } = context.report.policy;
  const items = exemptions.map<Item>((exemption) => ({
    line: exemptionRow(exemption, file),
    priority: PRIORITY[exemption.status],
    kind: exemption.status,
  }));
  // Stale exemptions first: they are the ones to act on.
  items.sort((a, b) => a.priority - b.priority);
  return {
    heading: [heading(context, `Exemptions (${items.length})`)],
    open: [row(['Status', 'Selector', 'Rules', 'Reason', 'Expires', 'Findings', 'Defined at']), row(['---', '---', '---', '---', '---', '---:', '---'])],
    close: [],
    items,
    noun: ['exemption', 'exemptions'],
    breakdown: (dropped) => byKind(dropped, ['expired', 'unused', 'active'], (count, status) => `${count} ${status}`),
  };
}

function caText(resource: ResourceReport): string {
  if (!resource.ca) return resource.caBasis;
  return resource.caBasis === 'set' ? resource.ca : `${resource.ca} (${resource.caBasis})`;
}

function inventorySection(context: Context): Section {
  const { resources } = context.report;
  const items = resources.map<Item>((resource) => ({
    line: row([
      code(resource.id),
      resource.kind,
      cell(engineText(resource)),
      cell(caText(resource)),
      cell(resource.caValidTill ?? ''),
      yesNoUnknown(resource.sslEnforced, resource.sslBasis),
      yesNoUnknown(resource.iamAuth, resource.iamAuthBasis),
      yesNoUnknown(resource.rotationRestarts),
      cell(whereText(resource.source)),
    ]),
    priority: PRIORITY.inventory,
  }));
  return {
    heading: [],
    // Only fixed text inside <summary>: Markdown escapes do not apply in raw HTML.
    open: [
      '<details>',
      `<summary>Inventory: ${plural(resources.length, 'resource')}</summary>`,
      '',
      row(['Resource', 'Kind', 'Engine', 'CA', 'CA valid till', 'TLS enforced', 'IAM auth', 'CA rotation restarts', 'Where']),
      row(Array(9).fill('---')),
    ],
    close: ['', '</details>'],
    items,
    noun: ['resource', 'resources'],
    qualifier: 'of the inventory',
    whole: (count) => `The inventory of ${plural(count, 'resource')} is not shown`,
  };
}

// ---- layout -----------------------------------------------------------------------------------

function blocks(context: Context): Block[] {
  const { report, comment } = context;
  const head: Block[] = [[verdict(context)], [metaLine(report)]];
  if (comment) {
    const violations = report.findings.filter((finding) => finding.severity !== 'notice');
    const notices = report.findings.length - violations.length;
    const sections = [sourceErrorSection(context), findingsSection(context, violations, 'Violations'), restartSection(context), unknownSection(context)];
    const out: Block[] = [...head, ...sections];
    // The action turns an earlier red comment into this, so it says so in words.
    if (sections.every((section) => section.items.length === 0)) {
      out.push(['No violations, no database that would restart, and no unknown facts.']);
    }
    if (notices > 0) out.push([`${plural(notices, 'notice')} ${verb(notices)} listed in the job summary.`]);
    return out;
  }
  return [
    ...head,
    countsTable(report),
    sourceErrorSection(context),
    findingsSection(context, report.findings, 'Findings'),
    restartSection(context),
    unknownSection(context),
    unavailableSection(context),
    exemptionSection(context),
    inventorySection(context),
  ];
}

function renderSection(context: Context, section: Section, kept: ReadonlySet<Item>): string[] {
  if (section.items.length === 0) return [];
  const shown = section.items.filter((item) => kept.has(item));
  const dropped = section.items.filter((item) => !kept.has(item));
  const lines = [...section.heading];
  if (shown.length > 0) lines.push(...(lines.length ? [''] : []), ...section.open, ...shown.map((item) => item.line));
  // A blank line first: a line right after a table or list would join it.
  if (dropped.length > 0) lines.push(...(lines.length ? [''] : []), omittedNote(context, section, dropped, shown.length > 0));
  if (shown.length > 0) lines.push(...section.close);
  return lines;
}

/** Link definitions for the rule ids in kept rows: `[ca-allowed]` in a table then links to the docs. */
function ruleLinks(items: Iterable<Item>): string[] {
  const rules = new Set<RuleId>();
  for (const item of items) if (item.rule) rules.add(item.rule);
  return [...rules].sort().map((rule) => `[${rule}]: ${ruleDocUrl(rule)}`);
}

function render(context: Context, layout: Block[], kept: ReadonlySet<Item>): string {
  const parts = layout.map((block) => (Array.isArray(block) ? block : renderSection(context, block, kept))).filter((lines) => lines.length > 0);
  const links = ruleLinks(kept);
  if (links.length) parts.push(links);
  return `${parts.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

/**
 * When not even the headings and notes fit: the verdict (which carries the counts) and one note,
 * whole lines only; the verdict alone is cut last, being plain text with no row or tag in it.
 */
function minimal(context: Context, max: number, unit: LengthUnit): string {
  const headline = verdict(context);
  const why = note(context, `The details do not fit in ${max} ${unit === 'bytes' ? 'bytes' : 'characters'}`);
  for (const text of [`${headline}\n\n${why}\n`, `${headline}\n`]) if (textLength(text, unit) <= max) return text;
  const ellipsis = '…';
  return max > textLength(ellipsis, unit) ? truncateTo(headline, max - textLength(ellipsis, unit), unit) + ellipsis : '';
}

export function renderMarkdown(report: Report, options: MarkdownOptions): string {
  const comment = options.variant === 'comment';
  const context: Context = {
    report,
    comment,
    title: options.title ?? report.tool.name,
    pointer: pointer(comment, safeUrl(options.runUrl)),
  };
  const layout = blocks(context);
  const items = layout
    .flatMap((block) => (Array.isArray(block) ? [] : block.items))
    .map((item, index) => ({ item, index }))
    .sort((a, b) => a.item.priority - b.item.priority || a.index - b.index)
    .map(({ item }) => item);
  const keepFirst = (count: number) => render(context, layout, new Set(items.slice(0, count)));

  const full = keepFirst(items.length);
  if (options.maxLength == null) return full;
  const max = options.maxLength;
  const unit = options.lengthUnit ?? (comment ? 'chars' : 'bytes');
  const fits = (text: string) => textLength(text, unit) <= max;
  if (fits(full)) return full;
  if (!fits(keepFirst(0))) return minimal(context, max, unit);
  // The largest number of items that fits, by bisection: lengths grow with the count (give or
  // take a digit in a note), and `low` only ever takes counts that were measured to fit.
  let low = 0;
  let high = items.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(keepFirst(mid))) low = mid;
    else high = mid - 1;
  }
  return keepFirst(low);
}

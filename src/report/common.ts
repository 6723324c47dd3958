// What every renderer derives from a Report the same way: order, counts, wording, highlights.
import { SEVERITIES, type Severity } from '../policy/types.js';
import type { ExemptionStatus, Finding, FindingSource, Report, ResourceReport } from './types.js';

export const PROJECT_URL = 'https://github.com/rds-tls-guard/rds-tls-guard';

/** Where each rule is explained; docs/rules.md has one section per rule id. */
export function ruleDocUrl(ruleId: string): string {
  return `${PROJECT_URL}/blob/main/docs/rules.md#${ruleId}`;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/** Most severe first; report order is kept within a severity (the sort is stable). */
export function sortBySeverity<T extends Finding>(findings: readonly T[]): T[] {
  return [...findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

export type SeverityCounts = Record<Severity, number>;

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, notice: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

/** "3 errors, 9 warnings": the severities that occur, most severe first. */
export function describeCounts(counts: SeverityCounts): string {
  return SEVERITIES.filter((severity) => counts[severity] > 0)
    .map((severity) => plural(counts[severity], severity))
    .join(', ');
}

/** `file:line:col`, `file:line`, `file`, or null when the source has no file. */
export function fileLocation(source: Pick<FindingSource, 'file' | 'line'> & { column?: number | null }): string | null {
  if (!source.file) return null;
  if (source.line == null) return source.file;
  return source.column != null ? `${source.file}:${source.line}:${source.column}` : `${source.file}:${source.line}`;
}

/** Where a resource or finding is: its file position, else the region of a live or snapshot source. */
export function whereText(source: Pick<FindingSource, 'type' | 'file' | 'line' | 'region'>): string {
  return fileLocation(source) ?? (source.region ? `${source.type} ${source.region}` : source.type);
}

/** "postgres 15.4", "postgres" or "" */
export function engineText(resource: Pick<ResourceReport, 'engine' | 'engineVersion'>): string {
  return [resource.engine, resource.engineVersion].filter(Boolean).join(' ');
}

/** yes / no, or n/a when the basis says not applicable, else unknown. */
export function yesNoUnknown(value: boolean | null, basis = ''): string {
  if (value != null) return value ? 'yes' : 'no';
  return basis.startsWith('not applicable') ? 'n/a' : 'unknown';
}

/** Resources a change (or the rotation a ca-allowed fix takes) would restart. */
export function restartingResources(report: Report): ResourceReport[] {
  return report.resources.filter((resource) => resource.restart.required === true);
}

/**
 * Finds the resource a finding is about. Ids repeat across sources (the same Terraform address in
 * two plans, one logical id in a YAML and a JSON template), so the source type and region must
 * match, and the file decides between the rest; failing that, the first with the id.
 */
export function resourceMatcher(report: Report): (finding: Finding) => ResourceReport | null {
  const byId = new Map<string, ResourceReport[]>();
  for (const resource of report.resources) byId.set(resource.id, [...(byId.get(resource.id) ?? []), resource]);
  return (finding) => {
    const sameId = byId.get(finding.resource) ?? [];
    const { type, region, file } = finding.source;
    const sameSource = sameId.filter((r) => r.source.type === type && r.source.region === region);
    return sameSource.find((r) => r.source.file === file) ?? sameSource[0] ?? sameId[0] ?? null;
  };
}

export interface FindingGroup<T> {
  /** The resource id, and its record where the report has one. */
  id: string;
  resource: ResourceReport | null;
  items: T[];
}

/** Findings grouped by the resource they are about, in order of first appearance. */
export function groupByResource(report: Report, findings: readonly Finding[]): FindingGroup<Finding>[] {
  const resourceOf = resourceMatcher(report);
  const groups = new Map<ResourceReport | string, FindingGroup<Finding>>();
  for (const finding of findings) {
    const resource = resourceOf(finding);
    const key = resource ?? finding.resource;
    const group = groups.get(key) ?? { id: finding.resource, resource, items: [] };
    group.items.push(finding);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * Resources with facts that could not be known, each with the reasons: the `unknown` rule's
 * findings, a restart question that has no answer, and a CA basis that says unknown (visible even
 * where `unknown` is off). A derived reason is left out where a finding already says it.
 */
export function unknownFacts(report: Report): FindingGroup<string>[] {
  const groups = new Map<ResourceReport | string, FindingGroup<string>>();
  const add = (key: ResourceReport | string, id: string, reason: string) => {
    const group = groups.get(key) ?? { id, resource: typeof key === 'string' ? null : key, items: [] };
    if (!group.items.includes(reason)) group.items.push(reason);
    groups.set(key, group);
  };
  const unknownFindings = report.findings.filter((finding) => finding.rule === 'unknown');
  for (const group of groupByResource(report, unknownFindings)) {
    for (const finding of group.items) add(group.resource ?? group.id, group.id, finding.message);
  }
  const said = (resource: ResourceReport, detail: string) => groups.get(resource)?.items.some((reason) => reason.includes(detail)) ?? false;
  for (const resource of report.resources) {
    const caReason = resource.caBasis.replace(/^unknown: /, '');
    if (resource.caBasis.startsWith('unknown') && !said(resource, caReason)) add(resource, resource.id, `CA: ${caReason}`);
    const { restart } = resource;
    if (restart.required === null && restart.trigger && !said(resource, restart.reason)) {
      add(resource, resource.id, `restart: ${restart.reason}`);
    }
  }
  return [...groups.values()];
}

/** Exemptions that need the user's attention: void by date, or matching nothing. */
export function staleExemptions(report: Report): ExemptionStatus[] {
  return report.policy.exemptions.filter((exemption) => exemption.status !== 'active');
}

/** "expired on 2026-06-30; the 2 findings it covered are reported again", "matched nothing". */
export function staleExemptionText(exemption: ExemptionStatus): string {
  if (exemption.status !== 'expired') return exemption.status === 'unused' ? 'matched nothing' : 'active';
  const count = exemption.matched;
  const again = count > 0 ? `; the ${plural(count, 'finding')} it covered ${count === 1 ? 'is' : 'are'} reported again` : '';
  return `expired on ${exemption.expires ?? 'an unknown date'}${again}`;
}

export function policyText(report: Report): string {
  return report.policy.file ?? 'built-in default policy';
}

/** Shortens text to `max` UTF-16 units without splitting a surrogate pair, marking the cut with "…". */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  if (end > 0 && /[\ud800-\udbff]/.test(text[end - 1]!)) end--;
  return `${text.slice(0, end)}…`;
}

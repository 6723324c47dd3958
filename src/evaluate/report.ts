import type { Facts } from '../facts/index.js';
import type { Location, Origin, Resource, SourceResult } from '../model.js';
import { describeSelector, findExemption, scopeDecision, settingsResolver } from '../policy/select.js';
import type { Policy, PolicySettings, RuleId, Severity } from '../policy/types.js';
import type { ExemptionStatus, Finding, FindingSource, Report, ResourceReport, SuppressedFinding } from '../report/types.js';
import { RULE_SET, unknownFinding, type RuleInput } from '../rules/index.js';
import type { Evaluation, EvaluationContext } from './index.js';
import { evaluate } from './index.js';
import { TlsAnswers } from './tls.js';

export interface BuildOptions {
  policy: Policy;
  facts: Facts;
  asOf: Date;
  version: string;
}

/** Resources are linked (member → cluster) only within one source: one file, or one account and region. */
function sourceKey(resource: Resource): string {
  const { type, file, region, account } = resource.origin;
  return [type === 'changeset' ? 'cloudformation' : type, file ?? '', region ?? '', account ?? ''].join('\u0000');
}

type RowSource = ResourceReport['source'];

/**
 * The `source` objects of rows and findings, one per place: the instances of a `count` block, or
 * every resource of a plan read without its .tf files, point to the same place, and their rows
 * and findings share one object for it rather than each holding a copy until the report is written.
 */
class Sources {
  private readonly rows = new Map<Location, RowSource[]>();
  private readonly findings = new Map<Location, FindingSource[]>();

  /** The resource's block when the source has lines (a .tf file for a plan), else its file. */
  row(origin: Origin): RowSource {
    const at = origin.location;
    const file = at.line != null ? at.file ?? origin.file : origin.file;
    const made = madeFor(this.rows, at);
    for (const source of made) if (source.type === origin.type && source.file === file && source.region === origin.region) return source;
    const source: RowSource = { type: origin.type, file, line: at.line, region: origin.region };
    made.push(source);
    return source;
  }

  /** The property a finding is about, else the resource. */
  finding(origin: Origin, at: Location): FindingSource {
    const file = at.file ?? origin.file;
    const made = madeFor(this.findings, at);
    for (const source of made) if (source.type === origin.type && source.file === file && source.region === origin.region) return source;
    const source: FindingSource = { type: origin.type, file, line: at.line, column: at.line != null ? at.column : null, region: origin.region };
    made.push(source);
    return source;
  }
}

/** The objects made for a place so far (one, unless sources of several types or regions share a Location). */
function madeFor<T>(cache: Map<Location, T[]>, at: Location): T[] {
  let made = cache.get(at);
  if (!made) cache.set(at, (made = []));
  return made;
}

/** Where findings go: the report's findings, or its suppressed ones while an exemption holds. */
class FindingList {
  readonly reported: Finding[] = [];
  readonly suppressed: SuppressedFinding[] = [];
  /** Per exemption: the findings it silenced (or would have, once expired). */
  readonly exemptionHits: number[];

  constructor(
    private readonly policy: Policy,
    private readonly asOfDay: string,
  ) {
    this.exemptionHits = policy.exemptions.map(() => 0);
  }

  /** `raisedBy`: the rules the finding speaks for (several for an `unknown` finding). */
  add(resource: Resource, finding: Finding, raisedBy: RuleId[]): void {
    const { policy } = this;
    if (policy.exemptions.length === 0) {
      this.reported.push(finding);
      return;
    }
    // Suppressed only when an exemption holds for every rule the finding speaks for.
    const matches = raisedBy.map((rule) => findExemption(resource, finding.rule, policy, this.asOfDay, rule));
    for (const match of new Set(matches)) if (match) this.exemptionHits[match.index]++;
    const active = matches.every((m) => m && !m.expired);
    if (active && matches[0]) {
      this.suppressed.push({ ...finding, exemption: { reason: matches[0].exemption.reason, expires: matches[0].exemption.expires } });
      return;
    }
    const expired = matches.find((m) => m?.expired);
    if (expired) finding.message += ` (the exemption "${expired.exemption.reason}" expired on ${expired.exemption.expires})`;
    this.reported.push(finding);
  }
}

function resourceRow(resource: Resource, evaluation: Evaluation, facts: Facts, source: RowSource): ResourceReport {
  const { ca, tls, iam } = evaluation;
  const caId = ca.applicable && ca.identifier.known ? ca.identifier.value : null;
  let caBasis: string;
  if (!ca.applicable) caBasis = `not applicable: ${ca.reason}`;
  else if (!ca.identifier.known) caBasis = `unknown: ${ca.identifier.reason}`;
  else caBasis = ca.basis;
  // In the JSON report's order (SPEC's first), so that renderJson writes it as it is.
  return {
    id: resource.id,
    arn: resource.arn,
    kind: resource.kind,
    engine: resource.engine.known ? resource.engine.value : null,
    engineVersion: resource.engineVersion.known ? resource.engineVersion.value : null,
    ca: caId,
    sslEnforced: tls.applicable && tls.enforced.known ? tls.enforced.value : null,
    iamAuth: iam.applicable && iam.enabled.known ? iam.enabled.value : null,
    restart: evaluation.restart,
    source,
    caBasis,
    caValidTill: resource.ca?.caValidTill ?? (caId ? facts.caValidity(caId, resource.origin.region)?.validTill ?? null : null),
    serverCertValidTill: resource.ca?.serverCertValidTill ?? null,
    rotationRestarts: evaluation.rotationRestarts,
    supportedCAs: evaluation.engineVersion.fact?.supportedCAs ?? null,
    identifier: resource.identifier ?? null,
    endpoint: resource.endpoint ?? null,
    sslBasis: !tls.applicable ? `not applicable: ${tls.reason}` : tls.enforced.known ? tls.detail : `unknown: ${tls.enforced.reason}`,
    iamAuthBasis: !iam.applicable ? `not applicable: ${iam.reason}` : iam.enabled.known ? 'set' : `unknown: ${iam.enabled.reason}`,
  };
}

/** Every finding has this shape, built in the JSON report's order. */
function newFinding(rule: RuleId, severity: Severity, resource: Resource, message: string, source: FindingSource): Finding {
  return { rule, severity, resource: resource.id, message, source, arn: resource.arn };
}

function severityOf(settings: PolicySettings, rule: RuleId): Severity | null {
  const setting = settings.severity[rule];
  return setting === 'off' ? null : setting;
}

/** What settings make of the rules: each RULE_SET rule's severity (null: off), and the unknown rule's. */
interface RuleSeverities {
  rules: (Severity | null)[];
  unknown: Severity | null;
}

/** By settings object: resources share settings (all but those an override matches), so each is read once. */
const severitiesBySettings = new WeakMap<PolicySettings, RuleSeverities>();

function ruleSeverities(settings: PolicySettings): RuleSeverities {
  let severities = severitiesBySettings.get(settings);
  if (!severities) {
    severities = { rules: RULE_SET.map((rule) => severityOf(settings, rule.id)), unknown: severityOf(settings, 'unknown') };
    severitiesBySettings.set(settings, severities);
  }
  return severities;
}

/** The rules' findings on one resource: failures in rule order, then one `unknown` finding per unknown fact. */
function resourceFindings(input: RuleInput, sources: Sources, findings: FindingList): void {
  const { resource, context } = input;
  const severities = ruleSeverities(context.settings);
  // The same unknown fact (an unknown CA) can block several rules: one finding names them all.
  let unknowns: Map<string, { rules: RuleId[]; message: string; at: Location }> | null = null;
  for (let r = 0; r < RULE_SET.length; r++) {
    const rule = RULE_SET[r]!;
    const ruleSeverity = severities.rules[r];
    if (ruleSeverity === null) continue;
    for (const outcome of rule.evaluate(input)) {
      if (outcome.status === 'fail') {
        const source = sources.finding(resource.origin, outcome.at);
        findings.add(resource, newFinding(rule.id, outcome.severity ?? ruleSeverity, resource, outcome.message, source), [rule.id]);
      } else if (outcome.status === 'unknown') {
        const key = `${outcome.message}\u0000${outcome.at.file}:${outcome.at.line}:${outcome.at.column}`;
        unknowns ??= new Map();
        const entry = unknowns.get(key) ?? { rules: [], message: outcome.message, at: outcome.at };
        entry.rules.push(rule.id);
        unknowns.set(key, entry);
      }
    }
  }
  const unknownSeverity = severities.unknown;
  if (unknownSeverity === null || unknowns === null) return;
  for (const entry of unknowns.values()) {
    const { rule, message } = unknownFinding(entry.rules, entry.message);
    findings.add(resource, newFinding(rule, unknownSeverity, resource, message, sources.finding(resource.origin, entry.at)), entry.rules);
  }
}

/** Scope, overrides, rules and exemptions over every resource the sources yielded. */
export function buildReport(results: SourceResult[], options: BuildOptions): Report {
  const { policy, facts, asOf } = options;
  const asOfDay = asOf.toISOString().slice(0, 10);
  const resources = results.flatMap((r) => r.resources);
  const errors = results.flatMap((r) => r.errors);
  const unavailable = results.flatMap((r) => r.unavailable ?? []);

  const clusters = new Map<string, Resource>();
  const clustersById = new Map<string, Resource[]>();
  for (const resource of resources) {
    if (resource.kind !== 'db-cluster') continue;
    clusters.set(`${sourceKey(resource)}\u0000${resource.id}`, resource);
    clustersById.set(resource.id, [...(clustersById.get(resource.id) ?? []), resource]);
  }
  // A CloudFormation member may name a cluster defined in another evaluated template: link it when unambiguous.
  const clusterOf = (member: Resource): Resource | undefined => {
    if (member.kind !== 'cluster-member' || !member.clusterId) return undefined;
    const same = clusters.get(`${sourceKey(member)}\u0000${member.clusterId}`);
    if (same || (member.origin.type !== 'cloudformation' && member.origin.type !== 'changeset')) return same;
    const elsewhere = (clustersById.get(member.clusterId) ?? []).filter((c) => c.origin.type === 'cloudformation' || c.origin.type === 'changeset');
    return elsewhere.length === 1 ? elsewhere[0] : undefined;
  };

  const findings = new FindingList(policy, asOfDay);
  const rows: ResourceReport[] = [];
  let excluded = 0;
  const settingsFor = settingsResolver(policy);
  const sources = new Sources();
  const tlsAnswers = new TlsAnswers();

  for (const resource of resources) {
    if (!scopeDecision(resource, policy).included) {
      excluded++;
      continue;
    }
    const context: EvaluationContext = { settings: settingsFor(resource), facts, asOf, cluster: clusterOf(resource), tlsAnswers };
    const evaluation = evaluate(resource, context);
    rows.push(resourceRow(resource, evaluation, facts, sources.row(resource.origin)));
    resourceFindings({ resource, evaluation, context }, sources, findings);
  }
  const { reported, suppressed, exemptionHits } = findings;
  const exemptions: ExemptionStatus[] = policy.exemptions.map((exemption, index) => {
    const expired = exemption.expires !== null && asOfDay > exemption.expires;
    return {
      selector: describeSelector(exemption.selector),
      rules: exemption.rules.length > 0 ? exemption.rules : 'all',
      reason: exemption.reason,
      expires: exemption.expires,
      status: expired ? 'expired' : exemptionHits[index] === 0 ? 'unused' : 'active',
      matched: exemptionHits[index] ?? 0,
      line: exemption.at.line,
    };
  });

  const count = (severity: Severity) => reported.filter((f) => f.severity === severity).length;
  return {
    tool: { name: 'rds-tls-guard', version: options.version },
    summary: {
      resources: rows.length,
      findings: reported.length,
      error: count('error'),
      warning: count('warning'),
      notice: count('notice'),
      restartRequired: rows.filter((r) => r.restart.required === true).length,
      incomplete: errors.length > 0,
      suppressed: suppressed.length,
      excluded,
    },
    resources: rows,
    findings: reported,
    errors,
    asOf: asOfDay,
    policy: { file: policy.file, exemptions },
    suppressed,
    unavailable,
  };
}

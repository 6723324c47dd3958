import type { Facts } from '../facts/index.js';
import type { Location, Resource, SourceResult } from '../model.js';
import { describeSelector, findExemption, scopeDecision, settingsResolver } from '../policy/select.js';
import type { Policy, PolicySettings, RuleId, Severity } from '../policy/types.js';
import type { ExemptionStatus, Finding, Report, ResourceReport, SuppressedFinding } from '../report/types.js';
import { RULE_SET, unknownFinding } from '../rules/index.js';
import type { Evaluation } from './index.js';
import { evaluate } from './index.js';

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

function findingSource(resource: Resource, at: Location): Finding['source'] {
  return {
    type: resource.origin.type,
    file: at.file ?? resource.origin.file,
    line: at.line,
    column: at.line != null ? at.column : null,
    region: resource.origin.region,
  };
}

function resourceRow(resource: Resource, evaluation: Evaluation, facts: Facts): ResourceReport {
  const { ca, tls, iam } = evaluation;
  const caId = ca.applicable && ca.identifier.known ? ca.identifier.value : null;
  let caBasis: string;
  if (!ca.applicable) caBasis = `not applicable: ${ca.reason}`;
  else if (!ca.identifier.known) caBasis = `unknown: ${ca.identifier.reason}`;
  else caBasis = ca.basis;
  const engine = resource.engine.known ? resource.engine.value : null;
  const engineVersion = resource.engineVersion.known ? resource.engineVersion.value : null;
  const lookup = facts.engineVersion(engine ?? '', engineVersion, resource.origin.region);
  // In the JSON report's order (SPEC's first), so that renderJson writes it as it is.
  return {
    id: resource.id,
    arn: resource.arn,
    kind: resource.kind,
    engine,
    engineVersion,
    ca: caId,
    sslEnforced: tls.applicable && tls.enforced.known ? tls.enforced.value : null,
    iamAuth: iam.applicable && iam.enabled.known ? iam.enabled.value : null,
    restart: evaluation.restart,
    // file and line together: the resource's block when the source has lines (a .tf file for a plan).
    source: {
      type: resource.origin.type,
      file: resource.origin.location.line != null ? resource.origin.location.file ?? resource.origin.file : resource.origin.file,
      line: resource.origin.location.line,
      region: resource.origin.region,
    },
    caBasis,
    caValidTill: resource.ca?.caValidTill ?? (caId ? facts.caValidity(caId, resource.origin.region)?.validTill ?? null : null),
    serverCertValidTill: resource.ca?.serverCertValidTill ?? null,
    rotationRestarts: evaluation.rotationRestarts,
    supportedCAs: lookup.fact?.supportedCAs ?? null,
    identifier: resource.identifier ?? null,
    endpoint: resource.endpoint ?? null,
    sslBasis: !tls.applicable ? `not applicable: ${tls.reason}` : tls.enforced.known ? tls.detail : `unknown: ${tls.enforced.reason}`,
    iamAuthBasis: !iam.applicable ? `not applicable: ${iam.reason}` : iam.enabled.known ? 'set' : `unknown: ${iam.enabled.reason}`,
  };
}

function severityOf(settings: PolicySettings, rule: RuleId): Severity | null {
  const setting = settings.severity[rule];
  return setting === 'off' ? null : setting;
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

  const findings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  const rows: ResourceReport[] = [];
  const exemptionHits = policy.exemptions.map(() => 0);
  let excluded = 0;
  const settingsFor = settingsResolver(policy);

  for (const resource of resources) {
    if (!scopeDecision(resource, policy).included) {
      excluded++;
      continue;
    }
    const settings = settingsFor(resource);
    const cluster = clusterOf(resource);
    const context = { settings, facts, asOf, cluster };
    const evaluation = evaluate(resource, context);
    rows.push(resourceRow(resource, evaluation, facts));

    // The same unknown fact (an unknown CA) can block several rules: one finding names them all.
    let unknowns: Map<string, { rules: RuleId[]; message: string; at: Location }> | null = null;
    const candidates: { finding: Finding; raisedBy: RuleId[] }[] = [];
    for (const rule of RULE_SET) {
      const ruleSeverity = severityOf(settings, rule.id);
      if (ruleSeverity === null) continue;
      for (const outcome of rule.evaluate({ resource, evaluation, context })) {
        if (outcome.status === 'fail') {
          candidates.push({
            finding: {
              rule: rule.id,
              severity: outcome.severity ?? ruleSeverity,
              resource: resource.id,
              message: outcome.message,
              source: findingSource(resource, outcome.at),
              arn: resource.arn,
            },
            raisedBy: [rule.id],
          });
        } else if (outcome.status === 'unknown') {
          const key = `${outcome.message}\u0000${outcome.at.file}:${outcome.at.line}:${outcome.at.column}`;
          unknowns ??= new Map();
          const entry = unknowns.get(key) ?? { rules: [], message: outcome.message, at: outcome.at };
          entry.rules.push(rule.id);
          unknowns.set(key, entry);
        }
      }
    }
    const unknownSeverity = severityOf(settings, 'unknown');
    if (unknownSeverity !== null && unknowns !== null) {
      for (const entry of unknowns.values()) {
        const { rule, message } = unknownFinding(entry.rules, entry.message);
        candidates.push({
          finding: {
            rule,
            severity: unknownSeverity,
            resource: resource.id,
            message,
            source: findingSource(resource, entry.at),
            arn: resource.arn,
          },
          raisedBy: entry.rules,
        });
      }
    }

    for (const { finding, raisedBy } of candidates) {
      if (policy.exemptions.length === 0) {
        findings.push(finding);
        continue;
      }
      // Suppressed only when an exemption holds for every rule the finding speaks for.
      const matches = raisedBy.map((rule) => findExemption(resource, finding.rule, policy, asOfDay, rule));
      for (const match of new Set(matches)) if (match) exemptionHits[match.index]++;
      const active = matches.every((m) => m && !m.expired);
      if (active && matches[0]) {
        suppressed.push({ ...finding, exemption: { reason: matches[0].exemption.reason, expires: matches[0].exemption.expires } });
        continue;
      }
      const expired = matches.find((m) => m?.expired);
      if (expired) finding.message += ` (the exemption "${expired.exemption.reason}" expired on ${expired.exemption.expires})`;
      findings.push(finding);
    }
  }

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

  const count = (severity: Severity) => findings.filter((f) => f.severity === severity).length;
  return {
    tool: { name: 'rds-tls-guard', version: options.version },
    summary: {
      resources: rows.length,
      findings: findings.length,
      error: count('error'),
      warning: count('warning'),
      notice: count('notice'),
      restartRequired: rows.filter((r) => r.restart.required === true).length,
      incomplete: errors.length > 0,
      suppressed: suppressed.length,
      excluded,
    },
    resources: rows,
    findings,
    errors,
    asOf: asOfDay,
    policy: { file: policy.file, exemptions },
    suppressed,
    unavailable,
  };
}

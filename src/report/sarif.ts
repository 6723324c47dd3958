// SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`) and other viewers.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_POLICY } from '../policy/defaults.js';
import { RULE_IDS, type RuleId, type Severity } from '../policy/types.js';
import { RULES } from '../rules/meta.js';
import { PROJECT_URL, countBySeverity, ruleDocUrl, sortBySeverity, staleExemptionText, staleExemptions } from './common.js';
import type { Finding, Report, SuppressedFinding } from './types.js';

export interface SarifOptions {
  /** The repository root (GITHUB_WORKSPACE); file URIs are made relative to it. */
  repoRoot?: string;
}

/** Code scanning rejects a run with more results than this (and shows only the 5,000 most severe). */
export const SARIF_MAX_RESULTS = 25_000;

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const FINGERPRINT_KEY = 'rdsTlsGuard/v1';
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', notice: 'note' };

interface SarifLocation {
  physicalLocation: {
    artifactLocation: { uri: string; uriBaseId?: string };
    region?: { startLine: number; startColumn?: number };
  };
  logicalLocations?: { name: string; fullyQualifiedName?: string; kind: string }[];
}

interface SarifResult {
  ruleId: RuleId;
  ruleIndex: number;
  level: 'error' | 'warning' | 'note';
  message: { text: string };
  locations: SarifLocation[];
  partialFingerprints: Record<string, string>;
  suppressions?: { kind: 'external'; status: 'accepted'; justification: string; properties?: { expires: string } }[];
  properties: Record<string, unknown>;
}

function ruleDescriptor(id: RuleId) {
  const meta = RULES[id];
  const url = ruleDocUrl(id);
  return {
    id,
    name: id.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase()),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.description },
    helpUri: url,
    help: {
      text: `${meta.help.replace(/`/g, '')}\n\n${url}`,
      markdown: `${meta.help}\n\n[Rule documentation](${url})`,
    },
    // The built-in policy's severity; a policy may raise, lower or turn it off per resource.
    defaultConfiguration: levelConfiguration(DEFAULT_POLICY.severity[id]),
    properties: { tags: ['security', 'aws-rds', 'tls'] },
  };
}

function levelConfiguration(setting: Severity | 'off') {
  return setting === 'off' ? { enabled: false } : { level: LEVEL[setting] };
}

/** A SARIF URI reference: each path segment percent-encoded, POSIX slashes. */
function encodePath(posixPath: string): string {
  return posixPath
    .split('/')
    .map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment)))
    .join('/');
}

/**
 * Where a file is, as code scanning wants it: relative to the repository root under `%SRCROOT%`,
 * which stays out of `originalUriBaseIds` as in CodeQL's output (code scanning ignores that field
 * and reads relative URIs against the checkout). Relative paths in the report are relative to the
 * working directory. A file outside the repository, or an absolute path with no root given,
 * keeps an absolute `file:` URI, which code scanning maps into the checkout if it can.
 */
function artifactLocation(file: string, repoRoot: string | undefined): { uri: string; uriBaseId?: string } {
  const posix = file.replace(/\\/g, '/');
  if (repoRoot) {
    const relative = path.relative(path.resolve(repoRoot), path.resolve(file)).replace(/\\/g, '/');
    if (relative !== '' && !relative.startsWith('../') && relative !== '..' && !path.isAbsolute(relative)) {
      return { uri: encodePath(relative), uriBaseId: '%SRCROOT%' };
    }
    return { uri: pathToFileURL(path.resolve(file)).href };
  }
  if (path.isAbsolute(file)) return { uri: pathToFileURL(file).href };
  return { uri: encodePath(posix.replace(/^(\.\/)+/, '')), uriBaseId: '%SRCROOT%' };
}

/**
 * Live and snapshot findings have no file, but code scanning rejects a whole upload when one
 * result lacks `physicalLocation.artifactLocation.uri` ("locationFromSarifResult: expected at
 * least one location" / "expected artifact location"), and it rejects absolute URIs whose scheme
 * is not the checkout's `file:` scheme, so an `rds-tls-guard://…` or `arn:…` URI is out. Such a
 * result gets a relative path that names what it is about, `rds-tls-guard/<source>/<region>/<id>`:
 * no file in the repository claims it (upload-sarif skips its fingerprinting for a missing file;
 * the alert shows the path, without a code preview), and the ARN goes in the logical location.
 * Pointing at the policy file instead would show line 1 of a file that is not the problem.
 */
function syntheticUri(finding: Finding): string {
  const segments = ['rds-tls-guard', finding.source.type, finding.source.region ?? 'no-region', finding.resource];
  return segments.map((segment) => encodeURIComponent(segment)).join('/');
}

function location(finding: Finding, repoRoot: string | undefined): SarifLocation {
  const { file, line, column } = finding.source;
  const physicalLocation: SarifLocation['physicalLocation'] = file
    ? { artifactLocation: artifactLocation(file, repoRoot) }
    : { artifactLocation: { uri: syntheticUri(finding) } };
  if (file && line != null && line >= 1) {
    physicalLocation.region = column != null && column >= 1 ? { startLine: line, startColumn: column } : { startLine: line };
  }
  const logical = { name: finding.resource, kind: 'resource', ...(finding.arn ? { fullyQualifiedName: finding.arn } : {}) };
  return { physicalLocation, logicalLocations: [logical] };
}

/**
 * Stable across runs: rule, source type, region, file and resource id (one id can stand in two
 * templates), not the line or the message, which change when the file around the property is
 * edited or the value changes. A rule that reports one resource twice (two unknown facts) gets
 * the occurrence number in the key.
 */
function fingerprints(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const { type, region, file } = finding.source;
    const key = [finding.rule, type, region ?? '', file ?? '', finding.resource].join('\u0000');
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    const hash = createHash('sha256').update(occurrence > 1 ? `${key}\u0000${occurrence}` : key).digest('hex');
    return `${hash.slice(0, 32)}:${occurrence}`;
  });
}

function result(finding: Finding | SuppressedFinding, fingerprint: string, repoRoot: string | undefined): SarifResult {
  // Code scanning lists alerts by message and path; a plan file holds many resources, so the
  // message names the resource unless it already does.
  const text = finding.message.includes(finding.resource) ? finding.message : `${finding.resource}: ${finding.message}`;
  const out: SarifResult = {
    ruleId: finding.rule,
    ruleIndex: RULE_IDS.indexOf(finding.rule),
    level: LEVEL[finding.severity],
    message: { text },
    locations: [location(finding, repoRoot)],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
    properties: {
      resource: finding.resource,
      arn: finding.arn,
      source: finding.source.type,
      region: finding.source.region,
      severity: finding.severity,
    },
  };
  if ('exemption' in finding) {
    const { reason, expires } = finding.exemption;
    out.suppressions = [{ kind: 'external', status: 'accepted', justification: reason, ...(expires ? { properties: { expires } } : {}) }];
  }
  return out;
}

export function renderSarif(report: Report, options: SarifOptions = {}): string {
  const { repoRoot } = options;
  // Most severe first, suppressed last: what survives the result limit is what matters most.
  const all: (Finding | SuppressedFinding)[] = [...sortBySeverity(report.findings), ...sortBySeverity(report.suppressed)];
  const prints = fingerprints(all);
  const kept = all.slice(0, SARIF_MAX_RESULTS);
  const dropped = all.slice(SARIF_MAX_RESULTS);

  const notifications = report.errors.map((error) => ({ level: 'error', message: { text: `${error.source}: ${error.message}` } }));
  const configurationNotifications = staleExemptions(report).map((exemption) => {
    const text = `Exemption ${exemption.selector} ${staleExemptionText(exemption)}.`;
    const where =
      report.policy.file != null
        ? [{ physicalLocation: { artifactLocation: artifactLocation(report.policy.file, repoRoot), ...(exemption.line != null ? { region: { startLine: exemption.line } } : {}) } }]
        : undefined;
    return { level: 'warning', message: { text }, ...(where ? { locations: where } : {}) };
  });

  const run = {
    tool: {
      driver: {
        name: report.tool.name,
        version: report.tool.version,
        ...(/^\d+\.\d+\.\d+(?:[-+].*)?$/.test(report.tool.version) ? { semanticVersion: report.tool.version } : {}),
        informationUri: PROJECT_URL,
        rules: RULE_IDS.map(ruleDescriptor),
      },
    },
    invocations: [
      {
        executionSuccessful: !report.summary.incomplete && report.errors.length === 0,
        toolExecutionNotifications: notifications,
        toolConfigurationNotifications: configurationNotifications,
      },
    ],
    // Columns come from JavaScript string offsets.
    columnKind: 'utf16CodeUnits',
    results: kept.map((finding, index) => result(finding, prints[index]!, repoRoot)),
    properties: {
      asOf: report.asOf,
      policy: report.policy.file,
      summary: report.summary,
      ...(dropped.length > 0
        ? { truncated: { limit: SARIF_MAX_RESULTS, resultsOmitted: dropped.length, omittedBySeverity: countBySeverity(dropped) } }
        : {}),
    },
  };
  return `${JSON.stringify({ $schema: SCHEMA, version: '2.1.0', runs: [run] }, null, 2)}\n`;
}

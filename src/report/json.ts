// The JSON report: SPEC's shape and property order first, the fields SPEC does not show after them.
import type { Finding, Report, ResourceReport, SuppressedFinding } from './types.js';

type Json = Record<string, unknown>;

/**
 * A copy of `value` whose listed keys come first, in that order; every other key follows in its
 * own order, so a field added to the Report type later is still written.
 */
function ordered(value: object, keys: readonly string[]): Json {
  const source = value as Json;
  const out: Json = {};
  for (const key of keys) if (key in source) out[key] = source[key];
  for (const [key, item] of Object.entries(source)) if (!(key in out)) out[key] = item;
  return out;
}

function resource(item: ResourceReport): Json {
  return {
    ...ordered(item, [
      ...['id', 'arn', 'kind', 'engine', 'engineVersion', 'ca', 'sslEnforced', 'iamAuth', 'restart', 'source'],
      ...['caBasis', 'caValidTill', 'serverCertValidTill', 'rotationRestarts', 'supportedCAs', 'identifier', 'endpoint'],
    ]),
    restart: ordered(item.restart, ['required', 'reason', 'trigger']),
    source: ordered(item.source, ['type', 'file', 'line', 'region']),
  };
}

function finding(item: Finding | SuppressedFinding): Json {
  return {
    ...ordered(item, ['rule', 'severity', 'resource', 'message', 'source', 'arn', 'exemption']),
    source: ordered(item.source, ['type', 'file', 'line', 'column', 'region']),
  };
}

export function renderJson(report: Report): string {
  const out = {
    ...ordered(report, ['tool', 'summary', 'resources', 'findings', 'errors', 'asOf', 'policy', 'suppressed']),
    tool: ordered(report.tool, ['name', 'version']),
    summary: ordered(report.summary, ['resources', 'findings', 'error', 'warning', 'notice', 'restartRequired', 'incomplete', 'suppressed', 'excluded']),
    resources: report.resources.map(resource),
    findings: report.findings.map(finding),
    errors: report.errors.map((error) => ordered(error, ['source', 'message'])),
    policy: {
      ...ordered(report.policy, ['file', 'exemptions']),
      exemptions: report.policy.exemptions.map((exemption) =>
        ordered(exemption, ['selector', 'rules', 'reason', 'expires', 'status', 'matched', 'line']),
      ),
    },
    suppressed: report.suppressed.map(finding),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

// The inventory as CSV (RFC 4180): one row per evaluated resource, for spreadsheets and scripts.
//
// Rows: every DB instance and cluster member, and the Aurora / Multi-AZ DB clusters too, told
// apart by `kind`. A member's tls_enforced and iam_auth are the effective values its cluster
// decides (the evaluation resolves them); the cluster's own row carries its endpoint. Filter on
// `kind` for instances only. `identifier` is the resource id (Terraform address, CloudFormation
// logical id, DB identifier); `db_identifier` is the AWS identifier where the source knows it.
import type { Report, ResourceReport } from './types.js';

const COLUMNS = [
  'engine',
  'engine_version',
  'identifier',
  'arn',
  'endpoint',
  'ca',
  'ca_valid_till',
  'rotation_restarts',
  'supported_cas',
  'tls_enforced',
  'iam_auth',
  'kind',
  'source',
  'region',
  'db_identifier',
  'file',
  'line',
] as const;

type Column = (typeof COLUMNS)[number];

function tristate(value: boolean | null, basis = ''): string {
  if (value != null) return String(value);
  return basis.startsWith('not applicable') ? 'n/a' : 'unknown';
}

function notApplicable(resource: ResourceReport): boolean {
  return resource.caBasis.startsWith('not applicable');
}

function cells(resource: ResourceReport): Record<Column, string | number | null> {
  return {
    engine: resource.engine,
    engine_version: resource.engineVersion,
    identifier: resource.id,
    arn: resource.arn,
    endpoint: resource.endpoint,
    // Empty where the CA is not set on this kind (an Aurora cluster); "unknown" where it could not be known.
    ca: resource.ca ?? (resource.caBasis.startsWith('unknown') ? 'unknown' : null),
    ca_valid_till: resource.caValidTill,
    rotation_restarts: notApplicable(resource) ? null : tristate(resource.rotationRestarts),
    supported_cas: resource.supportedCAs?.join(' ') ?? null,
    tls_enforced: tristate(resource.sslEnforced, resource.sslBasis),
    iam_auth: tristate(resource.iamAuth, resource.iamAuthBasis),
    kind: resource.kind,
    source: resource.source.type,
    region: resource.source.region,
    db_identifier: resource.identifier,
    file: resource.source.file,
    line: resource.source.line,
  };
}

/**
 * One RFC 4180 field. A value that a spreadsheet would run as a formula (it starts with `=`, `+`,
 * `-`, `@`, a tab or a carriage return) gets a leading `'`, which spreadsheets show as text.
 */
export function csvField(value: string | number | null): string {
  let text = value == null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function renderCsv(report: Report): string {
  const lines = [COLUMNS.join(',')];
  for (const resource of report.resources) {
    const row = cells(resource);
    lines.push(COLUMNS.map((column) => csvField(row[column])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

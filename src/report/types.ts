import type { ResourceKind, SourceError, SourceType } from '../model.js';
import type { RuleId, Severity } from '../policy/types.js';

/** Where a finding points: the property that decides it, else the resource. Lines are 1-based. */
export interface FindingSource {
  type: SourceType;
  file: string | null;
  line: number | null;
  column: number | null;
  region: string | null;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** The resource id (Terraform address, logical id, DB identifier). */
  resource: string;
  arn: string | null;
  message: string;
  source: FindingSource;
}

/** A finding an exemption silenced; kept in the report so suppressions stay visible. */
export interface SuppressedFinding extends Finding {
  exemption: { reason: string; expires: string | null };
}

export interface RestartPrediction {
  /** true / false, or null when it cannot be known. */
  required: boolean | null;
  reason: string;
  /** What asks for the restart question: a CA change in the plan, the rotation a ca-allowed fix needs, or nothing. */
  trigger: 'planned-ca-change' | 'pending-ca-change' | 'ca-not-allowed' | 'other-change' | null;
}

export interface ResourceReport {
  id: string;
  arn: string | null;
  kind: ResourceKind;
  engine: string | null;
  engineVersion: string | null;
  /** The effective CA (own, else ca.assume-default); null when unknown or not applicable. */
  ca: string | null;
  /** How `ca` was decided: "set", "assumed default", "unknown: …", "not applicable: …". */
  caBasis: string;
  caValidTill: string | null;
  serverCertValidTill: string | null;
  sslEnforced: boolean | null;
  /** How sslEnforced was decided ("rds.force_ssl = 1 in parameter group pg"), or why it is null ("unknown: …", "not applicable: …"). */
  sslBasis: string;
  iamAuth: boolean | null;
  /** "set", or why iamAuth is null ("unknown: …", "not applicable: IAM database authentication is not available for …"). */
  iamAuthBasis: string;
  restart: RestartPrediction;
  /** Whether a CA rotation on this engine version restarts the database, change or not (inventory). */
  rotationRestarts: boolean | null;
  supportedCAs: string[] | null;
  identifier: string | null;
  endpoint: string | null;
  source: { type: SourceType; file: string | null; line: number | null; region: string | null };
}

export interface ExemptionStatus {
  selector: string;
  rules: RuleId[] | 'all';
  reason: string;
  expires: string | null;
  status: 'active' | 'expired' | 'unused';
  /** Findings it silenced (active) or would have silenced (expired). */
  matched: number;
  line: number | null;
}

export interface ReportSummary {
  resources: number;
  findings: number;
  error: number;
  warning: number;
  notice: number;
  restartRequired: number;
  incomplete: boolean;
  suppressed: number;
  excluded: number;
}

export interface Report {
  tool: { name: 'rds-tls-guard'; version: string };
  /** Evaluation date (ISO day) that expiry rules used. */
  asOf: string;
  policy: { file: string | null; exemptions: ExemptionStatus[] };
  summary: ReportSummary;
  resources: ResourceReport[];
  findings: Finding[];
  suppressed: SuppressedFinding[];
  errors: SourceError[];
  /** Optional APIs the account's IAM refused: the facts they give are unknown or from shipped data; not incomplete. */
  unavailable: SourceError[];
}

// Small Reports for the renderer tests: findings from every kind of source, a suppressed one, an
// unknown fact, a restart, a source error and exemptions in each state.
import type { Finding, Report, ResourceReport, SuppressedFinding } from '../../src/report/types.js';

export function resource(partial: Partial<ResourceReport> & Pick<ResourceReport, 'id'>): ResourceReport {
  return {
    arn: null,
    kind: 'db-instance',
    engine: 'postgres',
    engineVersion: '15.4',
    ca: 'rds-ca-rsa2048-g1',
    caBasis: 'set',
    caValidTill: '2061-05-21T22:23:47Z',
    serverCertValidTill: null,
    sslEnforced: true,
    sslBasis: 'rds.force_ssl = 1 in parameter group app-pg',
    iamAuth: true,
    iamAuthBasis: 'set',
    restart: { required: false, reason: 'no CA change planned or needed', trigger: null },
    rotationRestarts: false,
    supportedCAs: ['rds-ca-rsa2048-g1', 'rds-ca-rsa4096-g1', 'rds-ca-ecc384-g1'],
    identifier: null,
    endpoint: null,
    source: { type: 'terraform', file: 'plan.json', line: null, region: null },
    ...partial,
  };
}

export function finding(partial: Partial<Finding> & Pick<Finding, 'resource'>): Finding {
  return {
    rule: 'ca-allowed',
    severity: 'error',
    arn: null,
    message: 'uses CA rds-ca-2019, which is not allowed (allowed: rds-ca-rsa2048-g1).',
    source: { type: 'terraform', file: 'plan.json', line: null, column: null, region: null },
    ...partial,
  };
}

const LIVE_ARN = 'arn:aws:rds:us-east-1:123456789012:db:prod-db';

/** Terraform (file, no line), CloudFormation (line and column), live (region and ARN). */
export function sampleReport(): Report {
  const resources: ResourceReport[] = [
    resource({
      id: 'module.db.aws_db_instance.main[0]',
      engine: 'postgres',
      engineVersion: '13.7',
      ca: 'rds-ca-2019',
      caValidTill: '2024-08-22T17:08:50Z',
      rotationRestarts: true,
      restart: {
        required: true,
        reason: 'moving to an allowed CA: postgres 13.7 does not support certificate rotation without restart (shipped data)',
        trigger: 'ca-not-allowed',
      },
      identifier: 'orders-db',
    }),
    resource({
      id: 'AppDatabase',
      engine: 'mysql',
      engineVersion: '8.0.35',
      caBasis: 'assumed default',
      sslEnforced: false,
      source: { type: 'cloudformation', file: 'templates/app.yaml', line: 12, region: null },
    }),
    resource({
      id: 'prod-db',
      arn: LIVE_ARN,
      ca: 'rds-ca-2019',
      caValidTill: '2024-08-22T17:08:50Z',
      rotationRestarts: null,
      restart: { required: null, reason: 'no engine-version facts for postgres 15.4', trigger: 'ca-not-allowed' },
      identifier: 'prod-db',
      endpoint: 'prod-db.abc123.us-east-1.rds.amazonaws.com',
      supportedCAs: null,
      source: { type: 'live', file: null, line: null, region: 'us-east-1' },
    }),
    resource({
      id: 'AppCluster',
      kind: 'db-cluster',
      engine: 'aurora-mysql',
      engineVersion: '8.0.mysql_aurora.3.05.2',
      ca: null,
      caBasis: 'not applicable: the CA is set on the cluster members',
      caValidTill: null,
      iamAuth: false,
      rotationRestarts: null,
      supportedCAs: null,
      source: { type: 'cloudformation', file: 'templates/app.yaml', line: 40, region: null },
    }),
    resource({
      id: 'AppClusterMember',
      kind: 'cluster-member',
      engine: 'aurora-mysql',
      engineVersion: '8.0.mysql_aurora.3.05.2',
      iamAuth: false,
      source: { type: 'cloudformation', file: 'templates/app.yaml', line: 55, region: null },
    }),
  ];
  const findings: Finding[] = [
    finding({ resource: 'module.db.aws_db_instance.main[0]' }),
    finding({
      rule: 'ssl-enforced',
      resource: 'AppDatabase',
      message: 'TLS is not enforced: require_secure_transport = OFF in parameter group AppParams.',
      source: { type: 'cloudformation', file: 'templates/app.yaml', line: 31, column: 9, region: null },
    }),
    finding({
      resource: 'prod-db',
      arn: LIVE_ARN,
      source: { type: 'live', file: null, line: null, column: null, region: 'us-east-1' },
    }),
    finding({
      rule: 'unknown',
      severity: 'warning',
      resource: 'prod-db',
      arn: LIVE_ARN,
      message: 'no-restart: restart: no engine-version facts for postgres 15.4',
      source: { type: 'live', file: null, line: null, column: null, region: 'us-east-1' },
    }),
    finding({
      rule: 'ca-expiring',
      severity: 'warning',
      resource: 'module.db.aws_db_instance.main[0]',
      message: 'CA rds-ca-2019 expired on 2024-08-22; the policy needs 60 days (ca.min-days-valid; shipped data).',
    }),
    finding({
      rule: 'ssl-enforced',
      severity: 'notice',
      resource: 'AppDatabase',
      message: 'TLS is available, but the plain port stays open.',
      source: { type: 'cloudformation', file: 'templates/app.yaml', line: 12, column: 3, region: null },
    }),
  ];
  const suppressed: SuppressedFinding[] = [
    {
      ...finding({
        rule: 'iam-auth',
        resource: 'AppCluster',
        message: 'IAM database authentication is not enabled.',
        source: { type: 'cloudformation', file: 'templates/app.yaml', line: 40, column: 3, region: null },
      }),
      exemption: { reason: 'vendor client has no IAM auth support', expires: '2027-03-31' },
    },
  ];
  return {
    tool: { name: 'rds-tls-guard', version: '0.1.0' },
    asOf: '2026-09-01',
    policy: {
      file: '.github/rds-tls-policy.yml',
      exemptions: [
        { selector: 'id=AppCluster', rules: ['iam-auth'], reason: 'vendor client has no IAM auth support', expires: '2027-03-31', status: 'active', matched: 1, line: 20 },
        { selector: 'id=billing-*', rules: 'all', reason: 'migration in Q2', expires: '2026-06-30', status: 'expired', matched: 0, line: 24 },
        { selector: 'engine=oracle-*', rules: ['ssl-enforced'], reason: 'legacy', expires: null, status: 'unused', matched: 0, line: 28 },
      ],
    },
    summary: {
      resources: resources.length,
      findings: findings.length,
      error: 3,
      warning: 2,
      notice: 1,
      restartRequired: 1,
      incomplete: true,
      suppressed: 1,
      excluded: 2,
    },
    resources,
    findings,
    suppressed,
    errors: [{ source: 'live us-west-2', message: 'AccessDenied: not authorized to perform rds:DescribeDBInstances' }],
    unavailable: [{ source: 'us-east-1 DescribeDBEngineVersions', message: 'AccessDenied: not authorized to perform rds:DescribeDBEngineVersions' }],
  };
}

/** A report with nothing to say: two compliant resources. */
export function cleanReport(): Report {
  const resources = [resource({ id: 'aws_db_instance.a' }), resource({ id: 'aws_db_instance.b' })];
  return {
    tool: { name: 'rds-tls-guard', version: '0.1.0' },
    asOf: '2026-09-01',
    policy: { file: null, exemptions: [] },
    summary: { resources: 2, findings: 0, error: 0, warning: 0, notice: 0, restartRequired: 0, incomplete: false, suppressed: 0, excluded: 0 },
    resources,
    findings: [],
    suppressed: [],
    errors: [],
    unavailable: [],
  };
}

/**
 * A large report: `count` findings (severities cycling error, warning, warning, notice) on
 * resources with multi-byte names, every resource in the inventory, some restarting.
 */
export function largeReport(count: number, name = (i: number) => `データベース-${i}`): Report {
  const severities = ['error', 'warning', 'warning', 'notice'] as const;
  const resources: ResourceReport[] = [];
  const findings: Finding[] = [];
  for (let i = 0; i < count; i++) {
    const id = name(i);
    resources.push(
      resource({
        id,
        restart: i % 10 === 0 ? { required: true, reason: `rotation restarts ${id}`, trigger: 'planned-ca-change' } : resource({ id }).restart,
        source: { type: 'cloudformation', file: `stacks/${id}.yaml`, line: 3, region: null },
      }),
    );
    findings.push(
      finding({
        resource: id,
        severity: severities[i % 4]!,
        message: `CA rds-ca-2019 is not allowed on ${id}`,
        source: { type: 'cloudformation', file: `stacks/${id}.yaml`, line: 7, column: 5, region: null },
      }),
    );
  }
  const count_ = (s: string) => findings.filter((f) => f.severity === s).length;
  return {
    ...cleanReport(),
    summary: {
      resources: count,
      findings: count,
      error: count_('error'),
      warning: count_('warning'),
      notice: count_('notice'),
      restartRequired: resources.filter((r) => r.restart.required).length,
      incomplete: false,
      suppressed: 0,
      excluded: 0,
    },
    resources,
    findings,
  };
}

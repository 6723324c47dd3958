// docs/rules.md, generated from the rule texts in src/rules/meta.ts that SARIF and the Markdown
// report use too; a test keeps the committed file equal to this output.
import { DEFAULT_POLICY } from '../policy/defaults.js';
import { RULE_IDS, type RuleId } from '../policy/types.js';
import { RULES } from '../rules/meta.js';

interface Example {
  /** A configuration that the rule reports, with its language for the code fence. */
  config: { lang: string; text: string };
  /** What the text report prints for it (the message is abridged where it quotes policy values). */
  output: string;
}

// Illustrations only: the texts of record are the rules' own messages.
const EXAMPLES: Record<RuleId, Example> = {
  'ca-allowed': {
    config: { lang: 'hcl', text: 'resource "aws_db_instance" "main" {\n  engine             = "postgres"\n  ca_cert_identifier = "rds-ca-2019"\n}' },
    output: 'error   ca-allowed: uses CA rds-ca-2019, which is not allowed (allowed: rds-ca-rsa2048-g1, rds-ca-rsa4096-g1, rds-ca-ecc384-g1). …',
  },
  'ca-expiring': {
    config: { lang: 'yaml', text: '# policy\nca:\n  min-days-valid: 60\n# a live instance whose server certificate (CertificateDetails.ValidTill) ends in 30 days' },
    output: 'warning ca-expiring: the server certificate expires on 2026-10-01, in 30 days; the policy needs 60 days (ca.min-days-valid; CertificateDetails.ValidTill).',
  },
  'ssl-enforced': {
    config: {
      lang: 'yaml',
      text: 'Params:\n  Type: AWS::RDS::DBParameterGroup\n  Properties:\n    Family: postgres14\n    Parameters:\n      rds.force_ssl: 0',
    },
    output: 'error   ssl-enforced: TLS is not enforced: rds.force_ssl = 0 in parameter group Params. (template.yaml:7:7)',
  },
  'iam-auth': {
    config: { lang: 'hcl', text: 'resource "aws_rds_cluster" "app" {\n  engine                              = "aurora-mysql"\n  iam_database_authentication_enabled = false\n}' },
    output: 'error   iam-auth: IAM database authentication is not enabled.',
  },
  'no-restart': {
    config: { lang: 'yaml', text: '# policy\nrestart:\n  allowed: false\n# and a plan that moves an engine version without restart-free rotation to another CA' },
    output: 'error   no-restart: this change restarts the database: CA rds-ca-2019 → rds-ca-rsa2048-g1: mysql 5.7.44 does not support certificate rotation without restart (…).',
  },
  unknown: {
    config: { lang: 'hcl', text: 'resource "aws_db_instance" "main" {\n  ca_cert_identifier = var.ca   # known only after apply\n}' },
    output: 'warning unknown: ca-allowed: CA: known after apply',
  },
};

function defaultSeverity(id: RuleId): string {
  const severity = DEFAULT_POLICY.severity[id];
  return id === 'no-restart' ? `${severity}, only when \`restart.allowed: false\`` : severity;
}

function section(id: RuleId): string {
  const meta = RULES[id];
  const example = EXAMPLES[id];
  return [
    `## ${id}`,
    '',
    `**${meta.title}.** Default severity: ${defaultSeverity(id)}.`,
    '',
    `**Holds when:** ${meta.description}`,
    '',
    `**Why it matters, and how to fix it:** ${meta.help}`,
    '',
    'For example, this is reported:',
    '',
    '```' + example.config.lang,
    example.config.text,
    '```',
    '',
    '```text',
    example.output,
    '```',
  ].join('\n');
}

export function renderRulesDoc(): string {
  const index = RULE_IDS.map((id) => `| [\`${id}\`](#${id}) | ${RULES[id].title} | ${defaultSeverity(id)} |`);
  return [
    '# Rules',
    '',
    '<!-- Generated from src/rules/meta.ts by src/report/rules-doc.ts; run',
    '     `UPDATE_RULES_DOC=1 npx vitest run __tests__/report/rules-doc.test.ts` after changing a rule text. -->',
    '',
    'Each rule checks one thing about every database in scope. A policy sets a rule\'s severity',
    '(`severity: { rule-id: error | warning | notice | off }`), changes its settings per resource with',
    '`overrides`, and silences it for chosen resources with `exemptions`, which need a reason and may expire.',
    '',
    '| Rule | What it checks | Default severity |',
    '|---|---|---|',
    ...index,
    '',
    RULE_IDS.map(section).join('\n\n'),
    '',
  ].join('\n');
}

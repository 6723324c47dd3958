// JSON Schema (draft-07) of the policy file, version 1. ajv validates with it, and
// `rds-tls-guard schema` prints it for editors' YAML language servers, so every property
// carries a description. Selectors and settings are spread inline rather than `$ref`ed:
// draft-07 cannot combine `$ref` with `additionalProperties: false` on the same object.
import type { SchemaObject } from 'ajv';
import { RULE_IDS, SEVERITIES } from './types.js';

export const SELECTOR_KEYS = ['id', 'engine', 'tag'] as const;
export const SEVERITY_SETTINGS = [...SEVERITIES, 'off'] as const;

const nonEmptyString = (description: string) => ({ type: 'string', minLength: 1, description });

const selectorProperties = {
  id: nonEmptyString(
    'Glob on the resource id: the Terraform address (module.db.aws_db_instance.main[0]), the CloudFormation ' +
      'logical id, or the DB instance / cluster identifier (live, snapshot). Case-sensitive; an exact id always matches.',
  ),
  engine: nonEmptyString(
    'Glob on the engine, compared lower-case: postgres, mysql, aurora-*. A database whose engine is unknown never matches.',
  ),
  tag: {
    type: 'object',
    description: 'Matches databases carrying this tag; without value, any value of the tag matches.',
    additionalProperties: false,
    required: ['key'],
    properties: {
      key: nonEmptyString('Tag key, exact and case-sensitive.'),
      value: { type: 'string', description: 'Tag value, exact and case-sensitive. Leave out to match any value.' },
    },
  },
};

const selector = (description: string) => ({
  type: 'object',
  description: `${description} Any of id, engine and tag; several keys must all match.`,
  additionalProperties: false,
  minProperties: 1,
  properties: selectorProperties,
});

// Sections may be left empty (`exemptions:` with every entry commented out): null means "nothing set here".
const section = (description: string, properties: Record<string, unknown>) => ({
  type: ['object', 'null'],
  description,
  additionalProperties: false,
  properties,
});

const RULE_NAMES: Record<(typeof RULE_IDS)[number], string> = {
  'ca-allowed': 'the CA is in ca.allowed',
  'ca-expiring': 'the CA and server certificate stay valid for ca.min-days-valid days',
  'ssl-enforced': 'TLS is enforced by the engine setting',
  'iam-auth': 'IAM database authentication is enabled',
  'no-restart': 'no evaluated change restarts the database (only with restart.allowed: false)',
  unknown: 'every fact a rule needs is known',
};

const settingsProperties = {
  ca: section('Certificate authorities.', {
    allowed: {
      type: 'array',
      description: 'CA identifiers a database may use (rule ca-allowed).',
      minItems: 1,
      items: nonEmptyString('A CA identifier, e.g. rds-ca-rsa2048-g1.'),
    },
    'min-days-valid': {
      type: 'integer',
      minimum: 0,
      // RDS CAs live up to 100 years (rds-ca-rsa4096-g1, -ecc384-g1); more is a typo.
      maximum: 36525,
      description: 'A CA or server certificate that expires within this many days is a finding (rule ca-expiring).',
    },
    'assume-default': nonEmptyString(
      'The CA of a database whose CA is not set: the account default for new databases.',
    ),
  }),
  ssl: section('TLS enforcement.', {
    required: {
      type: 'boolean',
      description: "true: the engine's TLS-enforcing setting must be on (rule ssl-enforced).",
    },
  }),
  'iam-auth': section('IAM database authentication.', {
    required: {
      type: 'boolean',
      description: 'true: IAM database authentication must be enabled where the engine supports it (rule iam-auth).',
    },
  }),
  restart: section('Restarts caused by the evaluated change.', {
    allowed: {
      type: 'boolean',
      description: 'false: a change that would restart a database is a finding (rule no-restart).',
    },
  }),
  severity: section(
    'How each rule is reported: error, warning, notice, or off (not evaluated). --fail-on decides which severities fail the run.',
    Object.fromEntries(
      RULE_IDS.map((rule) => [
        rule,
        { type: 'string', enum: [...SEVERITY_SETTINGS], description: `Severity of ${rule}: ${RULE_NAMES[rule]}.` },
      ]),
    ),
  ),
};

export const policySchema: SchemaObject = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'urn:rds-tls-guard:policy:1',
  title: 'rds-tls-guard policy, version 1',
  description:
    'Which certificate authorities, TLS and IAM authentication settings Amazon RDS and Aurora databases must have. ' +
    'Every key is optional; absent keys take the built-in defaults.',
  type: 'object',
  additionalProperties: false,
  properties: {
    version: { const: 1, description: 'Policy format version. Only 1 exists.' },
    ...settingsProperties,
    scope: section('Which databases are checked. Without scope, every database in the sources is.', {
      engines: {
        type: ['array', 'null'],
        description:
          'Engines to check (globs allowed, e.g. aurora-*); others are skipped. A database whose engine is unknown is still checked.',
        minItems: 1,
        items: nonEmptyString('An engine or engine glob.'),
      },
      exclude: {
        type: ['array', 'null'],
        description: 'Databases to skip.',
        items: selector('A database to skip.'),
      },
    }),
    overrides: {
      type: ['array', 'null'],
      description:
        'Settings for the databases an entry matches. Every matching entry applies, in order: later entries win; lists replace, not add.',
      items: {
        type: 'object',
        description: 'Settings for the databases that match.',
        additionalProperties: false,
        required: ['match'],
        properties: {
          match: selector('The databases this override applies to.'),
          ...settingsProperties,
        },
      },
    },
    exemptions: {
      type: ['array', 'null'],
      description: 'Accepted violations. An exempted finding is reported as exempted; an expired exemption is void and reported.',
      items: {
        type: 'object',
        description: 'An accepted violation: which databases (id, engine, tag), which rules, why, and until when.',
        additionalProperties: false,
        required: ['reason'],
        anyOf: SELECTOR_KEYS.map((key) => ({ required: [key] })),
        properties: {
          ...selectorProperties,
          rules: {
            type: 'array',
            description:
              'The rules exempted. Leave out to exempt every rule. Exempting a rule also exempts the unknown findings it raises.',
            minItems: 1,
            items: { type: 'string', enum: [...RULE_IDS], description: 'A rule id.' },
          },
          reason: {
            type: 'string',
            pattern: '\\S',
            description: 'Why the violation is accepted. Required; shown in reports.',
          },
          expires: {
            type: 'string',
            pattern: '^\\d{4}-\\d{2}-\\d{2}$',
            format: 'date',
            description: 'Last day the exemption holds (YYYY-MM-DD). After it the exemption is void and reported as expired.',
          },
        },
      },
    },
  },
};

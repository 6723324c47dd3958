import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { DEFAULT_POLICY, parsePolicy, policySchema } from '../../src/policy/index.js';

// SPEC.md, "Policy file (version 1)": the contract's example block, verbatim.
const SPEC_EXAMPLE = `version: 1
ca:
  allowed: [rds-ca-rsa2048-g1, rds-ca-rsa4096-g1, rds-ca-ecc384-g1]
  min-days-valid: 60          # CA or server certificate expiring sooner: ca-expiring
  assume-default: rds-ca-rsa2048-g1   # CA of a resource whose CA is not set
ssl:
  required: true
iam-auth:
  required: true
restart:
  allowed: true               # false: a change that restarts a database is a finding
severity:                     # per rule: error | warning | notice | off
  ca-expiring: warning
  unknown: warning            # a fact needed by a rule is unknown
scope:
  engines: [postgres, mysql, mariadb, aurora-postgresql, aurora-mysql, sqlserver-ee]
  exclude:
    - engine: docdb
    - id: "legacy-*"                  # glob on the resource id
    - tag: { key: tls-policy, value: exempt }
overrides:                            # later entries win
  - match: { tag: { key: env, value: dev } }
    iam-auth: { required: false }
exemptions:
  - id: "billing-db"
    rules: [iam-auth]
    reason: "vendor client has no IAM auth support"
    expires: 2027-03-31               # after this date the exemption is void and says so
`;

describe('the SPEC example policy', () => {
  it('is accepted and converted to the Policy model', () => {
    const policy = parsePolicy(SPEC_EXAMPLE, 'policy.yml');
    // SPEC: the default policy is this block without scope, overrides and exemptions; rules the
    // block leaves out of severity keep their default from the rule table.
    expect(policy).toEqual({
      ...DEFAULT_POLICY,
      scope: {
        engines: ['postgres', 'mysql', 'mariadb', 'aurora-postgresql', 'aurora-mysql', 'sqlserver-ee'],
        exclude: [{ engine: 'docdb' }, { id: 'legacy-*' }, { tag: { key: 'tls-policy', value: 'exempt' } }],
      },
      overrides: [
        {
          match: { tag: { key: 'env', value: 'dev' } },
          settings: { iamAuth: { required: false } },
          at: { file: 'policy.yml', line: 22, column: 5 },
        },
      ],
      exemptions: [
        {
          selector: { id: 'billing-db' },
          rules: ['iam-auth'],
          reason: 'vendor client has no IAM auth support',
          // YAML 1.2 core schema keeps the unquoted date a string.
          expires: '2027-03-31',
          at: { file: 'policy.yml', line: 25, column: 5 },
        },
      ],
      file: 'policy.yml',
    });
  });
});

describe('policySchema', () => {
  it('compiles under ajv strict mode as a draft-07 schema with an $id and title', () => {
    const ajv = new Ajv({ strict: true, strictRequired: false });
    ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
    expect(() => ajv.compile(policySchema)).not.toThrow();
    expect(policySchema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(policySchema.$id).toEqual(expect.any(String));
    expect(policySchema.title).toEqual(expect.any(String));
  });

  it('describes every property, for editors', () => {
    const undescribed: string[] = [];
    const walk = (schema: Record<string, unknown>, where: string) => {
      if (typeof schema.description !== 'string' || schema.description.length < 5) undescribed.push(where);
      const properties = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
      for (const [key, child] of Object.entries(properties)) walk(child, `${where}.${key}`);
      if (schema.items) walk(schema.items as Record<string, unknown>, `${where}[]`);
    };
    walk(policySchema, 'policy');
    expect(undescribed).toEqual([]);
  });

  it('survives JSON serialisation unchanged (rds-tls-guard schema prints it)', () => {
    expect(JSON.parse(JSON.stringify(policySchema))).toEqual(policySchema);
  });
});

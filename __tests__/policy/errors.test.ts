import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../src/policy/index.js';
import { problem } from './problem.js';

describe('parsePolicy errors: what, where, and what is allowed', () => {
  it('unknown top-level key, with the allowed keys and the likely intended one', () => {
    expect(problem('version: 1\niam_auth:\n  required: false\n')).toEqual({
      file: 'policy.yml',
      line: 2,
      column: 1,
      message:
        'unknown key "iam_auth" in policy (allowed: version, ca, ssl, iam-auth, restart, severity, scope, overrides, ' +
        'exemptions); did you mean "iam-auth"?',
    });
  });

  it('a min-days-valid beyond any CA\'s life is a typo', () => {
    expect(problem('ca:\n  min-days-valid: 99999999999999999999\n')).toMatchObject({
      line: 2,
      column: 19,
      message: expect.stringMatching(/^ca\.min-days-valid must be 36525 or less, got /),
    });
  });

  it('an engine pattern that matches no RDS engine (a typo would scope everything out)', () => {
    expect(problem('version: 1\nscope:\n  engines: [postgres, mysql8]\n')).toEqual({
      file: 'policy.yml',
      line: 3,
      column: 23,
      message: 'scope.engines[1]: "mysql8" matches no RDS engine this tool evaluates; did you mean "mysql"?',
    });
    expect(problem('overrides:\n  - match: { engine: postgresql }\n    ssl: { required: false }\n').message).toBe(
      'overrides[0].match.engine: "postgresql" matches no RDS engine this tool evaluates; did you mean "postgres"?',
    );
    expect(problem('exemptions:\n  - engine: redis\n    reason: r\n').message).toMatch(/^exemptions\[0\]\.engine: "redis" matches no RDS engine this tool evaluates; engines are named like postgres, /);
    // Globs and real names of every family pass, whatever their case.
    const fine = 'scope:\n  engines: [Postgres, aurora-*, "sqlserver-*", oracle-ee-cdb, custom-oracle-*, db2-se, "*mysql", aurora]\n  exclude:\n    - engine: docdb\n';
    expect(parsePolicy(fine, 'policy.yml').scope.engines).toHaveLength(8);
  });

  it('unknown key nested in an override points at the key itself', () => {
    const text = ['overrides:', '  - match: { id: a }', '  - match: { engine: mysql }', '    ssl: { required: true, enforce: 1 }', ''].join('\n');
    expect(problem(text)).toMatchObject({
      line: 4,
      column: 28,
      message: 'unknown key "enforce" in overrides[1].ssl (allowed: required)',
    });
  });

  it('camelCase spelling of a kebab-case key suggests the right one', () => {
    expect(problem('ca:\n  minDaysValid: 3\n')).toMatchObject({
      line: 2,
      column: 3,
      message: expect.stringContaining('did you mean "min-days-valid"?'),
    });
  });

  it('a selector key written directly in an override says to put it under match', () => {
    expect(problem('overrides:\n  - id: x\n    ssl: { required: false }\n')).toMatchObject({
      line: 2,
      column: 5,
      message: expect.stringMatching(/^unknown key "id" in overrides\[0\] .*put id under match/),
    });
  });

  it('wrong type: a quoted "yes" is a string, not a boolean', () => {
    expect(problem('ssl:\n  required: "yes"\n')).toMatchObject({
      line: 2,
      column: 13,
      message: 'ssl.required must be true or false, got the string "yes"',
    });
  });

  it('an empty leaf value points at its key', () => {
    expect(problem('iam-auth:\n  required:\n')).toMatchObject({
      line: 2,
      column: 3,
      message: 'iam-auth.required must be true or false, got an empty value',
    });
  });

  it('a number where a string belongs suggests quoting it', () => {
    expect(problem('scope:\n  exclude:\n    - tag: { key: year, value: 2024 }\n')).toMatchObject({
      line: 3,
      column: 32,
      message: 'scope.exclude[0].tag.value must be a string, got the number 2024; put it in quotes: "2024"',
    });
  });

  it('min-days-valid must be a non-negative whole number', () => {
    expect(problem('ca:\n  min-days-valid: -3\n')).toMatchObject({
      line: 2,
      column: 19,
      message: 'ca.min-days-valid must be 0 or more, got the number -3',
    });
    expect(problem('ca:\n  min-days-valid: 1.5\n').message).toBe('ca.min-days-valid must be a whole number, got the number 1.5');
  });

  it('bad severity value lists the allowed ones', () => {
    expect(problem('severity:\n  ca-expiring: notice\n  ca-allowed: fatal\n')).toMatchObject({
      line: 3,
      column: 15,
      message: 'severity.ca-allowed must be one of error, warning, notice, off, got the string "fatal"',
    });
  });

  it('unknown rule under severity lists the rule ids', () => {
    expect(problem('severity:\n  ca-alowed: error\n')).toMatchObject({
      line: 2,
      column: 3,
      message:
        'unknown rule "ca-alowed" in severity (rules: ca-allowed, ca-expiring, ssl-enforced, iam-auth, no-restart, ' +
        'unknown); did you mean "ca-allowed"?',
    });
  });

  it('unknown rule id in an exemption', () => {
    expect(problem('exemptions:\n  - id: x\n    reason: r\n    rules: [iam-auth, ssl]\n')).toMatchObject({
      line: 4,
      column: 23,
      message: expect.stringMatching(/^exemptions\[0\]\.rules\[1\] must be one of ca-allowed, .*, got the string "ssl"$/),
    });
  });

  it('impossible date: 2027-02-30', () => {
    expect(problem('exemptions:\n  - id: x\n    reason: r\n    expires: 2027-02-30\n')).toEqual({
      file: 'policy.yml',
      line: 4,
      column: 14,
      message: 'exemptions[0].expires is not a real date: 2027-02-30 (February 2027 has 28 days)',
    });
    expect(problem('exemptions:\n  - id: x\n    reason: r\n    expires: 2027-13-01\n').message).toBe(
      'exemptions[0].expires is not a real date: 2027-13-01 (there is no month 13)',
    );
  });

  it('a leap day is a real date', () => {
    expect(parsePolicy('exemptions:\n  - id: x\n    reason: r\n    expires: 2028-02-29\n', 'p.yml').exemptions[0]?.expires).toBe('2028-02-29');
  });

  it('date in another format, reported once', () => {
    expect(problem('exemptions:\n  - id: x\n    reason: r\n    expires: 31/03/2027\n')).toMatchObject({
      line: 4,
      column: 14,
      message: 'exemptions[0].expires must be a date written YYYY-MM-DD (e.g. 2027-03-31), got the string "31/03/2027"',
    });
  });

  it('missing reason points at the exemption', () => {
    const text = 'exemptions:\n  - id: a\n    reason: fine\n  - id: x\n    rules: [iam-auth]\n';
    expect(problem(text)).toMatchObject({
      line: 4,
      column: 5,
      message: 'exemptions[1] is missing "reason": say why the violation is accepted; reports show it',
    });
  });

  it('blank reason', () => {
    expect(problem('exemptions:\n  - id: x\n    reason: "  "\n')).toMatchObject({
      line: 3,
      column: 13,
      message: 'exemptions[0].reason must not be blank: say why the violation is accepted',
    });
  });

  it('empty selector in an override match', () => {
    expect(problem('overrides:\n  - match: {}\n    ssl: { required: false }\n')).toMatchObject({
      line: 2,
      column: 12,
      message: 'overrides[0].match is an empty selector: give at least one of id, engine, tag',
    });
  });

  it('empty selector in scope.exclude', () => {
    expect(problem('scope:\n  exclude:\n    - engine: docdb\n    - {}\n')).toMatchObject({
      line: 4,
      column: 7,
      message: 'scope.exclude[1] is an empty selector: give at least one of id, engine, tag',
    });
  });

  it('an exemption without a selector says how to exempt everything on purpose', () => {
    expect(problem('exemptions:\n  - reason: because\n    rules: [unknown]\n')).toMatchObject({
      line: 2,
      column: 5,
      message:
        'exemptions[0] does not say which databases it exempts: give at least one of id, engine, tag ' +
        '(id: "*" exempts every database)',
    });
  });

  it('empty lists that would silently change everything are rejected with the alternative', () => {
    expect(problem('ca:\n  allowed: []\n').message).toBe(
      'ca.allowed must not be an empty list: with no allowed CA every database fails ca-allowed; to switch the rule off, set severity.ca-allowed: off',
    );
    expect(problem('scope:\n  engines: []\n').message).toBe(
      'scope.engines must not be an empty list: no engine would be in scope; leave engines out to check every engine',
    );
    expect(problem('exemptions:\n  - id: x\n    reason: r\n    rules: []\n').message).toBe(
      'exemptions[0].rules must not be an empty list: leave rules out to exempt every rule',
    );
  });

  it('tag selector without key', () => {
    expect(problem('scope:\n  exclude:\n    - tag: { value: x }\n')).toMatchObject({
      line: 3,
      column: 12,
      message: 'scope.exclude[0].tag is missing "key": the tag key to match',
    });
  });

  it('version other than 1', () => {
    expect(problem('version: 2\n')).toMatchObject({
      line: 1,
      column: 10,
      message: 'version must be 1, got the number 2: this rds-tls-guard reads policy version 1',
    });
  });

  it('YAML syntax error', () => {
    expect(problem('ca:\n  allowed: [a, b\nssl: {}\n')).toMatchObject({
      line: 3,
      column: 1,
      message: expect.stringMatching(/^invalid YAML: flow sequence .* end with a \]$/),
    });
  });

  it('duplicate key points at the second occurrence', () => {
    expect(problem('ca:\n  allowed: [a]\n  min-days-valid: 30\n  allowed: [b]\n')).toEqual({
      file: 'policy.yml',
      line: 4,
      column: 3,
      message: 'duplicate key "allowed": a key may appear only once in a mapping',
    });
  });

  it('several documents in one file', () => {
    expect(problem('ssl: {}\n---\nca: {}\n')).toMatchObject({
      line: 2,
      column: 1,
      message: 'a policy file holds one YAML document: remove the "---" separator and merge the documents',
    });
  });

  it('a top-level value that is not a mapping', () => {
    expect(problem('- ca\n- ssl\n')).toMatchObject({
      line: 1,
      column: 1,
      message: 'the policy must be a mapping of keys (version, ca, ssl, …), got a list',
    });
    expect(problem('# a comment\nhello\n')).toMatchObject({ line: 2, column: 1 });
  });

  it('reports the first problem in the file and counts the others', () => {
    expect(problem('ssl: 3\nfoo: 1\nseverity:\n  unknown: loud\n')).toMatchObject({
      line: 1,
      column: 6,
      message: 'ssl must be a mapping (key: value), got the number 3 (and 2 more problems in this file)',
    });
  });

  it('positions survive a byte order mark', () => {
    expect(problem('\uFEFFversion: 1\nbogus: 1\n')).toMatchObject({ line: 2, column: 1 });
  });
});

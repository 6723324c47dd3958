import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { DEFAULT_POLICY, defaultPolicy, loadPolicy, parsePolicy } from '../../src/policy/index.js';

let cwd: string;

beforeEach(async () => {
  cwd = await mkdtemp(path.join(tmpdir(), 'policy-load-'));
});

afterEach(async () => {
  await rm(cwd, { recursive: true, force: true });
});

async function write(relative: string, text: string) {
  await mkdir(path.dirname(path.join(cwd, relative)), { recursive: true });
  await writeFile(path.join(cwd, relative), text);
}

describe('loadPolicy', () => {
  it('uses the built-in default when no file is given and none is in .github', async () => {
    const policy = await loadPolicy(null, { cwd });
    expect(policy).toEqual(DEFAULT_POLICY);
    expect(policy.file).toBeNull();
  });

  it('finds .github/rds-tls-policy.yml and records the path relative to cwd', async () => {
    await write('.github/rds-tls-policy.yml', 'ca:\n  min-days-valid: 90\n');
    const policy = await loadPolicy(null, { cwd });
    expect(policy.file).toBe('.github/rds-tls-policy.yml');
    expect(policy.ca.minDaysValid).toBe(90);
    expect(policy.ca.allowed).toEqual(DEFAULT_POLICY.ca.allowed);
  });

  it('accepts the .yaml spelling', async () => {
    await write('.github/rds-tls-policy.yaml', 'ssl:\n  required: false\n');
    const policy = await loadPolicy(null, { cwd });
    expect(policy.file).toBe('.github/rds-tls-policy.yaml');
    expect(policy.ssl.required).toBe(false);
  });

  it('refuses to guess when both spellings exist', async () => {
    await write('.github/rds-tls-policy.yml', 'ssl:\n  required: false\n');
    await write('.github/rds-tls-policy.yaml', 'ssl:\n  required: true\n');
    await expect(loadPolicy(null, { cwd })).rejects.toThrow(
      'found both .github/rds-tls-policy.yml and .github/rds-tls-policy.yaml: keep one, or choose with --policy',
    );
  });

  it('a directory named like the policy is not a policy', async () => {
    await mkdir(path.join(cwd, '.github/rds-tls-policy.yml'), { recursive: true });
    expect((await loadPolicy(null, { cwd })).file).toBeNull();
  });

  it('reads an explicit file relative to cwd, and errors carry that path', async () => {
    await write('policies/strict.yml', 'restart:\n  allowed: false\n');
    expect((await loadPolicy('policies/strict.yml', { cwd })).restart.allowed).toBe(false);

    await write('policies/broken.yml', 'restart:\n  allowed: no\n');
    const error = await loadPolicy('policies/broken.yml', { cwd }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).describe()).toBe(
      'policies/broken.yml:2:12: restart.allowed must be true or false, got the string "no"',
    );
  });

  it('an explicit file wins over .github discovery', async () => {
    await write('.github/rds-tls-policy.yml', 'ssl:\n  required: false\n');
    await write('other.yml', 'iam-auth:\n  required: false\n');
    const policy = await loadPolicy('other.yml', { cwd });
    expect(policy.file).toBe('other.yml');
    expect(policy.ssl.required).toBe(true);
    expect(policy.iamAuth.required).toBe(false);
  });

  it('a missing or unreadable file is an InputError naming it', async () => {
    await expect(loadPolicy('nope.yml', { cwd })).rejects.toMatchObject({
      name: 'InputError',
      file: 'nope.yml',
      message: 'cannot read the policy file: the file does not exist',
    });
    await mkdir(path.join(cwd, 'dir.yml'));
    await expect(loadPolicy('dir.yml', { cwd })).rejects.toMatchObject({
      file: 'dir.yml',
      message: 'cannot read the policy file: it is a directory',
    });
  });

  it('an empty discovered file means the defaults, attributed to the file', async () => {
    await write('.github/rds-tls-policy.yml', '');
    expect(await loadPolicy(null, { cwd })).toEqual({ ...DEFAULT_POLICY, file: '.github/rds-tls-policy.yml' });
  });
});

describe('parsePolicy defaults', () => {
  it('an empty file, or one with only comments, is the default policy', () => {
    expect(parsePolicy('', 'p.yml')).toEqual({ ...DEFAULT_POLICY, file: 'p.yml' });
    expect(parsePolicy('# nothing yet\n\n# still nothing\n', 'p.yml')).toEqual({ ...DEFAULT_POLICY, file: 'p.yml' });
  });

  it('fills every absent key from the defaults, per key within a section', () => {
    const policy = parsePolicy('ca:\n  allowed: [rds-ca-rsa4096-g1]\nseverity:\n  iam-auth: warning\n', 'p.yml');
    expect(policy.ca).toEqual({ allowed: ['rds-ca-rsa4096-g1'], minDaysValid: 60, assumeDefault: 'rds-ca-rsa2048-g1' });
    expect(policy.severity).toEqual({ ...DEFAULT_POLICY.severity, 'iam-auth': 'warning' });
    expect(policy.scope).toEqual({ engines: null, exclude: [] });
  });

  it('sections left empty (entries commented out) mean nothing set', () => {
    const policy = parsePolicy('ssl:\nscope:\n  engines:\nexemptions:\n  # - id: x\n', 'p.yml');
    expect(policy).toEqual({ ...DEFAULT_POLICY, file: 'p.yml' });
  });

  it('keys YAML would read as other types stay strings where the schema says string', () => {
    // YAML 1.2 core schema: "yes" and "2027-03-31" are strings, so a tag value of yes matches the tag "yes".
    const policy = parsePolicy('scope:\n  exclude:\n    - tag: { key: legacy, value: yes }\n', 'p.yml');
    expect(policy.scope.exclude).toEqual([{ tag: { key: 'legacy', value: 'yes' } }]);
  });

  it('the default policy is frozen; defaultPolicy() gives a copy that can change', () => {
    expect(() => (DEFAULT_POLICY.ca.allowed as string[]).push('x')).toThrow(TypeError);
    const copy = defaultPolicy('x.yml');
    copy.ca.allowed.push('rds-ca-2019');
    expect(DEFAULT_POLICY.ca.allowed).toHaveLength(3);
    expect(copy.file).toBe('x.yml');
  });

  it('matches the SPEC defaults', () => {
    expect(DEFAULT_POLICY).toEqual({
      version: 1,
      ca: { allowed: ['rds-ca-rsa2048-g1', 'rds-ca-rsa4096-g1', 'rds-ca-ecc384-g1'], minDaysValid: 60, assumeDefault: 'rds-ca-rsa2048-g1' },
      ssl: { required: true },
      iamAuth: { required: true },
      restart: { allowed: true },
      severity: { 'ca-allowed': 'error', 'ca-expiring': 'warning', 'ssl-enforced': 'error', 'iam-auth': 'error', 'no-restart': 'error', unknown: 'warning' },
      scope: { engines: null, exclude: [] },
      overrides: [],
      exemptions: [],
      file: null,
    });
  });

  it('an override keeps only the keys it sets, and anchors resolve', () => {
    const text = [
      'x-dev: &dev { key: env, value: dev }',
      'overrides:',
      '  - match: { tag: *dev }',
      '    ca: { min-days-valid: 10 }',
      '',
    ].join('\n');
    // An unknown top-level key even when used only as an anchor: the schema is closed.
    expect(() => parsePolicy(text, 'p.yml')).toThrow(/unknown key "x-dev"/);
    const policy = parsePolicy(
      ['overrides:', '  - match: { tag: &dev { key: env, value: dev } }', '    ca: { min-days-valid: 10 }', '  - match: { tag: *dev }', '    ssl: { required: false }', ''].join('\n'),
      'p.yml',
    );
    expect(policy.overrides.map((o) => [o.match, o.settings])).toEqual([
      [{ tag: { key: 'env', value: 'dev' } }, { ca: { minDaysValid: 10 } }],
      [{ tag: { key: 'env', value: 'dev' } }, { ssl: { required: false } }],
    ]);
    expect(policy.overrides[1]?.at).toEqual({ file: 'p.yml', line: 4, column: 5 });
  });
});

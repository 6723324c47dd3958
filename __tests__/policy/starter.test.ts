import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, parsePolicy, policySchema, starterPolicy } from '../../src/policy/index.js';

/** The starter with its commented-out example blocks (`# scope:` and what follows) switched on. */
function uncommentExamples(text: string): string {
  let inExample = false;
  return text
    .split('\n')
    .map((line) => {
      if (/^# (scope|overrides|exemptions):/.test(line)) inExample = true;
      else if (!line.startsWith('#   ')) inExample = false;
      return inExample ? line.slice(2) : line;
    })
    .join('\n');
}

describe('starterPolicy', () => {
  it('parses to exactly the default policy', () => {
    expect(parsePolicy(starterPolicy(), '.github/rds-tls-policy.yml')).toEqual({
      ...DEFAULT_POLICY,
      file: '.github/rds-tls-policy.yml',
    });
  });

  it('points editors at the schema file', () => {
    expect(starterPolicy().split('\n')[0]).toBe('# yaml-language-server: $schema=rds-tls-policy.schema.json');
    expect(starterPolicy()).toContain('rds-tls-guard schema > .github/rds-tls-policy.schema.json');
  });

  it('the examples\' policies point at a schema file that is there and is what `schema` prints', () => {
    for (const example of ['examples/policy.yml', 'examples/policy-deploy-gate.yml']) {
      expect(readFileSync(example, 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=rds-tls-policy.schema.json');
    }
    // Regenerate with: node dist/cli.js schema > examples/rds-tls-policy.schema.json
    expect(readFileSync('examples/rds-tls-policy.schema.json', 'utf8')).toBe(`${JSON.stringify(policySchema, null, 2)}\n`);
  });

  it('mentions every key the schema knows, each set key with a comment', () => {
    const text = starterPolicy();
    const keys = (schema: Record<string, unknown>): string[] =>
      Object.entries((schema.properties ?? {}) as Record<string, Record<string, unknown>>).flatMap(([key, child]) => [
        key,
        ...keys(child),
        ...(child.items ? keys(child.items as Record<string, unknown>) : []),
      ]);
    const missing = [...new Set(keys(policySchema))].filter((key) => !new RegExp(`(^|[\\s{,])${key}:`, 'm').test(text));
    expect(missing).toEqual([]);
    // Every uncommented key line either has a comment on it or right above it.
    const lines = text.split('\n');
    const uncommented = lines
      .map((line, i) => ({ line, before: lines[i - 1] ?? '' }))
      .filter(({ line }) => /^\s*[a-z-]+:/.test(line) && !/^(version|ca|ssl|iam-auth|restart|severity):/.test(line));
    expect(uncommented.filter(({ line, before }) => !line.includes('#') && !before.trim().startsWith('#'))).toEqual([]);
  });

  it('its commented-out examples are valid policy once uncommented', () => {
    const policy = parsePolicy(uncommentExamples(starterPolicy()), 'p.yml');
    expect(policy.scope.engines).toEqual(['postgres', 'mysql', 'mariadb', 'aurora-*']);
    expect(policy.scope.exclude).toEqual([{ id: 'legacy-*' }, { tag: { key: 'tls-policy', value: 'exempt' } }]);
    expect(policy.overrides.map((o) => o.settings)).toEqual([{ iamAuth: { required: false } }, { restart: { allowed: false } }]);
    expect(policy.exemptions).toMatchObject([
      { selector: { id: 'billing-db' }, rules: ['iam-auth'], reason: 'vendor client has no IAM auth support', expires: '2027-03-31' },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { known, unknown, type Fact, type Resource } from '../../src/model.js';
import {
  DEFAULT_POLICY,
  describeSelector,
  effectiveSettings,
  findExemption,
  matchesSelector,
  parsePolicy,
  scopeDecision,
} from '../../src/policy/index.js';

function resource(id: string, engine: Fact<string> | string, tags: Record<string, string> = {}): Resource {
  return {
    id,
    arn: null,
    kind: 'db-instance',
    engine: typeof engine === 'string' ? known(engine) : engine,
    engineVersion: known(null),
    tags,
    change: null,
    origin: { type: 'live', file: null, region: 'eu-west-1', account: null, location: { file: null, line: null, column: null } },
  };
}

const policy = (yaml: string) => parsePolicy(yaml, 'policy.yml');

describe('matchesSelector', () => {
  it('globs on ids are case-sensitive and cover the whole id', () => {
    expect(matchesSelector(resource('legacy-orders', 'mysql'), { id: 'legacy-*' })).toBe(true);
    expect(matchesSelector(resource('Legacy-orders', 'mysql'), { id: 'legacy-*' })).toBe(false);
    expect(matchesSelector(resource('old-legacy-orders', 'mysql'), { id: 'legacy-*' })).toBe(false);
    expect(matchesSelector(resource('orders', 'mysql'), { id: '{orders,billing}' })).toBe(true);
  });

  it('an exact Terraform address matches even though [0] reads as a glob class', () => {
    const address = 'module.db.aws_db_instance.main[0]';
    expect(matchesSelector(resource(address, 'postgres'), { id: address })).toBe(true);
    expect(matchesSelector(resource(address, 'postgres'), { id: 'module.db.*' })).toBe(true);
    expect(matchesSelector(resource('module.db.aws_db_instance.main[1]', 'postgres'), { id: address })).toBe(false);
  });

  it('brackets are literal: `name[*]` selects every instance of a count or for_each block', () => {
    expect(matchesSelector(resource('aws_rds_cluster_instance.orders[0]', 'aurora-mysql'), { id: 'aws_rds_cluster_instance.orders[*]' })).toBe(true);
    expect(matchesSelector(resource('aws_db_instance.db["eu"]', 'postgres'), { id: 'aws_db_instance.db[*]' })).toBe(true);
    expect(matchesSelector(resource('aws_db_instance.db', 'postgres'), { id: 'aws_db_instance.db[*]' })).toBe(false);
    expect(matchesSelector(resource('aws_db_instance.db1', 'postgres'), { id: 'aws_db_instance.db[0-9]' })).toBe(false);
    expect(matchesSelector(resource('module.db[1].aws_db_instance.main', 'postgres'), { id: 'module.db[?].*' })).toBe(true);
  });

  it('"*" crosses "/" in for_each keys: ids are not paths', () => {
    expect(matchesSelector(resource('aws_db_instance.db["team/app"]', 'postgres'), { id: 'aws_db_instance.db*' })).toBe(true);
  });

  it('engine globs compare lower-case; an unknown engine matches no engine selector', () => {
    expect(matchesSelector(resource('a', 'aurora-postgresql'), { engine: 'aurora-*' })).toBe(true);
    expect(matchesSelector(resource('a', 'aurora-mysql'), { engine: 'Aurora-MySQL' })).toBe(true);
    expect(matchesSelector(resource('a', 'postgres'), { engine: 'aurora-*' })).toBe(false);
    expect(matchesSelector(resource('a', unknown('known after apply')), { engine: '*' })).toBe(false);
  });

  it('tag with only a key matches any value; with a value, exactly that value', () => {
    const dev = resource('a', 'postgres', { env: 'dev', team: '' });
    expect(matchesSelector(dev, { tag: { key: 'env' } })).toBe(true);
    expect(matchesSelector(dev, { tag: { key: 'env', value: 'dev' } })).toBe(true);
    expect(matchesSelector(dev, { tag: { key: 'env', value: 'Dev' } })).toBe(false);
    expect(matchesSelector(dev, { tag: { key: 'owner' } })).toBe(false);
    // A tag with an empty value exists.
    expect(matchesSelector(dev, { tag: { key: 'team' } })).toBe(true);
    expect(matchesSelector(resource('b', 'postgres', {}), { tag: { key: 'toString' } })).toBe(false);
  });

  it('several keys must all match', () => {
    const selector = { id: 'legacy-*', engine: 'mysql', tag: { key: 'env', value: 'prod' } };
    expect(matchesSelector(resource('legacy-1', 'mysql', { env: 'prod' }), selector)).toBe(true);
    expect(matchesSelector(resource('legacy-1', 'mysql', { env: 'dev' }), selector)).toBe(false);
    expect(matchesSelector(resource('legacy-1', 'postgres', { env: 'prod' }), selector)).toBe(false);
    expect(matchesSelector(resource('new-1', 'mysql', { env: 'prod' }), selector)).toBe(false);
  });
});

describe('describeSelector', () => {
  it('reads like the policy', () => {
    expect(describeSelector({ id: 'billing-db', tag: { key: 'env', value: 'dev' } })).toBe('id=billing-db, tag env=dev');
    expect(describeSelector({ engine: 'aurora-*', tag: { key: 'owner' } })).toBe('engine=aurora-*, tag owner');
  });
});

describe('scopeDecision', () => {
  const scoped = policy(
    'scope:\n  engines: [postgres, aurora-*]\n  exclude:\n    - id: "legacy-*"\n    - tag: { key: tls-policy, value: exempt }\n',
  );

  it('keeps engines on the list, including globbed ones', () => {
    expect(scopeDecision(resource('a', 'postgres'), scoped)).toEqual({ included: true });
    expect(scopeDecision(resource('a', 'aurora-mysql'), scoped)).toEqual({ included: true });
  });

  it('drops other engines, naming the list', () => {
    expect(scopeDecision(resource('a', 'mysql'), scoped)).toEqual({
      included: false,
      reason: 'engine mysql is not in scope.engines (postgres, aurora-*)',
    });
  });

  it('keeps a resource whose engine is unknown, so the unknown gets reported', () => {
    expect(scopeDecision(resource('a', unknown('known after apply')), scoped)).toEqual({ included: true });
  });

  it('drops what an exclude entry matches, naming the entry', () => {
    expect(scopeDecision(resource('legacy-orders', 'postgres'), scoped)).toEqual({
      included: false,
      reason: 'excluded by scope.exclude[0] (id=legacy-*)',
    });
    expect(scopeDecision(resource('orders', 'postgres', { 'tls-policy': 'exempt' }), scoped)).toEqual({
      included: false,
      reason: 'excluded by scope.exclude[1] (tag tls-policy=exempt)',
    });
  });

  it('without scope everything is in', () => {
    expect(scopeDecision(resource('legacy-x', 'oracle-ee'), DEFAULT_POLICY)).toEqual({ included: true });
  });
});

describe('effectiveSettings', () => {
  const layered = policy(
    [
      'ca:',
      '  allowed: [rds-ca-rsa2048-g1]',
      'overrides:',
      '  - match: { tag: { key: env, value: dev } }',
      '    iam-auth: { required: false }',
      '    ca: { allowed: [rds-ca-rsa4096-g1, rds-ca-ecc384-g1], min-days-valid: 30 }',
      '  - match: { engine: "aurora-*" }',
      '    ca: { allowed: [rds-ca-ecc384-g1] }',
      '    severity: { ca-expiring: notice }',
      '  - match: { id: "pay-*" }',
      '    iam-auth: { required: true }',
      '',
    ].join('\n'),
  );

  it('no matching override: the top-level settings', () => {
    const settings = effectiveSettings(resource('orders', 'postgres'), layered);
    expect(settings.ca).toEqual({ allowed: ['rds-ca-rsa2048-g1'], minDaysValid: 60, assumeDefault: 'rds-ca-rsa2048-g1' });
    expect(settings.iamAuth.required).toBe(true);
  });

  it('applies every match in order: later entries win per key, lists replace', () => {
    const settings = effectiveSettings(resource('pay-dev', 'aurora-postgresql', { env: 'dev' }), layered);
    expect(settings).toEqual({
      // min-days-valid from the first override survives the second, which sets only allowed.
      ca: { allowed: ['rds-ca-ecc384-g1'], minDaysValid: 30, assumeDefault: 'rds-ca-rsa2048-g1' },
      ssl: { required: true },
      // Turned off by the first override, back on by the third.
      iamAuth: { required: true },
      restart: { allowed: true },
      severity: { ...DEFAULT_POLICY.severity, 'ca-expiring': 'notice' },
    });
  });

  it('does not change the policy it reads', () => {
    const settings = effectiveSettings(resource('x', 'postgres', { env: 'dev' }), layered);
    settings.ca.allowed.push('rds-ca-2019');
    expect(layered.ca.allowed).toEqual(['rds-ca-rsa2048-g1']);
    expect(layered.overrides[0]?.settings.ca?.allowed).toEqual(['rds-ca-rsa4096-g1', 'rds-ca-ecc384-g1']);
  });
});

describe('findExemption', () => {
  const exempted = policy(
    [
      'exemptions:',
      '  - id: billing-db',
      '    rules: [iam-auth]',
      '    reason: vendor client has no IAM auth support',
      '    expires: 2027-03-31',
      '  - id: billing-db',
      '    rules: [iam-auth]',
      '    reason: renewed until the vendor ships IAM auth',
      '    expires: 2027-09-30',
      '  - tag: { key: sandbox }',
      '    reason: throwaway databases',
      '',
    ].join('\n'),
  );
  const billing = resource('billing-db', 'postgres');

  it('holds through its expiry day and is expired the day after', () => {
    const single = { ...exempted, exemptions: exempted.exemptions.slice(0, 1) };
    expect(findExemption(billing, 'iam-auth', single, '2027-03-31')).toMatchObject({ index: 0, expired: false });
    expect(findExemption(billing, 'iam-auth', single, '2027-04-01')).toMatchObject({ index: 0, expired: true });
  });

  it('prefers an exemption that still holds over an expired one', () => {
    expect(findExemption(billing, 'iam-auth', exempted, '2027-03-31')).toMatchObject({ index: 0, expired: false });
    expect(findExemption(billing, 'iam-auth', exempted, '2027-04-01')).toMatchObject({
      index: 1,
      expired: false,
      exemption: { reason: 'renewed until the vendor ships IAM auth' },
    });
    expect(findExemption(billing, 'iam-auth', exempted, '2027-10-01')).toMatchObject({ index: 0, expired: true });
  });

  it('covers only the listed rules, and the unknown findings those rules raise', () => {
    expect(findExemption(billing, 'ssl-enforced', exempted, '2027-01-01')).toBeNull();
    expect(findExemption(billing, 'unknown', exempted, '2027-01-01')).toBeNull();
    expect(findExemption(billing, 'unknown', exempted, '2027-01-01', 'ssl-enforced')).toBeNull();
    expect(findExemption(billing, 'unknown', exempted, '2027-01-01', 'iam-auth')).toMatchObject({ index: 0 });
  });

  it('without rules covers every rule; without expires never expires', () => {
    const sandbox = resource('scratch', 'mysql', { sandbox: 'yes' });
    expect(findExemption(sandbox, 'ca-allowed', exempted, '2099-12-31')).toMatchObject({ index: 2, expired: false });
    expect(findExemption(sandbox, 'unknown', exempted, '2099-12-31')).toMatchObject({ index: 2 });
    expect(findExemption(resource('scratch', 'mysql'), 'ca-allowed', exempted, '2027-01-01')).toBeNull();
  });
});

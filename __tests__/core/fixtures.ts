// Hand-built model resources for the core tests: the sources have their own tests.
import { createFacts, type FactsInput } from '../../src/facts/index.js';
import type { Location, ParameterGroup, Resource } from '../../src/model.js';
import { known } from '../../src/model.js';
import { buildReport } from '../../src/evaluate/report.js';
import { defaultPolicy } from '../../src/policy/index.js';
import type { Policy } from '../../src/policy/types.js';

export const AS_OF = new Date('2026-11-27T00:00:00Z');

export function at(line: number, column = 3, file = 'main.tf'): Location {
  return { file, line, column };
}

export function instance(id: string, overrides: Partial<Resource> = {}): Resource {
  return {
    id,
    arn: null,
    kind: 'db-instance',
    engine: known('postgres'),
    engineVersion: known('16.4'),
    tags: {},
    ca: { identifier: known('rds-ca-rsa2048-g1', at(5)) },
    tls: { parameterGroup: known({ default: true as const, name: null }) },
    iamAuth: known(true, at(7)),
    change: null,
    origin: { type: 'terraform', file: 'main.tf', region: null, account: null, location: at(1, 1) },
    ...overrides,
  };
}

export function parameterGroup(id: string, parameters: Record<string, string>, kind: 'db' | 'cluster' = 'db'): ParameterGroup {
  return {
    id,
    kind,
    name: known(id),
    family: known('postgres14'),
    parameters: Object.fromEntries(
      Object.entries(parameters).map(([name, value], i) => [name, { name, value: known(value), at: at(20 + i, 5) }]),
    ),
    includesDefaults: false,
    location: at(18, 1),
  };
}

export function withPolicy(change: (policy: Policy) => void = () => {}): Policy {
  const policy = defaultPolicy('policy.yml');
  change(policy);
  return policy;
}

export function report(resources: Resource[], policy: Policy = withPolicy(), facts: FactsInput = {}) {
  return buildReport([{ resources, errors: [] }], { policy, facts: createFacts(facts), asOf: AS_OF, version: 'test' });
}

export function rulesFired(r: ReturnType<typeof report>, resource?: string): string[] {
  return r.findings.filter((f) => resource === undefined || f.resource === resource).map((f) => f.rule);
}

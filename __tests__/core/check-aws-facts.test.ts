// check() on IaC sources asks AWS for engine-version facts when credentials are configured in the
// environment, and degrades to the shipped data (saying so) when AWS refuses.
import { DescribeDBEngineVersionsCommand, RDSClient } from '@aws-sdk/client-rds';
import { mockClient } from 'aws-sdk-client-mock';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { defaultPolicy } from '../../src/policy/index.js';

const PLAN = fileURLToPath(new URL('../../examples/terraform/plan.json', import.meta.url));
const ENV = { AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE', AWS_SECRET_ACCESS_KEY: 'not-a-secret', AWS_REGION: 'eu-west-1' };
const rds = mockClient(RDSClient);
afterEach(() => rds.reset());

const run = (env: NodeJS.ProcessEnv, awsFacts = true) =>
  check({ policy: defaultPolicy(), terraformPlans: [PLAN], env, awsFacts, asOf: new Date('2026-11-27') });

describe('engine-version facts from AWS for Terraform plans', () => {
  it('asks once per engine version, and AWS answers win over the shipped data', async () => {
    rds.on(DescribeDBEngineVersionsCommand).callsFake((input: { Engine: string; EngineVersion: string }) => ({
      DBEngineVersions: [
        { Engine: input.Engine, EngineVersion: input.EngineVersion, SupportsCertificateRotationWithoutRestart: true, SupportedCACertificateIdentifiers: ['rds-ca-rsa2048-g1'] },
      ],
    }));
    const report = await run(ENV);
    const billing = report.resources.find((r) => r.id === 'aws_db_instance.billing');
    // The shipped data says mysql 5.7.34 restarts; the (mocked) account says it does not.
    expect(billing?.restart).toMatchObject({ required: false, trigger: 'planned-ca-change' });
    expect(billing?.restart.reason).toMatch(/DescribeDBEngineVersions eu-west-1/);
    const asked = rds.commandCalls(DescribeDBEngineVersionsCommand).map((c) => `${c.args[0].input.Engine} ${c.args[0].input.EngineVersion}`);
    expect(new Set(asked).size).toBe(asked.length);
  });

  it('a refusal is reported as unavailable, not as an incomplete run, and the shipped data answers', async () => {
    rds.on(DescribeDBEngineVersionsCommand).rejects(Object.assign(new Error('User is not authorized to perform: rds:DescribeDBEngineVersions'), { name: 'AccessDenied' }));
    const report = await run(ENV);
    expect(report.summary.incomplete).toBe(false);
    expect(report.unavailable).toEqual([expect.objectContaining({ source: 'eu-west-1 DescribeDBEngineVersions' })]);
    expect(report.resources.find((r) => r.id === 'aws_db_instance.billing')?.restart).toMatchObject({ required: true });
    expect(JSON.stringify(report)).not.toContain('not-a-secret');
  });

  it('never calls AWS without credentials in the environment, or with awsFacts false', async () => {
    await run({ AWS_REGION: 'eu-west-1' });
    await run(ENV, false);
    expect(rds.commandCalls(DescribeDBEngineVersionsCommand)).toHaveLength(0);
  });
});

// The bundled action, run as the runner runs it, against a local GitHub stand-in: what it prints
// (workflow commands), the job summary, the outputs, the exit code and the PR's comments.
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMarker } from '../../src/action/comment.js';
import { FakeGitHub } from './fake-github.js';
import { ROOT, runAction, runCli, type ActionRun, type RunOptions } from './run-bundle.js';

const TOKEN = `ghs_${randomBytes(18).toString('hex')}`;
const BOT = 'github-actions[bot]';
const PR = 42;

const pullRequestPayload = JSON.parse(await readFile(new URL('./fixtures/pull_request.synchronize.json', import.meta.url), 'utf8')) as Record<string, unknown>;

/** One instance on the expired CA: ca-allowed (error) and ca-expiring (warning) at line 9, column 32. */
const VIOLATING = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  OrdersDb:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      EngineVersion: '16.4'
      DBInstanceClass: db.t4g.micro
      CACertificateIdentifier: rds-ca-2019
      EnableIAMDatabaseAuthentication: true
      DBParameterGroupName: !Ref OrdersParams
  OrdersParams:
    Type: AWS::RDS::DBParameterGroup
    Properties:
      Family: postgres16
      Description: TLS only
      Parameters:
        rds.force_ssl: '1'
`;
/** The same, plus a second instance without IAM auth: iam-auth (error) at line 26. */
const TWO_VIOLATIONS = `${VIOLATING}  BillingDb:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      EngineVersion: '16.4'
      DBInstanceClass: db.t4g.micro
      CACertificateIdentifier: rds-ca-rsa2048-g1
      EnableIAMDatabaseAuthentication: false
      DBParameterGroupName: !Ref OrdersParams
`;
/** Both fixed. */
const FIXED = TWO_VIOLATIONS.replace('rds-ca-2019', 'rds-ca-rsa2048-g1').replace('EnableIAMDatabaseAuthentication: false', 'EnableIAMDatabaseAuthentication: true');

let temp: string;
let workspace: string;

async function template(text: string): Promise<void> {
  await writeFile(path.join(workspace, 'templates', 'db.yaml'), text);
}

/** A run in the test workspace; `extra` sets the API URL, the environment, or another workspace. */
function eventRun(event: string, payload: unknown, inputs: Record<string, string>, extra: Partial<RunOptions> = {}): Promise<ActionRun> {
  return runAction({ workspace, runnerDir: temp, event, payload, inputs, ...extra });
}

function prRun(github: FakeGitHub, inputs: Record<string, string> = {}): Promise<ActionRun> {
  const defaults = { cloudformation: 'templates/*.yaml', 'aws-facts': 'false', 'github-token': TOKEN };
  return eventRun('pull_request', pullRequestPayload, { ...defaults, ...inputs }, { apiUrl: github.url });
}

const annotations = (run: ActionRun) => run.commands.filter((c) => ['error', 'warning', 'notice'].includes(c.command));

/** The token appears in no output but the runner's own add-mask command. */
function expectNoToken(run: ActionRun): void {
  const masked = run.stdout.split('\n').filter((line) => line.includes(TOKEN));
  expect(masked).toEqual([`::add-mask::${TOKEN}`]);
  for (const text of [run.stderr, run.summary, JSON.stringify(run.outputs)]) expect(text).not.toContain(TOKEN);
}

beforeAll(async () => {
  temp = await mkdtemp(path.join(tmpdir(), 'rds-tls-guard-action-'));
  workspace = path.join(temp, 'workspace');
  await mkdir(path.join(workspace, 'templates'), { recursive: true });
  await mkdir(path.join(workspace, '.github'), { recursive: true });
  await writeFile(path.join(workspace, '.github', 'rds-tls-policy.yml'), 'version: 1\n');
});
afterAll(async () => {
  await rm(temp, { recursive: true, force: true });
});

describe('on a pull request, across runs', () => {
  let github: FakeGitHub;
  let lookAlike: number;
  const runs: ActionRun[] = [];

  beforeAll(async () => {
    github = await new FakeGitHub({ owner: 'acme', repo: 'infra', token: TOKEN, login: BOT }).start();
    for (let i = 0; i < 120; i++) github.addComment(PR, `review note ${i}`, i % 2 ? 'dev-jane' : 'dev-joe');
    // Our marker, pasted by someone else: never ours to update.
    lookAlike = github.addComment(
      PR,
      '<!-- rds-tls-guard {"v":1,"workflow":".github/workflows/rds.yml","policy":".github/rds-tls-policy.yml","key":null,"run":1} -->\nall fine!',
      'mallory',
    ).id;
    github.addComment(PR, 'Coverage: 81%', BOT, 'Bot');
  });
  afterAll(async () => {
    for (const run of runs) expectNoToken(run);
    await github.stop();
  });

  it('run 1 annotates the lines, fails the step, writes summary and outputs, and creates one comment', async () => {
    await template(VIOLATING);
    const run = await prRun(github);
    runs.push(run);
    expect(run.code).toBe(1);
    expect(annotations(run)).toEqual([
      {
        command: 'error',
        properties: { title: 'ca-allowed: OrdersDb', file: 'templates/db.yaml', line: '9', col: '32' },
        message: expect.stringMatching(/^uses CA rds-ca-2019, which is not allowed/),
      },
      {
        command: 'warning',
        properties: { title: 'ca-expiring: OrdersDb', file: 'templates/db.yaml', line: '9', col: '32' },
        message: expect.stringMatching(/^CA rds-ca-2019 expired on 2024-08-22/),
      },
      { command: 'error', properties: {}, message: 'rds-tls-guard: 1 error at or above fail-on "error". See the job summary for details.' },
    ]);
    expect(run.outputs).toMatchObject({ findings: '2', errors: '1', warnings: '1', notices: '0', 'restart-required': '0', incomplete: 'false', 'exit-code': '1' });
    const report = JSON.parse(await readFile(run.outputs.report!, 'utf8')) as { findings: { rule: string }[] };
    expect(report.findings.map((f) => f.rule)).toEqual(['ca-allowed', 'ca-expiring']);
    const sarif = JSON.parse(await readFile(run.outputs.sarif!, 'utf8')) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(sarif.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri)).toEqual(['templates/db.yaml', 'templates/db.yaml']);
    expect(run.summary).toMatch(/^## ❌ rds-tls-guard: 1 error, 1 warning · unknown facts in 1 resource\n/);
    expect(run.summary).toContain('| ❌ error | [ca-allowed] | `OrdersDb` |');

    const ours = github.commentsOn(PR).filter((c) => c.login === BOT && readMarker(c.body));
    expect(ours).toHaveLength(1);
    expect(readMarker(ours[0]!.body)).toEqual({ workflow: '.github/workflows/rds.yml', policy: '.github/rds-tls-policy.yml', key: null, run: expect.any(Number) });
    expect(ours[0]!.body).toContain('#### Violations (2)');
    expect(github.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/comments'))).toHaveLength(1);
    // Every page was read before deciding to create: 123 comments, two pages of 100.
    expect(github.requests.filter((r) => r.method === 'GET').map((r) => r.query.page ?? '1')).toEqual(['1', '2']);
  });

  it('run 2 updates that comment in place, never adds one', async () => {
    await template(TWO_VIOLATIONS);
    const before = github.comments.length;
    const run = await prRun(github);
    runs.push(run);
    expect(run.code).toBe(1);
    expect(annotations(run).map((a) => [a.command, a.properties.title, a.properties.line])).toEqual([
      ['error', 'ca-allowed: OrdersDb', '9'],
      ['error', 'iam-auth: BillingDb', '26'],
      ['warning', 'ca-expiring: OrdersDb', '9'],
      ['error', undefined, undefined],
    ]);
    expect(github.comments).toHaveLength(before);
    const patches = github.requests.filter((r) => r.method === 'PATCH');
    expect(patches).toHaveLength(1);
    const ours = github.commentsOn(PR).filter((c) => c.login === BOT && readMarker(c.body));
    expect(ours).toHaveLength(1);
    expect(patches[0]!.path).toBe(`/repos/acme/infra/issues/comments/${ours[0]!.id}`);
    expect(ours[0]!.body).toContain('`BillingDb`');
  });

  it('run 3 with the same result writes nothing', async () => {
    const writes = github.writes().length;
    const run = await prRun(github);
    runs.push(run);
    expect(run.code).toBe(1);
    expect(github.writes()).toHaveLength(writes);
    expect(run.commands.some((c) => c.command === 'warning' && c.message.includes('comment'))).toBe(false);
    expect(run.stdout).toMatch(/The comment is up to date on pull request #42 \(comment \d+\)\./);
  });

  it('run 4 with the violations fixed passes and turns the comment into an all-clear', async () => {
    await template(FIXED);
    const run = await prRun(github);
    runs.push(run);
    expect(run.code).toBe(0);
    expect(annotations(run)).toEqual([]);
    expect(run.outputs).toMatchObject({ findings: '0', errors: '0', 'exit-code': '0' });
    const ours = github.commentsOn(PR).filter((c) => c.login === BOT && readMarker(c.body));
    expect(ours).toHaveLength(1);
    expect(ours[0]!.body).toContain('### ✅ rds-tls-guard: all clear');
    expect(ours[0]!.body).not.toContain('Violations');
    // Other people's comments, the look-alike included, are as they were.
    expect(github.comments.find((c) => c.id === lookAlike)!.body).toContain('all fine!');
    expect(github.commentsOn(PR)).toHaveLength(123);
  });
});

describe('when a comment cannot or must not be written', () => {
  it('writes none on a schedule, and says why', async () => {
    await template(VIOLATING);
    const github = await new FakeGitHub({ owner: 'acme', repo: 'infra', token: TOKEN, login: BOT }).start();
    try {
      const inputs = { cloudformation: 'templates/db.yaml', 'aws-facts': 'false', 'github-token': TOKEN, comment: 'always' };
      const run = await eventRun('schedule', { schedule: '17 3 * * *' }, inputs, { apiUrl: github.url });
      expect(run.code).toBe(1);
      expect(github.requests).toEqual([]);
      expect(run.stdout).toContain('No PR comment: the "schedule" event is not a pull request');
      expectNoToken(run);
    } finally {
      await github.stop();
    }
  });

  it('turns a 403 into a warning with the fix, and the verdict is the same as without a comment', async () => {
    await template(VIOLATING);
    const github = await new FakeGitHub({ owner: 'acme', repo: 'infra', token: TOKEN, login: BOT }).start();
    github.failures.push({ method: 'POST', path: /\/issues\/42\/comments$/, status: 403, message: 'Resource not accessible by integration' });
    try {
      const refused = await prRun(github);
      const silent = await prRun(github, { comment: 'never' });
      expect(refused.code).toBe(1);
      expect(refused.code).toBe(silent.code);
      expect(refused.outputs['exit-code']).toBe(silent.outputs['exit-code']);
      const warning = refused.commands.find((c) => c.command === 'warning' && c.message.includes('403'));
      expect(warning?.message).toContain('GitHub refused to write the comment on pull request #42 in acme/infra (403: Resource not accessible by integration');
      expect(warning?.message).toContain('permissions: pull-requests: write');
      expect(warning?.message).toContain('The verdict is not affected.');
      expect(github.comments).toEqual([]);
      expectNoToken(refused);

      // A passing run stays green when the comment fails.
      await template(FIXED);
      const passing = await prRun(github, { comment: 'always' });
      expect(passing.code).toBe(0);
      expect(passing.commands.some((c) => c.command === 'warning' && c.message.includes('403'))).toBe(true);
    } finally {
      await github.stop();
    }
  });

  it('warns on a fork pull request without calling GitHub', async () => {
    await template(VIOLATING);
    const github = await new FakeGitHub({ owner: 'acme', repo: 'infra', token: TOKEN, login: BOT }).start();
    const fork = structuredClone(pullRequestPayload) as { pull_request: { head: { repo: { full_name: string } } } };
    fork.pull_request.head.repo.full_name = 'outsider/infra';
    try {
      const inputs = { cloudformation: 'templates/db.yaml', 'aws-facts': 'false', 'github-token': TOKEN };
      const run = await eventRun('pull_request', fork, inputs, { apiUrl: github.url });
      expect(run.code).toBe(1);
      expect(github.requests).toEqual([]);
      const warning = run.commands.find((c) => c.command === 'warning' && c.message.startsWith('No PR comment'));
      expect(warning?.message).toContain('it comes from a fork');
      expect(warning?.message).toContain('workflow_run');
    } finally {
      await github.stop();
    }
  });
});

describe('publishing problems never change the verdict', () => {
  it('a report directory that cannot be written is a warning', async () => {
    await template(FIXED);
    const blocker = path.join(temp, 'not-a-directory');
    await writeFile(blocker, '');
    const inputs = { cloudformation: 'templates/db.yaml', 'aws-facts': 'false', comment: 'never' };
    const run = await eventRun('push', {}, inputs, { env: { RUNNER_TEMP: blocker } });
    expect(run.code).toBe(0);
    expect(run.commands.find((c) => c.command === 'warning')?.message).toMatch(/^Could not write the report files in .*not-a-directory.*the verdict is not affected\.$/);
    expect(run.outputs).toMatchObject({ findings: '0', 'exit-code': '0' });
    expect(run.outputs.report).toBeUndefined();
  });
});

describe('input errors', () => {
  it('fail the step with a message that names the input, and still set exit-code and the summary', async () => {
    const run = await eventRun('push', {}, { cloudformation: 'templates/db.yaml', 'fail-on': 'high', comment: 'never' });
    expect(run.code).toBe(1);
    expect(annotations(run)).toEqual([{ command: 'error', properties: {}, message: 'input "fail-on" must be one of error, warning, notice, never; got "high"' }]);
    expect(run.outputs).toEqual({ 'exit-code': '2' });
    expect(run.summary).toContain('## ❌ rds-tls-guard could not run');
  });

  it('point at the line of a bad policy file', async () => {
    await writeFile(path.join(workspace, 'bad-policy.yml'), 'version: 1\nssl:\n  requried: true\n');
    const run = await eventRun('push', {}, { policy: 'bad-policy.yml', cloudformation: 'templates/db.yaml', comment: 'never' });
    expect(run.code).toBe(1);
    const [error] = annotations(run);
    expect(error?.properties).toEqual({ title: 'rds-tls-guard: input error', file: 'bad-policy.yml', line: '3', col: '3' });
    expect(error?.message).toMatch(/^bad-policy\.yml:3:3: /);
    expect(run.outputs['exit-code']).toBe('2');
  });

  it('name inputs, not CLI flags, in messages from the shared code', async () => {
    const run = await eventRun('push', {}, { comment: 'never' });
    expect(run.code).toBe(1);
    expect(annotations(run)[0]?.message).toBe('nothing to check: give "terraform-plan", "cloudformation", "changeset", "snapshot" or "live"');
  });
});

// The bundled examples (examples/): the action decides exactly as the CLI does for the same inputs.
const EXAMPLES: { name: string; inputs: Record<string, string>; args: string[] }[] = [
  {
    name: 'CloudFormation template',
    inputs: { policy: 'examples/policy.yml', cloudformation: 'examples/cloudformation/template.yaml' },
    args: ['--policy', 'examples/policy.yml', '--cloudformation', 'examples/cloudformation/template.yaml'],
  },
  {
    name: 'change set through the deploy gate',
    inputs: { policy: 'examples/policy-deploy-gate.yml', cloudformation: 'examples/cloudformation/template.yaml', changeset: 'examples/cloudformation/changeset.json' },
    args: ['--policy', 'examples/policy-deploy-gate.yml', '--cloudformation', 'examples/cloudformation/template.yaml', '--changeset', 'examples/cloudformation/changeset.json'],
  },
  {
    name: 'Terraform plan',
    inputs: { policy: 'examples/policy.yml', 'terraform-plan': 'examples/terraform/*.json' },
    args: ['--policy', 'examples/policy.yml', '--terraform-plan', 'examples/terraform/*.json'],
  },
  {
    name: 'Terraform plan through the deploy gate',
    inputs: { policy: 'examples/policy-deploy-gate.yml', 'terraform-plan': 'examples/terraform/plan.json' },
    args: ['--policy', 'examples/policy-deploy-gate.yml', '--terraform-plan', 'examples/terraform/plan.json'],
  },
  {
    name: 'CloudFormation template with fail-on never',
    inputs: { policy: 'examples/policy.yml', cloudformation: 'examples/cloudformation/template.yaml', 'fail-on': 'never' },
    args: ['--policy', 'examples/policy.yml', '--cloudformation', 'examples/cloudformation/template.yaml', '--fail-on', 'never'],
  },
];
describe.each(EXAMPLES)('the example $name', ({ inputs, args }) => {
  it('passes or fails exactly as the CLI exits, with the same report', async () => {
    const [action, cli] = await Promise.all([
      eventRun('push', {}, { ...inputs, 'aws-facts': 'false', comment: 'never' }, { workspace: ROOT }),
      runCli(['check', ...args, '--no-aws', '--format', 'json'], ROOT),
    ]);
    expect(cli.code).not.toBeNull();
    expect(action.code).toBe(cli.code === 0 ? 0 : 1);
    expect(action.outputs['exit-code']).toBe(String(cli.code));
    const expected = JSON.parse(cli.stdout) as { summary: Record<string, number | boolean> };
    expect(JSON.parse(await readFile(action.outputs.report!, 'utf8'))).toEqual(expected);
    expect(action.outputs).toMatchObject({
      findings: String(expected.summary.findings),
      errors: String(expected.summary.error),
      warnings: String(expected.summary.warning),
      'restart-required': String(expected.summary.restartRequired),
    });
    // Every finding is annotated (the examples stay under the per-step limit), on its file and line.
    const findingAnnotations = annotations(action).filter((a) => a.properties.title && a.properties.title !== 'rds-tls-guard: source not read');
    expect(findingAnnotations).toHaveLength(Number(expected.summary.findings));
    for (const annotation of findingAnnotations) expect(annotation.properties.file).toMatch(/^examples\//);
  });
});

// The committed CLI bundle run as a user runs it: `node dist/cli.js …` from a checkout.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Build elsewhere while developing: RDS_TLS_GUARD_DIST=/tmp/x node scripts/build.mjs. */
const CLI = path.join(path.resolve(ROOT, process.env.RDS_TLS_GUARD_DIST || 'dist'), 'cli.js');
const work = mkdtempSync(path.join(tmpdir(), 'rds-tls-guard-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function cli(args: string[], cwd = ROOT) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const EXAMPLES = [
  '--policy', 'examples/policy.yml',
  '--terraform-plan', 'examples/terraform/plan.json',
  '--cloudformation', 'examples/cloudformation/template.yaml',
  '--changeset', 'examples/cloudformation/changeset.json',
];

describe('check on the bundled examples', () => {
  it('fails on the findings and writes every format it is asked for', () => {
    const json = path.join(work, 'report.json');
    const sarif = path.join(work, 'out', 'report.sarif');
    const csv = path.join(work, 'inventory.csv');
    const run = cli(['check', ...EXAMPLES, '--format', 'json', '--output', json, '--output', sarif, '--output', csv]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^rds-tls-guard: \d+ errors?, \d+ warnings?, \d+ notices? in \d+ resources/);

    const report = JSON.parse(readFileSync(json, 'utf8'));
    const rules = new Set(report.findings.map((f: { rule: string }) => f.rule));
    for (const rule of ['ca-allowed', 'ca-expiring', 'ssl-enforced', 'iam-auth', 'unknown']) expect(rules).toContain(rule);
    expect(report.summary.error).toBe(report.findings.filter((f: { severity: string }) => f.severity === 'error').length);
    // A change-set finding points at its line in the template; a Terraform one at the .tf file the plan came from.
    const legacyCa = report.findings.find((f: { resource: string; rule: string }) => f.resource === 'LegacyDb' && f.rule === 'ca-allowed');
    expect(legacyCa.source).toMatchObject({ type: 'changeset', file: 'examples/cloudformation/template.yaml', line: 63 });
    const tf = report.findings.find((f: { source: { type: string } }) => f.source.type === 'terraform');
    expect(tf.source.file).toMatch(/^examples\/terraform\/\w+\.tf$/);
    expect(report.suppressed.length).toBeGreaterThan(0);

    expect(JSON.parse(readFileSync(sarif, 'utf8')).runs[0].results).toHaveLength(report.findings.length + report.suppressed.length);
    const rows = readFileSync(csv, 'utf8').trim().split('\r\n');
    expect(rows).toHaveLength(report.resources.length + 1);
  });

  it('exits 0 with --fail-on never and prints text without colour when not on a terminal', () => {
    const run = cli(['check', ...EXAMPLES, '--fail-on', 'never']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('LegacyDb');
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('the deploy-gate policy turns a planned restart into a no-restart error', () => {
    const run = cli(['check', '--policy', 'examples/policy-deploy-gate.yml', '--terraform-plan', 'examples/terraform/plan.json', '--format', 'json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.findings.filter((f: { rule: string }) => f.rule === 'no-restart').map((f: { resource: string }) => f.resource)).toEqual(['aws_db_instance.billing']);
  });
});

describe('a reader that closes the pipe early (`| head`)', () => {
  it('ends the output quietly and keeps the verdict', async () => {
    // Enough databases that the report outgrows the pipe's buffer.
    const template = path.join(work, 'many.yaml');
    const databases = Array.from({ length: 3000 }, (_, i) => `  Db${i}:\n    Type: AWS::RDS::DBInstance\n    Properties: { Engine: postgres, EngineVersion: '16.4' }`);
    writeFileSync(template, `Resources:\n${databases.join('\n')}\n`);
    const child = spawn(process.execPath, [CLI, 'check', '--no-aws', '--cloudformation', template, '--fail-on', 'never'], {
      env: { PATH: process.env.PATH, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.stdout.once('data', () => child.stdout.destroy()); // read one chunk, then hang up
    const code = await new Promise((done) => child.on('close', done));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('bad input is one clear line and exit 2, never a stack trace', () => {
  const bad = path.join(work, 'bad.json');
  writeFileSync(bad, '{"format_version": "1.2",\n  "resource_changes": [\n');
  const policy = path.join(work, 'policy.yml');
  writeFileSync(policy, 'version: 1\nssl:\n  required: yes-please\n');

  it.each([
    [['check', '--terraform-plan', bad], /^rds-tls-guard: .*bad\.json:3:1: Terraform plan is not valid JSON/],
    [['check', '--terraform-plan', 'missing.json'], /^rds-tls-guard: missing\.json: cannot read Terraform plan/],
    [['check', '--terraform-plan', 'none/*.json'], /^rds-tls-guard: --terraform-plan: no files match "none\/\*\.json"/],
    [['check', '--policy', policy, '--terraform-plan', 'examples/terraform/plan.json'], /^rds-tls-guard: .*policy\.yml:3:13: ssl\.required must be/],
    [['check', '--terraform-plan', 'examples/terraform/plan.json', '--fail-on', 'high'], /--fail-on must be one of error, warning, notice, never/],
    [['check', '--bogus'], /Unknown option '--bogus'/],
    [['check'], /nothing to check/],
  ])('%j', (args, message) => {
    const run = cli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('init, schema, help and version', () => {
  it('init writes a starter policy that check then uses, and refuses to overwrite it', () => {
    const dir = mkdtempSync(path.join(work, 'init-'));
    expect(cli(['init'], dir).code).toBe(0);
    const starter = readFileSync(path.join(dir, '.github/rds-tls-policy.yml'), 'utf8');
    expect(starter).toMatch(/^# yaml-language-server: \$schema=/);
    const run = cli(['check', '--terraform-plan', path.join(ROOT, 'examples/terraform/plan.json'), '--format', 'json', '--fail-on', 'never'], dir);
    expect(JSON.parse(run.stdout).policy.file).toBe('.github/rds-tls-policy.yml');
    const again = cli(['init'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists \(use --force to overwrite\)/);
  });

  it('schema prints the policy JSON Schema', () => {
    const schema = JSON.parse(cli(['schema']).stdout);
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(Object.keys(schema.properties)).toEqual(['version', 'ca', 'ssl', 'iam-auth', 'restart', 'severity', 'scope', 'overrides', 'exemptions']);
  });

  it('--version and --help answer; no command is a usage error', () => {
    expect(cli(['--version']).stdout.trim()).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
    expect(cli(['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('Exit codes:') });
    expect(cli([]).code).toBe(2);
  });
});

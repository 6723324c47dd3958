// Runs the bundled action (dist/index.js) the way the runner does: a node process in the
// workspace, inputs as INPUT_<NAME> (hyphens kept), the event payload in a file, and the
// runner's files for outputs and the job summary. Parses what the runner would read back.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Build elsewhere while developing: RDS_TLS_GUARD_DIST=/tmp/x node scripts/build.mjs. */
export const DIST = path.resolve(ROOT, process.env.RDS_TLS_GUARD_DIST || 'dist');

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
  /** Workflow commands the runner would execute (not those inside a stop-commands block). */
  commands: WorkflowCommand[];
}

export interface RunOptions {
  /** The workspace (GITHUB_WORKSPACE and the working directory). */
  workspace: string;
  /** Where the runner's files go (RUNNER_TEMP, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, the event). */
  runnerDir: string;
  inputs: Record<string, string>;
  event: string;
  payload: unknown;
  apiUrl?: string;
  runId?: number;
  env?: Record<string, string>;
}

const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (s: string) => unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ','));

/** The runner's reading of stdout: `::name k=v,k=v::message`, paused between stop-commands and its token. */
export function parseCommands(stdout: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = [];
  let stopToken: string | null = null;
  for (const line of stdout.split(/\r?\n/)) {
    if (stopToken !== null) {
      if (line === `::${stopToken}::`) stopToken = null;
      continue;
    }
    const match = /^::([A-Za-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!match) continue;
    const [, command, props, message] = match as unknown as [string, string, string | undefined, string];
    if (command === 'stop-commands') {
      stopToken = message;
      continue;
    }
    const properties: Record<string, string> = {};
    for (const pair of props ? props.split(',') : []) {
      const at = pair.indexOf('=');
      properties[pair.slice(0, at)] = unescapeProperty(pair.slice(at + 1));
    }
    commands.push({ command, properties, message: unescapeData(message) });
  }
  return commands;
}

/** GITHUB_OUTPUT's heredoc format: `name<<DELIMITER`, the value, `DELIMITER`. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!match) continue;
    const [, name, delimiter] = match as unknown as [string, string, string];
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!);
    outputs[name] = value.join('\n');
  }
  return outputs;
}

let runs = 0;

export async function runAction(options: RunOptions): Promise<ActionRun> {
  const entry = path.join(DIST, 'index.js');
  if (!existsSync(entry)) throw new Error(`no bundle at ${entry}: build it first (node scripts/build.mjs, or RDS_TLS_GUARD_DIST=… node scripts/build.mjs)`);
  const dir = path.join(options.runnerDir, `run-${++runs}`);
  await mkdir(dir, { recursive: true });
  const files = { event: path.join(dir, 'event.json'), output: path.join(dir, 'output'), summary: path.join(dir, 'summary.md') };
  await writeFile(files.event, JSON.stringify(options.payload));
  await writeFile(files.output, '');
  await writeFile(files.summary, '');

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.event,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: 'acme/infra',
    GITHUB_REPOSITORY_OWNER: 'acme',
    GITHUB_WORKFLOW: 'RDS TLS',
    GITHUB_WORKFLOW_REF: 'acme/infra/.github/workflows/rds.yml@refs/pull/42/merge',
    GITHUB_RUN_ID: String(options.runId ?? 9_000_000_000 + runs),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTION: 'guard',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: options.apiUrl ?? 'http://127.0.0.1:9',
    GITHUB_GRAPHQL_URL: `${options.apiUrl ?? 'http://127.0.0.1:9'}/graphql`,
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: dir,
    ...Object.fromEntries(Object.entries(options.inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
    ...options.env,
  };
  const child = spawn(process.execPath, [entry], { cwd: options.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    code,
    stdout,
    stderr,
    summary: await readFile(files.summary, 'utf8'),
    outputs: parseOutputs(await readFile(files.output, 'utf8')),
    commands: parseCommands(stdout),
  };
}

/** Runs the bundled CLI beside the action, for the same inputs. */
export async function runCli(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [path.join(DIST, 'cli.js'), ...args], { cwd, env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr };
}

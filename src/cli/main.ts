// The CLI: a thin shell over check(). Flags are parsed here, once; everything else lives below.
import { mkdir } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { check, TOOL_VERSION } from '../check.js';
import { EXIT, exitCode, FAIL_ON, type FailOn } from '../exit.js';
import { InputError, errorMessage } from '../errors.js';
import { loadPolicy } from '../policy/load.js';
import { FORMATS, type Format } from '../report/formats.js';
import { renderJsonChunks } from '../report/json.js';
import type { Report } from '../report/types.js';
import { writeTextFile } from './write-file.js';

const USAGE = `rds-tls-guard ${TOOL_VERSION} — keep RDS and Aurora on approved TLS CAs, with TLS enforced and IAM auth on

Usage:
  rds-tls-guard check [sources] [--policy FILE] [--format F] [--output FILE] [--fail-on S]
  rds-tls-guard snapshot --region R… --output FILE
  rds-tls-guard init [--output FILE] [--force]
  rds-tls-guard schema

Sources (any combination; FILE may be a glob; several files may follow one flag):
  --terraform-plan FILE…      terraform show -json output (Terraform or OpenTofu)
  --terraform-dir DIR         .tf / .tf.json files for line numbers (default: each plan's directory)
  --cloudformation FILE…      CloudFormation templates (YAML or JSON, CDK output included)
  --changeset FILE[=TEMPLATE]…  aws cloudformation describe-change-set output, with its template
  --cfn-parameter KEY=VALUE   template parameter value (repeatable)
  --cfn-parameters-file FILE  [{ParameterKey, ParameterValue}] or ["Key=Value"] JSON
  --live                      the AWS account the standard credential chain reaches
  --region R…                 regions for --live and snapshot ("all" = every enabled region; default AWS_REGION)
  --snapshot FILE…            a file written by "rds-tls-guard snapshot"
  --engine-versions FILE…     aws rds describe-db-engine-versions output (restart prediction offline)

Options:
  --policy FILE         policy (default: .github/rds-tls-policy.yml if present, else the built-in policy)
  --format F            text | json | sarif | markdown | csv (repeatable; paired in order with --output)
  --output FILE         where the paired format goes (default: standard output)
  --fail-on S           error | warning | notice | never (default: error)
  --as-of DATE          evaluate expiry as of this day (YYYY-MM-DD; default: today)
  --no-aws              never ask AWS for engine-version facts when checking IaC sources
  --no-color            no colours in text output (also NO_COLOR)
  -h, --help            this help
  -v, --version         the version

Exit codes: 0 no finding at or above --fail-on; 1 findings; 2 usage or input error;
3 evaluation incomplete (part of a source could not be read); 4 internal error (a bug).`;

const OPTIONS = {
  policy: { type: 'string' },
  'terraform-plan': { type: 'string', multiple: true },
  'terraform-dir': { type: 'string' },
  cloudformation: { type: 'string', multiple: true },
  changeset: { type: 'string', multiple: true },
  'cfn-parameter': { type: 'string', multiple: true },
  'cfn-parameters-file': { type: 'string', multiple: true },
  live: { type: 'boolean' },
  region: { type: 'string', multiple: true },
  snapshot: { type: 'string', multiple: true },
  'engine-versions': { type: 'string', multiple: true },
  format: { type: 'string', multiple: true },
  output: { type: 'string', multiple: true },
  'fail-on': { type: 'string' },
  'as-of': { type: 'string' },
  'no-aws': { type: 'boolean' },
  'no-color': { type: 'boolean' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} satisfies ParseArgsConfig['options'];

type OptionName = keyof typeof OPTIONS;
type Values = { [K in OptionName]?: (typeof OPTIONS)[K] extends { multiple: true } ? string[] : (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };

/** Flags after which a shell-expanded glob leaves extra words: `--terraform-plan plans/*.json`. */
const FILE_LISTS: ReadonlySet<string> = new Set(['terraform-plan', 'cloudformation', 'changeset', 'snapshot', 'engine-versions', 'region']);

const COMMANDS: Record<string, readonly OptionName[]> = {
  check: [
    'policy', 'terraform-plan', 'terraform-dir', 'cloudformation', 'changeset', 'cfn-parameter', 'cfn-parameters-file', 'live',
    'region', 'snapshot', 'engine-versions', 'format', 'output', 'fail-on', 'as-of', 'no-aws', 'no-color',
  ],
  snapshot: ['region', 'output'],
  init: ['output', 'force'],
  schema: [],
};

export function parseCommandLine(argv: string[]): { command: string | null; values: Values } {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    throw new InputError(`${errorMessage(error).replace(/^TypeError \[\w+\]: /, '')} (see --help)`);
  }
  const values = parsed.values as Values & Record<string, unknown>;
  let command: string | null = null;
  let lastList: string | null = null;
  for (const token of parsed.tokens) {
    if (token.kind === 'option') {
      lastList = FILE_LISTS.has(token.name) && token.inlineValue !== true ? token.name : null;
    } else if (token.kind === 'positional') {
      if (command === null && lastList === null) command = token.value;
      else if (lastList !== null) (values[lastList] as string[]).push(token.value);
      else throw new InputError(`unexpected argument "${token.value}" (see --help)`);
    } else lastList = null;
  }
  if (command !== null && !(command in COMMANDS)) throw new InputError(`unknown command "${command}" (commands: ${Object.keys(COMMANDS).join(', ')})`);
  if (command !== null) {
    const allowed = new Set<string>([...COMMANDS[command]!, 'help', 'version']);
    for (const name of Object.keys(values)) {
      if (!allowed.has(name)) throw new InputError(`--${name} does not apply to "${command}" (see --help)`);
    }
  }
  return { command, values };
}

const EXTENSIONS: Record<string, Format> = {
  '.json': 'json', '.sarif': 'sarif', '.sarif.json': 'sarif', '.md': 'markdown', '.markdown': 'markdown', '.csv': 'csv', '.txt': 'text',
};

export interface OutputTarget {
  format: Format;
  file: string | null;
}

/** `--format` and `--output` pair in order; an output alone takes its format from its extension. */
export function outputTargets(formats: string[], outputs: string[]): OutputTarget[] {
  for (const format of formats) {
    if (!(FORMATS as readonly string[]).includes(format)) throw new InputError(`--format must be one of ${FORMATS.join(', ')}, got "${format}"`);
  }
  const targets: OutputTarget[] = formats.map((format, i) => ({ format: format as Format, file: outputs[i] ?? null }));
  for (const file of outputs.slice(formats.length)) {
    const lower = file.toLowerCase();
    const format = lower.endsWith('.sarif.json') ? EXTENSIONS['.sarif.json'] : EXTENSIONS[extname(lower)];
    if (!format) throw new InputError(`--output ${file}: add a --format for it (its extension does not name one)`);
    targets.push({ format, file });
  }
  // Two reports run together on standard output would make neither readable.
  const onStdout = targets.filter((target) => target.file === null);
  if (onStdout.length > 1) {
    throw new InputError(`--format ${onStdout.map((t) => t.format).join(' and ')}: only one report can go to standard output; give the others an --output FILE`);
  }
  return targets.length > 0 ? targets : [{ format: 'text', file: null }];
}

function parseFailOn(value: string | undefined): FailOn {
  const failOn = (value ?? 'error') as FailOn;
  if (!FAIL_ON.includes(failOn)) throw new InputError(`--fail-on must be one of ${FAIL_ON.join(', ')}, got "${value}"`);
  return failOn;
}

function parseAsOf(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new InputError(`--as-of must be a date like 2026-12-31, got "${value}"`);
  }
  return date;
}

async function writeOutput(file: string, text: string | Iterable<string>): Promise<void> {
  try {
    await mkdir(dirname(resolve(file)), { recursive: true });
    writeTextFile(file, text);
  } catch (error) {
    throw new InputError(`cannot write ${file}: ${errorMessage(error)}`);
  }
}

function oneLineSummary(report: Report): string {
  const s = report.summary;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(s.error, 'error')}, ${plural(s.warning, 'warning')}, ${plural(s.notice, 'notice')} in ${plural(s.resources, 'resource')}; ${s.restartRequired} would restart${s.incomplete ? '; incomplete' : ''}`;
}

async function runCheck(values: Values, io: CliIO): Promise<number> {
  const targets = outputTargets(values.format ?? [], values.output ?? []);
  const failOn = parseFailOn(values['fail-on']);
  const asOf = parseAsOf(values['as-of']);
  const policy = await loadPolicy(values.policy ?? null, { cwd: io.cwd });
  const report = await check({
    policy,
    cwd: io.cwd,
    env: io.env,
    terraformPlans: values['terraform-plan'],
    terraformConfigDir: values['terraform-dir'] ?? null,
    cloudformation: values.cloudformation,
    changesets: values.changeset,
    cfnParameters: values['cfn-parameter'],
    cfnParameterFiles: values['cfn-parameters-file'],
    live: values.live ?? false,
    regions: values.region,
    snapshots: values.snapshot,
    engineVersions: values['engine-versions'],
    awsFacts: !values['no-aws'],
    asOf,
  });
  const color = io.stdoutIsTTY && !values['no-color'] && !io.env.NO_COLOR;
  for (const target of targets) {
    const chunks = await reportChunks(report, target.format, target.file === null && color);
    if (target.file !== null) await writeOutput(target.file, chunks);
    else {
      let last = '';
      for (const chunk of chunks) if (chunk !== '') io.stdout((last = chunk));
      if (!last.endsWith('\n')) io.stdout('\n');
    }
  }
  const files = targets.filter((t) => t.file !== null).map((t) => t.file);
  if (files.length > 0) io.stderr(`rds-tls-guard: ${oneLineSummary(report)}; wrote ${files.join(', ')}\n`);
  for (const error of report.errors) io.stderr(`rds-tls-guard: incomplete: ${error.source}: ${error.message}\n`);
  return exitCode(report, failOn);
}

/**
 * The report in pieces, for one target. The other renderers (and node:crypto, for SARIF) load
 * only when a run asks for them: a run that writes JSON starts a few milliseconds sooner.
 */
async function reportChunks(report: Report, format: Format, color: boolean): Promise<Iterable<string>> {
  if (format === 'json') return renderJsonChunks(report);
  const { renderReportChunks } = await import('../report/index.js');
  return renderReportChunks(report, format, { color });
}

async function runSnapshot(values: Values, io: CliIO): Promise<number> {
  const output = values.output ?? [];
  if (output.length !== 1) throw new InputError('snapshot needs exactly one --output FILE');
  const regions = values.region ?? [];
  const fallback = io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION;
  if (regions.length === 0 && !fallback) throw new InputError('snapshot needs --region (or AWS_REGION)');
  // The snapshot module brings the AWS SDK: loaded for this command only.
  const { captureSnapshot, writeSnapshot } = await import('../sources/snapshot/index.js');
  const snapshot = await captureSnapshot({ regions: regions.length > 0 ? regions : [fallback!] });
  await writeSnapshot(output[0]!, snapshot);
  const errors = snapshot.errors ?? [];
  for (const error of errors) io.stderr(`rds-tls-guard: incomplete: ${error.source}: ${error.message}\n`);
  io.stderr(`rds-tls-guard: wrote ${output[0]}\n`);
  return errors.length > 0 ? EXIT.incomplete : EXIT.ok;
}

async function runInit(values: Values, io: CliIO): Promise<number> {
  const file = values.output?.[0] ?? '.github/rds-tls-policy.yml';
  const { existsSync } = await import('node:fs');
  if (existsSync(resolve(io.cwd, file)) && !values.force) throw new InputError(`${file} already exists (use --force to overwrite)`);
  const { starterPolicy } = await import('../policy/starter.js');
  await writeOutput(resolve(io.cwd, file), starterPolicy());
  io.stderr(`rds-tls-guard: wrote ${file}\n`);
  return EXIT.ok;
}

export interface CliIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdoutIsTTY: boolean;
}

/** Runs one command line; returns the exit code. Never throws. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  try {
    const { command, values } = parseCommandLine(argv);
    if (values.version) {
      io.stdout(`${TOOL_VERSION}\n`);
      return EXIT.ok;
    }
    if (values.help || command === null) {
      (command === null && !values.help ? io.stderr : io.stdout)(`${USAGE}\n`);
      return command === null && !values.help ? EXIT.usage : EXIT.ok;
    }
    switch (command) {
      case 'check':
        return await runCheck(values, io);
      case 'snapshot':
        return await runSnapshot(values, io);
      case 'init':
        return await runInit(values, io);
      default: {
        const { policySchema } = await import('../policy/schema.js');
        io.stdout(`${JSON.stringify(policySchema, null, 2)}\n`);
        return EXIT.ok;
      }
    }
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(`rds-tls-guard: ${error.describe()}\n`);
      return EXIT.usage;
    }
    io.stderr(`rds-tls-guard: internal error: ${errorMessage(error)}\n  This is a bug; please report it with the command line you ran.\n`);
    if (io.env.RDS_TLS_GUARD_DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return EXIT.internal;
  }
}

export function processIO(): CliIO {
  // A reader that stops early (`… | head`) closes the pipe: the rest of the report has nowhere to
  // go, which is no error and does not change the verdict (the exit code).
  let stdoutClosed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    stdoutClosed = true;
  });
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => {
      if (!stdoutClosed) process.stdout.write(text);
    },
    stderr: (text) => process.stderr.write(text),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
  };
}

// `npm run bench`: how the CLI fares on a large plan (20,000 DB instances, about 50 MB), against a
// bare `JSON.parse` of the same file in a fresh node process. Targets: the CLI's wall time at most
// 1.5 × the bare parse, and its peak RSS under 4 × the file size. Also times the Terraform source
// alone (bundled from src/ into the temp dir), to tell the source's cost from the rest of the CLI.
// Each process runs 7 times, the three in turn (so a slow spell of the machine falls on all of them
// alike); the median wall time and the highest peak RSS are reported.
// Uses: RDS_TLS_GUARD_DIST (the CLI bundle's directory, default dist/), BENCH_INSTANCES.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { generatePlan } from './gen-plan.mjs';

const RUNS = 7;
const instances = Number(process.env.BENCH_INSTANCES ?? 20_000);
const dist = resolve(process.env.RDS_TLS_GUARD_DIST || 'dist');
const work = mkdtempSync(join(tmpdir(), 'rds-tls-guard-bench-'));

// Peak RSS from inside each measured process (getrusage, KB), so the same number on Linux and macOS.
const rssProbe = join(work, 'rss-probe.cjs');
writeFileSync(
  rssProbe,
  "process.on('exit', () => require('fs').writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));\n",
);

/** One timed run of a node process; returns its wall time and peak RSS. */
function runOnce(label, args, i) {
  const rssFile = join(work, `rss-${i}`);
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--require', rssProbe, ...args], {
    env: { ...process.env, BENCH_RSS_FILE: rssFile },
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`${label} failed (exit ${result.status}): ${(result.stderr || '').trim().slice(0, 500)}`);
  }
  return { wallMs, peakKb: Number(readFileSync(rssFile, 'utf8')), stdout: result.stdout };
}

/**
 * Runs each `[label, args]` RUNS times, taking turns, each round starting one further along (so no
 * command always runs first); the median wall time and highest peak RSS of each.
 */
function runInTurns(commands) {
  const samples = commands.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    for (let k = 0; k < commands.length; k++) {
      const c = (i + k) % commands.length;
      samples[c].push(runOnce(commands[c][0], commands[c][1], i));
    }
  }
  return commands.map(([label], c) => {
    const walls = samples[c].map((s) => s.wallMs).sort((a, b) => a - b);
    const peakKb = Math.max(...samples[c].map((s) => s.peakKb));
    return { label, wallMs: walls[Math.floor(RUNS / 2)], peakBytes: peakKb * 1024, stdout: samples[c].at(-1).stdout };
  });
}

const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
const row = (m, base, size) =>
  `${m.label.padEnd(26)} ${`${m.wallMs.toFixed(0)} ms`.padStart(9)}  ${(m.wallMs / base.wallMs).toFixed(2).padStart(5)}× parse` +
  `  peak RSS ${mb(m.peakBytes).padStart(9)}  ${(m.peakBytes / size).toFixed(2).padStart(5)}× file`;

/** Bundles the Terraform source from src/ (transpile only: other work in the tree may not type-check yet). */
function bundleSource() {
  const out = join(work, 'source');
  const ncc = spawnSync(
    process.execPath,
    ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', 'src/sources/terraform/index.ts', '-o', out, '--quiet', '--transpile-only', '--target', 'es2022'],
    { encoding: 'utf8' },
  );
  if (ncc.status !== 0) throw new Error(`bundling the Terraform source failed: ${ncc.stderr}`);
  return join(out, 'index.js');
}

/** The CLI counts as ready when it writes a JSON report with every generated instance in it. */
function cliProblem(plan) {
  const cli = join(dist, 'cli.js');
  if (!existsSync(cli)) return `${cli} does not exist`;
  const report = join(work, 'report.json');
  const result = spawnSync(process.execPath, [cli, 'check', '--terraform-plan', plan, '--format', 'json', '--output', report], { encoding: 'utf8' });
  if (result.status !== 0 && result.status !== 1) return `exit ${result.status}: ${(result.stderr || result.stdout).trim().slice(0, 300)}`;
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    const count = json.summary?.resources;
    if (count !== instances) return `the report counts ${count} resources, expected ${instances}`;
  } catch (error) {
    return `no JSON report: ${error.message}`;
  }
  return null;
}

try {
  const plan = join(work, 'plan.json');
  process.stdout.write(`generating a plan with ${instances} DB instances … `);
  generatePlan(plan, { instances });
  const size = statSync(plan).size;
  console.log(`${mb(size)} (${plan})\n`);

  const source = bundleSource();
  const script = `import(${JSON.stringify(source)}).then(async (m) => { const r = await m.readTerraformPlans([${JSON.stringify(plan)}]); console.log(r.resources.length); })`;
  // Checked once before timing anything: a source that misreads the plan is not worth measuring.
  const read = Number(runOnce('readTerraformPlans', ['-e', script], 'check').stdout.trim());
  if (read !== instances) throw new Error(`readTerraformPlans returned ${read} resources, expected ${instances}`);
  const problem = cliProblem(plan);
  const commands = [
    ['bare JSON.parse', ['-e', `JSON.parse(require('fs').readFileSync(${JSON.stringify(plan)}, 'utf8'))`]],
    ['readTerraformPlans', ['-e', script]],
  ];
  if (!problem) {
    commands.push(['CLI check --format json', [join(dist, 'cli.js'), 'check', '--terraform-plan', plan, '--format', 'json', '--output', '/dev/null']]);
  }
  const [parse, sourceRun, cli] = runInTurns(commands);
  console.log(row(parse, parse, size));
  console.log(`${row(sourceRun, parse, size)}  (${read} resources)`);

  if (problem) {
    console.log(`\nCLI not measured: ${problem}`);
  } else {
    console.log(row(cli, parse, size));
    const timeOk = cli.wallMs <= 1.5 * parse.wallMs;
    const memoryOk = cli.peakBytes < 4 * size;
    console.log(`\nwall time ≤ 1.5 × bare parse: ${timeOk ? 'yes' : 'NO'}`);
    console.log(`peak RSS < 4 × file size:     ${memoryOk ? 'yes' : 'NO'}`);
    if (!timeOk || !memoryOk) process.exitCode = 1;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

#!/usr/bin/env node
// npm run bench:live — the live scan's speed and AWS cost, against moto_server on 127.0.0.1.
//
// Seeds moto with DB instances in two regions that share parameter groups (default: 2,000 instances,
// 20 groups per region, 4 engine versions), scans them with the live source (bundled from the
// sources with ncc), and prints the wall time of the scan and the AWS calls by operation next to
// the least a scan can make: pages of 100, one call per distinct parameter group / engine version
// per region, one listing of CAs and of pending maintenance per region.
//
//   node scripts/bench-live.mjs [--instances 2000] [--groups 20] [--regions us-east-1,eu-west-1]
//                               [--concurrency 8] [--max-attempts 2]
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  CreateDBInstanceCommand,
  CreateDBParameterGroupCommand,
  ModifyDBParameterGroupCommand,
  RDSClient,
} from '@aws-sdk/client-rds';
import pLimit from 'p-limit';

const { values: options } = parseArgs({
  options: {
    instances: { type: 'string', default: '2000' },
    groups: { type: 'string', default: '20' },
    regions: { type: 'string', default: 'us-east-1,eu-west-1' },
    concurrency: { type: 'string', default: '8' },
    // moto answers the APIs it lacks (DescribeDBEngineVersions, DescribeCertificates,
    // DescribePendingMaintenanceActions) with HTTP 500; every retry of those would only add back-off.
    'max-attempts': { type: 'string', default: '2' },
    'moto-server': { type: 'string', default: process.env.RDS_TLS_GUARD_MOTO_SERVER ?? 'moto_server' },
  },
});
const regions = options.regions.split(',').map((r) => r.trim()).filter(Boolean);
const perRegion = Math.ceil(Number(options.instances) / regions.length);
const groupsPerRegion = Number(options.groups);
const PAGE = 100;

// Four families, five groups each by default; instances round-robin over the groups.
const ENGINES = [
  { engine: 'postgres', version: '14.9', family: 'postgres14', parameter: 'rds.force_ssl', value: '1' },
  { engine: 'postgres', version: '15.5', family: 'postgres15', parameter: 'rds.force_ssl', value: '0' },
  { engine: 'postgres', version: '16.3', family: 'postgres16', parameter: 'rds.force_ssl', value: '1' },
  { engine: 'mysql', version: '8.0.35', family: 'mysql8.0', parameter: 'require_secure_transport', value: 'ON' },
];

function log(message) {
  process.stderr.write(`bench:live: ${message}\n`);
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startMoto() {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const child = spawn(options['moto-server'], ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
  const failed = new Promise((_, reject) => {
    child.once('error', (error) => reject(new Error(`cannot start ${options['moto-server']}: ${error.message} (pip install "moto[server]>=5")`)));
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const response = await Promise.race([fetch(`${endpoint}/moto-api/`), failed]);
      if (response.ok) break;
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('cannot start')) throw error;
      if (Date.now() > deadline) throw new Error(`moto_server did not answer at ${endpoint}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return { endpoint, stop: () => child.kill('SIGTERM') };
}

/** The live source, bundled from the sources (transpiled only: other work in progress cannot break the bench). */
function bundleLiveSource(work) {
  const out = join(work, 'live');
  execFileSync(
    process.execPath,
    ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', 'src/sources/live/index.ts', '-o', out, '--quiet', '--transpile-only', '--target', 'es2022'],
    { stdio: 'inherit' },
  );
  return import(join(out, 'index.js'));
}

async function seed(region) {
  const rds = new RDSClient({ region });
  const limit = pLimit(16);
  const groups = Array.from({ length: groupsPerRegion }, (_, i) => ({ name: `bench-group-${String(i).padStart(2, '0')}`, ...ENGINES[i % ENGINES.length] }));
  await Promise.all(
    groups.map((g) =>
      limit(async () => {
        await rds.send(new CreateDBParameterGroupCommand({ DBParameterGroupName: g.name, DBParameterGroupFamily: g.family, Description: g.name }));
        await rds.send(new ModifyDBParameterGroupCommand({ DBParameterGroupName: g.name, Parameters: [{ ParameterName: g.parameter, ParameterValue: g.value, ApplyMethod: 'pending-reboot' }] }));
      }),
    ),
  );
  await Promise.all(
    Array.from({ length: perRegion }, (_, i) => {
      const g = groups[i % groups.length];
      return limit(() =>
        rds.send(
          new CreateDBInstanceCommand({
            DBInstanceIdentifier: `bench-${String(i).padStart(5, '0')}`, Engine: g.engine, EngineVersion: g.version, DBInstanceClass: 'db.t3.micro',
            AllocatedStorage: 20, MasterUsername: 'bench', MasterUserPassword: 'bench-password-1', DBParameterGroupName: g.name,
            CACertificateIdentifier: i % 7 === 0 ? 'rds-ca-2019' : 'rds-ca-rsa2048-g1',
          }),
        ),
      );
    }),
  );
  rds.destroy();
  return { groups: groups.length, versions: new Set(groups.map((g) => `${g.engine} ${g.version}`)).size };
}

function minimumCalls(seeded) {
  const minimum = {};
  const add = (op, n) => (minimum[op] = (minimum[op] ?? 0) + n);
  for (const region of regions) {
    const { groups, versions } = seeded[region];
    add('DescribeDBInstances', Math.max(1, Math.ceil(perRegion / PAGE)));
    add('DescribeDBClusters', 1);
    add('DescribeDBParameters', groups);
    add('DescribeDBEngineVersions', versions);
    add('DescribeCertificates', 1);
    add('DescribePendingMaintenanceActions', 1);
  }
  return minimum;
}

// Operations moto does not implement: it fails them (HTTP 500) and the scan stops asking in that region.
const MOTO_LACKS = new Set(['DescribeDBEngineVersions', 'DescribeCertificates', 'DescribePendingMaintenanceActions']);

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'rds-tls-guard-bench-'));
  let moto = null;
  try {
    log('bundling the live source…');
    const live = await bundleLiveSource(work);
    moto = await startMoto();
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'AKIABENCHMARK0000001',
      AWS_SECRET_ACCESS_KEY: 'bench-not-a-secret',
      AWS_ENDPOINT_URL_RDS: moto.endpoint,
      AWS_MAX_ATTEMPTS: options['max-attempts'],
      AWS_EC2_METADATA_DISABLED: 'true',
    });
    delete process.env.AWS_PROFILE;

    log(`seeding ${perRegion * regions.length} instances and ${groupsPerRegion} parameter groups per region in ${regions.join(', ')}…`);
    const seedStart = performance.now();
    const seeded = Object.fromEntries(await Promise.all(regions.map(async (r) => [r, await seed(r)])));
    log(`seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

    const operations = {};
    const attempts = {};
    const clientFactory = (region) => {
      const client = live.countCalls(live.createRdsClient(region), operations);
      // Below the retry middleware: one count per HTTP request, retries included.
      client.middlewareStack.add(
        (next, context) => async (args) => {
          const name = String(context.commandName).replace(/Command$/, '');
          attempts[name] = (attempts[name] ?? 0) + 1;
          return next(args);
        },
        { step: 'deserialize', name: 'benchAttemptCounter' },
      );
      return client;
    };
    const start = performance.now();
    const result = await live.readLive({ regions, concurrency: Number(options.concurrency), clientFactory });
    const seconds = (performance.now() - start) / 1000;

    const minimum = minimumCalls(seeded);
    const rows = Object.keys({ ...minimum, ...operations }).map((op) => ({
      operation: op,
      calls: operations[op] ?? 0,
      'HTTP requests': attempts[op] ?? 0,
      minimum: minimum[op] ?? 0,
      note: MOTO_LACKS.has(op) ? 'moto lacks it: fails once per region, then not asked again' : '',
    }));
    const served = rows.filter((r) => !MOTO_LACKS.has(r.operation));
    const servedCalls = served.reduce((n, r) => n + r.calls, 0);
    const servedMinimum = served.reduce((n, r) => n + r.minimum, 0);
    const overhead = servedMinimum > 0 ? (servedCalls / servedMinimum - 1) * 100 : 0;

    console.log(`\nrds-tls-guard live scan benchmark (moto_server ${moto.endpoint}, concurrency ${options.concurrency}, AWS_MAX_ATTEMPTS=${options['max-attempts']})`);
    console.log(`resources read: ${result.resources.length} in ${regions.length} regions; errors: ${result.errors.length} (${[...new Set(result.errors.map((e) => e.source.split(' ')[1]))].join(', ') || 'none'})`);
    console.log(`wall time of the scan: ${seconds.toFixed(2)} s`);
    console.table(rows);
    console.log(`calls moto answers: ${servedCalls} against a minimum of ${servedMinimum} (${overhead >= 0 ? '+' : ''}${overhead.toFixed(1)} %); target: within 10 %`);
    process.exitCode = overhead <= 10 && result.resources.length === perRegion * regions.length ? 0 : 1;
  } finally {
    moto?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  log(error instanceof Error ? error.message : String(error));
  process.exitCode = 2;
});

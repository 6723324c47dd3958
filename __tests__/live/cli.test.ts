// The bundled CLI against moto_server: `check --live`, `snapshot`, `check --snapshot`, with the SDK
// pointed at moto only through AWS_ENDPOINT_URL_RDS in the child's environment.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FAKE_ACCESS_KEY_ID, FAKE_SECRET_ACCESS_KEY, FAKE_SESSION_TOKEN, describeWithMoto } from '../helpers/moto.js';
import { REGIONS, seedFleet } from './fleet.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** RDS_TLS_GUARD_CLI: a bundle built elsewhere (RDS_TLS_GUARD_DIST=… node scripts/build.mjs). */
const bundle = process.env.RDS_TLS_GUARD_CLI ?? join(root, 'dist/cli.js');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

describeWithMoto(
  'the CLI against moto_server',
  (getMoto) => {
    let work: string;

    beforeAll(async () => {
      // The bundle is committed, and `npm run test:all` rebuilds it first: missing is a failure.
      if (!existsSync(bundle)) throw new Error(`${bundle} does not exist: run npm run build`);
      work = mkdtempSync(join(tmpdir(), 'rds-tls-guard-cli-'));
      await seedFleet();
    });
    afterAll(() => rmSync(work, { recursive: true, force: true }));

    const run = async (args: string[]): Promise<Run> => {
      // Only what a CI job would have: fake credentials and the endpoint (the helper also set them here).
      const env = { PATH: process.env.PATH ?? '', HOME: work, ...getMoto().env };
      return new Promise((done) => {
        execFile(process.execPath, [bundle, ...args], { cwd: work, env, timeout: 60_000 }, (error, stdout, stderr) => {
          done({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
        });
      });
    };
    const at = (name: string) => join(work, name);

    const noSecrets = (...texts: string[]) => {
      for (const text of texts) for (const secret of [FAKE_SECRET_ACCESS_KEY, FAKE_SESSION_TOKEN, FAKE_ACCESS_KEY_ID]) expect(text).not.toContain(secret);
    };

    it('check --live reports findings, exits 1 and says the run was incomplete', async () => {
      const regionArgs = REGIONS.flatMap((r) => ['--region', r]);
      const result = await run(['check', '--live', ...regionArgs, '--format', 'json', '--as-of', '2026-06-01']);
      expect(result.code).toBe(1);
      const report = JSON.parse(result.stdout);
      expect(report.summary).toMatchObject({ resources: 13, incomplete: true });
      expect(report.findings.filter((f: { rule: string }) => f.rule === 'ca-allowed').map((f: { resource: string }) => f.resource).sort()).toEqual([
        'analytics-2',
        'eu-legacy-pg14',
        'shop-mysql',
      ]);
      expect(report.errors.map((e: { source: string }) => e.source)).toContain('us-east-1 DescribeDBEngineVersions');
      // moto lacks the API: the restart stays unknown, and the reason says which call failed and how.
      const shop = report.resources.find((r: { id: string }) => r.id === 'shop-mysql');
      expect(shop.restart.required).toBeNull();
      expect(shop.restart.reason).toMatch(/DescribeDBEngineVersions failed \(.*HTTP 500: the endpoint's answer is not an AWS API response/);
      expect(result.stderr).toContain('incomplete: us-east-1 DescribeCertificates');
      noSecrets(result.stdout, result.stderr);
    });

    it('snapshot writes the facts (exit 3: moto lacks some APIs), and check --snapshot gives the live report', async () => {
      const regionArgs = REGIONS.flatMap((r) => ['--region', r]);
      const snapshot = await run(['snapshot', ...regionArgs, '--output', at('fleet.json')]);
      expect(snapshot.code).toBe(3);
      expect(snapshot.stderr).toContain(`wrote ${at('fleet.json')}`);
      const file = readFileSync(at('fleet.json'), 'utf8');
      expect(JSON.parse(file)).toMatchObject({ format: 'rds-tls-guard-snapshot', version: 1, regions: [...REGIONS] });
      noSecrets(file, snapshot.stderr);

      const live = await run(['check', '--live', ...regionArgs, '--format', 'json', '--as-of', '2026-06-01']);
      const offline = await run(['check', '--snapshot', at('fleet.json'), '--format', 'json', '--as-of', '2026-06-01']);
      expect(offline.code).toBe(live.code);
      // The same report, but for where the facts came from.
      const asLive = (text: string) =>
        JSON.parse(text, (_key, value: unknown) => {
          if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
          const record = value as Record<string, unknown>;
          if (record.type === 'snapshot') record.type = 'live';
          if (record.file === at('fleet.json')) record.file = null;
          return record;
        });
      expect(asLive(offline.stdout)).toEqual(asLive(live.stdout));
      expect(JSON.parse(offline.stdout).resources[0].source).toMatchObject({ type: 'snapshot', file: at('fleet.json') });
    });

    it('a malformed snapshot is an input error with its line and column (exit 2)', async () => {
      writeFileSync(at('broken.json'), '{\n  "format": "rds-tls-guard-snapshot",\n  "version": 1,\n  "facts": [,]\n}\n');
      const result = await run(['check', '--snapshot', at('broken.json')]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`${at('broken.json')}:4:13: not valid JSON`);
    });
  },
  { resetEachTest: false },
);

// A real AWS endpoint for tests: Python moto's `moto_server` on 127.0.0.1 with a free port. The
// real SDK reaches it through AWS_ENDPOINT_URL_RDS (nothing in the code under test points at it).
//
// Without moto_server the suites that need it are skipped, saying why; with
// RDS_TLS_GUARD_REQUIRE_MOTO=1 (CI) they fail instead, so a broken CI image cannot pass unnoticed.
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';

export const FAKE_ACCESS_KEY_ID = 'AKIAMOTOTESTKEY00001';
/** Recognisable, so tests can assert it never reaches any output. */
export const FAKE_SECRET_ACCESS_KEY = 'rds-tls-guard-FAKE-SECRET-9f8e7d6c5b4a';
export const FAKE_SESSION_TOKEN = 'rds-tls-guard-FAKE-SESSION-TOKEN-0a1b2c3d';

export interface Moto {
  endpoint: string;
  /** The environment a child process (the CLI) needs to reach this server with fake credentials. */
  env: Record<string, string>;
  reset(): Promise<void>;
}

type MotoStatus = { available: true; command: string } | { available: false; reason: string };

function findMotoServer(): MotoStatus {
  const configured = process.env.RDS_TLS_GUARD_MOTO_SERVER;
  const candidates = configured ? [configured] : (process.env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, 'moto_server'));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return { available: true, command: candidate };
    } catch {
      // not here
    }
  }
  return {
    available: false,
    reason: configured
      ? `RDS_TLS_GUARD_MOTO_SERVER=${configured} is not an executable`
      : 'moto_server is not on PATH (pip install "moto[server]>=5")',
  };
}

export const motoStatus: MotoStatus = findMotoServer();

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilAnswering(endpoint: string, child: ChildProcess, output: () => string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`moto_server exited with ${child.exitCode}: ${output()}`);
    try {
      const response = await fetch(`${endpoint}/moto-api/`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`moto_server did not answer at ${endpoint} within ${timeoutMs} ms: ${output()}`);
}

/** Starts moto_server and points this process's AWS configuration at it; returns the stop function. */
async function startMoto(command: string): Promise<{ moto: Moto; stop: () => Promise<void> }> {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const child = spawn(command, ['-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  try {
    await waitUntilAnswering(endpoint, child, () => log);
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }

  const env: Record<string, string> = {
    AWS_ACCESS_KEY_ID: FAKE_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY: FAKE_SECRET_ACCESS_KEY,
    AWS_SESSION_TOKEN: FAKE_SESSION_TOKEN,
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL_RDS: endpoint,
    // moto answers the APIs it lacks (DescribeDBEngineVersions, DescribeCertificates,
    // DescribePendingMaintenanceActions) with HTTP 500, which the SDK retries; two attempts keep it quick.
    AWS_MAX_ATTEMPTS: '2',
    AWS_EC2_METADATA_DISABLED: 'true',
    // The developer's own ~/.aws files stay out of the tests (these paths do not exist).
    AWS_CONFIG_FILE: join(tmpdir(), 'rds-tls-guard-tests-no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(tmpdir(), 'rds-tls-guard-tests-no-aws-credentials'),
  };
  const saved = new Map<string, string | undefined>();
  for (const [name, value] of Object.entries(env)) {
    saved.set(name, process.env[name]);
    process.env[name] = value;
  }
  saved.set('AWS_PROFILE', process.env.AWS_PROFILE);
  delete process.env.AWS_PROFILE;

  const moto: Moto = {
    endpoint,
    env,
    async reset() {
      const response = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
      if (!response.ok) throw new Error(`moto reset failed: HTTP ${response.status}`);
    },
  };
  const stop = async () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    if (child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  };
  return { moto, stop };
}

/**
 * A describe block with a moto_server for its tests (`getMoto()` inside tests and hooks). The
 * server's state is reset before each test unless `resetEachTest` is false.
 */
export function describeWithMoto(name: string, body: (getMoto: () => Moto) => void, options: { resetEachTest?: boolean } = {}): void {
  if (!motoStatus.available) {
    const reason = motoStatus.reason;
    if (process.env.RDS_TLS_GUARD_REQUIRE_MOTO === '1') {
      describe(name, () => {
        it('needs moto_server (RDS_TLS_GUARD_REQUIRE_MOTO=1)', () => {
          throw new Error(`${reason}; RDS_TLS_GUARD_REQUIRE_MOTO=1 makes this a failure, not a skip`);
        });
      });
    } else {
      console.warn(`[skipped] ${name}: ${reason}`);
      describe.skip(`${name} (skipped: ${reason})`, () => body(() => undefined as never));
    }
    return;
  }
  const command = motoStatus.command;
  describe(name, () => {
    let started: { moto: Moto; stop: () => Promise<void> } | null = null;
    beforeAll(async () => {
      started = await startMoto(command);
    });
    afterAll(async () => {
      await started?.stop();
    });
    if (options.resetEachTest !== false) {
      beforeEach(async () => {
        await started?.moto.reset();
      });
    }
    body(() => {
      if (!started) throw new Error('moto_server is not running');
      return started.moto;
    });
  });
}

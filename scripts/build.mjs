// Bundles the action (dist/index.js) and the CLI (dist/cli.js) with ncc in ESM mode.
// ncc names every bundle index.js, so the CLI is built aside and moved into place.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ncc = ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', '--minify', '--quiet', '--target', 'es2022'];

// RDS_TLS_GUARD_DIST builds elsewhere (benchmarks, parallel work) without touching the committed dist/.
const dist = process.env.RDS_TLS_GUARD_DIST || 'dist';
rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [...ncc, 'src/index.ts', '-o', dist, '--license', 'licenses.txt'], { stdio: 'inherit' });

const cliOut = mkdtempSync(join(tmpdir(), 'rds-tls-guard-cli-'));
try {
  execFileSync(process.execPath, [...ncc, 'src/cli.ts', '-o', cliOut], { stdio: 'inherit' });
  const extras = readdirSync(cliOut).filter((f) => f !== 'index.js' && f !== 'package.json');
  if (extras.length > 0) throw new Error(`unexpected CLI bundle files: ${extras.join(', ')}`);
  copyFileSync(join(cliOut, 'index.js'), join(dist, 'cli.js'));
} finally {
  rmSync(cliOut, { recursive: true, force: true });
}
writeFileSync(join(dist, 'package.json'), '{"type":"module"}\n');

// Bundles the action (dist/index.js) and the CLI (dist/cli/index.js) with ncc in ESM mode.
// Both split what they import on demand (the AWS SDK, yaml, ajv) into chunks beside their entry,
// so a run loads only what it uses. ncc names every entry index.js and every chunk N.index.js,
// so the CLI gets its own directory, and dist/cli.js (the `bin`) is a two-line stub importing it.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { minify } from 'terser';

const ncc = ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', '--minify', '--quiet', '--target', 'es2022'];

// RDS_TLS_GUARD_DIST builds elsewhere (benchmarks, parallel work) without touching the committed dist/.
const dist = process.env.RDS_TLS_GUARD_DIST || 'dist';
const cliDir = join(dist, 'cli');
const stats = mkdtempSync(join(tmpdir(), 'rds-tls-guard-build-'));
try {
  rmSync(dist, { recursive: true, force: true });
  const build = (entry, out, name) =>
    execFileSync(process.execPath, [...ncc, entry, '-o', out, '--stats-out', join(stats, `${name}.json`)], { stdio: 'inherit' });
  build('src/index.ts', dist, 'action');
  build('src/cli.ts', cliDir, 'cli');

  // ncc minifies each entry but not the chunks it splits off: minify those here.
  await minifyChunks([dist, cliDir]);

  // dist/package.json says "module" for both bundles; ncc's copy in cli/ would only repeat it.
  rmSync(join(cliDir, 'package.json'), { force: true });
  const unexpected = readdirSync(cliDir).filter((f) => !/^(\d+\.)?index\.js$/.test(f));
  if (unexpected.length > 0) throw new Error(`unexpected CLI bundle files: ${unexpected.join(', ')}`);
  writeFileSync(join(dist, 'cli.js'), "#!/usr/bin/env node\nimport './cli/index.js';\n");
  chmodSync(join(dist, 'cli.js'), 0o755);
  writeFileSync(join(dist, 'package.json'), '{"type":"module"}\n');
  writeFileSync(join(dist, 'licenses.txt'), licenses(['action', 'cli'].map((name) => JSON.parse(readFileSync(join(stats, `${name}.json`), 'utf8')))));
} finally {
  rmSync(stats, { recursive: true, force: true });
}

async function minifyChunks(directories) {
  for (const directory of directories) {
    for (const file of readdirSync(directory).filter((f) => /^\d+\.index\.js$/.test(f))) {
      const path = join(directory, file);
      const result = await minify(readFileSync(path, 'utf8'), { module: true, ecma: 2022, compress: true, mangle: true });
      writeFileSync(path, result.code);
    }
  }
}

/**
 * The licenses of every package bundled into any chunk of either bundle, in the format of ncc's
 * `--license` (which, with more than one chunk, keeps only the last chunk's list).
 */
function licenses(webpackStats) {
  const packages = new Map(); // name → directory
  const visit = (modules) => {
    for (const module of modules ?? []) {
      const match = /^(.*\/node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(module.nameForCondition ?? '');
      if (match && !packages.has(match[2])) packages.set(match[2], match[1]);
      visit(module.modules);
    }
  };
  for (const s of webpackStats) visit(s.modules);
  const entries = [...packages].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, dir]) => {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const license = typeof manifest.license === 'string' ? manifest.license : manifest.license?.type;
    const file = readdirSync(dir).sort().find((f) => /^licen[cs]e/i.test(f) && !statSync(join(dir, f)).isDirectory());
    const text = file ? readFileSync(join(dir, file), 'utf8').replace(/\r\n/g, '\n') : null;
    if (!license && !text) throw new Error(`no license found for bundled package ${name} (${dir})`);
    return `${name}${license ? `\n${license}` : ''}${text ? `\n${text}` : ''}\n\n`;
  });
  return `${entries.join('').trim()}\n`;
}

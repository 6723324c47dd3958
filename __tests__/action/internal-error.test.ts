// The error funnel's other branch: a bug (not a user error) fails the step with exit code 4, says
// it is a bug, keeps the stack out of the log unless debugging, and still writes outputs and summary.
// In-process, with check() made to throw: a bundled run cannot be made to hit a bug on purpose.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseCommands, parseOutputs } from './run-bundle.js';

vi.mock('../../src/check.js', () => ({
  check: () => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'engine')")),
}));

const { run } = await import('../../src/action/main.js');

describe('an internal error in the action', () => {
  let dir: string;
  let stdout: string;
  const saved = { ...process.env };
  const savedExitCode = process.exitCode;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'rds-tls-guard-internal-'));
    writeFileSync(path.join(dir, 'output'), '');
    writeFileSync(path.join(dir, 'summary.md'), '');
    Object.assign(process.env, {
      'INPUT_TERRAFORM-PLAN': 'examples/terraform/plan.json',
      INPUT_COMMENT: 'never',
      GITHUB_OUTPUT: path.join(dir, 'output'),
      GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md'),
      GITHUB_EVENT_NAME: 'push',
      RUNNER_DEBUG: '',
    });
    stdout = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout += String(chunk);
      return true;
    });
  });

  afterEach(() => {
    vi.restoreAllMocks();
    process.env = { ...saved };
    process.exitCode = savedExitCode;
    rmSync(dir, { recursive: true, force: true });
  });

  it('fails the step as a bug with exit-code 4, and still writes the outputs and the summary', async () => {
    await run();
    expect(process.exitCode).toBe(1);
    const errors = parseCommands(stdout).filter((c) => c.command === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toBe(
      "rds-tls-guard internal error: Cannot read properties of undefined (reading 'engine'). This is a bug; please report it with the step's inputs.",
    );
    // The stack goes to the debug log only (shown when the run is re-run with debug logging).
    const debug = parseCommands(stdout).filter((c) => c.command === 'debug');
    expect(debug.some((c) => c.message.startsWith('TypeError: Cannot read properties'))).toBe(true);
    expect(stdout.split('\n').filter((line) => line.includes('    at ') && !line.startsWith('::debug::'))).toEqual([]);
    expect(parseOutputs(readFileSync(path.join(dir, 'output'), 'utf8'))).toEqual({ 'exit-code': '4' });
    expect(readFileSync(path.join(dir, 'summary.md'), 'utf8')).toContain('rds-tls-guard internal error');
  });
});

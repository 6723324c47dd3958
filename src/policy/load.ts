// Finds and reads the policy file; parse.ts (yaml and ajv) is loaded only when there is one.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError, readFailure } from '../errors.js';
import { defaultPolicy } from './defaults.js';
import type { Policy } from './types.js';

/** Where `loadPolicy(null)` looks, relative to the working directory. */
export const POLICY_LOCATIONS = ['.github/rds-tls-policy.yml', '.github/rds-tls-policy.yaml'] as const;

async function parsePolicyFile(text: string, file: string): Promise<Policy> {
  const { parsePolicy } = await import('./parse.js');
  return parsePolicy(text, file);
}

async function isFile(candidate: string): Promise<boolean> {
  return stat(candidate).then(
    (info) => info.isFile(),
    () => false,
  );
}

async function readPolicyText(file: string, absolute: string): Promise<string> {
  try {
    return await readFile(absolute, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new InputError(`cannot read the policy file: ${missing ? 'the file does not exist' : readFailure(error)}`, { file });
  }
}

/**
 * The policy from `file` (relative to `cwd`), or when `file` is null from the one of
 * POLICY_LOCATIONS that exists, else the built-in default (`file: null`). `Policy.file` is the
 * path as given, or as found relative to `cwd`.
 */
export async function loadPolicy(file: string | null, options: { cwd: string }): Promise<Policy> {
  if (file !== null) return parsePolicyFile(await readPolicyText(file, path.resolve(options.cwd, file)), file);
  const found: string[] = [];
  for (const candidate of POLICY_LOCATIONS) {
    if (await isFile(path.join(options.cwd, candidate))) found.push(candidate);
  }
  if (found.length > 1) {
    throw new InputError(`found both ${found.join(' and ')}: keep one, or choose with --policy`, { file: found[0] });
  }
  const candidate = found[0];
  if (candidate === undefined) return defaultPolicy(null);
  return parsePolicyFile(await readPolicyText(candidate, path.join(options.cwd, candidate)), candidate);
}

// Glob expansion for file arguments. tinyglobby (with fdir and picomatch) loads only when a
// pattern has glob syntax: most runs name their files, and loading it costs every start.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { GlobOptions } from 'tinyglobby';

/** Any character tinyglobby may read as glob syntax; a pattern without one names a file. */
const MAYBE_GLOB = /[*?[\]{}()!+@]/;

/**
 * The files a glob pattern matches, sorted; null when `pattern` is a path to read as it is: it has
 * no glob syntax, or it names a file that exists (`plan(1).json`, `plan[prod].json`).
 */
// `cwd` as a path only (tinyglobby also takes a URL): the existence check resolves against it.
export async function globFiles(pattern: string, options: GlobOptions & { cwd?: string } = {}): Promise<string[] | null> {
  if (!MAYBE_GLOB.test(pattern) || existsSync(resolve(options.cwd ?? '.', pattern))) return null;
  const { glob, isDynamicPattern } = await import('tinyglobby');
  if (!isDynamicPattern(pattern)) return null;
  return (await glob(pattern, options)).sort();
}

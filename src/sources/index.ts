// Reads every source the run names, in parallel, into SourceResults. Globs expand here, once.
import { isAbsolute, join, resolve } from 'node:path';
import { isDynamicPattern, glob } from 'tinyglobby';
import { InputError } from '../errors.js';
import type { SourceResult } from '../model.js';
import { readCloudFormation } from './cloudformation/index.js';
import { readLive } from './live/index.js';
import { readSnapshots } from './snapshot/index.js';
import { readTerraformPlans } from './terraform/index.js';

export interface SourceOptions {
  cwd: string;
  terraformPlans: string[];
  terraformConfigDir: string | null;
  cloudformation: string[];
  /** `CS.json` or `CS.json=TEMPLATE.yaml`. */
  changesets: string[];
  /** `Key=Value`. */
  cfnParameters: string[];
  cfnParameterFiles: string[];
  live: boolean;
  regions: string[];
  snapshots: string[];
}

/**
 * Expands globs (sorted); a glob that matches nothing is an error, a plain path is kept for the reader
 * to open. Paths stay as the user wrote them (they appear in reports and annotations), joined to `cwd`
 * when that is not the process's own directory.
 */
export async function expandFiles(patterns: string[], cwd: string, flag: string): Promise<string[]> {
  const rebase = (path: string) => (isAbsolute(path) || resolve(cwd) === process.cwd() ? path : join(cwd, path));
  const files: string[] = [];
  for (const pattern of patterns) {
    if (!isDynamicPattern(pattern)) {
      files.push(rebase(pattern));
      continue;
    }
    const matches = (await glob(pattern, { cwd, dot: true, expandDirectories: false, absolute: isAbsolute(pattern) })).sort();
    if (matches.length === 0) throw new InputError(`${flag}: no files match "${pattern}"`);
    files.push(...matches.map(rebase));
  }
  return [...new Set(files)];
}

export function parseKeyValues(pairs: string[], flag: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new InputError(`${flag} takes Key=Value, got "${pair}"`);
    result[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return result;
}

export function hasSources(options: Pick<SourceOptions, 'terraformPlans' | 'cloudformation' | 'changesets' | 'live' | 'snapshots'>): boolean {
  return (
    options.terraformPlans.length + options.cloudformation.length + options.changesets.length + options.snapshots.length > 0 ||
    options.live
  );
}

export async function readSources(options: SourceOptions): Promise<SourceResult[]> {
  const { cwd } = options;
  const reads: Promise<SourceResult>[] = [];
  if (options.terraformPlans.length > 0) {
    const files = await expandFiles(options.terraformPlans, cwd, '--terraform-plan');
    reads.push(readTerraformPlans(files, { configDir: options.terraformConfigDir }));
  }
  if (options.cloudformation.length > 0 || options.changesets.length > 0) {
    const templates = await expandFiles(options.cloudformation, cwd, '--cloudformation');
    const changesets = [];
    for (const spec of options.changesets) {
      const at = spec.indexOf('=');
      if (at > 0) {
        const [file, template] = await Promise.all([spec.slice(0, at), spec.slice(at + 1)].map((p) => expandFiles([p], cwd, '--changeset')));
        changesets.push({ file: file![0]!, template: template![0]! });
      }
      else for (const file of await expandFiles([spec], cwd, '--changeset')) changesets.push({ file, template: null });
    }
    reads.push(
      readCloudFormation({
        templates,
        changesets,
        parameters: parseKeyValues(options.cfnParameters, '--cfn-parameter'),
        parameterFiles: await expandFiles(options.cfnParameterFiles, cwd, '--cfn-parameters-file'),
      }),
    );
  }
  if (options.snapshots.length > 0) reads.push(readSnapshots(await expandFiles(options.snapshots, cwd, '--snapshot')));
  if (options.live) reads.push(readLive({ regions: options.regions }));
  return Promise.all(reads);
}

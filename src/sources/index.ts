// Reads every source the run names, in parallel, into SourceResults. Globs expand here, once.
// The CloudFormation, live and snapshot sources are imported when named: they bring yaml and the
// AWS SDK, which a run on Terraform plans never needs (and would otherwise load at every start).
import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import type { SourceResult } from '../model.js';
import type { CloudFormationInput } from './cloudformation/index.js';
import { globFiles } from './glob.js';
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
    const matches = await globFiles(pattern, { cwd, dot: true, expandDirectories: false, absolute: isAbsolute(pattern) });
    if (matches === null) {
      files.push(rebase(pattern));
      continue;
    }
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
  // Every glob expands first, in flag order (the first bad one is the error); then the sources
  // read in parallel, each awaiting only its own steps, so Promise.all sees every failure.
  const plans = await expandFiles(options.terraformPlans, cwd, '--terraform-plan');
  const cloudformation = options.cloudformation.length > 0 || options.changesets.length > 0 ? await cloudFormationInputs(options) : null;
  const snapshots = await expandFiles(options.snapshots, cwd, '--snapshot');

  const reads: Promise<SourceResult>[] = [];
  if (plans.length > 0) reads.push(readTerraformPlans(plans, { configDir: options.terraformConfigDir }));
  if (cloudformation) reads.push(import('./cloudformation/index.js').then((m) => m.readCloudFormation(cloudformation)));
  if (snapshots.length > 0) reads.push(import('./snapshot/index.js').then((m) => m.readSnapshots(snapshots)));
  if (options.live) reads.push(import('./live/index.js').then((m) => m.readLive({ regions: options.regions })));
  return Promise.all(reads);
}

/**
 * Where `CS=TEMPLATE` splits, or -1 for a change set alone. File names may hold "=" too: a spec
 * that is an existing file is that file, and the split is at the first "=" whose left side exists
 * (else at the first "=", so a glob or a missing file gets its error).
 */
function pairingAt(spec: string, cwd: string): number {
  if (existsSync(resolve(cwd, spec))) return -1;
  for (let at = spec.indexOf('='); at > 0; at = spec.indexOf('=', at + 1)) {
    if (existsSync(resolve(cwd, spec.slice(0, at)))) return at;
  }
  return spec.indexOf('=');
}

async function cloudFormationInputs(options: SourceOptions): Promise<CloudFormationInput> {
  const { cwd } = options;
  const templates = await expandFiles(options.cloudformation, cwd, '--cloudformation');
  const changesets = [];
  for (const spec of options.changesets) {
    const at = pairingAt(spec, cwd);
    if (at > 0) {
      const [file, template] = await Promise.all([spec.slice(0, at), spec.slice(at + 1)].map((p) => expandFiles([p], cwd, '--changeset')));
      changesets.push({ file: file![0]!, template: template![0]! });
    }
    else for (const file of await expandFiles([spec], cwd, '--changeset')) changesets.push({ file, template: null });
  }
  return {
    templates,
    changesets,
    parameters: parseKeyValues(options.cfnParameters, '--cfn-parameter'),
    parameterFiles: await expandFiles(options.cfnParameterFiles, cwd, '--cfn-parameters-file'),
  };
}

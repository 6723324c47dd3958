// The Terraform source: `terraform show -json` plans (Terraform and OpenTofu) → the model.
import { dirname } from 'node:path';

import type { Resource, SourceResult } from '../../model.js';
import { buildResources } from './build.js';
import { PlanConfiguration } from './config.js';
import { EntryReader, isTrackedType, PlanIndex, type Entry } from './entries.js';
import { TerraformLocator } from './locate.js';
import { parsedChanges, readPlanFile, type ParsedPlan } from './parse.js';

export interface TerraformOptions {
  /**
   * Where the root module's .tf files are, for line numbers. Default (undefined or null): the plan
   * file's directory. A directory named here that cannot be read is an input error.
   */
  configDir?: string | null;
}

/**
 * Reads plan files (paths as the user gave them, already glob-expanded). A file that cannot be
 * read or is not a plan throws an InputError naming it.
 */
export async function readTerraformPlans(files: string[], options: TerraformOptions = {}): Promise<SourceResult> {
  const resources: Resource[] = [];
  for (const file of files) {
    // One plan at a time: each parsed plan can be collected before the next is read.
    for (const resource of await readTerraformPlan(file, options)) resources.push(resource);
  }
  return { resources, errors: [] };
}

async function readTerraformPlan(file: string, options: TerraformOptions): Promise<Resource[]> {
  let plan: ParsedPlan | null = readPlanFile(file, isTrackedType);
  const config = new PlanConfiguration(plan.configuration);
  const reader = new EntryReader(config, file);
  const entries: Entry[] = [];
  // Keep only each change's entry: the parsed changes are garbage a batch at a time.
  for (const change of parsedChanges(plan)) {
    const entry = reader.read(change);
    if (entry) entries.push(entry);
  }
  plan = null; // the file's bytes are no longer needed
  if (entries.length === 0) return [];
  const explicit = typeof options.configDir === 'string';
  const locator = config.present
    ? await TerraformLocator.load(file, options.configDir ?? dirname(file), explicit, config, entries.map((e) => e.configPath))
    : TerraformLocator.none(file);
  return buildResources({ file, config, index: new PlanIndex(entries, config), locator });
}

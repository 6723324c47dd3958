// Plan JSON has no line numbers. When the .tf (and .tf.json) files are at hand (the plan's
// directory, or `configDir`), this maps a resource to its `resource "TYPE" "NAME"` block and its arguments to
// their lines, so annotations land on the property. Child modules are found through their local
// `source` (./…, ../…) or, after `terraform init`, `.terraform/modules/modules.json`.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { InputError } from '../../errors.js';
import { noLocation, type Location } from '../../model.js';
import type { PlanConfiguration } from './config.js';
import { scanTerraform, type TfBlock } from './hcl-scan.js';
import { isRecord } from './plan-types.js';

export interface ResourceLocation {
  /** The block header (`resource "aws_db_instance" "main"`), or the plan file without a line. */
  block: Location;
  /** A top-level argument's line; the block itself when the argument is not written there. */
  argument(name: string): Location;
  /** In a parameter group: the `name = "<parameter>"` line of its `parameter` block, if written. */
  parameter(name: string): Location | null;
}

const at = (file: string, line: number, column: number): Location => ({ file, line, column });

/**
 * The locations in one `resource` block, each made once: every instance of a `count` or
 * `for_each` block, and every fact about an argument, shares them.
 */
class BlockLocation implements ResourceLocation {
  readonly block: Location;
  private readonly arguments = new Map<string, Location>();

  constructor(
    private readonly file: string,
    private readonly found: TfBlock,
  ) {
    this.block = at(file, found.line, found.column);
  }

  argument(name: string): Location {
    let location = this.arguments.get(name);
    if (!location) {
      const attribute = this.found.attributes.get(name);
      location = attribute ? at(this.file, attribute.line, attribute.column) : this.block;
      this.arguments.set(name, location);
    }
    return location;
  }

  parameter(name: string): Location | null {
    const wanted = name.toLowerCase();
    for (const nested of this.found.blocks) {
      const nameAttribute = nested.type === 'parameter' ? nested.attributes.get('name') : undefined;
      if (nameAttribute?.value?.toLowerCase() === wanted) return at(this.file, nameAttribute.line, nameAttribute.column);
    }
    return null;
  }
}

/** A module's resource blocks by type, then name. */
type BlocksByType = Map<string, Map<string, BlockLocation>>;

export class TerraformLocator {
  private readonly fallback: ResourceLocation;

  private constructor(
    private readonly blocksByModule: Map<string, BlocksByType>,
    planFile: string,
  ) {
    const plan = noLocation(planFile);
    this.fallback = { block: plan, argument: () => plan, parameter: () => null };
  }

  /** Without .tf files every location is the plan file, with no line. */
  static none(planFile: string): TerraformLocator {
    return new TerraformLocator(new Map(), planFile);
  }

  /**
   * Reads the .tf files of the given modules (configuration paths, '' = root) under `configDir`.
   * `explicit`: the directory was named by the user, so a missing one is their error.
   */
  static async load(planFile: string, configDir: string, explicit: boolean, config: PlanConfiguration, modules: Iterable<string>): Promise<TerraformLocator> {
    const installed = await readInstalledModules(configDir);
    const dirOf = (configPath: string): string | null => moduleDir(configDir, configPath, config, installed);
    const blocksByModule = new Map<string, BlocksByType>();
    const rootFiles = await tfFiles(configDir);
    if (rootFiles === null && explicit) {
      throw new InputError(`Terraform configuration directory "${configDir}" cannot be read`, { file: configDir });
    }
    await Promise.all(
      [...new Set(modules)].map(async (configPath) => {
        const dir = dirOf(configPath);
        if (dir !== null) blocksByModule.set(configPath, await resourceBlocks(dir));
      }),
    );
    return new TerraformLocator(blocksByModule, planFile);
  }

  resource(configPath: string, type: string, name: string): ResourceLocation {
    return this.blocksByModule.get(configPath)?.get(type)?.get(name) ?? this.fallback;
  }
}

/** The directory of a module in the configuration tree, when it can be found locally. */
function moduleDir(rootDir: string, configPath: string, config: PlanConfiguration, installed: Map<string, string>): string | null {
  if (configPath === '') return rootDir;
  const node = config.module(configPath);
  if (!node?.parent || !node.callName) return null;
  const source = node.call?.source;
  if (typeof source === 'string' && (source.startsWith('./') || source.startsWith('../'))) {
    const parentDir = moduleDir(rootDir, node.parent.configPath, config, installed);
    if (parentDir !== null) return join(parentDir, source);
  }
  // `terraform init` records where it put every module, keyed by call names: "db.db_1".
  const key = configPath.split('.').filter((_, i) => i % 2 === 1).join('.');
  const dir = installed.get(key);
  return dir === undefined ? null : join(rootDir, dir);
}

async function readInstalledModules(rootDir: string): Promise<Map<string, string>> {
  const installed = new Map<string, string>();
  let manifest: unknown;
  try {
    manifest = JSON.parse(await readFile(join(rootDir, '.terraform', 'modules', 'modules.json'), 'utf8'));
  } catch {
    return installed; // not initialised here, or unreadable: locations fall back to the plan
  }
  const modules = isRecord(manifest) && Array.isArray(manifest.Modules) ? manifest.Modules : [];
  for (const entry of modules) {
    if (isRecord(entry) && typeof entry.Key === 'string' && typeof entry.Dir === 'string') installed.set(entry.Key, entry.Dir);
  }
  return installed;
}

/** The `.tf` and `.tf.json` files of a directory, in name order; null when it cannot be read. */
async function tfFiles(dir: string): Promise<string[] | null> {
  try {
    const names = await readdir(dir);
    return names.filter((name) => name.endsWith('.tf') || name.endsWith('.tf.json')).sort();
  } catch {
    return null;
  }
}

async function resourceBlocks(dir: string): Promise<BlocksByType> {
  const blocks: BlocksByType = new Map();
  for (const name of (await tfFiles(dir)) ?? []) {
    const file = join(dir, name);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      continue;
    }
    // The JSON syntax's reader (and the yaml parser it uses) is loaded only where there is such a file.
    const found = name.endsWith('.json') ? (await import('./tf-json.js')).scanTerraformJson(text) : scanTerraform(text);
    for (const block of found) {
      const [type, label] = block.labels;
      if (block.type !== 'resource' || !type || !label) continue;
      let byName = blocks.get(type);
      if (!byName) blocks.set(type, (byName = new Map()));
      // Two blocks of one type and name are a Terraform error: the first one found is kept.
      if (!byName.has(label)) byName.set(label, new BlockLocation(file, block));
    }
  }
  return blocks;
}

// Shared by the CloudFormation tests: write inline templates to a temp dir and read them back.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParameterGroup, Resource, SourceResult } from '../../src/model.js';
import { readCloudFormation, type CloudFormationInput } from '../../src/sources/cloudformation/index.js';
import { valueOf } from '../../src/sources/cloudformation/nodes.js';
import { parseCfnText } from '../../src/sources/cloudformation/parse.js';
import { Evaluator, type GivenParameter, type Resolved } from '../../src/sources/cloudformation/resolve.js';
import { parseTemplate } from '../../src/sources/cloudformation/template.js';

const dir = mkdtempSync(join(tmpdir(), 'rds-tls-guard-cfn-'));
let counter = 0;

/** Writes `text` to a fresh file in the temp dir and returns its path. */
export function write(text: string, name = 'template.yaml'): string {
  const sub = mkdtempSync(join(dir, `${++counter}-`));
  const file = join(sub, name);
  writeFileSync(file, text);
  return file;
}

export async function read(input: Partial<CloudFormationInput>): Promise<SourceResult> {
  return readCloudFormation({ templates: [], changesets: [], parameters: {}, parameterFiles: [], ...input });
}

/** Reads one inline template; returns the resources and the file it was written to. */
export async function readTemplate(
  text: string,
  options: { name?: string; parameters?: Record<string, string> } = {},
): Promise<{ resources: Resource[]; file: string; result: SourceResult }> {
  const file = write(text, options.name);
  const result = await read({ templates: [file], parameters: options.parameters ?? {} });
  return { resources: result.resources, file, result };
}

export function byId(resources: Resource[], id: string): Resource {
  const found = resources.find((r) => r.id === id);
  if (!found) throw new Error(`no resource ${id} in ${resources.map((r) => r.id).join(', ')}`);
  return found;
}

/** The template parameter group a database's TLS link points at (fails on a default or unknown link). */
export function templateGroup(resource: Resource): ParameterGroup {
  const link = resource.tls!.parameterGroup;
  if (!link.known || 'default' in link.value) throw new Error(`expected a template parameter group: ${JSON.stringify(link)}`);
  return link.value;
}

/** Resolves every `Outputs.<name>.Value` of an inline template. */
export function resolveOutputs(text: string, given: Record<string, string> = {}, file = 'inline.yaml'): Record<string, Resolved> {
  const template = parseTemplate(text, file);
  const root = parseCfnText(text, file, 'template');
  const outputs = root?.type === 'map' ? valueOf(root, 'Outputs') : undefined;
  const values = new Map<string, GivenParameter>(Object.entries(given).map(([k, v]) => [k, { value: v, from: '--cfn-parameter' }]));
  const evaluator = new Evaluator(template, values);
  const out: Record<string, Resolved> = {};
  for (const e of outputs?.type === 'map' ? outputs.entries : []) {
    out[e.key] = evaluator.resolve(valueOf(e.value.type === 'map' ? e.value : undefined, 'Value')!);
  }
  return out;
}

export { inputError } from '../helpers/input-error.js';

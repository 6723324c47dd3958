// Files and values the user gives: globs, `--cfn-parameter K=V`, and parameter files
// (`[{ParameterKey, ParameterValue}]`, or wrapped in `{"Parameters": …}`).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError, readFailure } from '../../errors.js';
import type { Location } from '../../model.js';
import { globFiles } from '../glob.js';
import { scalarText, valueOf, type CfnNode } from './nodes.js';
import { parseCfnText } from './parse.js';
import type { GivenParameter } from './resolve.js';

/** Files in the order given, globs expanded, each once. */
export async function expandFiles(patterns: string[], flag: string): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const pattern of patterns) {
    let files = [pattern];
    const matches = await globFiles(pattern, { onlyFiles: true, expandDirectories: false });
    if (matches !== null) {
      files = matches;
      if (files.length === 0) throw new InputError(`${flag} ${pattern}: no file matches`);
    }
    for (const file of files) {
      const key = resolve(file);
      if (!seen.has(key)) {
        seen.add(key);
        out.push(file);
      }
    }
  }
  return out;
}

export async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? 'file not found' : `cannot read: ${readFailure(error)}`, { file });
  }
}

export interface GivenParameters {
  values: Map<string, GivenParameter>;
  /** Where each key was given, to report keys no template declares. */
  origins: Map<string, { flag: string; at?: Location }>;
}

/** `--cfn-parameter` wins over parameter files; a later file wins over an earlier one. */
export async function readGivenParameters(parameters: Record<string, string>, files: string[]): Promise<GivenParameters> {
  const values = new Map<string, GivenParameter>();
  const origins = new Map<string, { flag: string; at?: Location }>();
  for (const file of await expandFiles(files, '--cfn-parameters-file')) {
    for (const p of readParameterFile(await readText(file), file)) {
      values.set(p.key, { value: p.value, from: file });
      origins.set(p.key, { flag: '--cfn-parameters-file', at: p.at });
    }
  }
  for (const [key, value] of Object.entries(parameters)) {
    values.set(key, { value, from: '--cfn-parameter' });
    origins.set(key, { flag: `--cfn-parameter ${key}` });
  }
  return { values, origins };
}

interface FileParameter {
  key: string;
  value: string | null;
  at: Location;
}

function readParameterFile(text: string, file: string): FileParameter[] {
  const root = parseCfnText(text, file, 'parameter file');
  const fail = (node: CfnNode | null | undefined, message: string): never => {
    throw new InputError(`invalid parameter file: ${message}`, { file, line: node?.at.line ?? null, column: node?.at.column ?? null });
  };
  const wrapped = root?.type === 'map' ? valueOf(root, 'Parameters') : undefined;
  const list = wrapped ?? root;
  // CodePipeline template configuration: {"Parameters": {"Key": "Value"}}.
  if (wrapped?.type === 'map') {
    return wrapped.entries.map((e) => ({ key: e.key, value: scalarText(e.value) ?? fail(e.value, `${e.key} must be a string`), at: e.keyAt }));
  }
  if (list?.type !== 'seq') return fail(root, 'expected [{"ParameterKey": …, "ParameterValue": …}]');
  return list.items.map((item) => {
    // `aws cloudformation deploy --parameter-overrides file://…`: ["Key=Value", …].
    const pair = item.type === 'scalar' ? /^([^=]+)=([\s\S]*)$/.exec(item.text) : null;
    if (pair) return { key: pair[1]!, value: pair[2]!, at: item.at };
    if (item.type !== 'map') return fail(item, 'each entry must be {"ParameterKey": …, "ParameterValue": …} or "Key=Value"');
    const keyNode = valueOf(item, 'ParameterKey');
    const key = scalarText(keyNode);
    if (!key) return fail(item, 'an entry has no ParameterKey');
    const usePrevious = (scalarText(valueOf(item, 'UsePreviousValue')) ?? '').toLowerCase() === 'true';
    const value = scalarText(valueOf(item, 'ParameterValue'));
    if (value === null && !usePrevious) return fail(item, `${key} has no ParameterValue`);
    return { key, value: usePrevious ? null : value, at: keyNode!.at };
  });
}

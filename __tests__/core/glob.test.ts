// File arguments: globs expanded, existing files read as named, and the glob library loaded only
// when a glob needs it (it costs every start otherwise).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const loads = vi.hoisted(() => ({ count: 0 }));
vi.mock('tinyglobby', async (importOriginal) => {
  loads.count++;
  return importOriginal();
});

const { globFiles } = await import('../../src/sources/glob.js');
const { expandFiles } = await import('../../src/sources/index.js');

const dir = mkdtempSync(join(tmpdir(), 'rds-tls-guard-glob-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
for (const name of ['b.json', 'a.json', 'c.yaml', 'plan1.json', 'plan(1).json']) writeFileSync(join(dir, name), '{}');
mkdirSync(join(dir, 'sub'));
writeFileSync(join(dir, 'sub', 'd.json'), '{}');

describe('file arguments', () => {
  // First in this file: the glob library must not have been loaded by anything before it.
  it('take plain paths and existing files as named, without loading the glob library', async () => {
    expect(await globFiles('a.json', { cwd: dir })).toBeNull();
    expect(await globFiles(join(dir, 'missing.json'), { cwd: dir })).toBeNull();
    expect(await globFiles('plan(1).json', { cwd: dir })).toBeNull();
    expect(await expandFiles(['plan(1).json', 'a.json'], dir, '--terraform-plan')).toEqual([join(dir, 'plan(1).json'), join(dir, 'a.json')]);
    expect(loads.count).toBe(0);
  });

  it('expand globs, sorted, loading the glob library once', async () => {
    expect(await globFiles('*.json', { cwd: dir })).toEqual(['a.json', 'b.json', 'plan(1).json', 'plan1.json']);
    expect(await globFiles('{a,c}.*', { cwd: dir })).toEqual(['a.json', 'c.yaml']);
    expect(await globFiles('**/d.json', { cwd: dir })).toEqual(['sub/d.json']);
    // The same syntax naming no file is a glob: "(2)" matches "2" here, and nothing is there.
    expect(await globFiles('plan(2).json', { cwd: dir })).toEqual([]);
    expect(await expandFiles(['plan?.json'], dir, '--terraform-plan')).toEqual([join(dir, 'plan1.json')]);
    await expect(expandFiles(['none-*.json'], dir, '--snapshot')).rejects.toThrow('--snapshot: no files match "none-*.json"');
    expect(loads.count).toBe(1);
  });
});

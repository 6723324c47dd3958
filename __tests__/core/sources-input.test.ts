// How source flags become source inputs: globs, and `--changeset FILE=TEMPLATE` pairings.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSources, type SourceOptions } from '../../src/sources/index.js';

const examples = resolve('examples/cloudformation');
const dir = mkdtempSync(join(tmpdir(), 'rds-tls-guard-sources-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const options = (changesets: string[]): SourceOptions => ({
  cwd: dir,
  terraformPlans: [],
  terraformConfigDir: null,
  cloudformation: [],
  changesets,
  cfnParameters: [],
  cfnParameterFiles: [],
  live: false,
  regions: [],
  snapshots: [],
});

describe('--changeset', () => {
  it('pairs CS=TEMPLATE, and reads a change set whose own name holds "=" as that file', async () => {
    copyFileSync(join(examples, 'template.yaml'), join(dir, 'template.yaml'));
    copyFileSync(join(examples, 'changeset.json'), join(dir, 'cs=v1.json'));
    const paired = await readSources(options(['cs=v1.json=template.yaml']));
    const ids = paired.flatMap((r) => r.resources.map((x) => x.id));
    expect(ids).toContain('LegacyDb');
    // The same file alone still needs its template: the message names it, not "cs".
    await expect(readSources(options(['cs=v1.json']))).rejects.toThrow(/--changeset .*cs=v1\.json needs the template it deploys/);
  });
});

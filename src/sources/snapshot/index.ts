// Snapshots: `rds-tls-guard snapshot` captures the raw facts of a live scan; `check --snapshot`
// runs them through the live normaliser, so the results are those of the live run at capture time.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import packageJson from '../../../package.json' with { type: 'json' };
import { InputError, errorMessage } from '../../errors.js';
import type { SourceResult } from '../../model.js';
import { normalise } from '../live/normalise.js';
import { scanRegions, type LiveOptions } from '../live/scan.js';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, snapshotShape, type Snapshot } from './format.js';
import { describePath, errorAt, readJsonFile, type JsonFile } from './json-file.js';
import { checkShape } from './shape.js';

export type { Snapshot } from './format.js';
export { SNAPSHOT_FORMAT, SNAPSHOT_VERSION } from './format.js';

export async function captureSnapshot(options: LiveOptions): Promise<Snapshot> {
  const capture = await scanRegions(options);
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    capturedAt: new Date().toISOString(),
    tool: { name: 'rds-tls-guard', version: packageJson.version },
    regions: capture.regionNames,
    facts: capture.regions,
    errors: capture.errors,
    unavailable: capture.unavailable,
  };
}

/** Writes the snapshot whole or not at all (a temporary file renamed into place). */
export async function writeSnapshot(file: string, snapshot: Snapshot): Promise<void> {
  const target = resolve(file);
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(temporary, `${JSON.stringify(snapshot, null, 2)}\n`);
    await rename(temporary, target);
  } catch (error) {
    throw new InputError(`cannot write the snapshot: ${errorMessage(error)}`, { file });
  }
}

/** The snapshot in a parsed file, or an InputError at the first member that is not what it should be. */
export function validateSnapshot(json: JsonFile): Snapshot {
  const value = json.value as Record<string, unknown> | null;
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value.format !== SNAPSHOT_FORMAT) {
    const path = typeof value === 'object' && value !== null && 'format' in value ? ['format'] : [];
    throw errorAt(json, path, `not an rds-tls-guard snapshot (expected "format": "${SNAPSHOT_FORMAT}"; write one with "rds-tls-guard snapshot")`);
  }
  if (typeof value.version !== 'number' || !Number.isInteger(value.version) || value.version < 1) {
    throw errorAt(json, ['version'], `"version" must be a whole number from 1, not ${JSON.stringify(value.version)}`);
  }
  if (value.version > SNAPSHOT_VERSION) {
    throw errorAt(
      json,
      ['version'],
      `snapshot format version ${value.version} is newer than this rds-tls-guard reads (${SNAPSHOT_VERSION}): upgrade rds-tls-guard, or capture the snapshot again`,
    );
  }
  const problem = checkShape(value, snapshotShape);
  if (problem) throw errorAt(json, problem.path, `${describePath(problem.path)} ${problem.message}`);
  return { unavailable: [], ...value } as unknown as Snapshot;
}

export async function readSnapshot(file: string): Promise<Snapshot> {
  return validateSnapshot(await readJsonFile(file, 'an rds-tls-guard snapshot'));
}

/** Every snapshot's facts, normalised as the live scan normalises them; resources point at their file. */
export async function readSnapshots(files: string[]): Promise<SourceResult> {
  const snapshots = await Promise.all(files.map(async (file) => ({ file, snapshot: await readSnapshot(file) })));
  const results = snapshots.map(({ file, snapshot }) =>
    normalise({ regions: snapshot.facts, errors: snapshot.errors, unavailable: snapshot.unavailable }, { type: 'snapshot', file }),
  );
  const combined: SourceResult = {
    resources: results.flatMap((r) => r.resources),
    errors: results.flatMap((r) => r.errors),
    engineVersions: results.flatMap((r) => r.engineVersions ?? []),
    certificates: results.flatMap((r) => r.certificates ?? []),
  };
  const unavailable = results.flatMap((r) => r.unavailable ?? []);
  if (unavailable.length > 0) combined.unavailable = unavailable;
  return combined;
}

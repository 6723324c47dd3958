// Engine-version facts (restart on CA rotation, supported CAs) from `aws rds describe-db-engine-versions`
// output files, or from AWS for IaC runs when credentials are configured.
import type { RDSClient } from '@aws-sdk/client-rds';
import pLimit from 'p-limit';
import type { EngineVersionFact, SourceError } from '../../model.js';
import { describeAwsError } from '../live/aws-errors.js';
import { readEngineVersion } from '../live/capture.js';
import { createRdsClient } from '../live/client.js';
import { engineVersionFact } from '../live/normalise.js';
import type { RawEngineVersion } from '../live/raw.js';
import { describePath, errorAt, readJsonFile } from '../snapshot/json-file.js';
import { engineVersionShape } from '../snapshot/format.js';
import { arr, checkShape, obj } from '../snapshot/shape.js';

const outputShape = obj({ DBEngineVersions: arr(engineVersionShape) }, ['DBEngineVersions']);

const WHAT = 'aws rds describe-db-engine-versions output';

async function readOne(file: string): Promise<EngineVersionFact[]> {
  const json = await readJsonFile(file, WHAT);
  const problem = checkShape(json.value, outputShape);
  if (problem) {
    const hint = problem.path.length === 0 ? ` (the ${WHAT}: {"DBEngineVersions": [...]})` : '';
    throw errorAt(json, problem.path, `${describePath(problem.path)} ${problem.message}${hint}`);
  }
  const versions = (json.value as { DBEngineVersions: RawEngineVersion[] }).DBEngineVersions;
  return versions.map((v) => engineVersionFact(v, file));
}

/** Facts from each file, in order (later files win where the facts module merges them). */
export async function readEngineVersionsFiles(files: string[]): Promise<EngineVersionFact[]> {
  return (await Promise.all(files.map(readOne))).flat();
}

const CONCURRENCY = 4;

/**
 * Asks AWS about each (engine, version). Optional enrichment: a denied or failing API is returned
 * in `errors` once (the rest is not asked), and the caller falls back to files and shipped data.
 */
export async function fetchEngineVersionFacts(
  pairs: { engine: string; version: string }[],
  region: string,
  client?: RDSClient,
): Promise<{ facts: EngineVersionFact[]; errors: SourceError[] }> {
  const rds = client ?? createRdsClient(region);
  const source = `${region} DescribeDBEngineVersions`;
  const errors: SourceError[] = [];
  const limit = pLimit(CONCURRENCY);
  const unique = [...new Map(pairs.map((p) => [`${p.engine} ${p.version}`, p])).values()];
  let stop = false;
  const ask = async ({ engine, version }: { engine: string; version: string }): Promise<EngineVersionFact[]> => {
    if (stop) return [];
    try {
      return (await readEngineVersion(rds, engine, version)).map((v) => engineVersionFact(v, `DescribeDBEngineVersions ${region}`));
    } catch (error) {
      if (errors.length === 0) errors.push({ source, message: describeAwsError(error) });
      // Denied or failing for one version means the same for the others: do not ask again.
      stop = true;
      return [];
    }
  };
  try {
    const first = unique.length > 0 ? await ask(unique[0]!) : [];
    const rest = await Promise.all(unique.slice(1).map((pair) => limit(ask, pair)));
    return { facts: [...first, ...rest.flat()], errors };
  } finally {
    if (!client) rds.destroy();
  }
}

// The live source: the AWS account the standard credential chain reaches, in the given regions.
import type { SourceResult } from '../../model.js';
import { normalise } from './normalise.js';
import { scanRegions, type LiveOptions } from './scan.js';

export type { LiveOptions } from './scan.js';
export { createRdsClient, countCalls, type CallCounts } from './client.js';

export async function readLive(options: LiveOptions): Promise<SourceResult> {
  return normalise(await scanRegions(options), { type: 'live', file: null });
}

// Reads the raw facts of every requested region, regions in parallel, with a bound on the calls in flight.
import type { AccountClient } from '@aws-sdk/client-account';
import type { RDSClient } from '@aws-sdk/client-rds';
import pLimit from 'p-limit';
import type { SourceError } from '../../model.js';
import { captureRegion } from './capture.js';
import { createRdsClient } from './client.js';
import { Ledger } from './ledger.js';
import type { CapturedFacts } from './normalise.js';
import { createAccountClient, listEnabledRegions, planRegions } from './regions.js';

export interface LiveOptions {
  /** Region names, or `all` alone: every region enabled for the account. */
  regions: string[];
  /** Call streams in flight at once across all regions (default 8). */
  concurrency?: number;
  /** Builds the RDS client of a region (tests, benchmarks); default: the SDK's standard configuration. */
  clientFactory?: (region: string) => RDSClient;
  /** For `all`: the Account Management API client (tests). */
  accountClient?: AccountClient;
}

export const DEFAULT_CONCURRENCY = 8;

export interface Capture extends CapturedFacts {
  /** The regions scanned, in order. */
  regionNames: string[];
}

/** Regions finish in any order; reports should not. */
function bySource(list: SourceError[]): SourceError[] {
  return [...list].sort((a, b) => a.source.localeCompare(b.source) || a.message.localeCompare(b.message));
}

export async function scanRegions(options: LiveOptions): Promise<Capture> {
  const plan = planRegions(options.regions);
  const ledger = new Ledger();
  let regionNames: string[];
  if (plan.kind === 'all') {
    const accountClient = options.accountClient ?? createAccountClient();
    try {
      const enabled = await listEnabledRegions(accountClient);
      if (enabled.error) ledger.add('account ListRegions', enabled.error);
      regionNames = enabled.regions;
    } finally {
      if (!options.accountClient) accountClient.destroy();
    }
  } else {
    regionNames = plan.regions;
  }
  const limit = pLimit(Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY));
  const clientFactory = options.clientFactory ?? ((region: string) => createRdsClient(region));
  const clients = regionNames.map((region) => clientFactory(region));
  try {
    const regions = await Promise.all(regionNames.map((region, i) => captureRegion({ region, client: clients[i]!, limit, ledger })));
    return { regionNames, regions, errors: bySource(ledger.errors), unavailable: bySource(ledger.unavailable) };
  } finally {
    // Only clients built here hold sockets this scan should close.
    if (!options.clientFactory) for (const client of clients) client.destroy();
  }
}

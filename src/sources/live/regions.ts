// Which regions a scan reads. `all` means the regions enabled for the account, from the Account
// Management API's ListRegions (opt-in status ENABLED or ENABLED_BY_DEFAULT). EC2 DescribeRegions
// answers the same question, but @aws-sdk/client-ec2 adds about 1.1 MB to each bundle against
// about 23 kB for @aws-sdk/client-account (measured with ncc, minified; see docs/live.md).
import { AccountClient, paginateListRegions } from '@aws-sdk/client-account';
import { InputError } from '../../errors.js';
import { describeAwsError } from './aws-errors.js';

export const ALL_REGIONS = 'all';

// us-east-1, us-gov-west-1, cn-northwest-1, ap-southeast-5, us-isob-east-1, …
const REGION_NAME = /^[a-z]{2,}(?:-[a-z0-9]+)+-\d+$/;

export type RegionPlan = { kind: 'all' } | { kind: 'listed'; regions: string[] };

/** Validates `--region` values; `all` must stand alone. */
export function planRegions(regions: string[]): RegionPlan {
  const names = [...new Set(regions.map((r) => r.trim()).filter((r) => r.length > 0))];
  if (names.length === 0) throw new InputError('--live needs at least one --region (or AWS_REGION)');
  if (names.includes(ALL_REGIONS)) {
    if (names.length > 1) throw new InputError(`--region ${ALL_REGIONS} scans every enabled region; give it alone, not with ${names.filter((n) => n !== ALL_REGIONS).join(', ')}`);
    return { kind: 'all' };
  }
  const bad = names.find((n) => !REGION_NAME.test(n));
  if (bad) throw new InputError(`--region "${bad}" is not an AWS region name (like us-east-1), nor "${ALL_REGIONS}"`);
  return { kind: 'listed', regions: names };
}

export interface EnabledRegions {
  regions: string[];
  error: string | null;
}

/** The Account API is global; the region only picks its partition's endpoint. */
export function createAccountClient(env: NodeJS.ProcessEnv = process.env): AccountClient {
  return new AccountClient({ region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1', retryMode: 'adaptive' });
}

/** Regions enabled for the account, sorted; or why they could not be listed. */
export async function listEnabledRegions(client: AccountClient = createAccountClient()): Promise<EnabledRegions> {
  const regions: string[] = [];
  try {
    const pages = paginateListRegions({ client, pageSize: 50 }, { RegionOptStatusContains: ['ENABLED', 'ENABLED_BY_DEFAULT'] });
    for await (const page of pages) {
      for (const region of page.Regions ?? []) if (region.RegionName) regions.push(region.RegionName);
    }
  } catch (error) {
    return { regions: [], error: `${describeAwsError(error)} (list the regions with --region instead of "${ALL_REGIONS}")` };
  }
  return { regions: [...new Set(regions)].sort(), error: null };
}

// What went wrong while reading AWS, and what it means for the run.
//
// The rule (docs/live.md): a failed call goes to `errors` (the run is incomplete, exit 3), except
// when an *optional* API is denied by IAM (AccessDenied and the like): that is a permission the
// account chose not to grant, so it goes to `unavailable` and the facts it would have given stay
// unknown with the reason. Optional APIs only enrich the facts: DescribeDBEngineVersions (restart
// prediction; shipped data stands in), DescribeCertificates (CA dates; shipped data stands in),
// DescribePendingMaintenanceActions (pending CA rotations) and DescribeOptionGroups (Oracle's SSL option).
import type { SourceError } from '../../model.js';
import { describeAwsError, isAccessDenied } from './aws-errors.js';

export type ApiName =
  | 'DescribeDBInstances'
  | 'DescribeDBClusters'
  | 'DescribeDBParameters'
  | 'DescribeDBClusterParameters'
  | 'DescribeOptionGroups'
  | 'DescribeDBEngineVersions'
  | 'DescribeCertificates'
  | 'DescribePendingMaintenanceActions';

export const OPTIONAL_APIS: ReadonlySet<ApiName> = new Set<ApiName>([
  'DescribeOptionGroups',
  'DescribeDBEngineVersions',
  'DescribeCertificates',
  'DescribePendingMaintenanceActions',
]);

/** Problems of a whole scan: one entry per region, API and distinct message. */
export class Ledger {
  readonly errors: SourceError[] = [];
  readonly unavailable: SourceError[] = [];
  /** region + API → why later calls are skipped. */
  private readonly broken = new Map<string, string>();

  /**
   * Records a failed call (`item`: the group or engine version it was about) and returns the reason
   * the affected facts carry. After a denial, or any failure of an optional API, the API is not
   * called again in that region: every further call would fail the same way.
   */
  fail(region: string, api: ApiName, error: unknown, item?: string): string {
    const described = describeAwsError(error);
    const source = `${region} ${api}`;
    const message = item ? `${item}: ${described}` : described;
    const denied = isAccessDenied(error);
    const optional = OPTIONAL_APIS.has(api);
    const list = optional && denied ? this.unavailable : this.errors;
    if (!list.some((e) => e.source === source && e.message === message)) list.push({ source, message });
    const reason = `${api} failed in ${region}: ${described}`;
    if (optional || denied) this.broken.set(source, reason);
    return reason;
  }

  /** Why calls to this API in this region are no longer made, or null. */
  skipped(region: string, api: ApiName): string | null {
    return this.broken.get(`${region} ${api}`) ?? null;
  }

  /** A problem outside the regions' calls (the enabled regions could not be listed). */
  add(source: string, message: string): void {
    this.errors.push({ source, message });
  }
}

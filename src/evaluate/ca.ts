import type { Fact, Location, Resource } from '../model.js';
import { known, unknown } from '../model.js';
import type { PolicySettings } from '../policy/types.js';

export type EffectiveCa =
  | { applicable: false; reason: string }
  | { applicable: true; identifier: Fact<string>; basis: 'set' | 'assumed default' | 'unknown'; at: Location };

function notApplicableReason(resource: Resource): string {
  if (resource.kind === 'db-cluster') return 'the CA of an Aurora cluster is set on each of its instances';
  if (resource.kind === 'cluster-member') return 'the CA of a Multi-AZ DB cluster is set on the cluster';
  return 'no CA facts for this resource';
}

/** The resource's own CA, else the policy's `ca.assume-default` (the account default stands in for an unset CA). */
export function effectiveCa(resource: Resource, settings: PolicySettings): EffectiveCa {
  if (!resource.ca) return { applicable: false, reason: notApplicableReason(resource) };
  const own = resource.ca.identifier;
  const at = own.at ?? resource.origin.location;
  if (!own.known) return { applicable: true, identifier: unknown(own.reason, at), basis: 'unknown', at };
  if (own.value === null) {
    return {
      applicable: true,
      identifier: known(settings.ca.assumeDefault, at, 'ca.assume-default'),
      basis: 'assumed default',
      at,
    };
  }
  return { applicable: true, identifier: known(own.value, at, own.via), basis: 'set', at };
}

export function isAllowedCa(identifier: string, settings: PolicySettings): boolean {
  // Spelled as the policy spells it, as nearly always: no lower-casing, which goes through ICU and
  // costs more than the rest of a resource's CA evaluation.
  if (settings.ca.allowed.includes(identifier)) return true;
  const lower = identifier.toLowerCase();
  return settings.ca.allowed.some((allowed) => allowed.toLowerCase() === lower);
}

import type { Facts } from '../facts/index.js';
import type { Resource } from '../model.js';
import type { PolicySettings } from '../policy/types.js';
import type { TlsAnswers } from './tls.js';

/** What evaluating one resource needs besides the resource itself. */
export interface EvaluationContext {
  settings: PolicySettings;
  facts: Facts;
  asOf: Date;
  /** The db-cluster a cluster-member belongs to, when it is in the same source. */
  cluster: Resource | undefined;
  /** TLS answers the run shares between resources (one per parameter group and setting). */
  tlsAnswers: TlsAnswers;
}

/** The resource whose settings decide TLS and IAM auth: the cluster for members, else itself. */
export function settingsHolder(resource: Resource, context: EvaluationContext): Resource | undefined {
  return resource.kind === 'cluster-member' ? context.cluster : resource;
}

export function memberWithoutCluster(resource: Resource): string {
  const cluster = resource.clusterId ? `cluster ${resource.clusterId}` : 'its cluster';
  return `${resource.id} takes TLS and IAM settings from ${cluster}, which is not in the evaluated sources`;
}

/** The engine version as a string, or null when not set or unknown. */
export function versionOf(resource: Resource): string | null {
  return resource.engineVersion.known ? resource.engineVersion.value : null;
}

import type { Rule } from './types.js';
import { notApplicable, PASSED } from './types.js';

export const sslEnforced: Rule = {
  id: 'ssl-enforced',
  evaluate({ resource, evaluation, context }) {
    if (!context.settings.ssl.required) return notApplicable('ssl.required is false');
    // Aurora and Multi-AZ members: one finding on the cluster, never one per member.
    if (resource.kind === 'cluster-member' && context.cluster) return notApplicable(`decided by cluster ${context.cluster.id}`);
    const { tls } = evaluation;
    if (!tls.applicable) return notApplicable(tls.reason);
    if (!tls.enforced.known) return [{ status: 'unknown', message: `TLS enforcement: ${tls.enforced.reason}`, at: tls.at }];
    if (!tls.enforced.value) return [{ status: 'fail', message: `TLS is not enforced: ${tls.detail}.`, at: tls.at }];
    if (tls.caveat) return [{ status: 'fail', severity: 'notice', message: `TLS is available (${tls.detail}), but ${tls.caveat}.`, at: tls.at }];
    return PASSED;
  },
};

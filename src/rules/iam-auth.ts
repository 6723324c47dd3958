import type { Rule } from './types.js';
import { notApplicable, PASSED } from './types.js';

export const iamAuth: Rule = {
  id: 'iam-auth',
  evaluate({ resource, evaluation, context }) {
    if (!context.settings.iamAuth.required) return notApplicable('iam-auth.required is false');
    if (resource.kind === 'cluster-member' && context.cluster) return notApplicable(`decided by cluster ${context.cluster.id}`);
    const { iam } = evaluation;
    if (!iam.applicable) return notApplicable(iam.reason);
    if (!iam.enabled.known) return [{ status: 'unknown', message: `IAM authentication: ${iam.enabled.reason}`, at: iam.at }];
    if (!iam.enabled.value) {
      const where = resource.kind === 'db-cluster' ? ' on the cluster' : '';
      return [{ status: 'fail', message: `IAM database authentication is not enabled${where}.`, at: iam.at }];
    }
    return PASSED;
  },
};

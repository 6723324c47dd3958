import type { Rule } from './types.js';
import { notApplicable, PASSED } from './types.js';

function restartClause(required: boolean | null, reason: string): string {
  if (required === true) return ` Rotating it restarts the database: ${reason}.`;
  if (required === false) return ` Rotating it does not restart the database: ${reason}.`;
  return ` Whether rotating it restarts the database is unknown: ${reason}.`;
}

export const caAllowed: Rule = {
  id: 'ca-allowed',
  evaluate({ resource, evaluation, context }) {
    const { ca } = evaluation;
    if (!ca.applicable) return notApplicable(ca.reason);
    if (!ca.identifier.known) return [{ status: 'unknown', message: `CA: ${ca.identifier.reason}`, at: ca.at }];
    const identifier = ca.identifier.value;
    const assumed = ca.basis === 'assumed default' ? ' (not set: ca.assume-default)' : '';
    const outcomes = [];
    if (evaluation.caAllowed === false) {
      const pending =
        resource.ca?.change?.pending && resource.ca.change.to.known && resource.ca.change.to.value
          ? ` A change to ${resource.ca.change.to.value} is pending.`
          : '';
      const { required, reason } = evaluation.restart;
      outcomes.push({
        status: 'fail' as const,
        message:
          `uses CA ${identifier}${assumed}, which is not allowed (allowed: ${context.settings.ca.allowed.join(', ') || 'none'}).` +
          pending +
          restartClause(required, reason.replace(/^moving to an allowed CA: /, '')),
        at: ca.at,
      });
    }
    // An allowed CA the engine version cannot use fails at apply time: say so now.
    const lookup = evaluation.engineVersion;
    const supported = lookup.fact?.supportedCAs;
    if (supported && supported.length > 0 && !supported.some((s) => s.toLowerCase() === identifier.toLowerCase())) {
      outcomes.push({
        status: 'fail' as const,
        message: `CA ${identifier} is not supported by ${lookup.fact?.engine} ${lookup.fact?.version} (supported: ${supported.join(', ')}; ${lookup.fact?.source}).`,
        at: ca.at,
      });
    }
    return outcomes.length > 0 ? outcomes : PASSED;
  },
};

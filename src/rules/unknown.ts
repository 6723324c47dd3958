import type { RuleId } from '../policy/types.js';

/** The `unknown` rule: a fact other rules need is unknown. The message names those rules. */
export function unknownFinding(raisedBy: RuleId[], message: string): { rule: 'unknown'; message: string } {
  return { rule: 'unknown', message: `${raisedBy.join(', ')}: ${message}` };
}

import type { Evaluation, EvaluationContext } from '../evaluate/index.js';
import type { Location, Resource } from '../model.js';
import type { RuleId, Severity } from '../policy/types.js';

export type Outcome =
  | { status: 'pass' }
  | { status: 'not-applicable'; reason: string }
  /** `severity` overrides the policy's only to say less (an Oracle caveat is a notice). */
  | { status: 'fail'; message: string; at: Location; severity?: Severity }
  /** A fact the rule needs is unknown: reported by the `unknown` rule. */
  | { status: 'unknown'; message: string; at: Location };

export interface RuleInput {
  resource: Resource;
  evaluation: Evaluation;
  context: EvaluationContext;
}

export interface Rule {
  id: Exclude<RuleId, 'unknown'>;
  evaluate(input: RuleInput): Outcome[];
}

export const PASS: Outcome = { status: 'pass' };

export function notApplicable(reason: string): Outcome[] {
  return [{ status: 'not-applicable', reason }];
}

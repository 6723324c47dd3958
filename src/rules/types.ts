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
  /** Outcomes may be shared between calls (PASSED): read them, never change them. */
  evaluate(input: RuleInput): readonly Outcome[];
}

export const PASS: Outcome = { status: 'pass' };

/** A rule's answer when it passes; one frozen list, as most resources pass most rules. */
export const PASSED: readonly Outcome[] = Object.freeze([PASS]);

export function notApplicable(reason: string): Outcome[] {
  return [{ status: 'not-applicable', reason }];
}

import { caAllowed } from './ca-allowed.js';
import { caExpiring } from './ca-expiring.js';
import { iamAuth } from './iam-auth.js';
import { noRestart } from './no-restart.js';
import { sslEnforced } from './ssl-enforced.js';
import type { Rule } from './types.js';

export { unknownFinding } from './unknown.js';
export type { Outcome, Rule, RuleInput } from './types.js';

/** The rules in report order. `unknown` is not here: it reports what these could not decide. */
export const RULE_SET: readonly Rule[] = [caAllowed, caExpiring, sslEnforced, iamAuth, noRestart];

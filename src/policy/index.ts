export * from './types.js';
export { policySchema } from './schema.js';
export { DEFAULT_POLICY, defaultPolicy } from './defaults.js';
export { loadPolicy, parsePolicy, POLICY_LOCATIONS } from './load.js';
export { starterPolicy, STARTER_SCHEMA_FILE } from './starter.js';
export {
  describeSelector,
  effectiveSettings,
  findExemption,
  matchesSelector,
  scopeDecision,
  type ExemptionMatch,
  type ScopeDecision,
} from './select.js';

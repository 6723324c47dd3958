export * from './types.js';
export { policySchema } from './schema.js';
export { DEFAULT_POLICY, defaultPolicy } from './defaults.js';
export { loadPolicy, POLICY_LOCATIONS } from './load.js';
export { parsePolicy } from './parse.js';
export { starterPolicy, STARTER_SCHEMA_FILE } from './starter.js';
export {
  describeSelector,
  effectiveSettings,
  findExemption,
  matchesSelector,
  scopeDecision,
  settingsResolver,
  type ExemptionMatch,
  type ScopeDecision,
} from './select.js';

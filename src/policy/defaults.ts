import type { Policy } from './types.js';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * The built-in policy: SPEC's example block without scope, overrides and exemptions.
 * Frozen so no caller can change it for everyone; `structuredClone` it for a policy of your own.
 */
export const DEFAULT_POLICY: Policy = deepFreeze({
  version: 1,
  ca: {
    allowed: ['rds-ca-rsa2048-g1', 'rds-ca-rsa4096-g1', 'rds-ca-ecc384-g1'],
    minDaysValid: 60,
    assumeDefault: 'rds-ca-rsa2048-g1',
  },
  ssl: { required: true },
  iamAuth: { required: true },
  restart: { allowed: true },
  severity: {
    'ca-allowed': 'error',
    'ca-expiring': 'warning',
    'ssl-enforced': 'error',
    'iam-auth': 'error',
    'no-restart': 'error',
    unknown: 'warning',
  },
  scope: { engines: null, exclude: [] },
  overrides: [],
  exemptions: [],
  file: null,
});

/** A changeable copy of the default policy, attributed to `file` (an empty policy file means the defaults). */
export function defaultPolicy(file: string | null = null): Policy {
  return { ...structuredClone(DEFAULT_POLICY), file };
}

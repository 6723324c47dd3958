import type { PartialSettings, PolicySettings } from './types.js';

/**
 * `base` with `partial` applied: per section, the keys `partial` sets win; lists replace, never add.
 * Returns fresh objects, so the result can be changed without touching `base`.
 */
export function mergeSettings(base: PolicySettings, partial: PartialSettings): PolicySettings {
  return {
    ca: { ...base.ca, ...partial.ca, allowed: [...(partial.ca?.allowed ?? base.ca.allowed)] },
    ssl: { ...base.ssl, ...partial.ssl },
    iamAuth: { ...base.iamAuth, ...partial.iamAuth },
    restart: { ...base.restart, ...partial.restart },
    severity: { ...base.severity, ...partial.severity },
  };
}

import type { Location } from '../model.js';

export const RULE_IDS = ['ca-allowed', 'ca-expiring', 'ssl-enforced', 'iam-auth', 'no-restart', 'unknown'] as const;
export type RuleId = (typeof RULE_IDS)[number];

export const SEVERITIES = ['error', 'warning', 'notice'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type SeveritySetting = Severity | 'off';

/** Matches on any of id (glob), engine (glob) and tag; several keys must all match. */
export interface Selector {
  id?: string;
  engine?: string;
  tag?: { key: string; value?: string };
}

/** The settings an override may change, and the shape of the effective policy per resource. */
export interface PolicySettings {
  ca: { allowed: string[]; minDaysValid: number; assumeDefault: string };
  ssl: { required: boolean };
  iamAuth: { required: boolean };
  restart: { allowed: boolean };
  severity: Record<RuleId, SeveritySetting>;
}

export type PartialSettings = {
  ca?: Partial<PolicySettings['ca']>;
  ssl?: Partial<PolicySettings['ssl']>;
  iamAuth?: Partial<PolicySettings['iamAuth']>;
  restart?: Partial<PolicySettings['restart']>;
  severity?: Partial<Record<RuleId, SeveritySetting>>;
};

export interface Override {
  match: Selector;
  settings: PartialSettings;
  at: Location;
}

export interface Exemption {
  selector: Selector;
  /** Empty means every rule. */
  rules: RuleId[];
  reason: string;
  /** `YYYY-MM-DD`; the exemption is void after this day. */
  expires: string | null;
  at: Location;
}

export interface Policy extends PolicySettings {
  version: 1;
  scope: { engines: string[] | null; exclude: Selector[] };
  overrides: Override[];
  exemptions: Exemption[];
  /** The policy file, or null for the built-in default. */
  file: string | null;
}

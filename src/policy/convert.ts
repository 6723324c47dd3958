// Validated policy YAML (kebab-case, keys optional) → the Policy model (camelCase, defaults filled).
import type { Location } from '../model.js';
import { DEFAULT_POLICY } from './defaults.js';
import { mergeSettings } from './merge.js';
import type { Exemption, Override, PartialSettings, Policy, RuleId, Selector, SeveritySetting } from './types.js';

type Nullable<T> = T | null | undefined;

interface RawSettings {
  ca?: Nullable<{ allowed?: string[]; 'min-days-valid'?: number; 'assume-default'?: string }>;
  ssl?: Nullable<{ required?: boolean }>;
  'iam-auth'?: Nullable<{ required?: boolean }>;
  restart?: Nullable<{ allowed?: boolean }>;
  severity?: Nullable<Partial<Record<RuleId, SeveritySetting>>>;
}

export interface RawPolicy extends RawSettings {
  version?: 1;
  scope?: Nullable<{ engines?: Nullable<string[]>; exclude?: Nullable<Selector[]> }>;
  overrides?: Nullable<Array<RawSettings & { match: Selector }>>;
  exemptions?: Nullable<Array<Selector & { rules?: RuleId[]; reason: string; expires?: string }>>;
}

/** Copies only the keys that are present, so merging never overwrites with undefined. */
function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function toPartialSettings(raw: RawSettings): PartialSettings {
  const settings: PartialSettings = {};
  if (raw.ca) {
    settings.ca = defined({ allowed: raw.ca.allowed, minDaysValid: raw.ca['min-days-valid'], assumeDefault: raw.ca['assume-default'] });
  }
  if (raw.ssl) settings.ssl = defined({ required: raw.ssl.required });
  if (raw['iam-auth']) settings.iamAuth = defined({ required: raw['iam-auth'].required });
  if (raw.restart) settings.restart = defined({ allowed: raw.restart.allowed });
  if (raw.severity) settings.severity = { ...raw.severity };
  return settings;
}

function toSelector(raw: Selector): Selector {
  const selector: Selector = {};
  if (raw.id !== undefined) selector.id = raw.id;
  if (raw.engine !== undefined) selector.engine = raw.engine;
  if (raw.tag !== undefined) selector.tag = raw.tag.value === undefined ? { key: raw.tag.key } : { key: raw.tag.key, value: raw.tag.value };
  return selector;
}

/**
 * `raw` must already be valid against the schema. `locationOf(path)` gives the position of an
 * override or exemption entry (`['overrides', 0]`).
 */
export function toPolicy(raw: RawPolicy, file: string | null, locationOf: (path: [string, number]) => Location): Policy {
  const overrides: Override[] = (raw.overrides ?? []).map((entry, index) => ({
    match: toSelector(entry.match),
    settings: toPartialSettings(entry),
    at: locationOf(['overrides', index]),
  }));
  const exemptions: Exemption[] = (raw.exemptions ?? []).map((entry, index) => ({
    selector: toSelector(entry),
    rules: [...(entry.rules ?? [])],
    reason: entry.reason.trim(),
    expires: entry.expires ?? null,
    at: locationOf(['exemptions', index]),
  }));
  return {
    version: 1,
    ...mergeSettings(DEFAULT_POLICY, toPartialSettings(raw)),
    scope: {
      engines: raw.scope?.engines ? [...raw.scope.engines] : null,
      exclude: (raw.scope?.exclude ?? []).map(toSelector),
    },
    overrides,
    exemptions,
    file,
  };
}

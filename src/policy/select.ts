// Which policy entries apply to a resource: scope, overrides, exemptions.
import picomatch from 'picomatch';
import type { Resource } from '../model.js';
import { mergeSettings } from './merge.js';
import type { Exemption, Policy, PolicySettings, RuleId, Selector } from './types.js';

// Ids are not paths: a Terraform for_each key may hold "/", which picomatch's "*" would not cross.
// Both sides swap "/" for a private-use character so that "*" matches anything. Brackets are
// literal: Terraform addresses hold them (`orders[0]`, `db["eu"]`), so `orders[*]` means every
// instance of `orders`, not a character class.
const SLASH_STANDIN = '\uE000';
const matchers = new Map<string, (subject: string) => boolean>();

function globMatches(pattern: string, subject: string): boolean {
  // An exact id always matches, even when it reads as a glob: `aws_db_instance.main[0]` has a "[0]" class.
  if (pattern === subject) return true;
  let matcher = matchers.get(pattern);
  if (!matcher) {
    matcher = picomatch(pattern.replaceAll('/', SLASH_STANDIN).replace(/[[\]]/g, '\\$&'), { dot: true, windows: false });
    matchers.set(pattern, matcher);
  }
  return matcher(subject.replaceAll('/', SLASH_STANDIN));
}

export function engineMatches(pattern: string, engine: string): boolean {
  return globMatches(pattern.toLowerCase(), engine.toLowerCase());
}

/** True when every key the selector has matches (an empty selector matches everything; the schema forbids it). */
export function matchesSelector(resource: Resource, selector: Selector): boolean {
  if (selector.id !== undefined && !globMatches(selector.id, resource.id)) return false;
  if (selector.engine !== undefined) {
    // An unknown engine matches no engine selector: we cannot say it is, or is not, a docdb.
    if (!resource.engine.known || !engineMatches(selector.engine, resource.engine.value)) return false;
  }
  if (selector.tag !== undefined) {
    const { key, value } = selector.tag;
    if (!Object.hasOwn(resource.tags, key)) return false;
    if (value !== undefined && resource.tags[key] !== value) return false;
  }
  return true;
}

/** `id=billing-db, engine=aurora-*, tag env=dev` (`tag env` when any value matches). */
export function describeSelector(selector: Selector): string {
  const parts: string[] = [];
  if (selector.id !== undefined) parts.push(`id=${selector.id}`);
  if (selector.engine !== undefined) parts.push(`engine=${selector.engine}`);
  if (selector.tag !== undefined) {
    parts.push(selector.tag.value === undefined ? `tag ${selector.tag.key}` : `tag ${selector.tag.key}=${selector.tag.value}`);
  }
  return parts.join(', ') || 'every resource';
}

export type ScopeDecision = { included: true } | { included: false; reason: string };

/** Most resources are in scope: one shared answer. */
const IN_SCOPE: ScopeDecision = Object.freeze({ included: true });

/**
 * Excluded when `scope.engines` is set and the (known) engine matches none of them, or when a
 * `scope.exclude` selector matches. A resource whose engine is unknown stays in scope, so the
 * unknown is reported rather than hidden.
 */
export function scopeDecision(resource: Resource, policy: Policy): ScopeDecision {
  const { engines, exclude } = policy.scope;
  if (engines && resource.engine.known) {
    const engine = resource.engine.value;
    if (!engines.some((pattern) => engineMatches(pattern, engine))) {
      return { included: false, reason: `engine ${engine} is not in scope.engines (${engines.join(', ')})` };
    }
  }
  for (let index = 0; index < exclude.length; index++) {
    if (matchesSelector(resource, exclude[index]!)) {
      return { included: false, reason: `excluded by scope.exclude[${index}] (${describeSelector(exclude[index]!)})` };
    }
  }
  return IN_SCOPE;
}

/** The top-level settings with every matching override applied in order: later entries win, lists replace. */
export function effectiveSettings(resource: Resource, policy: Policy): PolicySettings {
  return policy.overrides
    .filter((override) => matchesSelector(resource, override.match))
    .reduce<PolicySettings>((settings, override) => mergeSettings(settings, override.settings), mergeSettings(policy, {}));
}

/**
 * effectiveSettings for every resource of a run: the top-level settings are merged once and
 * shared by each resource no override matches (most of them). Settings are read, never changed.
 */
export function settingsResolver(policy: Policy): (resource: Resource) => PolicySettings {
  const base = mergeSettings(policy, {});
  if (policy.overrides.length === 0) return () => base;
  return (resource) => {
    const matching = policy.overrides.filter((override) => matchesSelector(resource, override.match));
    return matching.length === 0 ? base : matching.reduce<PolicySettings>((settings, override) => mergeSettings(settings, override.settings), base);
  };
}

export interface ExemptionMatch {
  exemption: Exemption;
  /** Position in `policy.exemptions`, for reports (`exemptions[2]`). */
  index: number;
  /** `asOf` is after `expires`: the exemption no longer holds. It holds through its expiry day. */
  expired: boolean;
}

function coversRule(exemption: Exemption, rule: RuleId, raisedBy: RuleId | undefined): boolean {
  if (exemption.rules.length === 0) return true;
  if (exemption.rules.includes(rule)) return true;
  // An `unknown` finding raised while evaluating rule R is part of R's exemption.
  return rule === 'unknown' && raisedBy !== undefined && exemption.rules.includes(raisedBy);
}

/**
 * The first exemption that matches the resource and rule, preferring one that still holds on
 * `asOf` (YYYY-MM-DD) over an expired one, so an expired entry never hides a renewed one.
 * `raisedBy` is the rule that raised an `unknown` finding.
 */
export function findExemption(
  resource: Resource,
  rule: RuleId,
  policy: Policy,
  asOf: string,
  raisedBy?: RuleId,
): ExemptionMatch | null {
  let expiredMatch: ExemptionMatch | null = null;
  for (const [index, exemption] of policy.exemptions.entries()) {
    if (!coversRule(exemption, rule, raisedBy) || !matchesSelector(resource, exemption.selector)) continue;
    // Dates are YYYY-MM-DD, so text order is date order.
    const expired = exemption.expires !== null && asOf > exemption.expires;
    if (!expired) return { exemption, index, expired };
    expiredMatch ??= { exemption, index, expired };
  }
  return expiredMatch;
}

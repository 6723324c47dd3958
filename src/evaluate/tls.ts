import type { ParameterTls } from '../facts/index.js';
import type { Fact, Location, ParameterGroup, ParameterValue, Resource } from '../model.js';
import { known, unknown } from '../model.js';
import { atLeast } from '../facts/version.js';
import type { EvaluationContext } from './context.js';
import { memberWithoutCluster, settingsHolder, versionOf } from './context.js';
import { PairCache } from './pair-cache.js';

export type EffectiveTls =
  | { applicable: false; reason: string }
  | {
      applicable: true;
      enforced: Fact<boolean>;
      /** The property that decides it: the parameter entry, the group reference, or the resource. */
      at: Location;
      /** How it was decided, for messages: "rds.force_ssl = 0 in parameter group pg-main". */
      detail: string;
      /** Enforced, but with a caveat worth telling (Oracle's plain-text port). */
      caveat?: string;
    };

/** Parameter values that mean "on": 1, ON, on, true, TRUE — compared upper-cased. */
export function isEnforcingValue(value: string, tls: ParameterTls): boolean {
  return tls.enforcing.includes(value.trim().toUpperCase());
}

function describeValue(parameter: string, value: string): string {
  return `${parameter} = ${value}`;
}

/**
 * Texts naming an engine default: "rds.force_ssl not set in parameter group pg; the PostgreSQL 16.4
 * default is 1". Each remembers the setting it names, so a Facts that shares one default between
 * engines still gets the right parameter.
 */
type DefaultText = { tls: ParameterTls; text: string };

/**
 * What a run works out once and shares between the resources it evaluates: the TLS answer of a
 * group's own setting, where it does not depend on the database using the group, and the texts
 * naming engine defaults (per group, or default group name). Each report row keeps its detail
 * text until the report is written, so sharing them saves a copy per resource. Made per run, so
 * a run never answers from a model an earlier run saw before it changed.
 */
export class TlsAnswers {
  readonly groupSettings = new PairCache<ParameterGroup, ParameterTls, EffectiveTls>();
  readonly notSetTexts = new PairCache<ParameterGroup, Fact<string>, DefaultText>();
  readonly defaultGroupTexts = new PairCache<Fact<string>, string | null, DefaultText>();
}

function groupSetting(answers: TlsAnswers, group: ParameterGroup, groupName: string, parameter: ParameterValue, tls: ParameterTls): EffectiveTls {
  const { groupSettings } = answers;
  const cached = groupSettings.get(group, tls);
  if (cached) return cached;
  if (!parameter.value.known) {
    const at = parameter.value.at ?? parameter.at ?? group.location;
    const answer: EffectiveTls = { applicable: true, enforced: unknown(`${tls.parameter}: ${parameter.value.reason}`, at), at, detail: `${tls.parameter} in ${groupName}` };
    return groupSettings.set(group, tls, answer);
  }
  const value = parameter.value.value;
  const at = parameter.at ?? parameter.value.at ?? group.location;
  const source = parameter.source && parameter.source !== 'user' ? ` (${parameter.source})` : '';
  const detail = `${describeValue(tls.parameter, value)}${source} in parameter group ${groupName}`;
  return groupSettings.set(group, tls, { applicable: true, enforced: known(isEnforcingValue(value, tls), at), at, detail });
}

function fromGroup(
  holder: Resource,
  group: ParameterGroup,
  tls: ParameterTls,
  context: EvaluationContext,
  groupAt: Location,
): EffectiveTls {
  const engine = holder.engine.known ? holder.engine.value : '';
  const groupName = group.name.known ? group.name.value : group.id;
  const parameter = group.parameters[tls.parameter];
  if (parameter) {
    // A static parameter in a group that is pending-reboot on this database is not in effect yet.
    const value = parameter.value.known ? parameter.value.value : null;
    const pendingReboot = (holder.tls?.applyStatus ?? null) === 'pending-reboot' && parameter.applyType !== 'dynamic';
    if (value !== null && pendingReboot && isEnforcingValue(value, tls)) {
      const at = parameter.at ?? parameter.value.at ?? group.location;
      return {
        applicable: true,
        enforced: known(false, at),
        at,
        detail: `${describeValue(tls.parameter, value)} in parameter group ${groupName}, but the group is pending-reboot on ${holder.id}: not in effect until it reboots`,
      };
    }
    return groupSetting(context.tlsAnswers, group, groupName, parameter, tls);
  }
  // Not set in the group: the engine-version default applies.
  const fallback = context.facts.tlsDefault(engine, versionOf(holder));
  const at = groupAt;
  if (!fallback.known) return { applicable: true, enforced: unknown(fallback.reason, at), at, detail: `${tls.parameter} not set in parameter group ${groupName}` };
  const { notSetTexts } = context.tlsAnswers;
  let detail = notSetTexts.get(group, fallback);
  if (detail?.tls !== tls) {
    const text = `${tls.parameter} not set in parameter group ${groupName}; the ${fallback.via ?? 'engine default'} is ${fallback.value}`;
    detail = notSetTexts.set(group, fallback, { tls, text });
  }
  return { applicable: true, enforced: known(isEnforcingValue(fallback.value, tls), at, fallback.via), at, detail: detail.text };
}

/** "default parameter group default.postgres16: rds.force_ssl is 1 (PostgreSQL 16.4 default)". */
function defaultGroupText(answers: TlsAnswers, name: string | null, tls: ParameterTls, fallback: Fact<string> & { known: true }): string {
  const { defaultGroupTexts } = answers;
  const cached = defaultGroupTexts.get(fallback, name);
  if (cached?.tls === tls) return cached.text;
  const group = name ? `default parameter group ${name}` : 'the default parameter group';
  return defaultGroupTexts.set(fallback, name, { tls, text: `${group}: ${tls.parameter} is ${fallback.value} (${fallback.via ?? 'engine default'})` }).text;
}

/** Whether TLS is enforced where it takes effect: the instance's group, or the cluster's for members. */
export function effectiveTls(resource: Resource, context: EvaluationContext): EffectiveTls {
  const holder = settingsHolder(resource, context);
  const here = resource.origin.location;
  if (!holder) return { applicable: true, enforced: unknown(memberWithoutCluster(resource), here), at: here, detail: 'cluster not evaluated' };
  if (!holder.engine.known) return { applicable: true, enforced: unknown(`engine: ${holder.engine.reason}`, here), at: here, detail: 'engine unknown' };
  const engine = holder.engine.value;
  const entry = context.facts.engine(engine);
  if (!entry) return { applicable: true, enforced: unknown(`how engine ${engine} enforces TLS is not known to rds-tls-guard`, here), at: here, detail: 'engine not known' };

  const tls = entry.tls;
  const holderAt = holder.origin.location;
  if (tls.mechanism === 'option-group') {
    const option = holder.tls?.sslOption;
    if (!option) return { applicable: true, enforced: unknown(`no option group facts for ${holder.id}`, holderAt), at: holderAt, detail: 'option group not evaluated' };
    const at = option.at ?? holderAt;
    if (!option.known) return { applicable: true, enforced: unknown(option.reason, at), at, detail: 'SSL option unknown' };
    return option.value
      ? { applicable: true, enforced: known(true, at), at, detail: `the option group has the ${tls.option} option`, caveat: tls.note }
      : { applicable: true, enforced: known(false, at), at, detail: `the option group has no ${tls.option} option` };
  }

  const version = versionOf(holder);
  if (tls.minVersion && version && !atLeast(version, tls.minVersion)) {
    return { applicable: true, enforced: known(false, holderAt), at: holderAt, detail: tls.belowMinVersion ?? `${entry.label} ${version} cannot enforce TLS` };
  }
  if (!holder.tls) return { applicable: true, enforced: unknown(`no parameter group facts for ${holder.id}`, holderAt), at: holderAt, detail: 'parameter group not evaluated' };
  const link = holder.tls.parameterGroup;
  const linkAt = link.at ?? holderAt;
  if (!link.known) return { applicable: true, enforced: unknown(link.reason, linkAt), at: linkAt, detail: 'parameter group unknown' };
  const group = link.value;
  if ('default' in group) {
    const fallback = context.facts.tlsDefault(engine, version);
    if (!fallback.known) {
      const name = group.name ? `default parameter group ${group.name}` : 'the default parameter group';
      return { applicable: true, enforced: unknown(fallback.reason, linkAt), at: linkAt, detail: name };
    }
    return {
      applicable: true,
      enforced: known(isEnforcingValue(fallback.value, tls), linkAt, fallback.via),
      at: linkAt,
      detail: defaultGroupText(context.tlsAnswers, group.name, tls, fallback),
    };
  }
  return fromGroup(holder, group, tls, context, group.location.line != null ? group.location : linkAt);
}

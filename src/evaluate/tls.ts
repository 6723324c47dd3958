import type { ParameterTls } from '../facts/index.js';
import type { Fact, Location, ParameterGroup, Resource } from '../model.js';
import { known, unknown } from '../model.js';
import { atLeast } from '../facts/version.js';
import type { EvaluationContext } from './context.js';
import { memberWithoutCluster, settingsHolder, versionOf } from './context.js';

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
  if (parameter && !parameter.value.known) {
    const at = parameter.value.at ?? parameter.at ?? group.location;
    return { applicable: true, enforced: unknown(`${tls.parameter}: ${parameter.value.reason}`, at), at, detail: `${tls.parameter} in ${groupName}` };
  }
  if (parameter && parameter.value.known) {
    const value = parameter.value.value;
    const at = parameter.at ?? parameter.value.at ?? group.location;
    const enforced = isEnforcingValue(value, tls);
    const applyStatus = holder.tls?.applyStatus ?? null;
    // A static parameter in a group that is pending-reboot on this database is not in effect yet.
    if (enforced && applyStatus === 'pending-reboot' && parameter.applyType !== 'dynamic') {
      return {
        applicable: true,
        enforced: known(false, at),
        at,
        detail: `${describeValue(tls.parameter, value)} in parameter group ${groupName}, but the group is pending-reboot on ${holder.id}: not in effect until it reboots`,
      };
    }
    const source = parameter.source && parameter.source !== 'user' ? ` (${parameter.source})` : '';
    return { applicable: true, enforced: known(enforced, at), at, detail: `${describeValue(tls.parameter, value)}${source} in parameter group ${groupName}` };
  }
  // Not set in the group: the engine-version default applies.
  const fallback = context.facts.tlsDefault(engine, versionOf(holder));
  const at = groupAt;
  if (!fallback.known) return { applicable: true, enforced: unknown(fallback.reason, at), at, detail: `${tls.parameter} not set in parameter group ${groupName}` };
  return {
    applicable: true,
    enforced: known(isEnforcingValue(fallback.value, tls), at, fallback.via),
    at,
    detail: `${tls.parameter} not set in parameter group ${groupName}; the ${fallback.via ?? 'engine default'} is ${fallback.value}`,
  };
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
    const name = group.name ? `default parameter group ${group.name}` : 'the default parameter group';
    if (!fallback.known) return { applicable: true, enforced: unknown(fallback.reason, linkAt), at: linkAt, detail: `${name}` };
    return {
      applicable: true,
      enforced: known(isEnforcingValue(fallback.value, tls), linkAt, fallback.via),
      at: linkAt,
      detail: `${name}: ${tls.parameter} is ${fallback.value} (${fallback.via ?? 'engine default'})`,
    };
  }
  return fromGroup(holder, group, tls, context, group.location.line != null ? group.location : linkAt);
}

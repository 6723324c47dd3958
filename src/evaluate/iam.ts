import type { Fact, Location, Resource } from '../model.js';
import { unknown } from '../model.js';
import type { EvaluationContext } from './context.js';
import { memberWithoutCluster, settingsHolder, versionOf } from './context.js';

export type EffectiveIam =
  | { applicable: false; reason: string }
  | { applicable: true; enabled: Fact<boolean>; at: Location };

/** IAM database authentication where it is decided: the cluster for members, else the resource. */
export function effectiveIam(resource: Resource, context: EvaluationContext): EffectiveIam {
  const holder = settingsHolder(resource, context);
  const here = resource.origin.location;
  if (!holder) return { applicable: true, enabled: unknown(memberWithoutCluster(resource), here), at: here };
  const setting = holder.iamAuth;
  const at = setting?.at ?? holder.origin.location;
  // Enabled is enabled, whatever we know about the engine.
  if (setting?.known && setting.value) return { applicable: true, enabled: setting, at };

  if (!holder.engine.known) return { applicable: true, enabled: unknown(`engine: ${holder.engine.reason}`, at), at };
  const support = context.facts.iamAuthSupport(holder.engine.value, versionOf(holder));
  if (support.known && !support.value) return { applicable: false, reason: support.via ?? 'not available for this engine' };
  if (!setting) return { applicable: true, enabled: unknown(`no IAM authentication facts for ${holder.id}`, at), at };
  if (!support.known && setting.known) return { applicable: true, enabled: unknown(support.reason, at), at };
  return { applicable: true, enabled: setting, at };
}

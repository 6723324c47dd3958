import type { EngineVersionLookup } from '../facts/index.js';
import type { Resource } from '../model.js';
import type { RestartPrediction } from '../report/types.js';

type Rotation = { required: boolean | null; reason: string };

/** Whether rotating the CA restarts a database of this engine version, from the lookup's flag alone. */
function rotationRequired(resource: Resource, lookup: EngineVersionLookup): boolean | null {
  if (!resource.engine.known || !lookup.fact) return null;
  return lookup.fact.supportsCertificateRotationWithoutRestart !== true;
}

/** Whether rotating this resource's CA restarts it, from its engine version alone, and why. */
export function rotationByEngineVersion(resource: Resource, lookup: EngineVersionLookup): Rotation {
  if (!resource.engine.known) return { required: null, reason: `engine: ${resource.engine.reason}` };
  const version = resource.engineVersion.known ? resource.engineVersion.value : null;
  const name = `${resource.engine.value} ${version ?? ''}`.trim();
  if (!lookup.fact) return { required: null, reason: lookup.reason };
  const { supportsCertificateRotationWithoutRestart: flag, source } = lookup.fact;
  if (flag === true) return { required: false, reason: `${name} supports certificate rotation without restart (${source})` };
  if (flag === false) return { required: true, reason: `${name} does not support certificate rotation without restart (${source})` };
  return {
    required: true,
    reason: `${name} does not report SupportsCertificateRotationWithoutRestart, and RDS restarts on rotation by default (${source})`,
  };
}

function rotation(resource: Resource, lookup: EngineVersionLookup): Rotation {
  const setting = resource.ca?.rotationRestart;
  if (setting?.known) {
    return setting.value
      ? { required: true, reason: 'CertificateRotationRestart is true: the instance restarts to rotate the certificate' }
      : {
          required: false,
          reason: 'CertificateRotationRestart is false: no restart now; the new certificate takes effect at the next restart (AWS advises this only when clients do not use TLS)',
        };
  }
  return rotationByEngineVersion(resource, lookup);
}

function timing(resource: Resource): string {
  const applyImmediately = resource.change?.applyImmediately;
  if (applyImmediately?.known && !applyImmediately.value) return ' at the next maintenance window (apply_immediately is false)';
  return '';
}

/**
 * Most resources of a run: nothing planned or needed. One shared answer, frozen because every
 * report row that has it points to it.
 */
const NO_RESTART: RestartPrediction = Object.freeze({ required: false, reason: 'no CA change planned or needed', trigger: null });

/**
 * Restart prediction for a planned or pending CA change, for the rotation a `ca-allowed` violation
 * needs, and for other restarts the evaluated change causes (replacement, engine upgrade…).
 * `lookup`: the resource's engine-version facts. `rotationRestarts`: whether a CA rotation would
 * restart it, change or not (the inventory column).
 */
export function predictRestart(
  resource: Resource,
  caAllowed: boolean | null,
  lookup: EngineVersionLookup,
): { prediction: RestartPrediction; rotationRestarts: boolean | null } {
  const rotationRestarts = rotationRequired(resource, lookup);
  const causes = resource.change?.restartCauses ?? [];
  const caChange = resource.ca?.change ?? null;

  let trigger: RestartPrediction['trigger'] = null;
  let caPart: Rotation | null = null;
  if (caChange) {
    trigger = caChange.pending ? 'pending-ca-change' : 'planned-ca-change';
    const to = caChange.to.known ? caChange.to.value ?? 'the default CA' : 'a CA known only after apply';
    const rotate = rotation(resource, lookup);
    const what = caChange.fromUnknown ? `CA change to ${to}` : `CA ${caChange.from ?? 'the default CA'} → ${to}`;
    caPart = { required: rotate.required, reason: `${what}: ${rotate.reason}` };
  } else if (caAllowed === false) {
    trigger = 'ca-not-allowed';
    const rotate = rotation(resource, lookup);
    caPart = { required: rotate.required, reason: `moving to an allowed CA: ${rotate.reason}` };
  }

  if (causes.length > 0) {
    const reasons = causes.map((c) => c.reason);
    if (caPart) reasons.push(caPart.reason);
    // A cause that only may restart (CloudFormation's Replacement: Conditional) leaves the answer
    // unknown, unless something else in the change restarts the database for certain.
    const certain = causes.some((c) => !c.uncertain) || caPart?.required === true;
    const required = certain ? true : null;
    const reason = reasons.join('; ') + (certain ? timing(resource) : '');
    return { prediction: { required, reason, trigger: trigger ?? 'other-change' }, rotationRestarts };
  }
  if (caPart) {
    const when = caPart.required === true && trigger === 'planned-ca-change' ? timing(resource) : '';
    return { prediction: { required: caPart.required, reason: caPart.reason + when, trigger }, rotationRestarts };
  }
  return { prediction: NO_RESTART, rotationRestarts };
}

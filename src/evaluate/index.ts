import type { EngineVersionLookup } from '../facts/index.js';
import type { Resource } from '../model.js';
import type { RestartPrediction } from '../report/types.js';
import { effectiveCa, isAllowedCa, type EffectiveCa } from './ca.js';
import type { EvaluationContext } from './context.js';
import { versionOf } from './context.js';
import { effectiveIam, type EffectiveIam } from './iam.js';
import { predictRestart } from './restart.js';
import { effectiveTls, type EffectiveTls } from './tls.js';

export type { EvaluationContext } from './context.js';

/** Everything the rules and the report need to know about one resource, computed once. */
export interface Evaluation {
  ca: EffectiveCa;
  /** Whether the effective CA is allowed; null when unknown or not applicable. */
  caAllowed: boolean | null;
  tls: EffectiveTls;
  iam: EffectiveIam;
  restart: RestartPrediction;
  rotationRestarts: boolean | null;
  /** The engine-version facts of the resource (restart behaviour, supported CAs). */
  engineVersion: EngineVersionLookup;
}

export function evaluate(resource: Resource, context: EvaluationContext): Evaluation {
  const ca = effectiveCa(resource, context.settings);
  const caAllowed = ca.applicable && ca.identifier.known ? isAllowedCa(ca.identifier.value, context.settings) : null;
  const engineVersion = context.facts.engineVersion(resource.engine.known ? resource.engine.value : '', versionOf(resource), resource.origin.region);
  const { prediction, rotationRestarts } = predictRestart(resource, caAllowed, engineVersion);
  return {
    ca,
    caAllowed,
    tls: effectiveTls(resource, context),
    iam: effectiveIam(resource, context),
    restart: prediction,
    rotationRestarts,
    engineVersion,
  };
}

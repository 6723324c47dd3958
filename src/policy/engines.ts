// A policy's engine patterns must be able to match an engine this tool evaluates: a typo in
// `scope.engines` ("postgresql") would otherwise scope every database out, and the gate would
// pass on nothing; in a selector it would make an override or exemption silently never apply.
import { evaluatesEngine, EVALUATED_ENGINE_GLOBS, RDS_ENGINE_NAMES } from '../facts/index.js';
import type { RawPolicy } from './convert.js';
import { suggestion, type Segment } from './messages.js';
import { engineMatches } from './select.js';

function matchesSomeEngine(pattern: string): boolean {
  const lower = pattern.toLowerCase();
  return RDS_ENGINE_NAMES.some((name) => engineMatches(lower, name)) || evaluatesEngine(lower);
}

/** Every engine pattern in the policy with its path. */
function enginePatterns(raw: RawPolicy): [Segment[], string][] {
  const found: [Segment[], string][] = [];
  (raw.scope?.engines ?? []).forEach((pattern, i) => found.push([['scope', 'engines', i], pattern]));
  (raw.scope?.exclude ?? []).forEach((s, i) => s.engine !== undefined && found.push([['scope', 'exclude', i, 'engine'], s.engine]));
  (raw.overrides ?? []).forEach((o, i) => o.match.engine !== undefined && found.push([['overrides', i, 'match', 'engine'], o.match.engine]));
  (raw.exemptions ?? []).forEach((e, i) => e.engine !== undefined && found.push([['exemptions', i, 'engine'], e.engine]));
  return found;
}

/** The first engine pattern that matches no RDS engine, with what to say about it; null when all do. */
export function unknownEnginePattern(raw: RawPolicy): { path: Segment[]; message: string } | null {
  for (const [path, pattern] of enginePatterns(raw)) {
    if (matchesSomeEngine(pattern)) continue;
    const guess = suggestion(pattern.toLowerCase(), RDS_ENGINE_NAMES);
    const hint = guess ? `did you mean "${guess}"?` : `engines are named like ${EVALUATED_ENGINE_GLOBS.join(', ')}`;
    return { path, message: `${JSON.stringify(pattern)} matches no RDS engine this tool evaluates; ${hint}` };
  }
  return null;
}

// Engine versions compare on their leading numeric part: "8.0.mysql_aurora.3.08.2" -> [8, 0], "15.4" -> [15, 4].

/**
 * Parsed versions. A run compares the same few version strings once per resource (minimum
 * versions for TLS enforcement), so each is split once. Bounded: versions are few.
 */
const parsed = new Map<string, readonly number[]>();
const MAX_PARSED = 1024;

export function numericPrefix(version: string): readonly number[] {
  const known = parsed.get(version);
  if (known) return known;
  const parts: number[] = [];
  for (const part of version.trim().split('.')) {
    if (!/^\d+$/.test(part)) break;
    parts.push(Number(part));
  }
  if (parsed.size < MAX_PARSED) parsed.set(version, parts);
  return parts;
}

/** Negative, zero or positive as `a` is below, equal to or above `b`; missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const left = numericPrefix(a);
  const right = numericPrefix(b);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const diff = (left[i] ?? 0) - (right[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

export function atLeast(version: string, minimum: string): boolean {
  return compareVersions(version, minimum) >= 0;
}

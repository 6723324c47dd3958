// GitHub measures its limits in different units: a comment body in characters (65,536), a job
// summary in bytes (1 MiB). Renderers and the action measure with the same functions.

export type LengthUnit = 'bytes' | 'chars';

const encoder = new TextEncoder();

/**
 * UTF-8 bytes, or UTF-16 code units. GitHub counts a comment's characters as code points; code
 * units are never fewer, so a body measured in them fits.
 */
export function textLength(text: string, unit: LengthUnit): number {
  return unit === 'bytes' ? encoder.encode(text).length : text.length;
}

/** The longest prefix of `text` that is at most `max` long, never splitting a character. */
export function truncateTo(text: string, max: number, unit: LengthUnit): string {
  if (textLength(text, unit) <= max) return text;
  let out = '';
  let used = 0;
  for (const char of text) {
    const size = textLength(char, unit);
    if (used + size > max) break;
    out += char;
    used += size;
  }
  return out;
}

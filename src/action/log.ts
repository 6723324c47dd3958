// Untrusted text (resource names, messages quoting values) in the step log. The runner reads any
// line that starts with `::` as a workflow command, so such text must not be able to start a line.
import { randomUUID } from 'node:crypto';

/** One log line: line breaks become spaces, so the text cannot start a line of its own. */
export function logLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029\u0085]+/g, ' ');
}

/**
 * A block of many lines, between `::stop-commands::` and its end token: the runner executes no
 * workflow command inside. The token is random per block, so the text cannot end the block early.
 */
export function untrustedBlock(text: string): string {
  const token = `rds-tls-guard-${randomUUID()}`;
  return `::stop-commands::${token}\n${text.replace(/\r\n?/g, '\n').replace(/\n$/, '')}\n::${token}::`;
}

// Anchors and aliases in a policy file: legitimate reuse works; alias bombs and absurd nesting are
// the file's problem (InputError naming the file, with a position), not an internal error.
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../src/policy/index.js';
import { problem } from './problem.js';

/** Nested aliases ("billion laughs") under `key`, `levels` deep. */
function bomb(levels: number, key = 'x-bomb'): string {
  const lines = ['version: 1', `${key}:`, '  a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i <= levels; i++) lines.push(`  a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]`);
  return `${lines.join('\n')}\n`;
}

describe('policy files: YAML aliases', () => {
  it('accepts an anchor reused by 120 exemptions (more than yaml\'s default of 100 alias uses)', () => {
    const exemptions = Array.from({ length: 120 }, (_, i) => `  - id: db-${i}\n    reason: ${i === 0 ? '&r "shared reason"' : '*r'}`);
    const policy = parsePolicy(`version: 1\nexemptions:\n${exemptions.join('\n')}\n`, 'policy.yml');
    expect(policy.exemptions).toHaveLength(120);
    expect(policy.exemptions[119]).toMatchObject({ reason: 'shared reason' });
  });

  it('refuses an alias bomb quickly as the file\'s problem, at the alias that stands for the most', () => {
    const started = Date.now();
    expect(problem(bomb(9))).toEqual({
      file: 'policy.yml',
      line: 12, // a9's first *a8
      column: 12,
      message:
        'invalid YAML: aliases are used more than 10000 times (counting uses inside anchors); refusing what looks like an alias bomb',
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses an alias bomb as the whole document too', () => {
    const text = ['- &a0 [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `- &a${i + 1} [${Array(9).fill(`*a${i}`).join(', ')}]`), ''];
    expect(problem(text.join('\n'))).toMatchObject({ file: 'policy.yml', line: 9, message: expect.stringMatching(/alias bomb/) });
  });
});

describe('policy files: nesting', () => {
  it('refuses absurdly deep nesting with a clear message, not a stack overflow', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(problem(`version: 1\nx: ${deep}\n`)).toMatchObject({
      file: 'policy.yml',
      line: 2,
      message: 'invalid YAML: nested too deeply (more than 100 levels)',
    });
  });

  it('refuses nesting past 100 levels at the first node too deep', () => {
    expect(problem(`version: 1\nx: ${'['.repeat(150)}${']'.repeat(150)}\n`)).toEqual({
      file: 'policy.yml',
      line: 2,
      column: 103, // the 100th "[": level 101, counting the top-level mapping
      message: 'invalid YAML: nested too deeply (more than 100 levels)',
    });
  });
});

describe('policy files: unresolved aliases', () => {
  it('an alias with no anchor before it is the file\'s problem, at the alias', () => {
    expect(problem('version: 1\nca:\n  allowed: [*ca]\n')).toEqual({
      file: 'policy.yml',
      line: 3,
      column: 13,
      message: 'invalid YAML: alias *ca has no anchor before it (write &ca on the value first)',
    });
  });

  it('an alias inside its own anchor is reported as a schema problem, not a crash', () => {
    expect(problem('version: 1\nca: &x\n  allowed: [*x]\n')).toMatchObject({ file: 'policy.yml', line: 3 });
  });
});

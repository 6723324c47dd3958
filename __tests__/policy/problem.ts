// The InputError parsePolicy throws for a text, as file/line/column and message (shared by the policy error tests).
import { expect } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parsePolicy } from '../../src/policy/index.js';

export function problem(text: string) {
  try {
    parsePolicy(text, 'policy.yml');
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    const { file, line, column, message } = error as InputError;
    return { file, line, column, message };
  }
  throw new Error('expected parsePolicy to throw');
}

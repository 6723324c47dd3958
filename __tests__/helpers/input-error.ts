// The InputError a piece of code throws: the test fails when it throws something else, or nothing.
import { expect } from 'vitest';
import { InputError } from '../../src/errors.js';

export function thrownInputError(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

/** The same for code that may return a promise. */
export async function inputError(run: () => unknown): Promise<InputError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

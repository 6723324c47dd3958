// Two kinds of failure: the user's (bad flag, policy or source: exit 2, one clear line) and ours.

export interface ErrorPosition {
  file?: string | null;
  line?: number | null;
  column?: number | null;
}

/** A problem the user can fix: bad flag, unreadable or invalid policy, malformed source. Exit code 2. */
export class InputError extends Error {
  readonly file: string | null;
  readonly line: number | null;
  readonly column: number | null;

  constructor(message: string, position: ErrorPosition = {}) {
    super(message);
    this.name = 'InputError';
    this.file = position.file ?? null;
    this.line = position.line ?? null;
    this.column = position.column ?? null;
  }

  /** `file:line:column: message`, the shape editors and terminals link. */
  describe(): string {
    const where = [this.file, this.line, this.line != null ? this.column : null].filter((p) => p != null).join(':');
    return where ? `${where}: ${this.message}` : this.message;
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof InputError) return error.describe();
  return error instanceof Error ? error.message : String(error);
}

/** Why a file could not be read, in words rather than an errno code. */
export function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return errorMessage(error);
}

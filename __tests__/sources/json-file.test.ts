// JSON inputs other than plans (snapshots, engine-version files): errors at a position, in words,
// and never quoting the file's bytes.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJson, readJsonFile } from '../../src/sources/snapshot/json-file.js';
import { thrownInputError } from '../helpers/input-error.js';

const dir = mkdtempSync(join(tmpdir(), 'rds-tls-guard-json-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('JSON input files', () => {
  it('quotes none of the file, and escapes an unprintable unexpected character', () => {
    const secretish = thrownInputError(() => parseJson('Csecret-token-123 and more text after it', 'f.json', 'a snapshot'));
    expect(secretish.describe()).toBe("f.json:1:1: not valid JSON (a snapshot): Unexpected token 'C'");
    const binary = thrownInputError(() => parseJson('\u0001\u001b[31m junk', 'f.json', 'a snapshot'));
    expect(binary.message).not.toMatch(/[\u0000-\u001f]/);
    expect(binary.message).toContain('\\u0001');
    const late = thrownInputError(() => parseJson('{\n  "a": 1,\n  "b": tru\n}', 'f.json', 'a snapshot'));
    expect([late.line, late.column]).toEqual([3, 8]);
  });

  it('reports a syntax error inside 100,000 nested arrays at its position, not as a stack overflow', () => {
    const deep = thrownInputError(() => parseJson(`${'['.repeat(100_000)}${']'.repeat(99_999)}`, 'snap.json', 'a snapshot'));
    expect(deep).toMatchObject({ file: 'snap.json', line: 1, column: 200_000 });
    expect(deep.message).toMatch(/^not valid JSON \(a snapshot\): /);
  });

  it('says why a file cannot be read in words', async () => {
    const sub = join(dir, 'a-directory');
    mkdirSync(sub);
    await expect(readJsonFile(sub, 'a snapshot')).rejects.toThrow('cannot read a snapshot: it is a directory');
    await expect(readJsonFile(join(dir, 'missing.json'), 'a snapshot')).rejects.toThrow('cannot read a snapshot: no such file');
    if (process.getuid?.() !== 0) {
      // root reads any file, whatever its mode: this case only means something for other users.
      const locked = join(dir, 'locked.json');
      writeFileSync(locked, '{}');
      chmodSync(locked, 0o000);
      await expect(readJsonFile(locked, 'a snapshot')).rejects.toThrow('cannot read a snapshot: permission denied');
    }
  });
});

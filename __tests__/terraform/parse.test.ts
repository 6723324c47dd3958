import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it, vi } from 'vitest';

import { InputError } from '../../src/errors.js';
import { readTerraformPlans } from '../../src/sources/terraform/index.js';
import { change, dbAfter, plan, tempDir, writeJson, type Json } from './plan-builder.js';

const dir = tempDir();
const minimal = plan([change('aws_db_instance.main', ['create'], dbAfter())]);

async function inputError(file: string): Promise<InputError> {
  const error = await readTerraformPlans([file]).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('reading plan files', () => {
  it('reports malformed JSON with the line and column of the problem', async () => {
    const text = '{\n  "format_version": "1.2",\n  "resource_changes": [\n    {"address": "x" "type": "aws_db_instance"}\n  ]\n}\n';
    const error = await inputError(writeJson(dir, 'missing-comma.json', text));
    expect(error.file).toBe(join(dir, 'missing-comma.json'));
    expect(error.line).toBe(4);
    expect(error.column).toBe(21); // the second string, where a comma was expected
    expect(error.message).toMatch(/not valid JSON/);
  });

  it('finds the position of errors the native parser reports without one, and quotes no text from the file', async () => {
    const text = '{"format_version": "1.2",\n "variables": {"db_password": {"value": "hunter2"}},\n "resource_changes": tru}';
    const error = await inputError(writeJson(dir, 'bad-literal.json', text));
    expect([error.line, error.column]).toEqual([3, 22]);
    expect(error.describe()).not.toContain('hunter2');
  });

  it('reports a truncated plan at its end', async () => {
    const text = JSON.stringify(minimal, null, 2);
    const cut = text.slice(0, text.length - 20);
    const error = await inputError(writeJson(dir, 'truncated.json', cut));
    const lines = cut.split('\n');
    expect([error.line, error.column]).toEqual([lines.length, lines.at(-1)!.length + 1]);
  });

  it('rejects valid JSON nested deeper than any plan as the file\'s problem, with its position', async () => {
    const text = JSON.stringify(minimal).replace('"after":{', `"after":{"deep":${'['.repeat(5000)}${']'.repeat(5000)},`);
    const file = join(dir, 'deep.json');
    writeFileSync(file, `\n${text}`);
    expect(() => JSON.parse(text)).not.toThrow();
    const error = await inputError(file);
    expect(error.message).toBe('Terraform plan is nested more than 4096 levels deep');
    // The plan, resource_changes, the change, `change` and `after` are 5 levels: the 4,092nd `[` is one too many.
    const at = text.indexOf('"deep":') + '"deep":'.length + 4091;
    expect({ line: error.line, column: error.column }).toEqual({ line: 2, column: at + 1 });
  });

  it('rejects values of a type Terraform does not write rather than reading them as not set', async () => {
    const odd = plan([change('aws_db_instance.main', ['create'], dbAfter({ ca_cert_identifier: { a: 1 } }))]);
    expect((await inputError(writeJson(dir, 'odd-ca.json', odd))).message).toBe(
      'Terraform plan: aws_db_instance.main: "ca_cert_identifier" is an object, not a string; is this `terraform show -json` output?',
    );
    const numeric = plan([change('aws_db_instance.main', ['create'], dbAfter({ engine: 12 }))]);
    expect((await inputError(writeJson(dir, 'odd-engine.json', numeric))).message).toMatch(/"engine" is the number 12, not a string/);
    const flag = plan([change('aws_db_instance.main', ['create'], dbAfter({ iam_database_authentication_enabled: 'true' }))]);
    expect((await inputError(writeJson(dir, 'odd-flag.json', flag))).message).toMatch(/"iam_database_authentication_enabled" is the string "true", not a boolean/);
  });

  it('rejects JSON that is not a plan, naming the file', async () => {
    expect((await inputError(writeJson(dir, 'array.json', '[1, 2]'))).message).toMatch(/not a Terraform plan: .*array/);
    expect((await inputError(writeJson(dir, 'no-version.json', { resource_changes: [] }))).message).toMatch(/no "format_version"/);
    const state = { format_version: '1.0', terraform_version: '1.9.8', values: { root_module: {} } };
    expect((await inputError(writeJson(dir, 'state.json', state))).message).toMatch(/looks like Terraform state/);
    const other = { format_version: '1.0', provider_schemas: {} };
    const error = await inputError(writeJson(dir, 'schemas.json', other));
    expect(error.message).toMatch(/no "resource_changes" or "planned_values"/);
    expect(error.file).toBe(join(dir, 'schemas.json'));
    const notList = await inputError(writeJson(dir, 'not-list.json', '{\n  "format_version": "1.2",\n  "resource_changes": null\n}'));
    expect([notList.message, notList.line, notList.column]).toEqual(['not a Terraform plan: "resource_changes" is not a list', 3, 23]);
  });

  it('accepts plan format 0.x and 1.x and rejects another major version', async () => {
    for (const version of ['0.1', '1.0', '1.2', '1.9']) {
      const result = await readTerraformPlans([writeJson(dir, `v${version}.json`, { ...minimal, format_version: version })]);
      expect(result.resources.map((r) => r.id)).toEqual(['aws_db_instance.main']);
    }
    const error = await inputError(writeJson(dir, 'v2.json', { ...minimal, format_version: '2.0' }));
    expect(error.message).toBe('unsupported Terraform plan format_version "2.0" (this version reads 0.x and 1.x)');
    expect([error.line, error.column]).toEqual([1, 19]); // {"format_version":"2.0",…
  });

  it('ignores keys it does not know', async () => {
    const extended = { ...minimal, deferred_changes: [], action_invocations: [{ any: 'thing' }], checks: [], applyable: true };
    const result = await readTerraformPlans([writeJson(dir, 'extended.json', extended)]);
    expect(result.resources).toHaveLength(1);
  });

  it('rejects an empty file and a plan without resources', async () => {
    expect((await inputError(writeJson(dir, 'empty.json', ''))).message).toMatch(/is empty/);
    expect((await inputError(writeJson(dir, 'blank.json', '  \n'))).message).toMatch(/is empty/);
    expect((await inputError(writeJson(dir, 'nothing.json', plan([])))).message).toBe('Terraform plan has no resources');
  });

  it('rejects a missing file as an input error', async () => {
    const error = await inputError(join(dir, 'does-not-exist.json'));
    expect(error.message).toBe('cannot read Terraform plan: no such file');
  });

  it('reads plans written as UTF-16 with a byte order mark (PowerShell redirection) and UTF-8 with a BOM', async () => {
    const utf16 = join(dir, 'utf16.json');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(minimal), 'utf16le')]));
    const bom = join(dir, 'bom.json');
    writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(minimal))]));
    const result = await readTerraformPlans([utf16, bom]);
    expect(result.resources.map((r) => r.engine)).toEqual([
      expect.objectContaining({ value: 'postgres' }),
      expect.objectContaining({ value: 'postgres' }),
    ]);
  });

  it('reads every RDS change of a large plan, in order, however its changes lie side by side', async () => {
    // Runs of adjacent instances (parsed together, in batches of up to 64 KB) broken by resources
    // of other types, in a pretty-printed plan (whitespace between elements) and a compact one.
    const changes: Json[] = [];
    const expected: string[] = [];
    for (let i = 0; i < 600; i++) {
      const address = `aws_db_instance.db[${i}]`;
      // One change alone is larger than a batch.
      const note = 'x'.repeat(i === 300 ? 70_000 : 200 + (i % 7) * 50);
      changes.push(change(address, ['create'], dbAfter({ identifier: `db-${i}`, tags: { note } })));
      expected.push(address);
      if (i % 97 === 0) changes.push(change(`aws_s3_bucket.b[${i}]`, ['create'], { bucket: `b-${i}` }));
    }
    const big = plan(changes);
    expect(JSON.stringify(big).length).toBeGreaterThan(4 * 64 * 1024);
    for (const [name, text] of [['compact.json', JSON.stringify(big)], ['pretty.json', JSON.stringify(big, null, 2)]] as const) {
      const file = writeJson(dir, name, text);
      const parse = vi.spyOn(JSON, 'parse');
      let calls: number;
      const result = await readTerraformPlans([file]).finally(() => {
        calls = parse.mock.calls.length;
        parse.mockRestore();
      });
      // Parsed a batch at a time: a few dozen calls (7 runs of ~100 changes, each a few 64 KB batches), not 600.
      expect(calls!).toBeLessThan(60);
      expect(result.resources.map((r) => r.id)).toEqual(expected);
      expect(result.resources.map((r) => r.identifier)).toEqual(expected.map((_, i) => `db-${i}`));
    }
  });

  it('reads several plans into one result, keeping each file in its locations', async () => {
    const a = writeJson(dir, 'a.json', minimal);
    const b = writeJson(dir, 'b.json', plan([change('aws_db_instance.other', ['create'], dbAfter())]));
    const result = await readTerraformPlans([a, b]);
    expect(result.resources.map((r) => [r.id, r.origin.file])).toEqual([
      ['aws_db_instance.main', a],
      ['aws_db_instance.other', b],
    ]);
  });
});

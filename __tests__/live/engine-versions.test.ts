// Engine-version facts from describe-db-engine-versions files, and from AWS for IaC runs.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeDBEngineVersionsCommand, RDSClient, type DescribeDBEngineVersionsMessage } from '@aws-sdk/client-rds';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { fetchEngineVersionFacts, readEngineVersionsFiles } from '../../src/sources/engine-versions/index.js';
import { denied } from './mock-rds.js';

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'rds-tls-guard-ev-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const write = (name: string, text: string) => {
  const file = join(work, name);
  writeFileSync(file, text);
  return file;
};

describe('readEngineVersionsFiles', () => {
  it('reads every file in order, with the file as the source', async () => {
    const a = write('a.json', JSON.stringify({ DBEngineVersions: [{ Engine: 'MySQL', EngineVersion: '8.0.35', SupportsCertificateRotationWithoutRestart: false }] }));
    const b = write('b.json', JSON.stringify({ DBEngineVersions: [{ Engine: 'postgres', EngineVersion: '16.3', DBParameterGroupFamily: 'postgres16', SupportedCACertificateIdentifiers: ['rds-ca-rsa4096-g1'] }], Marker: 'x' }));
    expect(await readEngineVersionsFiles([a, b])).toEqual([
      { engine: 'mysql', version: '8.0.35', supportsCertificateRotationWithoutRestart: false, supportedCAs: null, parameterGroupFamily: null, source: a },
      { engine: 'postgres', version: '16.3', supportsCertificateRotationWithoutRestart: null, supportedCAs: ['rds-ca-rsa4096-g1'], parameterGroupFamily: 'postgres16', source: b },
    ]);
  });

  it('a malformed file is an input error at the position', async () => {
    const file = write('bad.json', '{\n  "DBEngineVersions": [\n    {"Engine": "postgres", "EngineVersion": 16}\n  ]\n}\n');
    const error = await readEngineVersionsFiles([file]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).describe()).toBe(`${file}:3:45: DBEngineVersions[0].EngineVersion must be a string, not a number`);
  });

  it('other JSON says what was expected', async () => {
    const file = write('other.json', '[1, 2]');
    await expect(readEngineVersionsFiles([file])).rejects.toThrow('the top level must be an object, not an array (the aws rds describe-db-engine-versions output: {"DBEngineVersions": [...]})');
    const truncated = write('cut.json', '{"DBEngineVersions": [');
    await expect(readEngineVersionsFiles([truncated])).rejects.toMatchObject({ line: 1, column: 23 });
  });
});

describe('fetchEngineVersionFacts', () => {
  it('asks once per distinct engine version, deprecated versions included', async () => {
    const client = new RDSClient({ region: 'eu-west-1', credentials: { accessKeyId: 'AKIAUNITTESTKEY00004', secretAccessKey: 'x' } });
    const mock = mockClient(client);
    mock.on(DescribeDBEngineVersionsCommand).callsFake((input: DescribeDBEngineVersionsMessage) =>
      Promise.resolve({ DBEngineVersions: [{ Engine: input.Engine, EngineVersion: input.EngineVersion, SupportsCertificateRotationWithoutRestart: true }] }),
    );
    const pairs = [
      { engine: 'postgres', version: '14.9' },
      { engine: 'postgres', version: '14.9' },
      { engine: 'mysql', version: '8.0.35' },
    ];
    const { facts, errors } = await fetchEngineVersionFacts(pairs, 'eu-west-1', client);
    expect(errors).toEqual([]);
    expect(mock.commandCalls(DescribeDBEngineVersionsCommand).map((c) => c.args[0].input)).toEqual([
      { Engine: 'postgres', EngineVersion: '14.9', IncludeAll: true, MaxRecords: 100 },
      { Engine: 'mysql', EngineVersion: '8.0.35', IncludeAll: true, MaxRecords: 100 },
    ]);
    expect(facts.map((f) => `${f.engine} ${f.version} ${f.supportsCertificateRotationWithoutRestart} ${f.source}`)).toEqual([
      'postgres 14.9 true DescribeDBEngineVersions eu-west-1',
      'mysql 8.0.35 true DescribeDBEngineVersions eu-west-1',
    ]);
  });

  it('stops after a denial and returns it as one error', async () => {
    const client = new RDSClient({ region: 'eu-west-1', credentials: { accessKeyId: 'AKIAUNITTESTKEY00004', secretAccessKey: 'x' } });
    const mock = mockClient(client);
    mock.on(DescribeDBEngineVersionsCommand).rejects(denied('DescribeDBEngineVersions'));
    const { facts, errors } = await fetchEngineVersionFacts(
      [
        { engine: 'postgres', version: '14.9' },
        { engine: 'mysql', version: '8.0.35' },
      ],
      'eu-west-1',
      client,
    );
    expect(facts).toEqual([]);
    expect(mock.commandCalls(DescribeDBEngineVersionsCommand)).toHaveLength(1);
    expect(errors).toEqual([{ source: 'eu-west-1 DescribeDBEngineVersions', message: expect.stringMatching(/^AccessDenied: /) }]);
  });
});

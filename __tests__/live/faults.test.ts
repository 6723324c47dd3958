// Faults: throttling, denied regions and APIs, pages that fail half-way, missing CAs, secrets in messages.
import { Readable } from 'node:stream';
import {
  CertificateNotFoundFault,
  DescribeCertificatesCommand,
  DescribeDBClustersCommand,
  DescribeDBEngineVersionsCommand,
  DescribeDBInstancesCommand,
  DescribeDBParametersCommand,
  DescribePendingMaintenanceActionsCommand,
  RDSClient,
} from '@aws-sdk/client-rds';
import { describe, expect, it, vi } from 'vitest';
import { createRdsClient, readLive } from '../../src/sources/live/index.js';
import { describeAwsError, redactSecrets } from '../../src/sources/live/aws-errors.js';
import { awsError, denied, instance, mockRegions } from './mock-rds.js';

const XMLNS = 'http://rds.amazonaws.com/doc/2014-10-31/';

/** An HTTP handler that answers like the RDS query API, so the SDK's own retry strategy runs. */
function fakeRds(answer: (action: string, call: number) => { status: number; body: string }) {
  const calls: Record<string, number> = {};
  const requestHandler = {
    async handle(request: { body?: unknown }) {
      const action = /Action=(\w+)/.exec(String(request.body))?.[1] ?? 'unknown';
      calls[action] = (calls[action] ?? 0) + 1;
      const { status, body } = answer(action, calls[action]);
      return { response: { statusCode: status, headers: { 'content-type': 'text/xml' }, body: Readable.from([Buffer.from(body)]) } };
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs() {
      return {};
    },
  };
  return { calls, requestHandler };
}

const emptyResult = (action: string) => ({ status: 200, body: `<${action}Response xmlns="${XMLNS}"><${action}Result/></${action}Response>` });
const throttled = { status: 400, body: `<ErrorResponse xmlns="${XMLNS}"><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error></ErrorResponse>` };
const oneInstance = {
  status: 200,
  body: `<DescribeDBInstancesResponse xmlns="${XMLNS}"><DescribeDBInstancesResult><DBInstances><DBInstance>
    <DBInstanceIdentifier>busy-db</DBInstanceIdentifier><Engine>postgres</Engine><EngineVersion>16.3</EngineVersion>
    <DBInstanceArn>arn:aws:rds:us-east-1:111122223333:db:busy-db</DBInstanceArn><CACertificateIdentifier>rds-ca-rsa2048-g1</CACertificateIdentifier>
  </DBInstance></DBInstances></DescribeDBInstancesResult></DescribeDBInstancesResponse>`,
};
/** The SDK's back-off and adaptive rate limiter run on a fake clock, so the test does not wait for real. */
async function onFakeClock<T>(run: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  try {
    let done = false;
    const promise = run().finally(() => {
      done = true;
    });
    while (!done) await vi.advanceTimersByTimeAsync(250);
    return await promise;
  } finally {
    vi.useRealTimers();
  }
}

const staticCredentials = { accessKeyId: 'AKIAUNITTESTKEY00002', secretAccessKey: 'unit-test-secret' };

describe('throttling', () => {
  it('is retried by the SDK (adaptive mode) until the call succeeds', async () => {
    const rds = fakeRds((action, call) => (action === 'DescribeDBInstances' ? (call <= 2 ? throttled : oneInstance) : emptyResult(action)));
    const client = createRdsClient('us-east-1', {}, { requestHandler: rds.requestHandler, credentials: staticCredentials });
    expect(await client.config.retryStrategy()).toMatchObject({ mode: 'adaptive' });
    const result = await onFakeClock(() => readLive({ regions: ['us-east-1'], clientFactory: () => client }));
    expect(rds.calls.DescribeDBInstances).toBe(3);
    expect(result.errors).toEqual([]);
    expect(result.resources.map((r) => r.id)).toEqual(['busy-db']);
  });

  it('becomes an error of that region and API when the retries run out; the rest is still read', async () => {
    const rds = fakeRds((action) => (action === 'DescribeDBClusters' ? throttled : action === 'DescribeDBInstances' ? oneInstance : emptyResult(action)));
    const client = createRdsClient('us-east-1', {}, { requestHandler: rds.requestHandler, credentials: staticCredentials, maxAttempts: 2 });
    const result = await onFakeClock(() => readLive({ regions: ['us-east-1'], clientFactory: () => client }));
    expect(rds.calls.DescribeDBClusters).toBe(2);
    expect(result.errors).toEqual([{ source: 'us-east-1 DescribeDBClusters', message: 'Throttling: Rate exceeded' }]);
    expect(result.resources.map((r) => r.id)).toEqual(['busy-db']);
  });
});

describe('access denied', () => {
  it('in one region is recorded for that region; the other region is reported', async () => {
    const aws = mockRegions(['us-east-1', 'eu-west-1']);
    aws.mock('us-east-1').on(DescribeDBInstancesCommand).resolves({ DBInstances: [instance('east-db', 'us-east-1')] });
    aws.mock('eu-west-1').on(DescribeDBInstancesCommand).rejects(denied('DescribeDBInstances'));
    aws.mock('eu-west-1').on(DescribeDBClustersCommand).rejects(denied('DescribeDBClusters'));
    const result = await readLive({ regions: ['us-east-1', 'eu-west-1'], clientFactory: aws.clientFactory });
    expect(result.resources.map((r) => `${r.origin.region} ${r.id}`)).toEqual(['us-east-1 east-db']);
    expect(result.errors).toEqual([
      {
        source: 'eu-west-1 DescribeDBClusters',
        message: 'AccessDenied: User: arn:aws:sts::111122223333:assumed-role/scanner/ci is not authorized to perform: rds:DescribeDBClusters',
      },
      {
        source: 'eu-west-1 DescribeDBInstances',
        message: 'AccessDenied: User: arn:aws:sts::111122223333:assumed-role/scanner/ci is not authorized to perform: rds:DescribeDBInstances',
      },
    ]);
    // Nothing read in eu-west-1, so nothing else is asked there.
    expect(aws.calls('DescribeCertificates', 'eu-west-1')).toBe(0);
  });

  it('on DescribeDBParameters makes TLS unknown with the reason, is an error, and is asked once per region', async () => {
    const aws = mockRegions(['us-east-1']);
    const groups = ['pg-a', 'pg-b', 'pg-c'];
    aws.mock('us-east-1').on(DescribeDBInstancesCommand).resolves({
      DBInstances: groups.map((g, i) => instance(`db-${i}`, 'us-east-1', { DBParameterGroups: [{ DBParameterGroupName: g, ParameterApplyStatus: 'in-sync' }] })),
    });
    aws.mock('us-east-1').on(DescribeDBParametersCommand).rejects(denied('DescribeDBParameters'));
    const result = await readLive({ regions: ['us-east-1'], clientFactory: aws.clientFactory });
    expect(aws.calls('DescribeDBParameters')).toBe(1);
    expect(result.errors.map((e) => e.source)).toEqual(['us-east-1 DescribeDBParameters']);
    for (const resource of result.resources) {
      expect(resource.tls?.parameterGroup).toEqual({
        known: false,
        reason: 'DescribeDBParameters failed in us-east-1: AccessDenied: User: arn:aws:sts::111122223333:assumed-role/scanner/ci is not authorized to perform: rds:DescribeDBParameters',
      });
    }
  });

  it('on an optional API degrades to unknown facts without making the run incomplete', async () => {
    const aws = mockRegions(['us-east-1']);
    aws.mock('us-east-1').on(DescribeDBInstancesCommand).resolves({
      DBInstances: ['14.9', '15.5', '16.3'].map((v) => instance(`pg-${v}`, 'us-east-1', { EngineVersion: v })),
    });
    aws.mock('us-east-1').on(DescribeDBEngineVersionsCommand).rejects(denied('DescribeDBEngineVersions'));
    aws.mock('us-east-1').on(DescribeCertificatesCommand).rejects(denied('DescribeCertificates'));
    aws.mock('us-east-1').on(DescribePendingMaintenanceActionsCommand).rejects(denied('DescribePendingMaintenanceActions'));
    const result = await readLive({ regions: ['us-east-1'], clientFactory: aws.clientFactory });
    expect(result.errors).toEqual([]);
    expect(result.unavailable?.map((e) => e.source)).toEqual([
      'us-east-1 DescribeCertificates',
      'us-east-1 DescribeDBEngineVersions',
      'us-east-1 DescribePendingMaintenanceActions',
    ]);
    expect(aws.calls('DescribeDBEngineVersions')).toBe(1);
    expect(result.engineVersions).toEqual([]);
    expect(result.resources).toHaveLength(3);
    for (const resource of result.resources) {
      expect(resource.ca?.identifier).toMatchObject({ known: true, value: 'rds-ca-rsa2048-g1' });
      expect(resource.ca?.caValidTill).toBeUndefined();
      expect(resource.ca?.change).toBeUndefined();
    }
  });
});

describe('a page that fails half-way', () => {
  it('keeps the pages read before it and records the failure', async () => {
    const aws = mockRegions(['us-east-1']);
    const firstPage = Array.from({ length: 100 }, (_, i) => instance(`db-${String(i).padStart(3, '0')}`, 'us-east-1'));
    aws.mock('us-east-1')
      .on(DescribeDBInstancesCommand)
      .callsFake((input: { Marker?: string }) => {
        if (!input.Marker) return Promise.resolve({ DBInstances: firstPage, Marker: 'page-2' });
        return Promise.reject(awsError('InternalFailure', 'An internal error occurred', 500));
      });
    const result = await readLive({ regions: ['us-east-1'], clientFactory: aws.clientFactory });
    expect(aws.calls('DescribeDBInstances')).toBe(2);
    expect(result.resources).toHaveLength(100);
    expect(result.errors).toEqual([{ source: 'us-east-1 DescribeDBInstances', message: 'InternalFailure: An internal error occurred' }]);
  });

  it('makes a parameter group unknown rather than half-read', async () => {
    const aws = mockRegions(['us-east-1']);
    aws.mock('us-east-1').on(DescribeDBInstancesCommand).resolves({ DBInstances: [instance('db-1', 'us-east-1')] });
    aws.mock('us-east-1')
      .on(DescribeDBParametersCommand)
      .callsFake((input: { Marker?: string }) =>
        input.Marker
          ? Promise.reject(awsError('InternalFailure', 'An internal error occurred', 500))
          : Promise.resolve({ Parameters: [{ ParameterName: 'rds.force_ssl', ParameterValue: '1', Source: 'user' }], Marker: 'next' }),
      );
    const result = await readLive({ regions: ['us-east-1'], clientFactory: aws.clientFactory });
    expect(result.resources[0]!.tls?.parameterGroup).toMatchObject({ known: false, reason: expect.stringContaining('InternalFailure') });
    expect(result.errors).toEqual([{ source: 'us-east-1 DescribeDBParameters', message: 'pg-main: InternalFailure: An internal error occurred' }]);
  });
});

describe('CertificateNotFound', () => {
  it('means the region lists no CA: no error, the instances keep their CA', async () => {
    const aws = mockRegions(['us-east-1']);
    aws.mock('us-east-1').on(DescribeDBInstancesCommand).resolves({ DBInstances: [instance('old-db', 'us-east-1', { CACertificateIdentifier: 'rds-ca-2019' })] });
    aws.mock('us-east-1')
      .on(DescribeCertificatesCommand)
      .rejects(new CertificateNotFoundFault({ $metadata: { httpStatusCode: 404 }, message: 'CertificateIdentifier rds-ca-2019 not found' }));
    const result = await readLive({ regions: ['us-east-1'], clientFactory: aws.clientFactory });
    expect(result.errors).toEqual([]);
    expect(result.unavailable).toBeUndefined();
    expect(result.certificates).toEqual([]);
    expect(result.resources[0]!.ca).toMatchObject({ identifier: { known: true, value: 'rds-ca-2019' }, change: null });
    expect(result.resources[0]!.ca?.caValidTill).toBeUndefined();
  });
});

describe('secrets', () => {
  const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzzSECRETKEY';
  const token = 'IQoJb3JpZ2luX2VjEFAKESESSIONTOKENxyz0123456789';

  it('are removed from AWS error messages', () => {
    const env = { AWS_SECRET_ACCESS_KEY: secret, AWS_SESSION_TOKEN: token };
    const text = redactSecrets(
      `bad request X-Amz-Security-Token=${token}&X-Amz-Signature=abc123 Credential=AKIAIOSFODNN7EXAMPLE/20240101/us-east-1/rds/aws4_request, Signature=deadbeef secret ${secret}`,
      env,
    );
    for (const leaked of [secret, token, 'AKIAIOSFODNN7EXAMPLE', 'abc123', 'deadbeef']) expect(text).not.toContain(leaked);
    expect(text).toContain('X-Amz-Security-Token=[redacted]');
  });

  it('in the environment never reach results or errors, even when AWS echoes them', async () => {
    const saved = { ...process.env };
    process.env.AWS_SECRET_ACCESS_KEY = secret;
    process.env.AWS_SESSION_TOKEN = token;
    try {
      const aws = mockRegions(['us-east-1']);
      aws.mock('us-east-1').on(DescribeDBInstancesCommand).rejects(awsError('SignatureDoesNotMatch', `The request signature we calculated does not match; string to sign used ${secret} and token ${token}`, 403));
      const result = await readLive({ regions: ['us-east-1'], clientFactory: aws.clientFactory });
      const text = JSON.stringify(result);
      expect(result.errors[0]?.source).toBe('us-east-1 DescribeDBInstances');
      expect(text).not.toContain(secret);
      expect(text).not.toContain(token);
      expect(describeAwsError(new Error(`x ${secret}`))).toBe('Error: x [redacted]');
    } finally {
      process.env = saved;
    }
  });
});

it('says an HTTP error that is not an AWS API response is one, instead of the parser\'s complaint', () => {
  const html = Object.assign(new Error('@aws-sdk XML parse error: mismatched tags <html> and </title>.'), { $metadata: { httpStatusCode: 500 } });
  expect(describeAwsError(html)).toBe("HTTP 500: the endpoint's answer is not an AWS API response (an endpoint without this API, or a proxy in the way)");
  // An AWS error with its code is shown as AWS said it.
  const denied = Object.assign(new Error('not authorized'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
  expect(describeAwsError(denied)).toBe('AccessDenied: not authorized');
});

it('does not read anything more in a region without RDS databases', async () => {
  const aws = mockRegions(['us-east-1']);
  aws.mock('us-east-1').on(DescribeDBInstancesCommand).resolves({ DBInstances: [instance('docs', 'us-east-1', { Engine: 'docdb', EngineVersion: '5.0.0' })] });
  const result = await readLive({ regions: ['us-east-1'], clientFactory: aws.clientFactory });
  expect(result.resources).toEqual([]);
  expect(aws.calls('DescribeDBParameters') + aws.calls('DescribeCertificates') + aws.calls('DescribeDBEngineVersions')).toBe(0);
  expect(RDSClient).toBeDefined();
});

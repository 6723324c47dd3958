// RDS clients per region with aws-sdk-client-mock: every Describe* answers empty unless a test says
// otherwise. The mock replaces `send`, so the SDK's retry middleware does not run here (see faults.test.ts).
import { RDSClient, RDSServiceException, type DBInstance } from '@aws-sdk/client-rds';
import { mockClient, type AwsClientStub } from 'aws-sdk-client-mock';

export interface MockedRegions {
  clientFactory: (region: string) => RDSClient;
  mock: (region: string) => AwsClientStub<RDSClient>;
  /** Calls by command name ("DescribeDBParameters"), across regions, or in one. */
  calls: (command: string, region?: string) => number;
}

export function mockRegions(regions: string[]): MockedRegions {
  const clients = new Map<string, RDSClient>();
  const mocks = new Map<string, AwsClientStub<RDSClient>>();
  for (const region of regions) {
    const client = new RDSClient({ region, credentials: { accessKeyId: 'AKIAUNITTESTKEY00001', secretAccessKey: 'unit-test-secret' } });
    const mock = mockClient(client);
    mock.onAnyCommand().resolves({});
    clients.set(region, client);
    mocks.set(region, mock);
  }
  const calls = (command: string, region?: string) =>
    [...mocks.entries()]
      .filter(([r]) => region === undefined || r === region)
      .flatMap(([, m]) => m.calls())
      .filter((call) => (call.args[0] as object).constructor.name === `${command}Command`).length;
  return {
    clientFactory: (region) => {
      const client = clients.get(region);
      if (!client) throw new Error(`no mocked client for ${region}`);
      return client;
    },
    mock: (region) => mocks.get(region)!,
    calls,
  };
}

/** An AWS error as the SDK raises it. */
export function awsError(name: string, message: string, status = 400): RDSServiceException {
  return new RDSServiceException({ name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status }, message });
}

export function denied(api: string): RDSServiceException {
  return awsError('AccessDenied', `User: arn:aws:sts::111122223333:assumed-role/scanner/ci is not authorized to perform: rds:${api}`, 403);
}

export function instance(id: string, region: string, extra: Partial<DBInstance> = {}): DBInstance {
  return {
    DBInstanceIdentifier: id,
    DBInstanceArn: `arn:aws:rds:${region}:111122223333:db:${id}`,
    Engine: 'postgres',
    EngineVersion: '14.9',
    CACertificateIdentifier: 'rds-ca-rsa2048-g1',
    DBParameterGroups: [{ DBParameterGroupName: 'pg-main', ParameterApplyStatus: 'in-sync' }],
    ...extra,
  };
}

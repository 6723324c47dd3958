// The CloudFormation source against real templates and change sets in ../shared/corpus, read in
// place. Expected values were worked out by reading each file (line numbers included).
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { InputError } from '../../src/errors.js';
import type { Resource } from '../../src/model.js';
import { defaultPolicy } from '../../src/policy/index.js';
import type { Finding } from '../../src/report/types.js';
import { readCloudFormation, type CloudFormationInput } from '../../src/sources/cloudformation/index.js';
import { byId, templateGroup as group } from '../cloudformation/helpers.js';

const CORPUS = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus');
const TEMPLATES = join(CORPUS, 'cloudformation');
const EXTRACTED = join(CORPUS, 'extracted');
const tpl = (name: string) => join(TEMPLATES, name);
const extracted = (name: string) => join(EXTRACTED, name);

const QUICKSTART = tpl('quickstart-aurora-postgresql__aurora_postgres.template.yaml');
const CDK = tpl('aws-cdk__integ.instance-ca-certificate__aws-cdk-rds-instance-ca-certificate.template.json');
const DMS = tpl('aws-cfn-templates__DMSAuroraToS3FullLoadAndOngoingReplication.yaml');
const REPLICA = tpl('aws-cfn-templates__RDS_MySQL_With_Read_Replica.yaml');
const PG_YAML = tpl('aws-cfn-templates__RDS_with_DBParameterGroup.yaml');
const PG_JSON = tpl('aws-cfn-templates__RDS_with_DBParameterGroup.json');
const CFN_LINT_CLUSTER = tpl('cfn-lint__public__rds-cluster.yaml');
const CLUSTER_IAM_FAIL = tpl('checkov__RDSClusterIAMAuthentication-FAIL.yaml');
const IAM_FAIL = tpl('checkov__RDSIAMAuthentication-FAIL.yaml');
const IAM_PASSED = tpl('checkov__RDSIAMAuthentication-PASSED.yaml');
const IN_TRANSIT = tpl('checkov__RDSEncryptionInTransit__template.yaml');

async function read(input: Partial<CloudFormationInput>): Promise<Resource[]> {
  const result = await readCloudFormation({ templates: [], changesets: [], parameters: {}, parameterFiles: [], ...input });
  expect(result.errors).toEqual([]);
  return result.resources;
}

/** Findings of the built-in default policy, as `rule resource line:column`. */
async function findings(options: { cloudformation?: string[]; changesets?: string[]; cfnParameters?: string[] }): Promise<string[]> {
  const report = await check({ policy: defaultPolicy(), awsFacts: false, env: {}, asOf: new Date('2026-01-01'), ...options });
  return report.findings.map((f: Finding) => `${f.rule} ${f.severity} ${f.resource} ${f.source.line}:${f.source.column}`);
}

it('every template in the corpus is read without error', async () => {
  const files = readdirSync(TEMPLATES);
  expect(files).toHaveLength(11);
  for (const file of files) await expect(read({ templates: [tpl(file)] })).resolves.toBeInstanceOf(Array);
});

describe('Aurora PostgreSQL Quick Start (rds.force_ssl: 0, unquoted)', () => {
  it('reads the cluster, its parameter group through Ref and FindInMap, and both members', async () => {
    const resources = await read({ templates: [QUICKSTART] });
    expect(resources.map((r) => [r.id, r.kind])).toEqual([
      ['AuroraDBCluster', 'db-cluster'],
      ['Inst1', 'cluster-member'],
      ['Inst2', 'cluster-member'], // Condition IsDBMultiAZ: DBMultiAZ defaults to "true"
    ]);
    const cluster = byId(resources, 'AuroraDBCluster');
    expect(cluster.clusterType).toBe('aurora');
    expect(cluster.engineVersion).toMatchObject({ known: true, value: '15.3', at: { line: 751, column: 22 } });
    expect(cluster.iamAuth).toMatchObject({ known: true, value: true, at: { line: 749, column: 40 }, via: 'parameter EnableIAMDBAuth = "true" (Default)' });
    const cpg = group(cluster);
    expect(cpg).toMatchObject({ id: 'APGDBCPG', kind: 'cluster', location: { line: 707, column: 3 } });
    expect(cpg.family).toMatchObject({ known: true, value: 'aurora-postgresql15', at: { line: 711, column: 15 } });
    expect(cpg.parameters['rds.force_ssl']).toMatchObject({ at: { line: 713, column: 9 }, value: { known: true, value: '0', at: { line: 713, column: 24 } } });
    for (const id of ['Inst1', 'Inst2']) {
      const member = byId(resources, id);
      expect(member).toMatchObject({ clusterId: 'AuroraDBCluster', engine: { value: 'aurora-postgresql' } });
      expect(member.tls).toBeUndefined();
      expect(member.iamAuth).toBeUndefined();
      expect(member.ca!.identifier).toMatchObject({ known: true, value: null, via: 'not set in template' });
    }
    expect(byId(resources, 'Inst2').origin.location).toMatchObject({ line: 838, column: 3 });
  });

  it('reports TLS not enforced on the rds.force_ssl line', async () => {
    expect(await findings({ cloudformation: [QUICKSTART] })).toEqual(['ssl-enforced error AuroraDBCluster 713:9']);
  });

  it('follows --cfn-parameter: no second instance, IAM auth off on the EnableIAMDatabaseAuthentication line', async () => {
    const resources = await read({ templates: [QUICKSTART], parameters: { DBMultiAZ: 'false', EnableIAMDBAuth: 'false', DBEngineVersion: '14.8' } });
    expect(resources.map((r) => r.id)).toEqual(['AuroraDBCluster', 'Inst1']);
    expect(group(byId(resources, 'AuroraDBCluster')).family).toMatchObject({ value: 'aurora-postgresql14' });
    expect(await findings({ cloudformation: [QUICKSTART], cfnParameters: ['EnableIAMDBAuth=false'] })).toEqual([
      'ssl-enforced error AuroraDBCluster 713:9',
      'iam-auth error AuroraDBCluster 749:40',
    ]);
  });
});

describe('CDK-synthesised template', () => {
  it('reads postgres 17.7 with CACertificateIdentifier rds-ca-rsa2048-g1 on its line, and no secret', async () => {
    const resources = await read({ templates: [CDK] });
    expect(resources).toHaveLength(1);
    const db = resources[0]!;
    expect(db).toMatchObject({ id: 'InstanceC1063A87', kind: 'db-instance', origin: { type: 'cloudformation', file: CDK, location: { line: 460, column: 3 } } });
    expect(db.engine).toMatchObject({ known: true, value: 'postgres', at: { line: 470, column: 15 } });
    expect(db.engineVersion).toMatchObject({ known: true, value: '17.7', at: { line: 471, column: 22 } });
    expect(db.ca!.identifier).toEqual({ known: true, value: 'rds-ca-rsa2048-g1', at: { file: CDK, line: 464, column: 32 } });
    expect(db.tls!.parameterGroup).toMatchObject({ known: true, value: { default: true, name: null } });
    expect(JSON.stringify(resources)).not.toMatch(/resolve:secretsmanager|password/i);
  });

  it('passes CA and TLS (PostgreSQL 17 enforces by default); IAM auth is off', async () => {
    expect(await findings({ cloudformation: [CDK] })).toEqual(['iam-auth error InstanceC1063A87 460:3']);
  });
});

describe('DBParameterGroup sample, YAML and JSON', () => {
  it('links MyDB to MyRDSParamGroup and lower-cases engine and family', async () => {
    for (const [file, groupLine, refAt] of [
      [PG_YAML, 55, { line: 51, column: 29 }],
      [PG_JSON, 60, { line: 53, column: 41 }],
    ] as const) {
      const [db] = await read({ templates: [file] });
      expect(db).toMatchObject({ id: 'MyDB', engine: { value: 'mysql' }, engineVersion: { value: '8.0.36' } });
      expect(db!.tls!.parameterGroup.at).toMatchObject(refAt);
      const pg = group(db!);
      expect(pg).toMatchObject({ id: 'MyRDSParamGroup', family: { value: 'mysql8.0' }, location: { line: groupLine } });
      expect(Object.keys(pg.parameters)).toEqual(['autocommit', 'general_log']);
    }
  });

  it('require_secure_transport is not set: the MySQL 8.0 default (off) fails on the group', async () => {
    expect(await findings({ cloudformation: [PG_YAML] })).toEqual(['ssl-enforced error MyDB 55:3', 'iam-auth error MyDB 38:3']);
    expect(await findings({ cloudformation: [PG_JSON] })).toEqual(['ssl-enforced error MyDB 60:9', 'iam-auth error MyDB 36:9']);
  });
});

describe('MySQL read replica', () => {
  it('takes the replica engine from MainDB and honours its Condition', async () => {
    const resources = await read({ templates: [REPLICA] });
    expect(resources.map((r) => r.id)).toEqual(['MainDB', 'ReplicaDB']);
    expect(byId(resources, 'MainDB').engine).toMatchObject({ value: 'mysql', at: { line: 109, column: 15 } });
    expect(byId(resources, 'ReplicaDB')).toMatchObject({
      kind: 'db-instance',
      engine: { known: true, value: 'mysql', via: 'read replica of MainDB' },
      tags: { Name: 'Read Replica Database' },
    });
    expect(byId(resources, 'ReplicaDB').ca!.identifier).toMatchObject({ value: null, at: { line: 123, column: 3 } });
    expect((await read({ templates: [REPLICA], parameters: { EnableReadReplica: 'false' } })).map((r) => r.id)).toEqual(['MainDB']);
  });

  it('IAM auth is off on both; TLS default needs the MySQL version, which is not set', async () => {
    expect(await findings({ cloudformation: [REPLICA] })).toEqual([
      'iam-auth error MainDB 99:3',
      'unknown warning MainDB 99:3',
      'iam-auth error ReplicaDB 123:3',
      'unknown warning ReplicaDB 123:3',
    ]);
  });
});

describe('DMS sample: Aurora cluster restored from a snapshot, one member', () => {
  it('reads the two RDS resources among the EC2, S3, IAM and DMS ones', async () => {
    const resources = await read({ templates: [DMS] });
    expect(resources.map((r) => [r.id, r.kind])).toEqual([
      ['AuroraCluster', 'db-cluster'],
      ['AuroraDB', 'cluster-member'],
    ]);
    expect(byId(resources, 'AuroraCluster').engine).toMatchObject({ value: 'aurora-postgresql', at: { line: 165, column: 15 } });
    expect(byId(resources, 'AuroraDB')).toMatchObject({ clusterId: 'AuroraCluster', identifier: 'dms-sample' });
    expect(await findings({ cloudformation: [DMS] })).toEqual(['iam-auth error AuroraCluster 157:3', 'unknown warning AuroraCluster 157:3']);
  });
});

describe('checkov IAM authentication samples', () => {
  it('FAIL: absent or false, on the logical id or the false value', async () => {
    const resources = await read({ templates: [IAM_FAIL] });
    expect(resources.map((r) => [r.id, r.iamAuth])).toEqual([
      ['DefaultMysql', { known: true, value: false, at: { file: IAM_FAIL, line: 2, column: 3 }, via: 'not set in template' }],
      ['DefaultPostgres', { known: true, value: false, at: { file: IAM_FAIL, line: 9, column: 3 }, via: 'not set in template' }],
      ['DisabledMysql', { known: true, value: false, at: { file: IAM_FAIL, line: 23, column: 40 } }],
      ['DisabledPostgres', { known: true, value: false, at: { file: IAM_FAIL, line: 31, column: 40 } }],
    ]);
    expect((await findings({ cloudformation: [IAM_FAIL] })).filter((f) => f.startsWith('iam-auth'))).toEqual([
      'iam-auth error DefaultMysql 2:3',
      'iam-auth error DefaultPostgres 9:3',
      'iam-auth error DisabledMysql 23:40',
      'iam-auth error DisabledPostgres 31:40',
    ]);
  });

  it('PASSED: enabled, no iam-auth finding', async () => {
    const resources = await read({ templates: [IAM_PASSED] });
    expect(resources.map((r) => [r.id, r.iamAuth?.known && r.iamAuth.value, r.iamAuth?.at?.line])).toEqual([
      ['EnabledMysql', true, 9],
      ['EnabledPostgres', true, 17],
    ]);
    expect((await findings({ cloudformation: [IAM_PASSED] })).filter((f) => f.startsWith('iam-auth'))).toEqual([]);
  });

  it('cluster FAIL: Aurora clusters without or with false IAM auth', async () => {
    expect((await findings({ cloudformation: [CLUSTER_IAM_FAIL] })).filter((f) => f.startsWith('iam-auth'))).toEqual([
      'iam-auth error Default 2:3',
      'iam-auth error Disabled 14:40',
    ]);
  });

  it('cfn-lint Aurora Serverless v1 cluster', async () => {
    const [cluster] = await read({ templates: [CFN_LINT_CLUSTER] });
    expect(cluster).toMatchObject({ id: 'DBCluster', kind: 'db-cluster', clusterType: 'aurora', engine: { value: 'aurora' } });
    expect(cluster!.ca).toBeUndefined();
  });
});

describe('checkov encryption-in-transit sample (parameter groups, instances without Engine)', () => {
  it('reads each group entry on its line; TLS stays unknown because no instance sets Engine', async () => {
    const resources = await read({ templates: [IN_TRANSIT] });
    const entries = resources.map((r) => {
      const pg = group(r);
      const [name, p] = Object.entries(pg.parameters)[0]!;
      return [r.id, pg.id, name, p.value.known && p.value.value, p.at?.line];
    });
    expect(entries).toEqual([
      ['DB2PassInstance', 'DB2PassParam', 'db2comm', 'SSL', 9],
      ['PostgresPassInstance', 'PostgresPassParam', 'rds.force_ssl', '1', 23],
      ['PostgresFailParam0Instance', 'PostgresFailParam0', 'rds.force_ssl', '0', 37],
      ['PostgresFailParamMissingInstance', 'PostgresFailParamMissing', 'something_else', '0', 51],
    ]);
    for (const r of resources) expect(r.engine).toMatchObject({ known: false, reason: 'Engine is not set in template' });
    const found = await findings({ cloudformation: [IN_TRANSIT] });
    expect(found.every((f) => f.startsWith('unknown warning'))).toBe(true);
    expect(found).toContain('unknown warning PostgresFailParam0Instance 39:3');
  });
});

describe('change sets from the corpus', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rds-tls-guard-cfn-corpus-'));
  const inline = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const EC2_TEMPLATE = extracted('awsdocs-cfn-user-guide__using-cfn-updating-stacks-changesets-samples__block1.json');
  const block = (n: number) => extracted(`awsdocs-cfn-user-guide__using-cfn-updating-stacks-changesets-samples__block${n}.json`);
  // The user guide's EC2 template plus an RDS instance that reads one of its parameters.
  const EC2_PLUS_RDS = inline(
    'ec2-plus-rds.yaml',
    `Parameters:
  Purpose: { Type: String, Default: testing }
  KeyPairName: { Type: "AWS::EC2::KeyPair::KeyName" }
  InstanceType: { Type: String, Default: t2.micro }
Resources:
  MyEC2Instance:
    Type: AWS::EC2::Instance
    Properties: { KeyName: !Ref KeyPairName, InstanceType: !Ref InstanceType, ImageId: ami-8fcee4e5 }
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      CACertificateIdentifier: rds-ca-rsa2048-g1
      Tags: [{ Key: Purpose, Value: !Ref Purpose }, { Key: Region, Value: !Ref AWS::Region }]
`,
  );

  it('the user guide samples pair with the template they were made from; EC2 yields no resources', async () => {
    for (const n of [2, 3, 4]) expect(await read({ templates: [EC2_TEMPLATE], changesets: [{ file: block(n), template: null }] })).toEqual([]);
  });

  it('the change set Parameters and stack ARN drive Refs; untouched RDS resources are no-op', async () => {
    const tags = async (n: number) => {
      const [db] = await read({ changesets: [{ file: block(n), template: EC2_PLUS_RDS }] });
      expect(db).toMatchObject({ id: 'Db', origin: { type: 'changeset', file: EC2_PLUS_RDS, region: 'us-east-1', account: '123456789012' } });
      expect(db!.change).toMatchObject({ action: 'no-op', restartCauses: [] });
      return db!.tags;
    };
    expect(await tags(2)).toEqual({ Purpose: 'testing', Region: 'us-east-1' });
    expect(await tags(3)).toEqual({ Purpose: 'production', Region: 'us-east-1' });
    expect(await tags(4)).toEqual({ Purpose: 'production', Region: 'us-east-1' });
  });

  it('add/remove sample: wrong pairing with the old template; with the new one, only the RDS instance', async () => {
    const error = await readCloudFormation({ templates: [EC2_TEMPLATE], changesets: [{ file: block(5), template: null }], parameters: {}, parameterFiles: [] }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).describe()).toBe(
      `${block(5)}:26:38: change set changes AutoScalingGroup, which ${EC2_TEMPLATE} does not declare: is ${EC2_TEMPLATE} the template this change set deploys?`,
    );
    const after = inline(
      'after.yaml',
      `Resources:
  AutoScalingGroup: { Type: AWS::AutoScaling::AutoScalingGroup, Properties: { MinSize: "1", MaxSize: "2" } }
  LaunchConfig: { Type: AWS::AutoScaling::LaunchConfiguration, Properties: { ImageId: ami-8fcee4e5, InstanceType: t2.micro } }
  Db: { Type: AWS::RDS::DBInstance, Properties: { Engine: mysql } }
`,
    );
    const resources = await read({ templates: [after], changesets: [{ file: block(5), template: null }] });
    expect(resources.map((r) => [r.id, r.change?.action])).toEqual([['Db', 'no-op']]);
  });

  it('the AWS CLI example (a Lambda Timeout change) pairs with a template that has its function', async () => {
    const cs = extracted('aws-cli__describe-change-set__output1.json');
    const template = inline(
      'lambda.yaml',
      `Resources:
  function: { Type: AWS::Lambda::Function, Properties: { Timeout: 60 } }
  Db: { Type: AWS::RDS::DBInstance, Properties: { Engine: mariadb } }
`,
    );
    const resources = await read({ templates: [template], changesets: [{ file: cs, template: null }] });
    expect(resources.map((r) => [r.id, r.change?.action, r.origin.region])).toEqual([['Db', 'no-op', 'us-west-2']]);
    const wrong = inline('wrong.yaml', 'Resources:\n  function: { Type: AWS::Lambda::Alias }\n');
    await expect(read({ templates: [wrong], changesets: [{ file: cs, template: null }] })).rejects.toThrow(
      /changes function as a AWS::Lambda::Function, but .* declares a AWS::Lambda::Alias/,
    );
  });

  it('a CA change in a change set reaches the report through check()', async () => {
    const template = inline(
      'orders.yaml',
      `Resources:
  Orders:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      EngineVersion: "16.4"
      CACertificateIdentifier: rds-ca-rsa2048-g1
      EnableIAMDatabaseAuthentication: true
`,
    );
    const cs = inline(
      'orders-cs.json',
      JSON.stringify({
        StackId: 'arn:aws:cloudformation:eu-west-1:123456789012:stack/orders/1',
        Changes: [
          {
            Type: 'Resource',
            ResourceChange: {
              Action: 'Modify',
              LogicalResourceId: 'Orders',
              ResourceType: 'AWS::RDS::DBInstance',
              Replacement: 'False',
              Details: [{ Target: { Attribute: 'Properties', Name: 'CACertificateIdentifier', RequiresRecreation: 'Never' } }],
            },
          },
        ],
      }),
    );
    const report = await check({ policy: defaultPolicy(), awsFacts: false, env: {}, asOf: new Date('2026-01-01'), cloudformation: [template], changesets: [cs] });
    expect(report.resources).toHaveLength(1);
    expect(report.resources[0]).toMatchObject({ id: 'Orders', ca: 'rds-ca-rsa2048-g1', source: { type: 'changeset', file: template } });
    expect(report.resources[0]!.restart.trigger).toBe('planned-ca-change');
  });
});

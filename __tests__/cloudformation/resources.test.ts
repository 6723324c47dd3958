import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { byId, inputError, read, readTemplate, templateGroup as customGroup, write } from './helpers.js';

const AURORA = `Parameters:
  EnableIam:
    Type: String
    Default: "true"
  Multi:
    Type: String
    Default: "false"
Conditions:
  IsMulti: !Equals [!Ref Multi, "true"]
Resources:
  ClusterPg:
    Type: AWS::RDS::DBClusterParameterGroup
    Properties:
      Family: aurora-postgresql16
      Description: cluster
      Parameters:
        rds.force_ssl: 1
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: Aurora-PostgreSQL
      EngineVersion: "16.4"
      DBClusterIdentifier: orders
      DBClusterParameterGroupName: !Ref ClusterPg
      EnableIAMDatabaseAuthentication: !Ref EnableIam
  Writer:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: aurora-postgresql
      DBClusterIdentifier: !Ref Cluster
      DBInstanceClass: db.r6g.large
      CACertificateIdentifier: rds-ca-rsa4096-g1
      CertificateRotationRestart: false
  Reader:
    Type: AWS::RDS::DBInstance
    Condition: IsMulti
    Properties:
      Engine: aurora-postgresql
      DBClusterIdentifier: !Ref Cluster
  ByName:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: aurora-postgresql
      DBClusterIdentifier: ORDERS
`;

describe('Aurora clusters and their members', () => {
  it('members take TLS and IAM auth from the cluster, keep their own CA', async () => {
    const { resources } = await readTemplate(AURORA);
    expect(resources.map((r) => r.id)).toEqual(['Cluster', 'Writer', 'ByName']); // Reader: IsMulti is false
    const cluster = byId(resources, 'Cluster');
    expect(cluster).toMatchObject({ kind: 'db-cluster', clusterType: 'aurora', identifier: 'orders' });
    expect(cluster.engine).toMatchObject({ known: true, value: 'aurora-postgresql' });
    expect(cluster.ca).toBeUndefined();
    expect(cluster.iamAuth).toMatchObject({ known: true, value: true, via: 'parameter EnableIam = "true" (Default)' });
    const pg = customGroup(cluster);
    expect(pg).toMatchObject({ id: 'ClusterPg', kind: 'cluster', family: { known: true, value: 'aurora-postgresql16' } });
    expect(pg.parameters['rds.force_ssl']!.value).toMatchObject({ known: true, value: '1' });

    const writer = byId(resources, 'Writer');
    expect(writer).toMatchObject({ kind: 'cluster-member', clusterId: 'Cluster' });
    expect(writer.tls).toBeUndefined();
    expect(writer.iamAuth).toBeUndefined();
    expect(writer.ca!.identifier).toMatchObject({ known: true, value: 'rds-ca-rsa4096-g1' });
    expect(writer.ca!.rotationRestart).toMatchObject({ known: true, value: false });
    expect(writer.engineVersion).toMatchObject({ known: true, value: '16.4', via: 'from cluster Cluster' });
    // A literal DBClusterIdentifier finds the cluster by its (case-insensitive) identifier.
    expect(byId(resources, 'ByName').clusterId).toBe('Cluster');
  });

  it('a condition that --cfn-parameter turns on creates the resource', async () => {
    const { resources } = await readTemplate(AURORA, { parameters: { Multi: 'true' } });
    expect(byId(resources, 'Reader')).toMatchObject({ kind: 'cluster-member', clusterId: 'Cluster' });
  });
});

describe('DB instances', () => {
  it('lower-cases the engine, drops docdb and neptune, reads Multi-AZ DB clusters', async () => {
    const { resources } = await readTemplate(`Resources:
  My:
    Type: AWS::RDS::DBInstance
    Properties: { Engine: MySQL }
  Docs:
    Type: AWS::RDS::DBInstance
    Properties: { Engine: docdb }
  Graph:
    Type: AWS::RDS::DBCluster
    Properties: { Engine: neptune }
  MultiAz:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: postgres
      DBClusterInstanceClass: db.m6gd.large
  MultiAzWithCa:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: mysql
      DBClusterInstanceClass: db.m6gd.large
      CACertificateIdentifier: rds-ca-ecc384-g1
`);
    expect(resources.map((r) => r.id)).toEqual(['My', 'MultiAz', 'MultiAzWithCa']);
    expect(byId(resources, 'My').engine).toMatchObject({ known: true, value: 'mysql' });
    const multiAz = byId(resources, 'MultiAz');
    expect(multiAz).toMatchObject({ kind: 'db-cluster', clusterType: 'multi-az' });
    expect(multiAz.ca!.identifier).toMatchObject({ known: true, value: null, via: 'not set in template' });
    expect(byId(resources, 'MultiAzWithCa').ca!.identifier).toMatchObject({ known: true, value: 'rds-ca-ecc384-g1' });
  });

  it('links parameter groups by Ref, by literal name, and knows the default group', async () => {
    const { resources } = await readTemplate(`Resources:
  Pg:
    Type: AWS::RDS::DBParameterGroup
    Properties:
      DBParameterGroupName: Shared-Pg
      Family: postgres16
      Description: d
      Parameters:
        rds.force_ssl: true
        max_connections: 100
  ByRef:
    Type: AWS::RDS::DBInstance
    Properties: { Engine: postgres, DBParameterGroupName: !Ref Pg }
  ByName:
    Type: AWS::RDS::DBInstance
    Properties: { Engine: postgres, DBParameterGroupName: shared-pg }
  Default:
    Type: AWS::RDS::DBInstance
    Properties: { Engine: postgres, DBParameterGroupName: default.postgres16 }
  Absent:
    Type: AWS::RDS::DBInstance
    Properties: { Engine: postgres }
  NoValue:
    Type: AWS::RDS::DBInstance
    Properties: { Engine: postgres, DBParameterGroupName: !Ref AWS::NoValue, CACertificateIdentifier: !Ref AWS::NoValue }
  Elsewhere:
    Type: AWS::RDS::DBInstance
    Properties: { Engine: postgres, DBParameterGroupName: team-pg }
  WrongType:
    Type: AWS::RDS::DBInstance
    Properties: { Engine: postgres, DBParameterGroupName: !Ref Absent }
`);
    const byRef = customGroup(byId(resources, 'ByRef'));
    expect(byRef.name).toMatchObject({ known: true, value: 'Shared-Pg' });
    // YAML booleans and numbers are stringified.
    expect(byRef.parameters['rds.force_ssl']!.value).toMatchObject({ value: 'true' });
    expect(byRef.parameters['max_connections']!.value).toMatchObject({ value: '100' });
    expect(customGroup(byId(resources, 'ByName')).id).toBe('Pg');
    expect(byId(resources, 'Default').tls!.parameterGroup).toMatchObject({ known: true, value: { default: true, name: 'default.postgres16' } });
    expect(byId(resources, 'Absent').tls!.parameterGroup).toMatchObject({
      known: true,
      value: { default: true, name: null },
      via: 'not set in template: the engine default parameter group',
    });
    expect(byId(resources, 'NoValue').tls!.parameterGroup).toMatchObject({ known: true, value: { default: true, name: null }, via: 'AWS::NoValue' });
    expect(byId(resources, 'NoValue').ca!.identifier).toMatchObject({ known: true, value: null, via: 'AWS::NoValue' });
    expect(byId(resources, 'Elsewhere').tls!.parameterGroup).toMatchObject({
      known: false,
      reason: 'parameter group team-pg is not in the evaluated templates',
    });
    expect(byId(resources, 'WrongType').tls!.parameterGroup).toMatchObject({
      known: false,
      reason: 'DBParameterGroupName refers to Absent, a AWS::RDS::DBInstance, not a AWS::RDS::DBParameterGroup',
    });
  });

  it('finds a parameter group another evaluated template creates', async () => {
    const groups = write(`Resources:
  SharedPg:
    Type: AWS::RDS::DBParameterGroup
    Properties: { DBParameterGroupName: team-pg, Family: mysql8.0, Description: d, Parameters: { require_secure_transport: "1" } }
`, 'groups.yaml');
    const db = write(`Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties: { Engine: mysql, DBParameterGroupName: team-pg }
`, 'db.yaml');
    const { resources } = await read({ templates: [db, groups] });
    const link = byId(resources, 'Db').tls!.parameterGroup;
    expect(link).toMatchObject({ known: true, value: { id: 'SharedPg' }, via: `SharedPg in ${groups}` });
  });

  it('reads a Parameters mapping chosen by Fn::If, and says when the condition cannot be evaluated', async () => {
    const { resources } = await readTemplate(`Parameters:
  Strict: { Type: String, Default: "yes" }
Conditions:
  IsStrict: !Equals [!Ref Strict, "yes"]
  InEast: !Equals [!Ref AWS::Region, us-east-1]
Resources:
  Pg:
    Type: AWS::RDS::DBParameterGroup
    Properties:
      Family: postgres14
      Description: d
      Parameters: !If [IsStrict, { rds.force_ssl: 1 }, { rds.force_ssl: 0 }]
  RegionalPg:
    Type: AWS::RDS::DBParameterGroup
    Properties:
      Family: postgres14
      Description: d
      Parameters: !If [InEast, { rds.force_ssl: 1 }, !Ref AWS::NoValue]
  Db:
    Type: AWS::RDS::DBInstance
    Properties: { Engine: postgres, DBParameterGroupName: !Ref Pg }
  Regional:
    Type: AWS::RDS::DBInstance
    Properties: { Engine: postgres, DBParameterGroupName: !Ref RegionalPg }
`);
    expect(customGroup(byId(resources, 'Db')).parameters['rds.force_ssl']!.value).toMatchObject({ value: '1' });
    expect(byId(resources, 'Regional').tls!.parameterGroup).toMatchObject({
      known: false,
      reason:
        'the Parameters of RegionalPg depend on condition InEast cannot be evaluated: pseudo parameter AWS::Region is known only at deploy time',
    });
  });

  it('takes a read replica engine from its source in the template, and says so when the source is elsewhere', async () => {
    const { resources } = await readTemplate(`Resources:
  Main:
    Type: AWS::RDS::DBInstance
    Properties: { Engine: MariaDB, EngineVersion: "10.11.8" }
  Replica:
    Type: AWS::RDS::DBInstance
    Properties: { SourceDBInstanceIdentifier: !Ref Main }
  Outside:
    Type: AWS::RDS::DBInstance
    Properties: { SourceDBInstanceIdentifier: "arn:aws:rds:us-east-1:123456789012:db:legacy" }
`);
    expect(byId(resources, 'Replica').engine).toMatchObject({ known: true, value: 'mariadb', via: 'read replica of Main' });
    expect(byId(resources, 'Replica').engineVersion).toMatchObject({ known: true, value: '10.11.8' });
    expect(byId(resources, 'Outside').engine).toMatchObject({
      known: false,
      reason: 'Engine is not set in template and SourceDBInstanceIdentifier arn:aws:rds:us-east-1:123456789012:db:legacy is not in the evaluated templates',
    });
  });

  it("reads Oracle's SSL option from the option group", async () => {
    const { resources } = await readTemplate(`Resources:
  WithSsl:
    Type: AWS::RDS::OptionGroup
    Properties:
      EngineName: oracle-ee
      MajorEngineVersion: "19"
      OptionGroupDescription: ssl
      OptionConfigurations:
        - OptionName: SSL
          Port: 2484
  Plain:
    Type: AWS::RDS::OptionGroup
    Properties:
      EngineName: oracle-ee
      MajorEngineVersion: "19"
      OptionGroupDescription: none
      OptionConfigurations:
        - OptionName: Timezone
  Secure:
    Type: AWS::RDS::DBInstance
    Properties: { Engine: oracle-ee, OptionGroupName: !Ref WithSsl }
  Open:
    Type: AWS::RDS::DBInstance
    Properties: { Engine: oracle-ee, OptionGroupName: !Ref Plain }
  Default:
    Type: AWS::RDS::DBInstance
    Properties: { Engine: oracle-se2 }
`);
    expect(byId(resources, 'Secure').tls!.sslOption).toMatchObject({ known: true, value: true, at: { line: 9 } });
    expect(byId(resources, 'Open').tls!.sslOption).toMatchObject({ known: true, value: false, via: 'option group Plain has no SSL option' });
    expect(byId(resources, 'Default').tls!.sslOption).toMatchObject({ known: true, value: false });
  });

  it('reads tags, identifiers and CertificateRotationRestart', async () => {
    const { resources } = await readTemplate(`Parameters:
  Team: { Type: String, Default: payments }
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceIdentifier: !Sub "\${Team}-db"
      CertificateRotationRestart: "True"
      Tags:
        - { Key: team, Value: !Ref Team }
        - { Key: stack, Value: !Ref AWS::StackName }
`);
    const db = byId(resources, 'Db');
    expect(db.identifier).toBe('payments-db');
    expect(db.tags).toEqual({ team: 'payments' }); // the stack name is known only at deploy time
    expect(db.ca!.rotationRestart).toMatchObject({ known: true, value: true });
  });

  it('keeps resources with the same logical id in two templates apart by file', async () => {
    const text = 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties: { Engine: postgres }\n';
    const [a, b] = [write(text), write(text)];
    const { resources } = await read({ templates: [a, b] });
    expect(resources.map((r) => [r.id, r.origin.file])).toEqual([
      ['Db', a],
      ['Db', b],
    ]);
  });

  it('evaluates a resource whose condition cannot be decided', async () => {
    const { resources } = await readTemplate(`Conditions:
  InEast: !Equals [!Ref AWS::Region, us-east-1]
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Condition: InEast
    Properties: { Engine: postgres }
`);
    expect(resources.map((r) => r.id)).toEqual(['Db']);
  });

  it('reports Fn::ForEach loops as not evaluated', async () => {
    const { result } = await readTemplate(`Transform: AWS::LanguageExtensions
Resources:
  Fn::ForEach::Dbs:
    - Name
    - [a, b]
    - Db\${Name}:
        Type: AWS::RDS::DBInstance
        Properties: { Engine: postgres }
`);
    expect(result.resources).toEqual([]);
    expect(result.errors).toEqual([{ source: expect.stringMatching(/template\.yaml$/), message: expect.stringMatching(/^line 3: Fn::ForEach/) }]);
  });
});

describe('nested stacks', () => {
  const PARENT = `Resources:
  Data:
    Type: AWS::CloudFormation::Stack
    Properties: { TemplateURL: ./data.yaml }
  Remote:
    Type: AWS::CloudFormation::Stack
    Properties: { TemplateURL: https://s3.amazonaws.com/bucket/other.yaml }
`;

  it('says a nested stack whose template is not evaluated leaves its databases out', async () => {
    const { result } = await readTemplate(PARENT);
    expect(result.errors.map((e) => e.message)).toEqual([
      'line 2: nested stack Data (AWS::CloudFormation::Stack) was not evaluated: pass its template with --cloudformation',
      'line 5: nested stack Remote (AWS::CloudFormation::Stack) was not evaluated: pass its template with --cloudformation',
    ]);
  });

  it('takes a local TemplateURL evaluated in the same run as covered', async () => {
    const parent = write(PARENT);
    const child = join(dirname(parent), 'data.yaml');
    writeFileSync(child, 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties: { Engine: postgres }\n');
    const result = await read({ templates: [parent, child] });
    expect(result.resources.map((r) => r.id)).toEqual(['Db']);
    expect(result.errors.map((e) => e.message)).toEqual([
      'line 5: nested stack Remote (AWS::CloudFormation::Stack) was not evaluated: pass its template with --cloudformation',
    ]);
  });
});

describe('parameter values', () => {
  const TEMPLATE = `Parameters:
  Ca: { Type: String, Default: rds-ca-2019 }
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties: { Engine: postgres, CACertificateIdentifier: !Ref Ca }
`;

  it('--cfn-parameter wins over parameter files, a later file over an earlier one, files over the Default', async () => {
    const template = write(TEMPLATE);
    const first = write(JSON.stringify([{ ParameterKey: 'Ca', ParameterValue: 'rds-ca-rsa2048-g1' }]), 'a.json');
    const second = write(JSON.stringify({ Parameters: [{ ParameterKey: 'Ca', ParameterValue: 'rds-ca-rsa4096-g1' }] }), 'b.json');
    const pipeline = write(JSON.stringify({ Parameters: { Ca: 'rds-ca-ecc384-g1' } }), 'c.json');
    const ca = async (input: Parameters<typeof read>[0]) => byId((await read({ templates: [template], ...input })).resources, 'Db').ca!.identifier;
    expect(await ca({})).toMatchObject({ value: 'rds-ca-2019', via: 'parameter Ca = "rds-ca-2019" (Default)' });
    expect(await ca({ parameterFiles: [first] })).toMatchObject({ value: 'rds-ca-rsa2048-g1', via: `parameter Ca = "rds-ca-rsa2048-g1" (${first})` });
    expect(await ca({ parameterFiles: [first, second] })).toMatchObject({ value: 'rds-ca-rsa4096-g1' });
    expect(await ca({ parameterFiles: [pipeline] })).toMatchObject({ value: 'rds-ca-ecc384-g1' });
    expect(await ca({ parameterFiles: [second], parameters: { Ca: 'from-cli' } })).toMatchObject({ value: 'from-cli' });
  });

  it('UsePreviousValue leaves the value unknown', async () => {
    const template = write(TEMPLATE);
    const file = write(JSON.stringify([{ ParameterKey: 'Ca', UsePreviousValue: true }]), 'p.json');
    const { resources } = await read({ templates: [template], parameterFiles: [file] });
    expect(byId(resources, 'Db').ca!.identifier).toMatchObject({
      known: false,
      reason: `CACertificateIdentifier: parameter Ca keeps its previous value (${file}), which is not in the evaluated files`,
    });
  });

  it('reads the ["Key=Value"] parameter files of `aws cloudformation deploy --parameter-overrides`', async () => {
    const template = write(TEMPLATE);
    const file = write('["Ca=rds-ca-ecc384-g1"]', 'overrides.json');
    const { resources } = await read({ templates: [template], parameterFiles: [file] });
    expect(byId(resources, 'Db').ca!.identifier).toMatchObject({ known: true, value: 'rds-ca-ecc384-g1' });
    const bad = write('["no equals sign"]', 'bad-overrides.json');
    expect((await inputError(() => read({ templates: [template], parameterFiles: [bad] }))).describe()).toBe(
      `${bad}:1:2: invalid parameter file: each entry must be {"ParameterKey": …, "ParameterValue": …} or "Key=Value"`,
    );
  });

  it('rejects a value outside the parameter\'s AllowedValues, as CloudFormation would, without echoing a NoEcho one', async () => {
    const template = write(`Parameters:
  Env: { Type: String, AllowedValues: [dev, prod], Default: dev }
  Secret: { Type: String, NoEcho: true, AllowedValues: [a, b] }
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties: { Engine: postgres }
`);
    const staging = await inputError(() => read({ templates: [template], parameters: { Env: 'staging' } }));
    expect(staging.message).toBe(`--cfn-parameter Env: "staging" is not one of the AllowedValues of parameter Env (dev, prod; ${template}:2)`);
    const secret = await inputError(() => read({ templates: [template], parameters: { Secret: 'hunter2' } }));
    expect(secret.message).not.toContain('hunter2');
    expect((await read({ templates: [template], parameters: { Env: 'prod', Secret: 'a' } })).resources).toHaveLength(1);
  });

  it('rejects a parameter no template declares, and malformed parameter files', async () => {
    const template = write(TEMPLATE);
    const typo = await inputError(() => read({ templates: [template], parameters: { CA: 'x' } }));
    expect(typo.message).toBe('--cfn-parameter CA: no evaluated template declares parameter CA');
    const file = write('[{"ParameterKey": "Nope", "ParameterValue": "x"}]', 'p.json');
    expect((await inputError(() => read({ templates: [template], parameterFiles: [file] }))).describe()).toBe(
      `${file}:1:19: --cfn-parameters-file: no evaluated template declares parameter Nope`,
    );
    const bad = write('{"Ca": "x"}', 'bad.json');
    expect((await inputError(() => read({ templates: [template], parameterFiles: [bad] }))).message).toBe(
      'invalid parameter file: expected [{"ParameterKey": …, "ParameterValue": …}]',
    );
  });
});

describe('loops', () => {
  it('rejects resources that refer to each other in a loop, naming the loop and the line', async () => {
    const file = write(`Resources:
  A:
    Type: AWS::RDS::DBParameterGroup
    Properties: { Family: !Ref B, Description: d }
  B:
    Type: AWS::RDS::DBParameterGroup
    DependsOn: A
    Properties: { Family: postgres16, Description: d }
`);
    const error = await inputError(() => read({ templates: [file] }));
    expect(error.describe()).toBe(`${file}:7:16: circular dependency between resources: A → B → A`);
  });

  it('rejects a resource that refers to itself', async () => {
    const file = write(`Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties: { Engine: postgres, DBParameterGroupName: !Ref Db }
`);
    expect((await inputError(() => read({ templates: [file] }))).describe()).toBe(`${file}:4:64: circular dependency between resources: Db → Db`);
  });

  it('rejects conditions that refer to each other in a loop', async () => {
    const file = write(`Conditions:
  A: !Not [!Condition B]
  B: !And [!Condition A, !Equals [x, x]]
Resources:
  Pg:
    Type: AWS::RDS::DBParameterGroup
    Condition: A
    Properties: { Family: postgres16, Description: d }
`);
    expect((await inputError(() => read({ templates: [file] }))).describe()).toBe(
      `${file}:3:23: conditions refer to each other in a loop: A → B → A`,
    );
  });

  it('rejects a condition that names one Conditions does not define', async () => {
    const file = write(`Conditions:
  A: !Not [!Condition Missing]
Resources:
  Topic: { Type: AWS::SNS::Topic }
`);
    expect((await inputError(() => read({ templates: [file] }))).describe()).toBe(
      `${file}:2:23: condition A refers to Missing, which is not defined in Conditions`,
    );
  });

  it('rejects read replicas that name each other by identifier', async () => {
    const file = write(`Resources:
  A:
    Type: AWS::RDS::DBInstance
    Properties: { DBInstanceIdentifier: a, SourceDBInstanceIdentifier: b }
  B:
    Type: AWS::RDS::DBInstance
    Properties: { DBInstanceIdentifier: b, SourceDBInstanceIdentifier: a }
`);
    expect((await inputError(() => read({ templates: [file] }))).message).toMatch(/^databases take their engine from each other in a loop: A \(.*\) → B \(.*\) → A/);
  });
});

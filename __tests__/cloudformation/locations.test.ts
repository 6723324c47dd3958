import { describe, expect, it } from 'vitest';
import { byId, inputError, read, readTemplate, templateGroup as group, write } from './helpers.js';

const YAML = `Parameters:
  Ca:
    Type: String
    Default: rds-ca-rsa4096-g1
Resources:
  Pg:
    Type: AWS::RDS::DBParameterGroup
    Properties:
      Family: postgres16
      Description: d
      Parameters:
        rds.force_ssl: 1
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      EngineVersion: "16.4"
      CACertificateIdentifier: rds-ca-rsa2048-g1
      DBParameterGroupName: !Ref Pg
      EnableIAMDatabaseAuthentication: true
  ViaParam:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      CACertificateIdentifier: !Ref Ca
`;

const JSON_TEMPLATE = `{
  "Resources": {
    "Pg": {
      "Type": "AWS::RDS::DBParameterGroup",
      "Properties": {
        "Family": "mysql8.0",
        "Description": "d",
        "Parameters": { "require_secure_transport": "ON" }
      }
    },
    "Db": {
      "Type": "AWS::RDS::DBInstance",
      "Properties": {
        "Engine": "MySQL",
        "CACertificateIdentifier": "rds-ca-2019",
        "DBParameterGroupName": { "Ref": "Pg" }
      }
    }
  }
}
`;

describe('line-accurate locations', () => {
  it('YAML: the CA value, the rds.force_ssl entry, the IAM value and the logical id', async () => {
    const { resources, file } = await readTemplate(YAML);
    const db = byId(resources, 'Db');
    expect(db.ca!.identifier).toEqual({ known: true, value: 'rds-ca-rsa2048-g1', at: { file, line: 18, column: 32 } });
    expect(db.iamAuth).toEqual({ known: true, value: true, at: { file, line: 20, column: 40 } });
    expect(db.origin.location).toEqual({ file, line: 13, column: 3 });
    expect(db.tls!.parameterGroup.at).toEqual({ file, line: 19, column: 29 });
    const forceSsl = group(db).parameters['rds.force_ssl']!;
    expect(forceSsl.at).toEqual({ file, line: 12, column: 9 });
    expect(forceSsl.value).toEqual({ known: true, value: '1', at: { file, line: 12, column: 24 } });
    expect(group(db).location).toEqual({ file, line: 6, column: 3 });
  });

  it('YAML: a value through a parameter points at the property, and names the parameter', async () => {
    const { resources, file } = await readTemplate(YAML);
    const viaParam = byId(resources, 'ViaParam');
    expect(viaParam.ca!.identifier).toEqual({
      known: true,
      value: 'rds-ca-rsa4096-g1',
      at: { file, line: 25, column: 32 },
      via: 'parameter Ca = "rds-ca-rsa4096-g1" (Default)',
    });
    // Missing properties point at the logical id.
    expect(viaParam.iamAuth).toEqual({ known: true, value: false, at: { file, line: 21, column: 3 }, via: 'not set in template' });
  });

  it('JSON: the same facts at their JSON positions', async () => {
    const { resources, file } = await readTemplate(JSON_TEMPLATE, { name: 'template.json' });
    const db = byId(resources, 'Db');
    expect(db.engine).toEqual({ known: true, value: 'mysql', at: { file, line: 14, column: 19 } });
    expect(db.ca!.identifier).toEqual({ known: true, value: 'rds-ca-2019', at: { file, line: 15, column: 36 } });
    expect(db.tls!.parameterGroup.at).toEqual({ file, line: 16, column: 33 });
    expect(db.origin.location).toEqual({ file, line: 11, column: 5 });
    const rst = group(db).parameters['require_secure_transport']!;
    expect(rst.at).toEqual({ file, line: 8, column: 25 });
    expect(rst.value).toMatchObject({ known: true, value: 'ON', at: { line: 8, column: 53 } });
  });
});

describe('bad templates: one InputError with file, line and column', () => {
  it('an unknown tag', async () => {
    const file = write('Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: !Reff postgres\n');
    const error = await inputError(() => read({ templates: [file] }));
    expect(error.describe()).toBe(`${file}:5:15: invalid CloudFormation template: unknown tag !Reff`);
  });

  it('a YAML syntax error', async () => {
    const file = write('Resources:\n  Db:\n    Type: [AWS::RDS::DBInstance\n  Other: x\n');
    const error = await inputError(() => read({ templates: [file] }));
    expect(error.file).toBe(file);
    expect(error.line).toBe(4);
    expect(error.message).toMatch(/^invalid CloudFormation template: /);
  });

  it('a JSON syntax error', async () => {
    const file = write('{\n  "Resources": {\n    "Db": { "Type": "AWS::RDS::DBInstance" ]\n  }\n}\n', 'template.json');
    const error = await inputError(() => read({ templates: [file] }));
    expect(error.file).toBe(file);
    expect(error.line).toBe(3);
    expect(error.column).toBeGreaterThan(1);
  });

  it('duplicate keys', async () => {
    const file = write('Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n  Db:\n    Type: AWS::RDS::DBInstance\n');
    const error = await inputError(() => read({ templates: [file] }));
    expect(error.describe()).toBe(`${file}:4:3: invalid CloudFormation template: Map keys must be unique`);
  });

  it('no Resources section, and a change set passed as a template', async () => {
    const noResources = write('AWSTemplateFormatVersion: "2010-09-09"\nParameters: {}\n');
    expect((await inputError(() => read({ templates: [noResources] }))).describe()).toBe(
      `${noResources}:1:1: not a CloudFormation template: no Resources section`,
    );
    const changeSet = write('{"Changes": [], "ChangeSetId": "x"}', 'cs.json');
    expect((await inputError(() => read({ templates: [changeSet] }))).message).toBe(
      'not a CloudFormation template: no Resources section (this looks like describe-change-set output: pass it with --changeset)',
    );
  });

  it('an empty file, a list, a resource without Type, a file that does not exist', async () => {
    expect((await inputError(() => read({ templates: [write('')] }))).message).toMatch(/not a CloudFormation template/);
    expect((await inputError(() => read({ templates: [write('- a\n- b\n')] }))).line).toBe(1);
    const noType = write('Resources:\n  Db:\n    Properties: {}\n');
    expect((await inputError(() => read({ templates: [noType] }))).describe()).toBe(`${noType}:2:3: resource Db has no Type`);
    const missing = `${write('x: 1')}.missing.yaml`;
    expect((await inputError(() => read({ templates: [missing] }))).describe()).toBe(`${missing}: file not found`);
  });

  it('!GetAtt without an attribute', async () => {
    const file = write('Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: !GetAtt Other\n');
    expect((await inputError(() => read({ templates: [file] }))).message).toBe(
      'invalid CloudFormation template: !GetAtt needs Resource.Attribute, got "Other"',
    );
  });
});

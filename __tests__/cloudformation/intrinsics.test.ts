import { describe, expect, it } from 'vitest';
import { inputError, resolveOutputs } from './helpers.js';

// Each output exercises one intrinsic; the template is otherwise minimal.
const YAML_TEMPLATE = `Parameters:
  Env:
    Type: String
    Default: prod
  Version:
    Type: String
    Default: 15.10
  Zones:
    Type: CommaDelimitedList
    Default: a,b,c
  Latest:
    Type: AWS::SSM::Parameter::Value<String>
    Default: /db/version
  Secret:
    Type: String
    NoEcho: true
    Default: hunter2
  NoDefault:
    Type: String
Mappings:
  Families:
    "15.10":
      family: postgres15
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Not [!Condition IsProd]
  Both: !And [!Condition IsProd, !Equals [a, a]]
  Either: !Or [!Condition IsDev, !Condition IsProd]
  InEastRegion: !Equals [!Ref AWS::Region, us-east-1]
  EastOrProd: !Or [!Condition InEastRegion, !Condition IsProd]
  EastAndProd: !And [!Condition InEastRegion, !Condition IsProd]
Resources:
  Topic:
    Type: AWS::SNS::Topic
Outputs:
  RefParam: { Value: !Ref Env }
  RefNumberKeepsText: { Value: !Ref Version }
  RefList: { Value: !Ref Zones }
  RefSsm: { Value: !Ref Latest }
  RefNoDefault: { Value: !Ref NoDefault }
  RefSecret: { Value: !Ref Secret }
  RefResource: { Value: !Ref Topic }
  RefNoValue: { Value: !Ref AWS::NoValue }
  RefRegion: { Value: !Ref AWS::Region }
  LongRef: { Value: { Ref: Env } }
  Sub: { Value: !Sub "db-\${Env}-\${!Literal}" }
  SubVars: { Value: !Sub ["\${Name}-\${Env}", { Name: orders }] }
  SubRegion: { Value: !Sub "db.\${AWS::Region}" }
  SubAttr: { Value: !Sub "\${Topic.TopicName}" }
  LongSub: { Value: { "Fn::Sub": "x-\${Env}" } }
  GetAttDotted: { Value: !GetAtt Topic.TopicName }
  GetAttList: { Value: !GetAtt [Topic, TopicName] }
  IfTrue: { Value: !If [IsProd, big, small] }
  IfFalse: { Value: !If [IsDev, big, small] }
  IfNoValue: { Value: !If [IsProd, !Ref AWS::NoValue, x] }
  IfUnknown: { Value: !If [InEastRegion, a, b] }
  IfUnknownSame: { Value: !If [InEastRegion, same, same] }
  AndOr: { Value: !If [Both, !If [Either, yes, no], no] }
  OrDecided: { Value: !If [EastOrProd, yes, no] }
  AndUndecided: { Value: !If [EastAndProd, yes, no] }
  LongIf: { Value: { "Fn::If": [IsProd, { Ref: Env }, dev] } }
  Join: { Value: !Join ["-", [a, !Ref Env, c]] }
  JoinDropsNoValue: { Value: !Join ["-", [a, !Ref AWS::NoValue, c]] }
  JoinResource: { Value: !Join ["-", [a, !Ref Topic]] }
  Select: { Value: !Select [1, !Ref Zones] }
  SelectAzs: { Value: !Select [0, !GetAZs ""] }
  Split: { Value: !Split [",", "x,y"] }
  SelectSplit: { Value: !Select ["2", !Split ["|", "p|q|r"]] }
  FindInMap: { Value: !FindInMap [Families, !Ref Version, family] }
  FindInMapMissing: { Value: !FindInMap [Families, "16.1", family] }
  ImportValue: { Value: !ImportValue shared-db-ca }
  Base64: { Value: !Base64 abc }
  GetAZs: { Value: !GetAZs }
  Cidr: { Value: !Cidr ["10.0.0.0/16", 4, 8] }
  Dynamic: { Value: "{{resolve:ssm:/db/ca}}" }
  DynamicInSub: { Value: !Sub "{{resolve:secretsmanager:\${Env}-db}}" }
  Transform: { Value: !Transform { Name: AWS::Include, Parameters: { Location: s3://b/k } } }
`;

describe('intrinsic functions (YAML short and long forms)', () => {
  const out = resolveOutputs(YAML_TEMPLATE);

  it('resolves Ref to parameters, keeping numbers as written and splitting lists', () => {
    expect(out.RefParam).toMatchObject({ kind: 'value', value: 'prod', via: ['parameter Env = "prod" (Default)'] });
    expect(out.RefNumberKeepsText).toMatchObject({ kind: 'value', value: '15.10' });
    expect(out.RefList).toMatchObject({ kind: 'value', value: ['a', 'b', 'c'] });
    expect(out.LongRef).toMatchObject({ kind: 'value', value: 'prod' });
  });

  it('leaves unknown what is decided at deploy time, with the reason', () => {
    expect(out.RefSsm).toMatchObject({ kind: 'unknown', reason: 'parameter Latest is read from SSM Parameter Store at deploy time' });
    expect(out.RefNoDefault).toMatchObject({
      kind: 'unknown',
      reason: 'parameter NoDefault has no default and no value was given (--cfn-parameter NoDefault=VALUE)',
    });
    expect(out.RefRegion).toMatchObject({ kind: 'unknown', reason: 'pseudo parameter AWS::Region is known only at deploy time' });
    expect(out.GetAttDotted).toMatchObject({ kind: 'unknown', reason: 'Topic.TopicName is known only after deploy (Fn::GetAtt)' });
    expect(out.GetAttList).toEqual(out.GetAttDotted);
    expect(out.ImportValue).toMatchObject({ kind: 'unknown', reason: 'the value is imported from another stack (Fn::ImportValue)' });
    expect(out.GetAZs).toMatchObject({ kind: 'unknown', reason: 'the value lists Availability Zones at deploy time (Fn::GetAZs)' });
    expect(out.SelectAzs).toMatchObject({ kind: 'unknown' });
    expect(out.Cidr).toMatchObject({ kind: 'unknown', reason: 'the value is computed at deploy time (Fn::Cidr)' });
    expect(out.Transform).toMatchObject({ kind: 'unknown', reason: 'the value is produced by a macro at deploy time (Fn::Transform)' });
    expect(out.Dynamic).toMatchObject({ kind: 'unknown', reason: 'the value is a dynamic reference ({{resolve:…}}), resolved at deploy time' });
    expect(out.DynamicInSub).toMatchObject({ kind: 'unknown' });
  });

  it('never shows a NoEcho value', () => {
    expect(out.RefSecret).toMatchObject({ kind: 'value', value: 'hunter2' });
    expect(JSON.stringify(out.RefSecret.via)).not.toContain('hunter2');
  });

  it('keeps a Ref to a resource as that resource, and AWS::NoValue as no value', () => {
    expect(out.RefResource).toMatchObject({ kind: 'resource', id: 'Topic' });
    expect(out.RefNoValue).toMatchObject({ kind: 'novalue' });
  });

  it('substitutes Fn::Sub variables when every one resolves', () => {
    expect(out.Sub).toMatchObject({ kind: 'value', value: 'db-prod-${Literal}' });
    expect(out.SubVars).toMatchObject({ kind: 'value', value: 'orders-prod' });
    expect(out.LongSub).toMatchObject({ kind: 'value', value: 'x-prod' });
    expect(out.SubRegion).toMatchObject({ kind: 'unknown', reason: 'pseudo parameter AWS::Region is known only at deploy time' });
    expect(out.SubAttr).toMatchObject({ kind: 'unknown', reason: 'Topic.TopicName is known only after deploy (Fn::Sub)' });
  });

  it('evaluates Fn::If over Conditions (Equals, Not, And, Or, Condition)', () => {
    expect(out.IfTrue).toMatchObject({ kind: 'value', value: 'big' });
    expect(out.IfTrue!.via).toContain('condition IsProd is true');
    expect(out.IfFalse).toMatchObject({ kind: 'value', value: 'small' });
    expect(out.IfNoValue).toMatchObject({ kind: 'novalue' });
    expect(out.AndOr).toMatchObject({ kind: 'value', value: 'yes' });
    expect(out.LongIf).toMatchObject({ kind: 'value', value: 'prod' });
    // An unknown operand does not matter when another decides Or / And.
    expect(out.OrDecided).toMatchObject({ kind: 'value', value: 'yes' });
    expect(out.AndUndecided).toMatchObject({
      kind: 'unknown',
      reason: 'condition EastAndProd cannot be evaluated: condition InEastRegion cannot be evaluated: pseudo parameter AWS::Region is known only at deploy time',
    });
  });

  it('keeps an unresolvable Fn::If unknown unless both branches agree', () => {
    expect(out.IfUnknown).toMatchObject({ kind: 'unknown' });
    expect(out.IfUnknownSame).toMatchObject({ kind: 'value', value: 'same' });
  });

  it('evaluates Join, Select, Split, FindInMap and Base64 with known inputs', () => {
    expect(out.Join).toMatchObject({ kind: 'value', value: 'a-prod-c' });
    expect(out.JoinDropsNoValue).toMatchObject({ kind: 'value', value: 'a-c' });
    expect(out.JoinResource).toMatchObject({ kind: 'unknown', reason: 'a list item uses the physical id of Topic, known only after deploy' });
    expect(out.Select).toMatchObject({ kind: 'value', value: 'b' });
    expect(out.Split).toMatchObject({ kind: 'value', value: ['x', 'y'] });
    expect(out.SelectSplit).toMatchObject({ kind: 'value', value: 'r' });
    expect(out.FindInMap).toMatchObject({ kind: 'value', value: 'postgres15' });
    expect(out.FindInMap!.via).toContain('Mappings Families["15.10"]["family"]');
    expect(out.FindInMapMissing).toMatchObject({ kind: 'unknown' });
    expect(out.Base64).toMatchObject({ kind: 'value', value: Buffer.from('abc').toString('base64') });
  });

  it('lets --cfn-parameter win over the Default', () => {
    const given = resolveOutputs(YAML_TEMPLATE, { Env: 'dev', NoDefault: 'x' });
    expect(given.RefParam).toMatchObject({ kind: 'value', value: 'dev', via: ['parameter Env = "dev" (--cfn-parameter)'] });
    expect(given.IfTrue).toMatchObject({ kind: 'value', value: 'small' });
    expect(given.RefNoDefault).toMatchObject({ kind: 'value', value: 'x' });
  });
});

describe('intrinsic functions in JSON (long form)', () => {
  const JSON_TEMPLATE = JSON.stringify(
    {
      Parameters: { Env: { Type: 'String', Default: 'prod' } },
      Mappings: { M: { prod: { ca: 'rds-ca-rsa4096-g1' } } },
      Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] }, NotProd: { 'Fn::Not': [{ Condition: 'IsProd' }] } },
      Resources: { Topic: { Type: 'AWS::SNS::Topic' } },
      Outputs: {
        Ref: { Value: { Ref: 'Env' } },
        If: { Value: { 'Fn::If': ['NotProd', 'a', { 'Fn::FindInMap': ['M', { Ref: 'Env' }, 'ca'] }] } },
        Join: { Value: { 'Fn::Join': ['', ['x', { 'Fn::Select': [0, { 'Fn::Split': [',', 'y,z'] }] }]] } },
        Sub: { Value: { 'Fn::Sub': ['${A}', { A: { Ref: 'Env' } }] } },
        GetAtt: { Value: { 'Fn::GetAtt': ['Topic', 'TopicArn'] } },
        NoValue: { Value: { Ref: 'AWS::NoValue' } },
      },
    },
    null,
    2,
  );
  const out = resolveOutputs(JSON_TEMPLATE, {}, 'inline.json');

  it('evaluates the same functions', () => {
    expect(out.Ref).toMatchObject({ kind: 'value', value: 'prod' });
    expect(out.If).toMatchObject({ kind: 'value', value: 'rds-ca-rsa4096-g1' });
    expect(out.Join).toMatchObject({ kind: 'value', value: 'xy' });
    expect(out.Sub).toMatchObject({ kind: 'value', value: 'prod' });
    expect(out.GetAtt).toMatchObject({ kind: 'unknown', reason: 'Topic.TopicArn is known only after deploy (Fn::GetAtt)' });
    expect(out.NoValue).toMatchObject({ kind: 'novalue' });
  });
});

describe('intrinsic errors', () => {
  const base = 'Resources:\n  Topic:\n    Type: AWS::SNS::Topic\nOutputs:\n';

  it('rejects a Ref to a name the template does not define, with its line', async () => {
    const error = await inputError(() => resolveOutputs(`${base}  X: { Value: !Ref Nope }\n`));
    expect(error.message).toBe('Ref to Nope, which is neither a parameter nor a resource in this template');
    expect([error.line, error.column]).toEqual([5, 20]); // the name after `!Ref `
  });

  it('rejects Fn::GetAtt on a resource the template does not define', async () => {
    const error = await inputError(() => resolveOutputs(`${base}  X: { Value: !GetAtt Nope.Arn }\n`));
    expect(error.message).toBe('Nope is not a resource in this template');
  });

  it('rejects Fn::If on an undefined condition', async () => {
    const error = await inputError(() => resolveOutputs(`${base}  X: { Value: !If [Missing, a, b] }\n`));
    expect(error.message).toBe('condition Missing is not defined in Conditions');
    expect(error.line).toBe(5);
  });

  it('rejects a malformed Fn::Join', async () => {
    const error = await inputError(() => resolveOutputs(`${base}  X: { Value: !Join [only-one] }\n`));
    expect(error.message).toBe('Fn::Join takes a list of 2 arguments');
  });

  it('leaves an undefined Ref unknown when a Transform may add the name', () => {
    const out = resolveOutputs(`Transform: AWS::Serverless-2016-10-31\n${base}  X: { Value: !Ref MyFunctionRole }\n`);
    expect(out.X).toMatchObject({ kind: 'unknown', reason: 'MyFunctionRole is not defined in the template (a Transform may add it)' });
  });
});

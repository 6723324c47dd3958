import { describe, expect, it } from 'vitest';
import { byId, inputError, read, write } from './helpers.js';

const TEMPLATE = `Parameters:
  Ca: { Type: String, Default: rds-ca-rsa2048-g1 }
Conditions:
  InEast: !Equals [!Ref AWS::Region, us-east-1]
Resources:
  Pg:
    Type: AWS::RDS::DBParameterGroup
    Properties: { Family: postgres16, Description: d, Parameters: { rds.force_ssl: 1 } }
  Orders:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      EngineVersion: "16.4"
      CACertificateIdentifier: !Ref Ca
      DBParameterGroupName: !Ref Pg
      DBInstanceClass: db.m6g.large
  Billing:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      CACertificateIdentifier: !If [InEast, rds-ca-rsa4096-g1, rds-ca-ecc384-g1]
  Legacy:
    Type: AWS::RDS::DBInstance
    Properties: { Engine: mysql }
  New:
    Type: AWS::RDS::DBInstance
    Properties: { Engine: mariadb }
  Imported:
    Type: AWS::RDS::DBInstance
    Properties: { Engine: postgres }
`;

interface Change {
  action: string;
  id: string;
  type?: string;
  replacement?: string;
  details?: { name?: string; path?: string; attribute?: string; recreation?: string; before?: string; after?: string }[];
}

function changeSet(changes: Change[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify(
    {
      ChangeSetName: 'cs',
      StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/orders/1a2b',
      StackName: 'orders',
      Parameters: [{ ParameterKey: 'Ca', ParameterValue: 'rds-ca-rsa4096-g1' }],
      Changes: changes.map((c) => ({
        Type: 'Resource',
        ResourceChange: {
          Action: c.action,
          LogicalResourceId: c.id,
          ResourceType: c.type ?? 'AWS::RDS::DBInstance',
          ...(c.replacement ? { Replacement: c.replacement } : {}),
          Details: (c.details ?? []).map((d) => ({
            Target: {
              Attribute: d.attribute ?? 'Properties',
              ...(d.name ? { Name: d.name } : {}),
              ...(d.path ? { Path: d.path } : {}),
              RequiresRecreation: d.recreation ?? 'Never',
              ...(d.before !== undefined ? { BeforeValue: d.before } : {}),
              ...(d.after !== undefined ? { AfterValue: d.after } : {}),
            },
            Evaluation: 'Static',
            ChangeSource: 'DirectModification',
          })),
        },
      })),
      ...extra,
    },
    null,
    2,
  );
}

describe('change sets with the template they deploy', () => {
  it('maps each action, drops what it removes, and leaves the rest as no-op', async () => {
    const template = write(TEMPLATE);
    const cs = write(
      changeSet([
        { action: 'Modify', id: 'Orders', replacement: 'False', details: [{ name: 'CACertificateIdentifier' }] },
        { action: 'Modify', id: 'Billing', replacement: 'True', details: [{ name: 'DBInstanceIdentifier', recreation: 'Always' }] },
        { action: 'Remove', id: 'Legacy' },
        { action: 'Add', id: 'New' },
        { action: 'Import', id: 'Imported' },
      ]),
      'cs.json',
    );
    const { resources, errors } = await read({ templates: [template], changesets: [{ file: cs, template: null }] });
    expect(errors).toEqual([]);
    expect(resources.map((r) => [r.id, r.change?.action])).toEqual([
      ['Orders', 'update'],
      ['Billing', 'replace'],
      ['New', 'create'],
      ['Imported', 'import'],
    ]);
    for (const r of resources) {
      expect(r.origin).toMatchObject({ type: 'changeset', file: template, region: 'us-east-1', account: '123456789012' });
      expect(r.change!.applyImmediately).toMatchObject({ known: true, value: true });
    }
    expect(byId(resources, 'Billing').change!.restartCauses).toEqual([
      { reason: 'the change set replaces the database (Replacement: True)', at: { file: template, line: 17, column: 3 } },
    ]);
  });

  it('a CA change: from the change set when it says (else null), to the template value, at the property', async () => {
    const template = write(TEMPLATE);
    const bare = write(changeSet([{ action: 'Modify', id: 'Orders', details: [{ name: 'CACertificateIdentifier' }] }]), 'bare.json');
    const withValues = write(
      changeSet([
        { action: 'Modify', id: 'Orders', details: [{ path: '/Properties/CACertificateIdentifier', before: 'rds-ca-2019', after: 'rds-ca-rsa4096-g1' }] },
      ]),
      'values.json',
    );
    const caAt = { file: template, line: 14, column: 32 };
    const orders = async (cs: string) => byId((await read({ templates: [template], changesets: [{ file: cs, template }] })).resources, 'Orders');
    // The change set's Parameters decide the Ref (rds-ca-rsa4096-g1, not the Default).
    const to = { known: true, value: 'rds-ca-rsa4096-g1', at: caAt, via: `parameter Ca = "rds-ca-rsa4096-g1" (change set ${bare})` };
    expect((await orders(bare)).ca!.change).toEqual({
      from: null,
      fromUnknown: 'the change set does not include property values (describe it with --include-property-values)',
      to,
      pending: false,
      at: caAt,
    });
    const change = (await orders(withValues)).ca!.change!;
    expect(change.from).toBe('rds-ca-2019');
    expect(change.fromUnknown).toBeUndefined();
    expect(change.to).toMatchObject({ known: true, value: 'rds-ca-rsa4096-g1' });
  });

  it('uses the change set AfterValue when the template cannot tell the CA', async () => {
    const template = write(TEMPLATE.replace('arn:aws:cloudformation:us-east-1', 'x'));
    const stackless = JSON.parse(changeSet([{ action: 'Modify', id: 'Billing', details: [{ name: 'CACertificateIdentifier', after: 'rds-ca-rsa2048-g1' }] }])) as Record<string, unknown>;
    delete stackless.StackId; // no region: the template's !If stays unknown
    const cs = write(JSON.stringify(stackless), 'cs.json');
    const billing = byId((await read({ templates: [template], changesets: [{ file: cs, template: null }] })).resources, 'Billing');
    expect(billing.ca!.identifier).toMatchObject({ known: true, value: 'rds-ca-rsa2048-g1', via: 'the change set AfterValue' });
    expect(billing.origin.region).toBeNull();
  });

  it('resolves AWS::Region from the stack ARN', async () => {
    const template = write(TEMPLATE);
    const cs = write(changeSet([]), 'cs.json');
    const billing = byId((await read({ templates: [template], changesets: [{ file: cs, template: null }] })).resources, 'Billing');
    expect(billing.ca!.identifier).toMatchObject({ known: true, value: 'rds-ca-rsa4096-g1' });
    expect(billing.change).toMatchObject({ action: 'no-op', restartCauses: [] });
  });

  it('names other restart causes with the property line', async () => {
    const template = write(TEMPLATE);
    const cs = write(
      changeSet([
        {
          action: 'Modify',
          id: 'Orders',
          replacement: 'Conditional',
          details: [
            { name: 'DBParameterGroupName', recreation: 'Never' },
            { name: 'DBParameterGroupName', recreation: 'Never' }, // the Dynamic + Static pair of a Ref
            { name: 'EngineVersion' },
            { name: 'DBInstanceClass', recreation: 'Conditionally' },
            { name: 'StorageType', recreation: 'Always' },
          ],
        },
      ]),
      'cs.json',
    );
    const orders = byId((await read({ templates: [template], changesets: [{ file: cs, template: null }] })).resources, 'Orders');
    expect(orders.change!.action).toBe('update');
    expect(orders.change!.restartCauses.map((c) => [c.reason.split(':')[0], c.at?.line])).toEqual([
      ['the database may be replaced (Replacement', 9],
      ['DBParameterGroupName changes', 15],
      ['EngineVersion changes', 13],
      ['DBInstanceClass changes', 16],
      ['StorageType changes and requires replacement (RequiresRecreation', 9],
    ]);
    expect(orders.ca!.change).toBeUndefined();
  });

  it('--cfn-parameter wins over the change set Parameters', async () => {
    const template = write(TEMPLATE);
    const cs = write(changeSet([]), 'cs.json');
    const orders = byId(
      (await read({ templates: [template], changesets: [{ file: cs, template: null }], parameters: { Ca: 'rds-ca-ecc384-g1' } })).resources,
      'Orders',
    );
    expect(orders.ca!.identifier).toMatchObject({ value: 'rds-ca-ecc384-g1' });
  });

  it('evaluates a paired template once, as the change set; other templates on their own', async () => {
    const template = write(TEMPLATE);
    const other = write('Resources:\n  Solo:\n    Type: AWS::RDS::DBInstance\n    Properties: { Engine: postgres }\n');
    const cs = write(changeSet([]), 'cs.json');
    const { resources } = await read({ templates: [template, other], changesets: [{ file: cs, template }] });
    expect(resources.map((r) => [r.id, r.origin.type])).toEqual([
      ['Orders', 'changeset'],
      ['Billing', 'changeset'],
      ['Legacy', 'changeset'],
      ['New', 'changeset'],
      ['Imported', 'changeset'],
      ['Solo', 'cloudformation'],
    ]);
  });

  it('reports a truncated change set (NextToken) as incomplete', async () => {
    const template = write(TEMPLATE);
    const cs = write(changeSet([], { NextToken: 'abc' }), 'cs.json');
    const { errors } = await read({ templates: [template], changesets: [{ file: cs, template: null }] });
    expect(errors).toEqual([{ source: cs, message: expect.stringContaining('NextToken') }]);
  });
});

describe('change set pairing errors', () => {
  it('a change set without its template', async () => {
    const cs = write(changeSet([]), 'cs.json');
    expect((await inputError(() => read({ changesets: [{ file: cs, template: null }] }))).describe()).toBe(
      `--changeset ${cs} needs the template it deploys: pass --cloudformation TEMPLATE, or --changeset ${cs}=TEMPLATE`,
    );
    const [a, b] = [write(TEMPLATE), write(TEMPLATE)];
    expect((await inputError(() => read({ templates: [a, b], changesets: [{ file: cs, template: null }] }))).message).toMatch(
      /needs the template it deploys: .* \(2 templates were given\)$/,
    );
  });

  it('a change set that names a logical id the template does not declare, or with another type', async () => {
    const template = write(TEMPLATE);
    const cs = write(changeSet([{ action: 'Modify', id: 'Orderz' }]), 'cs.json');
    const error = await inputError(() => read({ templates: [template], changesets: [{ file: cs, template: null }] }));
    expect(error.message).toBe(`change set changes Orderz, which ${template} does not declare: is ${template} the template this change set deploys?`);
    expect([error.file, error.line]).toEqual([cs, 16]); // its LogicalResourceId
    const typed = write(changeSet([{ action: 'Add', id: 'Pg', type: 'AWS::RDS::DBClusterParameterGroup' }]), 'cs2.json');
    expect((await inputError(() => read({ templates: [template], changesets: [{ file: typed, template: null }] }))).message).toMatch(
      /changes Pg as a AWS::RDS::DBClusterParameterGroup, but .* declares a AWS::RDS::DBParameterGroup/,
    );
  });

  it('a template passed as a change set, and a change set that is not JSON', async () => {
    const template = write(TEMPLATE);
    expect((await inputError(() => read({ templates: [template], changesets: [{ file: template, template: null }] }))).message).toBe(
      'not describe-change-set output: no Changes list (this looks like a template: pass it with --cloudformation)',
    );
    const broken = write('{"Changes": [', 'cs.json');
    const error = await inputError(() => read({ templates: [template], changesets: [{ file: broken, template: null }] }));
    expect(error.file).toBe(broken);
    expect(error.message).toMatch(/^invalid change set: /);
  });
});

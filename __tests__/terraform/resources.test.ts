import { describe, expect, it } from 'vitest';

import type { Fact, ParameterGroup, Resource } from '../../src/model.js';
import { readTerraformPlans } from '../../src/sources/terraform/index.js';
import { change, configResource, constant, dbAfter, plan, ref, tempDir, writeJson, type Json } from './plan-builder.js';

const dir = tempDir();
let counter = 0;

async function read(planJson: Json): Promise<Resource[]> {
  const file = writeJson(dir, `plan-${++counter}.json`, planJson);
  return (await readTerraformPlans([file])).resources;
}

function byId(resources: Resource[], id: string): Resource {
  const found = resources.find((r) => r.id === id);
  if (!found) throw new Error(`${id} not in ${resources.map((r) => r.id).join(', ')}`);
  return found;
}

const value = <T>(fact: Fact<T> | undefined): T => {
  if (!fact?.known) throw new Error(`expected a known fact, got ${JSON.stringify(fact)}`);
  return fact.value;
};
const reason = (fact: Fact<unknown> | undefined): string => {
  if (!fact || fact.known) throw new Error(`expected an unknown fact, got ${JSON.stringify(fact)}`);
  return fact.reason;
};
const group = (resource: Resource) => value(resource.tls?.parameterGroup) as ParameterGroup;

describe('resources and addresses', () => {
  it('keeps addresses at any module depth, with count and for_each keys, as ids', async () => {
    const resources = await read(
      plan([
        change('module.a.module.b["eu.west"].module.c.aws_db_instance.main[0]', ['create'], dbAfter()),
        change('aws_db_instance.x["a"]', ['no-op'], dbAfter()),
        change('aws_rds_cluster.c', ['create'], { engine: 'aurora-postgresql' }),
        change('aws_rds_cluster_instance.m[1]', ['create'], { engine: 'aurora-postgresql', cluster_identifier: null }),
      ]),
    );
    expect(resources.map((r) => [r.id, r.kind])).toEqual([
      ['module.a.module.b["eu.west"].module.c.aws_db_instance.main[0]', 'db-instance'],
      ['aws_db_instance.x["a"]', 'db-instance'],
      ['aws_rds_cluster.c', 'db-cluster'],
      ['aws_rds_cluster_instance.m[1]', 'cluster-member'],
    ]);
  });

  it('leaves out resources being deleted and maps the other actions', async () => {
    const resources = await read(
      plan([
        change('aws_db_instance.gone', ['delete'], null, { before: dbAfter() }),
        change('aws_db_instance.created', ['create'], dbAfter()),
        change('aws_db_instance.kept', ['no-op'], dbAfter(), { before: dbAfter() }),
        change('aws_db_instance.read', ['read'], dbAfter()),
        change('aws_db_instance.changed', ['update'], dbAfter(), { before: dbAfter() }),
        change('aws_db_instance.swapped', ['delete', 'create'], dbAfter(), { before: dbAfter() }),
        change('aws_db_instance.blue_green', ['create', 'delete'], dbAfter(), { before: dbAfter() }),
        { ...change('aws_db_instance.old', ['delete'], null), deposed: '0badf00d' },
        { ...change('aws_db_instance.lookup', ['read'], dbAfter()), mode: 'data', address: 'data.aws_db_instance.lookup' },
      ]),
    );
    expect(resources.map((r) => [r.id, r.change?.action])).toEqual([
      ['aws_db_instance.created', 'create'],
      ['aws_db_instance.kept', 'no-op'],
      ['aws_db_instance.read', 'no-op'],
      ['aws_db_instance.changed', 'update'],
      ['aws_db_instance.swapped', 'replace'],
      ['aws_db_instance.blue_green', 'replace'],
    ]);
  });

  it('gives a replacement as a restart cause, with the arguments that force it', async () => {
    const replaced = change('aws_db_instance.main', ['delete', 'create'], dbAfter({ engine: 'mysql' }), { before: dbAfter() });
    (replaced.change as Json).replace_paths = [['engine']];
    const [resource] = await read(plan([replaced]));
    expect(resource!.change!.restartCauses.map((c) => c.reason)).toEqual(['replaced by a new database: engine cannot change in place']);
  });

  it('lower-cases engines and drops DocumentDB and Neptune', async () => {
    const resources = await read(
      plan([
        change('aws_db_instance.upper', ['create'], dbAfter({ engine: 'MySQL' })),
        change('aws_rds_cluster.docs', ['create'], { engine: 'docdb' }),
        change('aws_rds_cluster.graph', ['create'], { engine: 'neptune' }),
      ]),
    );
    expect(resources.map((r) => [r.id, value(r.engine)])).toEqual([['aws_db_instance.upper', 'mysql']]);
  });

  it('prefers engine_version_actual, and tags_all (with provider default tags) over tags', async () => {
    const [resource] = await read(
      plan([change('aws_db_instance.main', ['no-op'], dbAfter({ engine_version: '16', engine_version_actual: '16.4' }))]),
    );
    expect(value(resource!.engineVersion)).toBe('16.4');
    expect(resource!.tags).toEqual({ team: 'orders', 'managed-by': 'terraform' });
    const [created] = await read(plan([change('aws_db_instance.main', ['create'], dbAfter(), { afterUnknown: { tags_all: true } })]));
    expect(created!.tags).toEqual({ team: 'orders' });
  });

  it('copies identifier, endpoint, ARN, account and region; the region from the resource, else the provider', async () => {
    const after = dbAfter({ arn: 'arn:aws:rds:us-east-2:123456789012:db:orders', address: 'orders.abc.us-east-2.rds.amazonaws.com', region: 'us-east-2' });
    const config = { resources: [configResource('aws_db_instance', 'main', {}), configResource('aws_db_instance', 'new', {})] };
    const resources = await read(plan([change('aws_db_instance.main', ['no-op'], after), change('aws_db_instance.new', ['create'], dbAfter())], config));
    const main = byId(resources, 'aws_db_instance.main');
    expect([main.identifier, main.endpoint, main.arn]).toEqual(['orders', 'orders.abc.us-east-2.rds.amazonaws.com', after.arn]);
    expect([main.origin.region, main.origin.account]).toEqual(['us-east-2', '123456789012']);
    expect(byId(resources, 'aws_db_instance.new').origin.region).toBe('eu-west-1');
  });

  it('never puts a password from the plan into the model', async () => {
    const resources = await read(
      plan([change('aws_db_instance.main', ['update'], dbAfter({ ca_cert_identifier: 'rds-ca-rsa2048-g1' }), { before: dbAfter({ ca_cert_identifier: 'rds-ca-2019' }) })]),
    );
    expect(resources).toHaveLength(1);
    expect(JSON.stringify(resources)).not.toContain('S3cr3t-Passw0rd!');
  });
});

describe('CA facts', () => {
  const config = (expressions: Json) => ({ resources: [configResource('aws_db_instance', 'main', expressions)] });
  const created = (afterUnknown: Json = { ca_cert_identifier: true }) => change('aws_db_instance.main', ['create'], dbAfter(), { afterUnknown });

  it('knows a CA that is set', async () => {
    const [resource] = await read(plan([change('aws_db_instance.main', ['no-op'], dbAfter({ ca_cert_identifier: 'rds-ca-2019' }))]));
    expect(value(resource!.ca!.identifier)).toBe('rds-ca-2019');
    expect(resource!.ca!.change).toBeNull();
  });

  it('is unknown when the configuration sets a CA known only after apply', async () => {
    const [resource] = await read(plan([created()], config({ ca_cert_identifier: ref('random_shuffle.ca.result', 'random_shuffle.ca') })));
    expect(reason(resource!.ca!.identifier)).toBe('ca_cert_identifier is known only after apply');
  });

  it('is known null (not set) when the configuration does not set it, so the policy default applies', async () => {
    const [resource] = await read(plan([created()], config({ engine: constant('postgres') })));
    expect(resource!.ca!.identifier).toMatchObject({ known: true, value: null, via: 'not set in configuration' });
  });

  it('follows a module input to the caller to tell whether it is set', async () => {
    const root = (given: Json) => ({
      module_calls: {
        db: {
          source: './db',
          expressions: given,
          module: { resources: [configResource('aws_db_instance', 'main', { ca_cert_identifier: ref('var.ca') })], variables: { ca: { default: null } } },
        },
      },
    });
    const rc = change('module.db.aws_db_instance.main', ['create'], dbAfter(), { afterUnknown: { ca_cert_identifier: true } });
    const [notPassed] = await read(plan([rc], root({})));
    expect(notPassed!.ca!.identifier).toMatchObject({ known: true, value: null });
    const [passedNull] = await read(plan([rc], root({ ca: constant(null) })));
    expect(passedNull!.ca!.identifier).toMatchObject({ known: true, value: null });
    const [fromResource] = await read(plan([rc], root({ ca: ref('data.aws_rds_certificate.latest.id', 'data.aws_rds_certificate.latest') })));
    expect(fromResource!.ca!.identifier.known).toBe(false);
  });

  it('is unknown when the plan has no configuration to tell', async () => {
    const [resource] = await read(plan([created()]));
    expect(reason(resource!.ca!.identifier)).toMatch(/known only after apply \(the plan has no configuration/);
  });

  it('records a CA change on update, and none on create', async () => {
    const resources = await read(
      plan([
        change('aws_db_instance.rotated', ['update'], dbAfter({ ca_cert_identifier: 'rds-ca-rsa2048-g1' }), { before: dbAfter({ ca_cert_identifier: 'rds-ca-2019' }) }),
        change('aws_db_instance.same', ['update'], dbAfter({ ca_cert_identifier: 'rds-ca-2019', allocated_storage: 50 }), { before: dbAfter({ ca_cert_identifier: 'rds-ca-2019' }) }),
        change('aws_db_instance.new', ['create'], dbAfter({ ca_cert_identifier: 'rds-ca-rsa4096-g1' })),
      ]),
    );
    const rotated = byId(resources, 'aws_db_instance.rotated').ca!;
    expect(value(rotated.identifier)).toBe('rds-ca-rsa2048-g1');
    expect(rotated.change).toMatchObject({ from: 'rds-ca-2019', to: { known: true, value: 'rds-ca-rsa2048-g1' }, pending: false });
    expect(byId(resources, 'aws_db_instance.same').ca!.change).toBeNull();
    expect(byId(resources, 'aws_db_instance.new').ca!.change).toBeNull();
  });
});

describe('parameter groups and TLS', () => {
  const pgAfter = (overrides: Json = {}) => ({
    name: 'orders-pg',
    family: 'postgres16',
    parameter: [
      { name: 'rds.force_ssl', value: '1', apply_method: 'pending-reboot' },
      { name: 'Log_Statement', value: 'ddl', apply_method: 'immediate' },
    ],
    ...overrides,
  });

  it('links a DB instance to its parameter group by name, with the parameters by lower-cased name', async () => {
    const resources = await read(
      plan([
        change('aws_db_parameter_group.pg', ['create'], pgAfter(), { afterUnknown: { arn: true, parameter: [{}, {}] } }),
        change('aws_db_instance.main', ['create'], dbAfter({ parameter_group_name: 'orders-pg' })),
      ]),
    );
    expect(resources.map((r) => r.id)).toEqual(['aws_db_instance.main']);
    const pg = group(resources[0]!);
    expect(pg).toMatchObject({ id: 'aws_db_parameter_group.pg', kind: 'db', includesDefaults: false });
    expect(value(pg.name)).toBe('orders-pg');
    expect(value(pg.family)).toBe('postgres16');
    expect(Object.keys(pg.parameters)).toEqual(['rds.force_ssl', 'log_statement']);
    expect(pg.parameters['rds.force_ssl']).toMatchObject({ name: 'rds.force_ssl', value: { known: true, value: '1' }, applyMethod: 'pending-reboot' });
  });

  it('uses the engine default group for default.* names and when the group is not set', async () => {
    const config = { resources: [configResource('aws_db_instance', 'unset', {}), configResource('aws_db_instance', 'named', {})] };
    const resources = await read(
      plan(
        [
          change('aws_db_instance.named', ['create'], dbAfter({ parameter_group_name: 'default.postgres16' })),
          change('aws_db_instance.unset', ['create'], dbAfter(), { afterUnknown: { parameter_group_name: true } }),
          change('aws_db_instance.null', ['no-op'], dbAfter({ parameter_group_name: null })),
        ],
        config,
      ),
    );
    expect(byId(resources, 'aws_db_instance.named').tls!.parameterGroup).toMatchObject({ known: true, value: { default: true, name: 'default.postgres16' } });
    expect(byId(resources, 'aws_db_instance.unset').tls!.parameterGroup).toMatchObject({ known: true, value: { default: true, name: null }, via: 'not set in configuration' });
    expect(byId(resources, 'aws_db_instance.null').tls!.parameterGroup).toMatchObject({ known: true, value: { default: true, name: null } });
  });

  it('is unknown when the named group is not in the plan', async () => {
    const [resource] = await read(plan([change('aws_db_instance.main', ['no-op'], dbAfter({ parameter_group_name: 'shared-pg' }))]));
    expect(reason(resource!.tls!.parameterGroup)).toBe('parameter group "shared-pg" is not in the evaluated plan');
    const twice = await read(
      plan([
        change('aws_db_parameter_group.eu', ['no-op'], pgAfter({ name: 'shared-pg' })),
        change('aws_db_parameter_group.us', ['no-op'], pgAfter({ name: 'shared-pg' })),
        change('aws_db_instance.main', ['no-op'], dbAfter({ parameter_group_name: 'shared-pg' })),
      ]),
    );
    expect(reason(twice[0]!.tls!.parameterGroup)).toBe('2 parameter groups in the plan are named "shared-pg"');
  });

  it('links a name_prefix group through module inputs and outputs when the name is known only after apply', async () => {
    const root = {
      module_calls: {
        db: {
          source: './modules/db',
          expressions: { pg_name: ref('module.pg.name', 'module.pg') },
          module: {
            resources: [configResource('aws_db_instance', 'main', { parameter_group_name: ref('var.pg_name') })],
            variables: { pg_name: {} },
          },
        },
        pg: {
          source: './modules/pg',
          expressions: {},
          module: {
            resources: [configResource('aws_db_parameter_group', 'this', { name_prefix: constant('app-') })],
            outputs: { name: { expression: ref('aws_db_parameter_group.this.name', 'aws_db_parameter_group.this') } },
          },
        },
      },
    };
    const resources = await read(
      plan(
        [
          change('module.pg.aws_db_parameter_group.this', ['create'], pgAfter({ name: undefined, name_prefix: 'app-' }), { afterUnknown: { name: true, id: true } }),
          change('module.db.aws_db_instance.main', ['create'], dbAfter(), { afterUnknown: { parameter_group_name: true } }),
        ],
        root,
      ),
    );
    const fact = resources[0]!.tls!.parameterGroup;
    expect(fact).toMatchObject({ known: true, via: 'configuration references' });
    const pg = group(resources[0]!);
    expect(pg.id).toBe('module.pg.aws_db_parameter_group.this');
    expect(reason(pg.name)).toBe('name is known only after apply (name_prefix "app-")');
    expect(value(pg.parameters['rds.force_ssl']!.value)).toBe('1');
  });

  it('links through a local value only when one group is the only candidate, and says so', async () => {
    const module = (groups: string[]) => ({
      module_calls: {
        db: {
          source: './db',
          module: {
            resources: [
              configResource('aws_db_instance', 'main', { parameter_group_name: ref('local.pg_name') }),
              ...groups.map((g) => configResource('aws_db_parameter_group', g, {})),
            ],
          },
        },
      },
    });
    const changes = (groups: string[]) => [
      ...groups.map((g) => change(`module.db.aws_db_parameter_group.${g}`, ['create'], pgAfter({ name: undefined }), { afterUnknown: { name: true } })),
      change('module.db.aws_db_instance.main', ['create'], dbAfter(), { afterUnknown: { parameter_group_name: true } }),
    ];
    const [one] = await read(plan(changes(['only']), module(['only'])));
    expect(group(one!).id).toBe('module.db.aws_db_parameter_group.only');
    expect(one!.tls!.parameterGroup).toMatchObject({ via: expect.stringContaining('local.pg_name in module.db') });
    const [two] = await read(plan(changes(['a', 'b']), module(['a', 'b'])));
    expect(reason(two!.tls!.parameterGroup)).toBe('parameter_group_name is known only after apply and may come from any of 2 aws_db_parameter_group resources');
  });

  it('is unknown when the group parameters themselves are known only after apply', async () => {
    const resources = await read(
      plan([
        change('aws_db_parameter_group.pg', ['create'], { name: 'dyn', family: 'postgres16' }, { afterUnknown: { parameter: true } }),
        change('aws_db_instance.main', ['create'], dbAfter({ parameter_group_name: 'dyn' })),
      ]),
    );
    expect(reason(resources[0]!.tls!.parameterGroup)).toBe('the parameters of aws_db_parameter_group.pg are known only after apply');
  });

  it('marks a parameter group swap on update as pending reboot, without calling it a restart', async () => {
    const [resource] = await read(
      plan([
        change('aws_db_parameter_group.new', ['create'], pgAfter({ name: 'new-pg' })),
        change('aws_db_instance.main', ['update'], dbAfter({ parameter_group_name: 'new-pg' }), { before: dbAfter({ parameter_group_name: 'old-pg' }) }),
      ]),
    );
    expect(resource!.tls!.applyStatus).toBe('pending-reboot');
    expect(resource!.change!.restartCauses).toEqual([]);
  });
});

describe('IAM auth, apply_immediately and restart causes', () => {
  it('reads IAM auth as set, unset (false) or unknown', async () => {
    const config = { resources: [configResource('aws_db_instance', 'unknown', { iam_database_authentication_enabled: ref('var.iam') })] };
    const resources = await read(
      plan(
        [
          change('aws_db_instance.on', ['create'], dbAfter({ iam_database_authentication_enabled: true })),
          change('aws_db_instance.off', ['create'], dbAfter({ iam_database_authentication_enabled: false })),
          change('aws_db_instance.unset', ['create'], dbAfter({ iam_database_authentication_enabled: null })),
          // A root variable is known while planning: an unknown value must come from elsewhere.
          change('aws_db_instance.unknown', ['create'], dbAfter(), { afterUnknown: { iam_database_authentication_enabled: true } }),
        ],
        { resources: [...config.resources, configResource('aws_db_instance', 'other', {})] },
      ),
    );
    expect(byId(resources, 'aws_db_instance.on').iamAuth).toMatchObject({ known: true, value: true });
    expect(byId(resources, 'aws_db_instance.off').iamAuth).toMatchObject({ known: true, value: false });
    expect(byId(resources, 'aws_db_instance.unset').iamAuth).toMatchObject({ known: true, value: false, via: 'not set' });
    expect(byId(resources, 'aws_db_instance.unknown').iamAuth).toMatchObject({ known: true, value: false, via: 'not set in configuration' });
  });

  it('reads apply_immediately, defaulting to false', async () => {
    const resources = await read(
      plan([
        change('aws_db_instance.now', ['update'], dbAfter({ apply_immediately: true }), { before: dbAfter() }),
        change('aws_db_instance.later', ['update'], dbAfter({ apply_immediately: null }), { before: dbAfter() }),
      ]),
    );
    expect(byId(resources, 'aws_db_instance.now').change!.applyImmediately).toMatchObject({ known: true, value: true });
    expect(byId(resources, 'aws_db_instance.later').change!.applyImmediately).toMatchObject({ known: true, value: false, via: 'not set (provider default)' });
  });

  it('gives engine upgrades and instance class changes on update as restart causes', async () => {
    const [resource] = await read(
      plan([
        change('aws_db_instance.main', ['update'], dbAfter({ engine_version: '16.4', engine_version_actual: '15.7', instance_class: 'db.r6g.large' }), {
          before: dbAfter({ engine_version: '15.7', engine_version_actual: '15.7', instance_class: 'db.t4g.medium' }),
        }),
      ]),
    );
    expect(resource!.change!.restartCauses.map((c) => c.reason)).toEqual([
      'engine version upgrade 15.7 → 16.4',
      'instance class change db.t4g.medium → db.r6g.large',
    ]);
  });

  it('does not call a version prefix that matches the running version an upgrade', async () => {
    const [resource] = await read(
      plan([change('aws_db_instance.main', ['update'], dbAfter({ engine_version: '16', engine_version_actual: '16.4' }), { before: dbAfter({ engine_version: '16.4', engine_version_actual: '16.4' }) })]),
    );
    expect(resource!.change!.restartCauses).toEqual([]);
  });
});

describe('replicas and clusters', () => {
  it('takes a read replica engine and version from its source in the plan', async () => {
    const resources = await read(
      plan([
        change('aws_db_instance.primary', ['no-op'], dbAfter({ identifier: 'primary', engine_version: '15.5' })),
        change('aws_db_instance.replica', ['create'], dbAfter({ identifier: 'replica', engine: null, engine_version: null, replicate_source_db: 'primary' }), {
          afterUnknown: { engine: true, engine_version: true },
        }),
      ]),
    );
    const replica = byId(resources, 'aws_db_instance.replica');
    expect(replica.engine).toMatchObject({ known: true, value: 'postgres', via: 'replica source aws_db_instance.primary' });
    expect(value(replica.engineVersion)).toBe('15.5');
  });

  it('finds a replica source through configuration references when its identifier is known only after apply', async () => {
    const config = { resources: [configResource('aws_db_instance', 'replica', { replicate_source_db: ref('aws_db_instance.primary.identifier', 'aws_db_instance.primary') })] };
    const resources = await read(
      plan(
        [
          change('aws_db_instance.primary', ['create'], dbAfter({ identifier: undefined, engine: 'mysql', engine_version: '8.0.39' }), { afterUnknown: { identifier: true } }),
          change('aws_db_instance.replica', ['create'], dbAfter({ engine: undefined, engine_version: undefined }), {
            afterUnknown: { replicate_source_db: true, engine: true, engine_version: true },
          }),
        ],
        config,
      ),
    );
    const replica = byId(resources, 'aws_db_instance.replica');
    expect([value(replica.engine), value(replica.engineVersion)]).toEqual(['mysql', '8.0.39']);
  });

  it('tells Multi-AZ DB clusters from Aurora: the cluster CA only on Multi-AZ', async () => {
    const resources = await read(
      plan([
        change('aws_rds_cluster.maz', ['create'], {
          engine: 'postgres',
          cluster_identifier: 'maz',
          db_cluster_instance_class: 'db.m6gd.large',
          ca_certificate_identifier: 'rds-ca-rsa2048-g1',
          db_cluster_parameter_group_name: 'default.postgres16',
          iam_database_authentication_enabled: true,
        }),
        change('aws_rds_cluster.aurora', ['create'], { engine: 'aurora-postgresql', cluster_identifier: 'aurora', iam_database_authentication_enabled: null }),
      ]),
    );
    const maz = byId(resources, 'aws_rds_cluster.maz');
    expect(maz.clusterType).toBe('multi-az');
    expect(value(maz.ca!.identifier)).toBe('rds-ca-rsa2048-g1');
    expect(value(maz.iamAuth)).toBe(true);
    const aurora = byId(resources, 'aws_rds_cluster.aurora');
    expect(aurora.clusterType).toBe('aurora');
    expect(aurora).not.toHaveProperty('ca');
    expect(value(aurora.iamAuth)).toBe(false);
  });

  it('links cluster members by identifier or configuration references; members have a CA but no TLS or IAM facts', async () => {
    const config = {
      resources: [
        configResource('aws_rds_cluster_instance', 'late', { cluster_identifier: ref('aws_rds_cluster.aurora.id', 'aws_rds_cluster.aurora') }),
      ],
    };
    const resources = await read(
      plan(
        [
          change('aws_rds_cluster.aurora', ['create'], { engine: 'aurora-postgresql', engine_version: '16.6', cluster_identifier: 'orders' }),
          change('aws_rds_cluster_instance.member[0]', ['create'], { engine: null, cluster_identifier: 'orders', ca_cert_identifier: 'rds-ca-rsa2048-g1' }),
          change('aws_rds_cluster_instance.late', ['create'], { engine: 'aurora-postgresql' }, { afterUnknown: { cluster_identifier: true, ca_cert_identifier: true } }),
          change('aws_rds_cluster_instance.stray', ['create'], { engine: 'aurora-mysql', cluster_identifier: 'elsewhere', ca_cert_identifier: 'rds-ca-2019' }),
        ],
        config,
      ),
    );
    const member = byId(resources, 'aws_rds_cluster_instance.member[0]');
    expect(member.clusterId).toBe('aws_rds_cluster.aurora');
    expect(member.engine).toMatchObject({ known: true, value: 'aurora-postgresql', via: 'cluster aws_rds_cluster.aurora' });
    expect(value(member.engineVersion)).toBe('16.6');
    expect(value(member.ca!.identifier)).toBe('rds-ca-rsa2048-g1');
    expect(member).not.toHaveProperty('tls');
    expect(member).not.toHaveProperty('iamAuth');
    expect(byId(resources, 'aws_rds_cluster_instance.late').clusterId).toBe('aws_rds_cluster.aurora');
    expect(byId(resources, 'aws_rds_cluster_instance.stray').clusterId).toBeNull();
  });

  it('gives members of a Multi-AZ DB cluster no CA of their own', async () => {
    const resources = await read(
      plan([
        change('aws_rds_cluster.maz', ['create'], { engine: 'mysql', cluster_identifier: 'maz', db_cluster_instance_class: 'db.m6gd.large' }),
        change('aws_rds_cluster_instance.m', ['create'], { engine: 'mysql', cluster_identifier: 'maz' }),
      ]),
    );
    expect(byId(resources, 'aws_rds_cluster_instance.m')).not.toHaveProperty('ca');
  });
});

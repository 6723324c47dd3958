// Writes a large, realistic `terraform show -json` plan (format 1.2) for the benchmark: a root
// module with a `tenant` module called with for_each; each tenant has DB instances (count), a DB
// parameter group, a security group with rules, subnets and a subnet group. Half the databases
// are created, the rest exist (no-op) or change (CA rotation), so the plan carries before, after,
// after_unknown, prior_state and configuration like a real one. Deterministic: same input, same file.
import { closeSync, openSync, writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const TF_VERSION = '1.9.8';
const PROVIDER = 'registry.terraform.io/hashicorp/aws';
const REGION = 'eu-west-1';
const ACCOUNT = '111122223333';

/** Buffered writer: the plan is written in pieces, never held whole in memory. */
function writer(file) {
  const fd = openSync(file, 'w');
  let chunks = [];
  let size = 0;
  let total = 0;
  const flush = () => {
    if (chunks.length === 0) return;
    writeSync(fd, chunks.join(''));
    chunks = [];
    size = 0;
  };
  return {
    write(text) {
      chunks.push(text);
      size += text.length;
      total += Buffer.byteLength(text);
      if (size > 1 << 20) flush();
    },
    close() {
      flush();
      closeSync(fd);
      return total;
    },
  };
}

const tenantKey = (t) => `t${String(t).padStart(4, '0')}`;
const moduleAddress = (t) => `module.tenant["${tenantKey(t)}"]`;

function dbValues(t, i, state) {
  const id = `${tenantKey(t)}-db-${i}`;
  const postgres = i % 2 === 0;
  const engine = postgres ? 'postgres' : 'mysql';
  const version = postgres ? '16.4' : '8.0.39';
  const base = {
    allocated_storage: 50,
    apply_immediately: false,
    ca_cert_identifier: state.ca ?? null,
    db_subnet_group_name: `${tenantKey(t)}-db`,
    engine,
    engine_version: version,
    iam_database_authentication_enabled: i % 3 !== 0,
    identifier: id,
    instance_class: 'db.t4g.medium',
    multi_az: i % 4 === 0,
    parameter_group_name: `${tenantKey(t)}-${engine}`,
    password: `bench-secret-${t}-${i}`,
    port: postgres ? 5432 : 3306,
    replicate_source_db: null,
    storage_encrypted: true,
    tags: { tenant: tenantKey(t) },
    tags_all: { tenant: tenantKey(t), 'managed-by': 'terraform' },
    username: 'app_admin',
  };
  if (state.existing) {
    Object.assign(base, {
      address: `${id}.c9akciq32.${REGION}.rds.amazonaws.com`,
      arn: `arn:aws:rds:${REGION}:${ACCOUNT}:db:${id}`,
      endpoint: `${id}.c9akciq32.${REGION}.rds.amazonaws.com:${base.port}`,
      engine_version_actual: version,
      id: `db-${(t * 1000 + i).toString(36).toUpperCase().padStart(26, 'X')}`,
      status: 'available',
      vpc_security_group_ids: [`sg-0${(t * 7919).toString(16).padStart(16, '0')}`],
    });
  }
  return base;
}

const DB_UNKNOWN_ON_CREATE = {
  address: true,
  arn: true,
  ca_cert_identifier: true,
  endpoint: true,
  engine_version_actual: true,
  id: true,
  status: true,
  vpc_security_group_ids: true,
  tags: {},
  tags_all: {},
};

function filler(t) {
  const key = tenantKey(t);
  const vpc = `vpc-0${(t * 104729).toString(16).padStart(16, '0')}`;
  const sg = {
    arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/sg-0${(t * 7919).toString(16).padStart(16, '0')}`,
    description: `Database access for tenant ${key}`,
    egress: [],
    id: `sg-0${(t * 7919).toString(16).padStart(16, '0')}`,
    ingress: [
      { cidr_blocks: ['10.0.0.0/16'], description: 'app subnets', from_port: 5432, ipv6_cidr_blocks: [], prefix_list_ids: [], protocol: 'tcp', security_groups: [], self: false, to_port: 5432 },
      { cidr_blocks: ['10.0.0.0/16'], description: 'app subnets', from_port: 3306, ipv6_cidr_blocks: [], prefix_list_ids: [], protocol: 'tcp', security_groups: [], self: false, to_port: 3306 },
    ],
    name: `${key}-db`,
    name_prefix: '',
    owner_id: ACCOUNT,
    revoke_rules_on_delete: false,
    tags: { tenant: key },
    tags_all: { tenant: key, 'managed-by': 'terraform' },
    timeouts: null,
    vpc_id: vpc,
  };
  const subnets = [0, 1, 2].map((n) => ({
    name: `db[${n}]`,
    values: {
      arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:subnet/subnet-0${(t * 31 + n).toString(16).padStart(16, '0')}`,
      assign_ipv6_address_on_creation: false,
      availability_zone: `${REGION}${'abc'[n]}`,
      cidr_block: `10.${t % 250}.${n * 16}.0/20`,
      enable_dns64: false,
      id: `subnet-0${(t * 31 + n).toString(16).padStart(16, '0')}`,
      ipv6_cidr_block: '',
      map_public_ip_on_launch: false,
      owner_id: ACCOUNT,
      tags: { tenant: key, tier: 'db' },
      tags_all: { tenant: key, tier: 'db', 'managed-by': 'terraform' },
      vpc_id: vpc,
    },
  }));
  const subnetGroup = {
    arn: `arn:aws:rds:${REGION}:${ACCOUNT}:subgrp:${key}-db`,
    description: 'Managed by Terraform',
    id: `${key}-db`,
    name: `${key}-db`,
    subnet_ids: subnets.map((s) => s.values.id),
    tags: { tenant: key },
    tags_all: { tenant: key, 'managed-by': 'terraform' },
  };
  return [
    { type: 'aws_security_group', name: 'db', index: undefined, values: sg },
    ...subnets.map((s, n) => ({ type: 'aws_subnet', name: 'db', index: n, values: s.values })),
    { type: 'aws_db_subnet_group', name: 'this', index: undefined, values: subnetGroup },
  ];
}

function parameterGroups(t) {
  const key = tenantKey(t);
  const group = (engine, family, parameters) => ({
    type: 'aws_db_parameter_group',
    name: engine,
    index: undefined,
    values: {
      arn: `arn:aws:rds:${REGION}:${ACCOUNT}:pg:${key}-${engine}`,
      description: 'Managed by Terraform',
      family,
      id: `${key}-${engine}`,
      name: `${key}-${engine}`,
      name_prefix: '',
      parameter: parameters.map(([name, value, apply_method]) => ({ apply_method, name, value })),
      skip_destroy: false,
      tags: { tenant: key },
      tags_all: { tenant: key, 'managed-by': 'terraform' },
    },
  });
  return [
    group('postgres', 'postgres16', [['rds.force_ssl', '1', 'pending-reboot'], ['log_min_duration_statement', '500', 'immediate']]),
    group('mysql', 'mysql8.0', [['require_secure_transport', t % 5 === 0 ? '0' : '1', 'immediate'], ['slow_query_log', '1', 'immediate']]),
  ];
}

function resourceAddress(t, r) {
  const index = r.index === undefined ? '' : typeof r.index === 'number' ? `[${r.index}]` : `["${r.index}"]`;
  return `${moduleAddress(t)}.${r.type}.${r.name}${index}`;
}

function stateResource(t, r) {
  const out = {
    address: resourceAddress(t, r),
    mode: 'managed',
    type: r.type,
    name: r.name,
    provider_name: PROVIDER,
    schema_version: r.type === 'aws_db_instance' ? 2 : 1,
    values: r.values,
    sensitive_values: r.type === 'aws_db_instance' ? { tags: {}, tags_all: {}, vpc_security_group_ids: [] } : {},
  };
  if (r.index !== undefined) out.index = r.index;
  if (r.type === 'aws_db_instance') out.sensitive_values.password = true;
  return out;
}

function changeResource(t, r) {
  const out = {
    address: resourceAddress(t, r),
    module_address: moduleAddress(t),
    mode: 'managed',
    type: r.type,
    name: r.name,
    provider_name: PROVIDER,
    change: r.change,
  };
  if (r.index !== undefined) out.index = r.index;
  return out;
}

/** One tenant's resources with their planned change. */
function tenantResources(t, instancesPerTenant) {
  const resources = [];
  for (const r of [...filler(t), ...parameterGroups(t)]) {
    resources.push({ ...r, change: { actions: ['no-op'], before: r.values, after: r.values, after_unknown: {}, before_sensitive: {}, after_sensitive: {} } });
  }
  for (let i = 0; i < instancesPerTenant; i++) {
    const kind = i % 10; // 0-7 create, 8 no-op, 9 CA rotation
    const sensitive = { password: true, tags: {}, tags_all: {} };
    if (kind < 8) {
      const after = dbValues(t, i, { existing: false });
      delete after.ca_cert_identifier;
      resources.push({
        type: 'aws_db_instance', name: 'this', index: i, values: after,
        change: { actions: ['create'], before: null, after, after_unknown: DB_UNKNOWN_ON_CREATE, before_sensitive: false, after_sensitive: sensitive },
      });
    } else if (kind === 8) {
      const values = dbValues(t, i, { existing: true, ca: 'rds-ca-rsa2048-g1' });
      resources.push({
        type: 'aws_db_instance', name: 'this', index: i, values, prior: values,
        change: { actions: ['no-op'], before: values, after: values, after_unknown: {}, before_sensitive: sensitive, after_sensitive: sensitive },
      });
    } else {
      const before = dbValues(t, i, { existing: true, ca: 'rds-ca-2019' });
      const after = { ...before, ca_cert_identifier: 'rds-ca-rsa2048-g1' };
      resources.push({
        type: 'aws_db_instance', name: 'this', index: i, values: after, prior: before,
        change: { actions: ['update'], before, after, after_unknown: {}, before_sensitive: sensitive, after_sensitive: sensitive },
      });
    }
  }
  return resources;
}

const ref = (...references) => ({ references });
const constant = (constant_value) => ({ constant_value });

function configuration(instancesPerTenant) {
  const db = {
    address: 'aws_db_instance.this', mode: 'managed', type: 'aws_db_instance', name: 'this',
    provider_config_key: 'aws', schema_version: 2,
    count_expression: ref('var.instances'),
    expressions: {
      allocated_storage: constant(50),
      ca_cert_identifier: ref('var.ca_cert_identifier'),
      db_subnet_group_name: ref('aws_db_subnet_group.this.name', 'aws_db_subnet_group.this'),
      engine: ref('count.index'),
      engine_version: ref('count.index'),
      iam_database_authentication_enabled: ref('count.index'),
      identifier: ref('var.tenant', 'count.index'),
      instance_class: constant('db.t4g.medium'),
      parameter_group_name: ref('count.index', 'aws_db_parameter_group.postgres.name', 'aws_db_parameter_group.postgres', 'aws_db_parameter_group.mysql.name', 'aws_db_parameter_group.mysql'),
      password: ref('var.db_password'),
      storage_encrypted: constant(true),
      tags: ref('var.tenant'),
      username: constant('app_admin'),
      vpc_security_group_ids: ref('aws_security_group.db.id', 'aws_security_group.db'),
    },
  };
  const pg = (name, family) => ({
    address: `aws_db_parameter_group.${name}`, mode: 'managed', type: 'aws_db_parameter_group', name,
    provider_config_key: 'aws', schema_version: 0,
    expressions: { family: constant(family), name: ref('var.tenant'), parameter: [{ name: constant('rds.force_ssl'), value: constant('1') }] },
  });
  const simple = (type, name) => ({ address: `${type}.${name}`, mode: 'managed', type, name, provider_config_key: 'aws', schema_version: 1, expressions: { tags: ref('var.tenant') } });
  return {
    provider_config: { aws: { name: 'aws', full_name: PROVIDER, version_constraint: '~> 5.70', expressions: { region: ref('var.region') } } },
    root_module: {
      module_calls: {
        tenant: {
          source: './modules/tenant',
          for_each_expression: ref('var.tenants'),
          expressions: { tenant: ref('each.key'), instances: constant(instancesPerTenant), db_password: ref('var.db_password') },
          module: {
            resources: [db, pg('postgres', 'postgres16'), pg('mysql', 'mysql8.0'), simple('aws_security_group', 'db'), simple('aws_subnet', 'db'), simple('aws_db_subnet_group', 'this')],
            variables: {
              tenant: { description: 'Tenant key' },
              instances: { default: 1 },
              ca_cert_identifier: { default: null },
              db_password: { sensitive: true },
            },
          },
        },
      },
    },
  };
}

/**
 * Writes the plan to `file` and returns its size in bytes. `instances` DB instances are spread over
 * tenants of `perTenant` each.
 */
export function generatePlan(file, { instances = 20_000, perTenant = 40 } = {}) {
  const out = writer(file);
  const tenants = Math.ceil(instances / perTenant);
  const perTenantCount = (t) => Math.min(perTenant, instances - t * perTenant);
  const json = JSON.stringify;

  out.write(`{"format_version":"1.2","terraform_version":"${TF_VERSION}",`);
  out.write(`"variables":{"region":{"value":"${REGION}"},"db_password":{"value":"bench-root-secret"},"tenants":{"value":[${Array.from({ length: tenants }, (_, t) => json(tenantKey(t))).join(',')}]}},`);

  // planned_values
  out.write('"planned_values":{"root_module":{"child_modules":[');
  for (let t = 0; t < tenants; t++) {
    const resources = tenantResources(t, perTenantCount(t));
    out.write(`${t ? ',' : ''}{"address":${json(moduleAddress(t))},"resources":[${resources.map((r) => json(stateResource(t, r))).join(',')}]}`);
  }
  out.write(']}},');

  // resource_changes
  out.write('"resource_changes":[');
  for (let t = 0; t < tenants; t++) {
    const resources = tenantResources(t, perTenantCount(t));
    out.write(`${t ? ',' : ''}${resources.map((r) => json(changeResource(t, r))).join(',')}`);
  }
  out.write('],');

  // prior_state: what exists already
  out.write(`"prior_state":{"format_version":"1.0","terraform_version":"${TF_VERSION}","values":{"root_module":{"child_modules":[`);
  for (let t = 0; t < tenants; t++) {
    const existing = tenantResources(t, perTenantCount(t)).filter((r) => r.change.actions[0] !== 'create');
    const values = existing.map((r) => json(stateResource(t, { ...r, values: r.prior ?? r.values })));
    out.write(`${t ? ',' : ''}{"address":${json(moduleAddress(t))},"resources":[${values.join(',')}]}`);
  }
  out.write(']}}},');

  out.write(`"configuration":${json(configuration(perTenant))},`);
  out.write('"relevant_attributes":[{"resource":"module.tenant[\\"t0000\\"].aws_db_parameter_group.postgres","attribute":["name"]}],');
  out.write('"timestamp":"2025-01-15T10:00:00Z","applyable":true,"complete":true,"errored":false}');
  return out.close();
}

// `node scripts/gen-plan.mjs FILE [INSTANCES]`
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [file, instances] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node scripts/gen-plan.mjs FILE [INSTANCES]');
    process.exit(2);
  }
  const bytes = generatePlan(file, { instances: instances ? Number(instances) : undefined });
  console.log(`${file}: ${(bytes / 1e6).toFixed(1)} MB`);
}

// Small hand-made plans in the shape `terraform show -json` writes, for the Terraform source tests.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Json = Record<string, unknown>;

export interface ChangeOptions {
  before?: Json | null;
  afterUnknown?: Json;
  index?: number | string;
}

/** A resource_changes entry; the module address and name are read from `address`. */
export function change(address: string, actions: string[], after: Json | null, options: ChangeOptions = {}): Json {
  const match = /^((?:module\.[^.[]+(?:\[[^\]]+\])?\.)*)([a-z0-9_]+)\.([a-z0-9_-]+)(\[[^\]]+\])?$/.exec(address);
  if (!match) throw new Error(`test address ${address}`);
  const [, modulePart, type, name, key] = match;
  const rc: Json = {
    address,
    mode: 'managed',
    type,
    name,
    provider_name: 'registry.terraform.io/hashicorp/aws',
    change: {
      actions,
      before: options.before ?? null,
      after,
      after_unknown: options.afterUnknown ?? {},
      before_sensitive: false,
      after_sensitive: {},
    },
  };
  if (modulePart) rc.module_address = modulePart.slice(0, -1);
  if (options.index !== undefined) rc.index = options.index;
  else if (key) rc.index = key.startsWith('["') ? JSON.parse(key.slice(1, -1)) : Number(key.slice(1, -1));
  return rc;
}

/** A configuration resource block. */
export function configResource(type: string, name: string, expressions: Json, extra: Json = {}): Json {
  return { address: `${type}.${name}`, mode: 'managed', type, name, provider_config_key: 'aws', expressions, schema_version: 0, ...extra };
}

export const ref = (...references: string[]) => ({ references });
export const constant = (constant_value: unknown) => ({ constant_value });

export function plan(resourceChanges: Json[], rootModule?: Json, extra: Json = {}): Json {
  const out: Json = {
    format_version: '1.2',
    terraform_version: '1.9.8',
    planned_values: { root_module: {} },
    resource_changes: resourceChanges,
    ...extra,
  };
  if (rootModule) out.configuration = { provider_config: { aws: { name: 'aws', full_name: 'registry.terraform.io/hashicorp/aws', expressions: { region: constant('eu-west-1') } } }, root_module: rootModule };
  return out;
}

/** Writes test files into a fresh temp directory; returns their paths. */
export function tempDir(prefix = 'rds-tls-guard-tf-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function writeJson(dir: string, name: string, value: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

/** A typical aws_db_instance `after` with a password in it. */
export function dbAfter(overrides: Json = {}): Json {
  return {
    allocated_storage: 20,
    apply_immediately: false,
    engine: 'postgres',
    engine_version: '16.4',
    iam_database_authentication_enabled: true,
    identifier: 'orders',
    instance_class: 'db.t4g.medium',
    password: 'S3cr3t-Passw0rd!',
    username: 'admin',
    tags: { team: 'orders' },
    tags_all: { team: 'orders', 'managed-by': 'terraform' },
    ...overrides,
  };
}

import { describe, expect, it } from 'vitest';

import { distinctReferences, parseModulePath, parseReference, parseSteps } from '../../src/sources/terraform/address.js';
import { PlanConfiguration } from '../../src/sources/terraform/config.js';
import type { ConfigurationJson } from '../../src/sources/terraform/plan-types.js';
import { configResource, constant, ref } from './plan-builder.js';

describe('addresses and references', () => {
  it('splits addresses on dots outside keys', () => {
    expect(parseSteps('module.db["eu.west[1]"].aws_db_instance.main[0]')).toEqual([
      { name: 'module', key: null },
      { name: 'db', key: '["eu.west[1]"]' },
      { name: 'aws_db_instance', key: null },
      { name: 'main', key: '[0]' },
    ]);
    expect(parseSteps('a..b')).toBeNull();
    expect(parseSteps('a["open')).toBeNull();
    expect(parseModulePath('module.a[0].module.b')).toEqual([
      { name: 'a', key: '[0]' },
      { name: 'b', key: null },
    ]);
    expect(parseModulePath('')).toEqual([]);
    expect(parseModulePath('aws_db_instance.x')).toBeNull();
  });

  it('tells what a reference names', () => {
    expect(parseReference('var.pg')).toEqual({ kind: 'var', name: 'pg' });
    expect(parseReference('local.name')).toEqual({ kind: 'local', name: 'name' });
    expect(parseReference('module.pg["a"].name')).toEqual({ kind: 'module', call: 'pg', key: '["a"]', output: 'name' });
    expect(parseReference('aws_db_parameter_group.x[0].name')).toEqual({ kind: 'resource', type: 'aws_db_parameter_group', name: 'x', key: '[0]' });
    expect(parseReference('data.aws_rds_certificate.latest.id')).toEqual({ kind: 'data' });
    expect(parseReference('count.index')).toEqual({ kind: 'meta', name: 'count.index' });
    expect(parseReference('each.key')).toEqual({ kind: 'meta', name: 'each.key' });
  });

  it('keeps the most specific of the traversal steps Terraform lists', () => {
    const refs = distinctReferences(['module.pg.name', 'module.pg', 'aws_x.a[0].id', 'aws_x.a[0]', 'aws_x.a', 'aws_y.b', 'var.v', 'var.v']);
    expect(refs).toEqual([
      { kind: 'module', call: 'pg', key: null, output: 'name' },
      { kind: 'resource', type: 'aws_x', name: 'a', key: '[0]' },
      { kind: 'resource', type: 'aws_y', name: 'b', key: null },
      { kind: 'var', name: 'v' },
    ]);
  });
});

describe('the plan configuration', () => {
  // root → module.app (count) → module.app.module.db; module.pg gives a group name as an output.
  const configuration: ConfigurationJson = {
    provider_config: {
      aws: { name: 'aws', expressions: { region: constant('eu-west-1') } },
      'module.app:aws': { name: 'aws', module_address: 'module.app' },
      'aws.us': { name: 'aws', expressions: { region: ref('var.region') } },
    },
    root_module: {
      module_calls: {
        app: {
          source: './app',
          count_expression: constant(2),
          expressions: { pg: ref('module.pg.name', 'module.pg'), ca: ref('var.ca') },
          module: {
            module_calls: {
              db: {
                source: './db',
                expressions: { pg: ref('var.pg'), ca: ref('var.ca'), iam: ref('local.iam') },
                module: {
                  resources: [
                    configResource('aws_db_instance', 'main', {
                      parameter_group_name: ref('var.pg'),
                      ca_cert_identifier: ref('var.ca'),
                      iam_database_authentication_enabled: ref('var.iam'),
                      engine: constant('postgres'),
                      engine_version: constant(null),
                      identifier: ref('count.index'),
                      db_name: {}, // a function call without references, e.g. uuid()
                    }, { provider_config_key: 'db:aws' }), // as Terraform 0.12 keys a module's provider
                    configResource('aws_db_instance', 'us', {}, { provider_config_key: 'aws.us' }),
                  ],
                },
              },
            },
          },
        },
        pg: {
          source: './pg',
          module: {
            resources: [configResource('aws_db_parameter_group', 'this', { name_prefix: constant('app-') })],
            outputs: { name: { expression: ref('aws_db_parameter_group.this.name', 'aws_db_parameter_group.this') } },
          },
        },
      },
    },
  };
  const config = new PlanConfiguration(configuration);
  const path = [
    { name: 'app', key: '[1]' },
    { name: 'db', key: null },
  ];
  const main = config.resource('module.app.module.db', 'aws_db_instance', 'main');

  it('follows module inputs to their callers and module outputs into the child', () => {
    const expression = PlanConfiguration.argument(main, 'parameter_group_name')!;
    expect(config.leaves(expression, path)).toEqual([{ kind: 'resource', module: [{ name: 'pg', key: null }], type: 'aws_db_parameter_group', name: 'this', key: null }]);
  });

  it('ends a trail at a local value, in the module that has it', () => {
    const expression = PlanConfiguration.argument(main, 'iam_database_authentication_enabled')!;
    expect(config.leaves(expression, path)).toEqual([{ kind: 'local', module: [{ name: 'app', key: '[1]' }], name: 'iam' }]);
  });

  it('tells set from unset arguments as far as the plan shows', () => {
    expect(config.argumentState(main, 'ca_cert_identifier', path)).toBe('unset'); // var.ca → var.ca → a root variable
    expect(config.argumentState(main, 'parameter_group_name', path)).toBe('set');
    expect(config.argumentState(main, 'iam_database_authentication_enabled', path)).toBe('set'); // a local: cannot tell, so set
    expect(config.argumentState(main, 'engine_version', path)).toBe('unset');
    expect(config.argumentState(main, 'identifier', path)).toBe('unset'); // count.index is known while planning
    expect(config.argumentState(main, 'apply_immediately', path)).toBe('unset');
    expect(config.argumentState(main, 'db_name', path)).toBe('set'); // unknown while planning, so not a constant
    expect(new PlanConfiguration(undefined).argumentState(undefined, 'ca_cert_identifier', [])).toBe('unknown');
  });

  it('finds the region of the provider a resource uses, inherited from the root when the module has no block', () => {
    expect(config.region(main, 'module.app.module.db')).toBe('eu-west-1');
    const us = config.resource('module.app.module.db', 'aws_db_instance', 'us');
    expect(config.region(us, 'module.app.module.db')).toBeNull(); // set from a variable: not a constant
  });
});

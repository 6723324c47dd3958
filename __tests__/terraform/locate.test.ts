import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { InputError } from '../../src/errors.js';
import { scanTerraform } from '../../src/sources/terraform/hcl-scan.js';
import { readTerraformPlans } from '../../src/sources/terraform/index.js';
import { scanTerraformJson } from '../../src/sources/terraform/tf-json.js';
import { change, configResource, dbAfter, plan, ref, tempDir, writeJson } from './plan-builder.js';

const position = (line: number, column: number) => ({ line, column });

describe('scanning .tf text', () => {
  it('finds resource blocks and their arguments with 1-based lines and columns', () => {
    const text = [
      'terraform {',
      '  required_version = ">= 1.5"',
      '}',
      '',
      'resource "aws_db_instance" "main" {',
      '  engine             = "postgres"',
      '  ca_cert_identifier = "rds-ca-2019"',
      '}',
    ].join('\n');
    const blocks = scanTerraform(text);
    expect(blocks.map((b) => [b.type, b.labels])).toEqual([
      ['terraform', []],
      ['resource', ['aws_db_instance', 'main']],
    ]);
    const main = blocks[1]!;
    expect([main.line, main.column]).toEqual([5, 1]);
    expect(main.attributes.get('ca_cert_identifier')).toEqual({ ...position(7, 3), value: 'rds-ca-2019' });
  });

  it('is not misled by comments, heredocs, templates and strings holding braces', () => {
    const text = [
      '# resource "aws_db_instance" "commented" {',
      '/* resource "aws_db_instance" "block_commented" {',
      '   } */',
      'resource "aws_db_parameter_group" "pg" { // a group',
      '  description = "braces } { and \\"quotes\\" in a string"',
      '  family      = "postgres${var.major}" # ${ not a template in a comment',
      '  tags = {',
      '    note = "x = ${jsonencode({ a = "}" })}"',
      '  }',
      '  policy = <<-EOT',
      '    resource "aws_db_instance" "in_heredoc" {',
      '    }',
      '    EOT',
      '  parameter {',
      '    name  = "rds.force_ssl"',
      '    value = "1"',
      '  }',
      '  parameter { name = "log_statement" }',
      '  dynamic "parameter" {',
      '    for_each = var.extra',
      '    content {',
      '      name = parameter.key',
      '    }',
      '  }',
      '}',
      'resource "aws_db_instance" "after" {}',
    ].join('\n');
    const blocks = scanTerraform(text);
    expect(blocks.map((b) => b.labels.join('.'))).toEqual(['aws_db_parameter_group.pg', 'aws_db_instance.after']);
    const pg = blocks[0]!;
    expect([...pg.attributes.keys()]).toEqual(['description', 'family', 'tags', 'policy']);
    expect(pg.attributes.get('family')!.value).toBeNull(); // a template, not a plain string
    expect(pg.blocks.map((b) => [b.type, b.labels, b.attributes.get('name')])).toEqual([
      ['parameter', [], { ...position(15, 5), value: 'rds.force_ssl' }],
      ['parameter', [], { ...position(18, 15), value: 'log_statement' }],
      ['dynamic', ['parameter'], undefined],
    ]);
    expect(blocks[1]!.line).toBe(26);
  });

  it('recovers from text it cannot read and keeps going', () => {
    const text = ['resource "aws_db_instance" "broken" {', '  = "no name"', '  engine = "mysql"', '}', 'resource "aws_db_instance" "ok" {', '}'].join('\n');
    const blocks = scanTerraform(text);
    expect(blocks.map((b) => b.labels[1])).toEqual(['broken', 'ok']);
    expect(blocks[0]!.attributes.get('engine')).toEqual({ ...position(3, 3), value: 'mysql' });
  });

  it('accepts unquoted block labels and CRLF line ends', () => {
    const blocks = scanTerraform('resource aws_db_instance legacy {\r\n  engine = "mysql"\r\n}\r\n');
    expect(blocks[0]!.labels).toEqual(['aws_db_instance', 'legacy']);
    expect(blocks[0]!.attributes.get('engine')).toEqual({ ...position(2, 3), value: 'mysql' });
  });
});

describe('scanning .tf.json text (Terraform JSON syntax, CDK for Terraform)', () => {
  const text = [
    '{',
    '  "//": "generated",',
    '  "terraform": { "required_version": ">= 1.5" },',
    '  "resource": {',
    '    "aws_db_parameter_group": {',
    '      "pg": {',
    '        "family": "postgres${var.major}",',
    '        "parameter": [',
    '          { "name": "log_statement", "value": "all" },',
    '          { "name": "rds.force_ssl", "value": "1" }',
    '        ]',
    '      }',
    '    },',
    '    "aws_db_instance": {',
    '      "main": { "//": "a comment", "engine": "postgres", "ca_cert_identifier": "rds-ca-2019" },',
    '      "listed": [{ "engine": "mysql" }]',
    '    }',
    '  }',
    '}',
  ].join('\n');

  it('finds resource blocks, arguments and parameter entries with 1-based lines and columns', () => {
    const blocks = scanTerraformJson(text);
    expect(blocks.map((b) => [b.type, b.labels, b.line, b.column])).toEqual([
      ['resource', ['aws_db_parameter_group', 'pg'], 6, 7],
      ['resource', ['aws_db_instance', 'main'], 15, 7],
      ['resource', ['aws_db_instance', 'listed'], 16, 7],
    ]);
    const [pg, main, listed] = blocks;
    expect(pg!.attributes.get('family')).toEqual({ ...position(7, 9), value: null }); // an interpolation
    expect(pg!.blocks.map((b) => [b.type, b.attributes.get('name')])).toEqual([
      ['parameter', { ...position(9, 13), value: 'log_statement' }],
      ['parameter', { ...position(10, 13), value: 'rds.force_ssl' }],
    ]);
    expect([...main!.attributes.keys()]).toEqual(['engine', 'ca_cert_identifier']);
    expect(main!.attributes.get('ca_cert_identifier')).toEqual({ ...position(15, 58), value: 'rds-ca-2019' });
    expect(listed!.attributes.get('engine')).toEqual({ ...position(16, 20), value: 'mysql' });
  });

  it('gives nothing for a file that is not valid JSON', () => {
    expect(scanTerraformJson(text.slice(0, -3))).toEqual([]);
    expect(scanTerraformJson('[]')).toEqual([]);
  });

  it('takes a plan saved under a .tf.json name for what it is, not configuration', () => {
    expect(scanTerraformJson(`{"format_version":"1.2",${text.slice(1)}`)).toEqual([]);
  });
});

describe('locations of plan resources in .tf files', () => {
  // A root module calling ./modules/db, with the plan beside it.
  const root = tempDir();
  mkdirSync(join(root, 'modules', 'db'), { recursive: true });
  writeFileSync(
    join(root, 'main.tf'),
    ['module "db" {', '  source = "./modules/db"', '}', '', 'resource "aws_db_parameter_group" "pg" {', '  name   = "app"', '  family = "postgres16"', '', '  parameter {', '    name  = "rds.force_ssl"', '    value = "1"', '  }', '}', ''].join('\n'),
  );
  writeFileSync(
    join(root, 'modules', 'db', 'db.tf'),
    ['resource "aws_db_instance" "main" {', '  engine               = "postgres"', '  parameter_group_name = var.pg', '}', ''].join('\n'),
  );
  const configuration = {
    resources: [configResource('aws_db_parameter_group', 'pg', {})],
    module_calls: {
      db: { source: './modules/db', expressions: { pg: ref('aws_db_parameter_group.pg.name', 'aws_db_parameter_group.pg') }, module: { resources: [configResource('aws_db_instance', 'main', { parameter_group_name: ref('var.pg') })] } },
    },
  };
  const planJson = plan(
    [
      change('aws_db_parameter_group.pg', ['create'], { name: 'app', family: 'postgres16', parameter: [{ name: 'rds.force_ssl', value: '1', apply_method: 'immediate' }] }),
      change('module.db.aws_db_instance.main', ['create'], dbAfter({ parameter_group_name: 'app' }), { afterUnknown: { ca_cert_identifier: true } }),
    ],
    configuration,
  );

  it('points resources, arguments and a parameter group entry at their lines, through local module sources', async () => {
    const file = writeJson(root, 'plan.json', planJson);
    const [db] = (await readTerraformPlans([file])).resources;
    const dbFile = join(root, 'modules', 'db', 'db.tf');
    expect(db!.origin.location).toEqual({ file: dbFile, line: 1, column: 1 });
    expect(db!.engine.at).toEqual({ file: dbFile, line: 2, column: 3 });
    expect(db!.tls!.parameterGroup.at).toEqual({ file: dbFile, line: 3, column: 3 });
    // Not written in the block: the block itself.
    expect(db!.ca!.identifier.at).toEqual({ file: dbFile, line: 1, column: 1 });
    const tls = db!.tls!.parameterGroup;
    if (!tls.known || 'default' in tls.value) throw new Error('expected the custom group');
    expect(tls.value.location).toEqual({ file: join(root, 'main.tf'), line: 5, column: 1 });
    expect(tls.value.parameters['rds.force_ssl']!.at).toEqual({ file: join(root, 'main.tf'), line: 10, column: 5 });
  });

  it('finds registry modules where `terraform init` put them', async () => {
    const initialised = tempDir();
    mkdirSync(join(initialised, '.terraform', 'modules', 'db'), { recursive: true });
    writeFileSync(join(initialised, '.terraform', 'modules', 'modules.json'), JSON.stringify({ Modules: [{ Key: '', Source: '', Dir: '.' }, { Key: 'db', Source: 'registry.terraform.io/acme/db/aws', Dir: '.terraform/modules/db' }] }));
    writeFileSync(join(initialised, '.terraform', 'modules', 'db', 'main.tf'), '\n\nresource "aws_db_instance" "main" {\n}\n');
    const registry = structuredClone(planJson);
    ((registry.configuration as { root_module: { module_calls: { db: { source: string } } } }).root_module.module_calls.db).source = 'acme/db/aws';
    const file = writeJson(initialised, 'plan.json', registry);
    const [db] = (await readTerraformPlans([file])).resources;
    expect(db!.origin.location).toEqual({ file: join(initialised, '.terraform', 'modules', 'db', 'main.tf'), line: 3, column: 1 });
  });

  it('falls back to the plan file without a line when no .tf file has the resource', async () => {
    const elsewhere = tempDir();
    const file = writeJson(elsewhere, 'plan.json', planJson);
    const [db] = (await readTerraformPlans([file])).resources;
    expect(db!.origin.location).toEqual({ file, line: null, column: null });
    expect(db!.engine.at).toEqual({ file, line: null, column: null });
  });

  it('uses a configuration directory given apart from the plan, and rejects one that cannot be read', async () => {
    const file = writeJson(tempDir(), 'plan.json', planJson);
    const [db] = (await readTerraformPlans([file], { configDir: root })).resources;
    expect(db!.origin.location.line).toBe(1);
    const error = await readTerraformPlans([file], { configDir: join(root, 'missing') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/configuration directory .* cannot be read/);
  });

  it('reads .tf.json files as well (CDK for Terraform writes cdk.tf.json)', async () => {
    const cdk = tempDir();
    const json = {
      resource: {
        aws_db_parameter_group: { pg: { name: 'app', family: 'postgres16', parameter: [{ name: 'rds.force_ssl', value: '1' }] } },
      },
    };
    writeFileSync(join(cdk, 'cdk.tf.json'), JSON.stringify(json, null, 2));
    mkdirSync(join(cdk, 'modules', 'db'), { recursive: true });
    writeFileSync(join(cdk, 'modules', 'db', 'db.tf.json'), '{"resource": {"aws_db_instance": {"main": {\n  "engine": "postgres",\n  "parameter_group_name": "${var.pg}"}}}}\n');
    const [db] = (await readTerraformPlans([writeJson(cdk, 'plan.json', planJson)])).resources;
    const dbFile = join(cdk, 'modules', 'db', 'db.tf.json');
    expect(db!.origin.location).toEqual({ file: dbFile, line: 1, column: 35 });
    expect(db!.engine.at).toEqual({ file: dbFile, line: 2, column: 3 });
    const tls = db!.tls!.parameterGroup;
    if (!tls.known || 'default' in tls.value) throw new Error('expected the custom group');
    const pgFile = join(cdk, 'cdk.tf.json');
    expect(tls.value.location).toEqual({ file: pgFile, line: 4, column: 7 });
    expect(tls.value.parameters['rds.force_ssl']!.at).toEqual({ file: pgFile, line: 9, column: 13 });
  });
});

// YAML anchors and aliases in templates: legitimate reuse works; alias bombs and absurd nesting are
// the file's problem (InputError with a position), found quickly rather than expanded.
import { describe, expect, it } from 'vitest';
import { MAX_ALIAS_NODES, parseCfnText } from '../../src/sources/cloudformation/parse.js';
import { byId, inputError, read, readTemplate, write } from './helpers.js';

/** A "billion laughs" template: `levels` anchors, each a list of 9 aliases to the one before. */
function bomb(levels: number): string {
  const lines = ['Metadata:', '  a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i <= levels; i++) lines.push(`  a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]`);
  lines.push('Resources:', '  Db:', '    Type: AWS::RDS::DBInstance', '    Properties:', '      Engine: postgres', '');
  return lines.join('\n');
}

describe('CloudFormation templates: YAML aliases', () => {
  it('resolves legitimate anchors and aliases, including one used hundreds of times', async () => {
    const many = Array.from({ length: 300 }, (_, i) => `    k${i}: *tags`).join('\n');
    const { resources } = await readTemplate(
      [
        'Resources:',
        '  Db:',
        '    Type: AWS::RDS::DBInstance',
        '    Properties: &props',
        '      Engine: postgres',
        '      EngineVersion: "16.4"',
        '      EnableIAMDatabaseAuthentication: true',
        '      Tags: &tags [{ Key: team, Value: data }]',
        '  Copy:',
        '    Type: AWS::RDS::DBInstance',
        '    Properties: *props',
        'Metadata:', // anchors must come before their aliases
        '  Shared:',
        many,
        '',
      ].join('\n'),
    );
    for (const id of ['Db', 'Copy']) {
      expect(byId(resources, id).engine).toMatchObject({ known: true, value: 'postgres' });
      expect(byId(resources, id).engineVersion).toMatchObject({ known: true, value: '16.4' });
    }
    // The alias keeps the position of what it stands for.
    const root = parseCfnText('a: &x [1, 2]\nb: *x\n', 't.yaml', 'template');
    expect(root).toMatchObject({
      type: 'map',
      entries: [{ key: 'a' }, { key: 'b', value: { type: 'seq', items: [{ value: 1, at: { line: 1, column: 8 } }, { value: 2 }] } }],
    });
  });

  it('refuses an alias bomb in an unused section quickly, at the alias that passes the limit', async () => {
    for (const levels of [6, 9, 12]) {
      const started = Date.now();
      const file = write(bomb(levels));
      const error = await inputError(() => read({ templates: [file] }));
      expect(Date.now() - started).toBeLessThan(2000);
      expect(error).toMatchObject({ file, line: 6, column: 12 }); // the first *a3 in a4
      expect(error.message).toBe(
        `invalid CloudFormation template: YAML aliases expand to more than ${MAX_ALIAS_NODES} nodes (counted from *a3); ` +
          'refusing what looks like an alias bomb',
      );
    }
  });

  it('still accepts reuse just under the limit', () => {
    // 3 levels: 9 + 81 + 729 aliases to 9,180 nodes copied in all.
    expect(parseCfnText(bomb(3), 't.yaml', 'template')).toMatchObject({ type: 'map' });
  });

  it('still refuses an alias inside its own anchor', () => {
    expect(() => parseCfnText('a: &x [1, *x]\n', 't.yaml', 'template')).toThrow(/alias \*x cannot be resolved/);
  });
});

describe('CloudFormation templates: nesting', () => {
  it('refuses absurdly deep nesting (JSON or YAML) with a clear message, not a stack overflow', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const json = write(`{"Resources": {"Db": {"Type": "AWS::RDS::DBInstance", "Properties": {"Tags": ${deep}}}}}`, 't.json');
    const yaml = write(`Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Tags: ${deep}\n`, 't.yaml');
    for (const file of [json, yaml]) {
      const error = await inputError(() => read({ templates: [file] }));
      expect(error.message).toBe('invalid CloudFormation template: nested too deeply (more than 200 levels)');
      expect(error).toMatchObject({ file, line: file === json ? 1 : 5 });
      expect(error.column).toBeGreaterThan(0);
    }
  });

  it('refuses nesting past the limit that still parses, at the first node too deep', () => {
    const text = `a: ${'['.repeat(300)}${']'.repeat(300)}\n`;
    expect(() => parseCfnText(text, 't.yaml', 'template')).toThrow('invalid template: nested too deeply (more than 200 levels)');
  });
});

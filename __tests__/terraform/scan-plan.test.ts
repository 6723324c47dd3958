import { describe, expect, it } from 'vitest';

import { MAX_DEPTH, scanPlan, TOO_DEEP } from '../../src/sources/terraform/scan-plan.js';

const scan = (text: string, want: (type: string) => boolean = () => true) =>
  scanPlan(Buffer.from(text), ['format_version', 'resource_changes', 'configuration'], want);

const accepts = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('the plan scanner', () => {
  // The scanner must accept exactly what JSON.parse accepts: it stands in for it on large plans.
  const samples = [
    '{}', '[]', '{"a":[]}', '{"a":{}}', ' {"a" : [ 1 , 2 ] } ', '{"a":"\\u00e9\\n\\"\\\\\\/"}', '{"a":-0.5e+10}', '{"a":0}',
    '{"a":true,"b":false,"c":null}', '"just a string"', '12', '[[[[]]]]', '{"a":"é ✓"}', '{"a":1E5}',
    '{"a":1,}', '{"a":1 "b":2}', '{"a" 1}', '{a:1}', '[1,]', '[,1]', '{"a":01}', '{"a":1.}', '{"a":.5}', '{"a":-}',
    '{"a":tru}', '{"a":nul}', '{"a":"\\x"}', '{"a":"\\u12g4"}', '{"a":"tab\there"}', '{"a":"line\nbreak"}', '{"a":1}}',
    '{"a":1} x', '{"a":[1}', '{"a":{]}', '{', '"open', '', '   ', '{"a":1e}', '{"a":+1}', '[1 2]', '{"a":"x"}{"b":1}',
  ];
  it.each(samples)('agrees with JSON.parse on %j', (text) => {
    expect(scan(text).ok).toBe(accepts(text));
  });

  it('records the ranges of top-level values it is asked for, and the last of duplicate keys', () => {
    const text = '{"format_version":"1.2","other":{"format_version":"nested"},"configuration":{"x":1},"format_version":"1.1"}';
    const result = scan(text);
    if (!result.ok) throw new Error(result.message);
    const slice = (key: string) => {
      const range = result.layout.sections.get(key)!;
      return text.slice(range.start, range.end);
    };
    expect(slice('format_version')).toBe('"1.1"');
    expect(slice('configuration')).toBe('{"x":1}');
    expect(result.layout.sections.has('other')).toBe(false);
  });

  it('counts resource changes and returns the wanted ones by their type, wherever the key "type" is', () => {
    const changes = [
      { address: 'aws_db_instance.a', type: 'aws_db_instance', change: { after: { type: 'gp3' } } },
      { address: 'aws_s3_bucket.b', change: { after: { type: 'aws_db_instance' } }, type: 'aws_s3_bucket' },
      { change: {}, type: 'aws_db_parameter_group', address: 'aws_db_parameter_group.c' },
    ];
    const text = JSON.stringify({ format_version: '1.2', resource_changes: changes, planned_values: { resource_changes: [1] } }, null, 2);
    const result = scan(text, (type) => type.startsWith('aws_db_'));
    if (!result.ok) throw new Error(result.message);
    expect(result.layout.changes.count).toBe(3);
    const wanted = result.layout.changes.wanted.map((r) => JSON.parse(text.slice(r.start, r.end)).address);
    expect(wanted).toEqual(['aws_db_instance.a', 'aws_db_parameter_group.c']);
  });

  // A plan-like text that passes through every level the scanner treats apart: the top-level
  // object, a recorded section, resource_changes, a change's keys and the values below them.
  const planLike = JSON.stringify(
    {
      format_version: '1.2',
      planned_values: { root_module: { resources: [{ values: { n: -1.5e3, ok: true, none: null } }] } },
      resource_changes: [
        { address: 'a.b', type: 'aws_db_instance', change: { actions: ['create'], after: { s: 'x\\"y\u00e9', l: [1, {}, []] } } },
        7,
        { type: 'aws_s3_bucket', change: {} },
      ],
      configuration: {},
    },
    null,
    1,
  );

  it('agrees with JSON.parse on every truncation and every one-byte deletion of a plan', () => {
    const variants: string[] = [];
    for (let i = 0; i < planLike.length; i++) variants.push(planLike.slice(0, i), planLike.slice(0, i) + planLike.slice(i + 1));
    const disagreements = variants.filter((text) => scan(text).ok !== accepts(text));
    expect(disagreements).toEqual([]);
    // Deletions that keep the text valid JSON exist (a space, a digit): both kinds are exercised.
    expect(variants.filter(accepts).length).toBeGreaterThan(planLike.length / 4);
  });

  it('allows exactly MAX_DEPTH levels of nesting at every level it walks', () => {
    const nest = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
    // How many containers enclose a value at each place: none at the top, the plan object, then
    // resource_changes, then the change itself.
    const places: [string, number][] = [
      ['%', 0],
      ['{"planned_values":%}', 1],
      ['{"resource_changes":[%]}', 2],
      ['{"resource_changes":[{"type":"aws_db_instance","change":%}]}', 3],
    ];
    for (const [template, around] of places) {
      const fits = scan(template.replace('%', nest(MAX_DEPTH - around)));
      expect(fits.ok, template).toBe(true);
      const deeper = template.replace('%', nest(MAX_DEPTH - around + 1));
      expect(scan(deeper), template).toEqual({ ok: false, offset: template.indexOf('%') + MAX_DEPTH - around, message: TOO_DEEP });
    }
  });

  it('records a change whose "type" comes after its other keys, and not one whose "type" is not a string', () => {
    const text = '{"resource_changes":[{"change":{"type":"x"},"type":"aws_db_instance"},{"type":1},{"type":["aws_db_instance"]}]}';
    const result = scan(text, (type) => type === 'aws_db_instance');
    if (!result.ok) throw new Error(result.message);
    expect(result.layout.changes.count).toBe(3);
    expect(result.layout.changes.wanted.map((r) => text.slice(r.start, r.end))).toEqual(['{"change":{"type":"x"},"type":"aws_db_instance"}']);
  });

  it('reads a "type" as JSON.parse does, escapes and all', () => {
    const types: string[] = [];
    const result = scan('{"resource_changes":[{"type":"aws_db_\\u0069nstance"},{"type":"t\\"q"},{"type":"é"},{"type":""}]}', (type) => {
      types.push(type);
      return true;
    });
    expect(result.ok).toBe(true);
    expect(types).toEqual(['aws_db_instance', 't"q', 'é', '']);
  });

  // Found by a differential fuzzer: keys are what JSON.parse makes of them, and the last duplicate wins.
  it('reads keys as JSON.parse does: escaped spellings, and the last of duplicates', () => {
    const layout = (text: string, keys = ['format_version', 'resource_changes']) => {
      const result = scanPlan(Buffer.from(text), keys, () => true);
      if (!result.ok) throw new Error(result.message);
      const { sections, changes } = result.layout;
      return {
        sections: Object.fromEntries([...sections].map(([key, r]) => [key, text.slice(r.start, r.end)])),
        count: changes.count,
        wanted: changes.wanted.map((r) => text.slice(r.start, r.end)),
      };
    };
    expect(layout('{"format_versio\\u006e":"1.0"}').sections).toEqual({ format_version: '"1.0"' });
    expect(layout('{"resource_changes":[],"resource\\u005fchanges":[{"type":"x"}]}')).toEqual({
      sections: { resource_changes: '[{"type":"x"}]' },
      count: 1,
      wanted: ['{"type":"x"}'],
    });
    expect(layout('{"resource_changes":[{"t\\u0079pe":"aws_db_instance"}]}').wanted).toEqual(['{"t\\u0079pe":"aws_db_instance"}']);
    expect(layout('{"resource_changes":[{"type":"aws_db_instance","type":true}]}').wanted).toEqual([]);
    expect(layout('{"resource_changes":[{}],"resource_changes":null}')).toEqual({ sections: { resource_changes: 'null' }, count: 0, wanted: [] });
    // resource_changes is counted whether or not its range is asked for.
    expect(layout('{"resource_changes":[{},{"type":"x"}]}', ['format_version'])).toEqual({ sections: {}, count: 2, wanted: ['{"type":"x"}'] });
  });

  it('reports the byte offset of the first error', () => {
    const result = scan('{"a": [1, 2,, 3]}');
    expect(result).toEqual({ ok: false, offset: 12, message: 'unexpected character ","' });
    expect(scan('{"resource_changes":[{"type":"a"} {"type":"b"}]}')).toEqual({ ok: false, offset: 34, message: 'expected "," or "]"' });
    expect(scan('{"resource_changes":[{"type" "a"}]}')).toEqual({ ok: false, offset: 29, message: 'expected ":" after a property name' });
    expect(scan('{"resource_changes":[{"type":"a"')).toEqual({ ok: false, offset: 32, message: 'unexpected end of input' });
  });
});

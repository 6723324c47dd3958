import { describe, expect, it } from 'vitest';

import { scanPlan } from '../../src/sources/terraform/scan-plan.js';

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

  it('reports the byte offset of the first error', () => {
    const result = scan('{"a": [1, 2,, 3]}');
    expect(result).toEqual({ ok: false, offset: 12, message: 'unexpected character ","' });
  });
});

import { describe, expect, it } from 'vitest';
import { outputTargets, parseCommandLine } from '../../src/cli/main.js';
import { InputError } from '../../src/errors.js';

describe('command line', () => {
  it('takes the words a shell glob expands to after a file flag', () => {
    const { command, values } = parseCommandLine(['check', '--terraform-plan', 'a.json', 'b.json', '--region', 'us-east-1', 'eu-west-1', '--live']);
    expect(command).toBe('check');
    expect(values['terraform-plan']).toEqual(['a.json', 'b.json']);
    expect(values.region).toEqual(['us-east-1', 'eu-west-1']);
  });

  it('repeats flags and keeps their order', () => {
    const { values } = parseCommandLine(['check', '--format', 'json', '--output', 'r.json', '--format', 'sarif', '--output', 'r.sarif']);
    expect(values.format).toEqual(['json', 'sarif']);
    expect(values.output).toEqual(['r.json', 'r.sarif']);
  });

  it('rejects unknown flags, unknown commands, stray words and flags of another command', () => {
    expect(() => parseCommandLine(['check', '--terraform-plans', 'x'])).toThrow(InputError);
    expect(() => parseCommandLine(['verify'])).toThrow(/unknown command "verify"/);
    expect(() => parseCommandLine(['check', '--policy', 'p.yml', 'stray'])).toThrow(/unexpected argument "stray"/);
    expect(() => parseCommandLine(['schema', '--live'])).toThrow(/--live does not apply to "schema"/);
  });
});

describe('output targets', () => {
  it('pairs formats and outputs in order; the rest of the formats go to standard output', () => {
    expect(outputTargets(['json', 'text'], ['r.json'])).toEqual([
      { format: 'json', file: 'r.json' },
      { format: 'text', file: null },
    ]);
  });
  it('takes a lone output format from its extension', () => {
    expect(outputTargets([], ['out/report.sarif', 'inventory.csv'])).toEqual([
      { format: 'sarif', file: 'out/report.sarif' },
      { format: 'csv', file: 'inventory.csv' },
    ]);
    expect(() => outputTargets([], ['report.xml'])).toThrow(/add a --format/);
    expect(outputTargets([], ['results.SARIF.json'])).toEqual([{ format: 'sarif', file: 'results.SARIF.json' }]);
  });
  it('sends at most one report to standard output', () => {
    expect(() => outputTargets(['json', 'csv'], [])).toThrow('--format json and csv: only one report can go to standard output; give the others an --output FILE');
    expect(outputTargets(['json', 'csv'], ['r.json'])).toEqual([
      { format: 'json', file: 'r.json' },
      { format: 'csv', file: null },
    ]);
  });
  it('defaults to text on standard output and rejects unknown formats', () => {
    expect(outputTargets([], [])).toEqual([{ format: 'text', file: null }]);
    expect(() => outputTargets(['yaml'], [])).toThrow(/--format must be one of text, json, sarif, markdown, csv/);
  });
});

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { InputError } from '../../src/errors.js';
import { getInputs, inputNamesFor, INPUTS, parseList } from '../../src/action/inputs.js';
import { thrownInputError } from '../helpers/input-error.js';

const reader = (values: Record<string, string>) => (name: string) => values[name] ?? '';

const inputError = (values: Record<string, string>) => thrownInputError(() => getInputs(reader(values)));

describe('getInputs', () => {
  it('gives every input its default when none is set', () => {
    expect(getInputs(reader({}))).toEqual({
      policy: null,
      sources: {
        terraformPlans: [],
        terraformConfigDir: null,
        cloudformation: [],
        changesets: [],
        cfnParameters: [],
        cfnParameterFiles: [],
        live: false,
        regions: [],
        snapshots: [],
        engineVersions: [],
      },
      failOn: 'error',
      asOf: undefined,
      awsFacts: true,
      comment: 'auto',
      commentKey: null,
      pullRequest: null,
      githubToken: '',
    });
  });

  it('reads lists one per line or comma-separated, keeping glob braces whole', () => {
    const inputs = getInputs(
      reader({
        'terraform-plan': 'plans/prod.json\n  plans/{staging,dev}.json , plans/extra.json\n\n',
        regions: 'eu-west-1, us-east-1',
        changeset: 'cs/a.json=templates/a.yaml',
      }),
    );
    expect(inputs.sources.terraformPlans).toEqual(['plans/prod.json', 'plans/{staging,dev}.json', 'plans/extra.json']);
    expect(inputs.sources.regions).toEqual(['eu-west-1', 'us-east-1']);
    expect(inputs.sources.changesets).toEqual(['cs/a.json=templates/a.yaml']);
  });

  it('keeps commas inside CloudFormation parameter values (one Key=Value per line)', () => {
    const inputs = getInputs(reader({ 'cfn-parameters': 'Subnets=subnet-1,subnet-2\nEnv=prod' }));
    expect(inputs.sources.cfnParameters).toEqual(['Subnets=subnet-1,subnet-2', 'Env=prod']);
  });

  it('takes YAML 1.2 core booleans and rejects anything else by name', () => {
    expect(getInputs(reader({ live: 'True', 'aws-facts': 'FALSE' }))).toMatchObject({ sources: { live: true }, awsFacts: false });
    const error = inputError({ live: 'yes' });
    expect(error.message).toBe('input "live" must be true or false, got "yes"');
  });

  it('names the input and the allowed values for a bad enum', () => {
    expect(inputError({ 'fail-on': 'high' }).message).toBe('input "fail-on" must be one of error, warning, notice, never; got "high"');
    expect(inputError({ comment: 'sometimes' }).message).toBe('input "comment" must be one of auto, always, on-violation, never; got "sometimes"');
  });

  it('validates dates, pull request numbers, Key=Value pairs and the comment key', () => {
    expect(getInputs(reader({ 'as-of': '2026-12-31' })).asOf?.toISOString()).toBe('2026-12-31T00:00:00.000Z');
    expect(inputError({ 'as-of': '2026-02-30' }).message).toBe('input "as-of" must be a date like 2026-12-31, got "2026-02-30"');
    expect(getInputs(reader({ 'pull-request': '42' })).pullRequest).toBe(42);
    expect(inputError({ 'pull-request': '#42' }).message).toBe('input "pull-request" must be a pull request number, got "#42"');
    expect(inputError({ 'cfn-parameters': 'Env=prod\nnoequals' }).message).toBe('input "cfn-parameters" takes one Key=Value per line, got "noequals"');
    expect(inputError({ 'comment-key': 'x'.repeat(101) }).message).toBe('input "comment-key" must be one line of at most 100 characters');
    expect(inputError({ 'terraform-dir': 'infra/a\ninfra/b' }).message).toBe('input "terraform-dir" takes one directory, got 2');
  });

  it('is an InputError (the user error class), never a TypeError like core.getBooleanInput', () => {
    expect(inputError({ 'aws-facts': 'nope' })).toBeInstanceOf(InputError);
  });
});

describe('reading inputs from the runner environment', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('reads INPUT_<NAME> with the hyphens kept, as the runner sets them', () => {
    process.env['INPUT_FAIL-ON'] = ' warning ';
    process.env['INPUT_TERRAFORM-PLAN'] = 'a.json\nb.json';
    process.env.INPUT_FAIL_ON = 'never'; // the underscore form is not what the runner sets
    const inputs = getInputs();
    expect(inputs.failOn).toBe('warning');
    expect(inputs.sources.terraformPlans).toEqual(['a.json', 'b.json']);
  });
});

describe('inputNamesFor', () => {
  it('names inputs where the shared code names CLI flags', () => {
    expect(inputNamesFor('nothing to check: give --terraform-plan, --cloudformation, --changeset, --snapshot or --live')).toBe(
      'nothing to check: give "terraform-plan", "cloudformation", "changeset", "snapshot" or "live"',
    );
    expect(inputNamesFor('--live needs --region (or AWS_REGION)')).toBe('"live" needs "regions" (or AWS_REGION)');
    expect(inputNamesFor('--cfn-parameter takes Key=Value; see --cfn-parameters-file')).toBe('"cfn-parameters" takes Key=Value; see "cfn-parameters-file"');
    expect(inputNamesFor('--something-else stays')).toBe('--something-else stays');
  });

  it('reads exactly the inputs action.yml declares, and action.yml sets no default but the token', () => {
    const action = parse(readFileSync(fileURLToPath(new URL('../../action.yml', import.meta.url)), 'utf8')) as {
      inputs: Record<string, { default?: string }>;
    };
    expect(Object.keys(action.inputs).sort()).toEqual(Object.values(INPUTS).map((input) => input.name).sort());
    const withDefaults = Object.entries(action.inputs).filter(([, input]) => input.default !== undefined);
    expect(withDefaults).toEqual([['github-token', { description: expect.any(String), required: false, default: '${{ github.token }}' }]]);
  });
});

describe('parseList', () => {
  it('splits lines only when asked', () => {
    expect(parseList('a,b\nc', { commas: false })).toEqual(['a,b', 'c']);
    expect(parseList('a\\,b,c')).toEqual(['a\\,b', 'c']);
  });
});

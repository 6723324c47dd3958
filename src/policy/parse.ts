// Policy text → Policy: YAML (with positions) → JSON Schema validation. Loaded only when there is a
// policy file (load.ts imports it on demand), so a run on the built-in policy never loads yaml or ajv.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { isMap, isScalar, LineCounter, parseDocument, type Document, type YAMLError } from 'yaml';
import { InputError } from '../errors.js';
import { toPolicy, type RawPolicy } from './convert.js';
import { defaultPolicy } from './defaults.js';
import { describeValue, explain, isCalendarDate, type Problem } from './messages.js';
import { policySchema } from './schema.js';
import type { Policy } from './types.js';
import { locate, positionOf, type Position } from './yaml-path.js';

let validator: ValidateFunction<RawPolicy> | null = null;

function validate(): ValidateFunction<RawPolicy> {
  if (!validator) {
    // allErrors so that the problem reported is the first one in the file, not the first one in schema order.
    // strictRequired off: an exemption's `anyOf: [{required: [id]}, …]` names properties defined beside it.
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictRequired: false });
    ajv.addFormat('date', { type: 'string', validate: isCalendarDate });
    validator = ajv.compile<RawPolicy>(policySchema);
  }
  return validator;
}

function yamlProblem(error: YAMLError, text: string): string {
  if (error.code === 'MULTIPLE_DOCS') {
    return 'a policy file holds one YAML document: remove the "---" separator and merge the documents';
  }
  if (error.code === 'DUPLICATE_KEY') {
    const key = /^\s*(["']?)([^"':\n]*)\1/.exec(text.slice(error.pos[0]))?.[2]?.trim();
    return `duplicate key${key ? ` "${key}"` : ''}: a key may appear only once in a mapping`;
  }
  // yaml appends " at line L, column C:" and a source excerpt; the position goes in the InputError instead.
  const message = error.message.replace(/ at line \d+, column \d+:[\s\S]*$/, '');
  return `invalid YAML: ${message.charAt(0).toLowerCase()}${message.slice(1)}`;
}

function firstProblem(errors: ErrorObject[], doc: Document, lineCounter: LineCounter) {
  // The anyOf branches of an exemption's selector each report a missing key; the anyOf error says it once.
  const relevant = errors.filter((error) => !error.schemaPath.includes('/anyOf/'));
  const located = relevant.map((error) => {
    const problem = explain(error);
    return { problem, position: locate(doc, lineCounter, problem.path, problem.atKey) };
  });
  located.sort((a, b) => order(a.position) - order(b.position) || specificity(a.problem) - specificity(b.problem));
  // A value can fail twice (pattern and format); count each place once.
  const places = new Set(located.map(({ problem }) => JSON.stringify(problem.path)));
  return { first: located[0]!, more: places.size - 1 };
}

function order(position: Position | null): number {
  return position ? position.line * 1e6 + position.column : Number.MAX_SAFE_INTEGER;
}

// At the same spot, an unknown key (`id` beside an override's `match`) explains more than the
// missing key it causes, so it goes first.
function specificity(problem: Problem): number {
  return problem.atKey ? 0 : 1;
}

/** Parses and validates policy YAML. Throws InputError with file, line and column. */
export function parsePolicy(text: string, file: string): Policy {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter });
  const syntaxError = doc.errors[0];
  if (syntaxError) {
    const [start] = syntaxError.linePos ?? [];
    throw new InputError(yamlProblem(syntaxError, source), { file, line: start?.line, column: start?.col });
  }

  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return defaultPolicy(file);
  if (!isMap(contents)) {
    throw new InputError(
      `the policy must be a mapping of keys (version, ca, ssl, …), got ${describeValue(doc.toJS())}`,
      { file, ...positionOf(contents, lineCounter) },
    );
  }

  const raw: unknown = doc.toJS();
  const check = validate();
  if (!check(raw)) {
    const { first, more } = firstProblem(check.errors ?? [], doc, lineCounter);
    const suffix = more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'} in this file)` : '';
    throw new InputError(first.problem.message + suffix, { file, ...first.position });
  }

  return toPolicy(raw, file, (at) => {
    const position = locate(doc, lineCounter, at, false);
    return { file, line: position?.line ?? null, column: position?.column ?? null };
  });
}

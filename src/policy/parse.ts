// Policy text → Policy: YAML (with positions) → JSON Schema validation. Loaded only when there is a
// policy file (load.ts imports it on demand), so a run on the built-in policy never loads yaml or ajv.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { isAlias, isCollection, isMap, isPair, isScalar, LineCounter, parseDocument, visit, type Document, type Node, type YAMLError } from 'yaml';
import { InputError } from '../errors.js';
import { toPolicy, type RawPolicy } from './convert.js';
import { defaultPolicy } from './defaults.js';
import { unknownEnginePattern } from './engines.js';
import { describeValue, displayPath, explain, isCalendarDate, type Problem } from './messages.js';
import { policySchema } from './schema.js';
import type { Policy } from './types.js';
import { locate, positionOf, type Position } from './yaml-path.js';

let validator: ValidateFunction<RawPolicy> | null = null;

// Reusing an anchor is legitimate (120 exemptions sharing `reason: *r`), and yaml's default limit of
// 100 alias uses refuses it. This bound still stops nested aliases ("billion laughs") long before
// they expand to a size that costs real time or memory.
const MAX_ALIAS_COUNT = 10_000;

// A policy is a few levels deep; far deeper nesting overflows the stack in yaml's composer or toJS.
const MAX_DEPTH = 100;

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
  // The composer recurses per level and reports its stack overflow as RESOURCE_EXHAUSTION.
  if (error.code === 'RESOURCE_EXHAUSTION') return `invalid YAML: nested too deeply (more than ${MAX_DEPTH} levels)`;
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

/** The first node nested more than MAX_DEPTH levels down, or null. Aliases are not followed. */
function tooDeep(node: unknown, depth: number): Node | null {
  if (!isCollection(node)) return null;
  if (depth >= MAX_DEPTH) return node;
  for (const item of node.items) {
    for (const child of isPair(item) ? [item.key, item.value] : [item]) {
      const found = tooDeep(child, depth + 1);
      if (found) return found;
    }
  }
  return null;
}

/** The alias that stands for the most nodes: where to point when there are too many alias uses. */
function largestAlias(doc: Document): Node | null {
  const sizes = new Map<Node, number>();
  let largest: { alias: Node; size: number } | null = null;
  const size = (node: unknown): number => {
    if (!node || typeof node !== 'object') return 1;
    const known = sizes.get(node as Node);
    if (known !== undefined) return known;
    sizes.set(node as Node, 1); // guards against an alias inside its own anchor
    let total = 1;
    if (isAlias(node)) {
      total = size(node.resolve(doc));
      if (!largest || total > largest.size) largest = { alias: node, size: total };
    } else if (isCollection(node)) {
      for (const item of node.items) total += isPair(item) ? size(item.key) + size(item.value) : size(item);
    }
    sizes.set(node as Node, total);
    return total;
  };
  size(doc.contents);
  return (largest as { alias: Node } | null)?.alias ?? null;
}

/** The document as plain data; too many alias uses (an alias bomb) is the file's problem. */
function toData(doc: Document, file: string, lineCounter: LineCounter): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof ReferenceError && /^Unresolved alias/.test(error.message)) {
      let unresolved: Node | null = null;
      visit(doc, {
        Alias: (_key, alias) => {
          if (alias.resolve(doc) !== undefined) return undefined;
          unresolved = alias;
          return visit.BREAK;
        },
      });
      const name = (unresolved as { source?: string } | null)?.source;
      throw new InputError(`invalid YAML: alias ${name ? `*${name} ` : ''}has no anchor before it (write &${name ?? 'name'} on the value first)`, {
        file,
        ...positionOf(unresolved, lineCounter),
      });
    }
    if (!(error instanceof ReferenceError) || !/excessive alias count/i.test(error.message)) throw error;
    let position: Position | null = null;
    try {
      position = positionOf(largestAlias(doc), lineCounter);
    } catch {
      // Only the position is lost.
    }
    throw new InputError(
      `invalid YAML: aliases are used more than ${MAX_ALIAS_COUNT} times (counting uses inside anchors); refusing what looks like an alias bomb`,
      { file, ...position },
    );
  }
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
  const deep = tooDeep(contents, 0);
  if (deep) {
    throw new InputError(`invalid YAML: nested too deeply (more than ${MAX_DEPTH} levels)`, { file, ...positionOf(deep, lineCounter) });
  }
  if (!isMap(contents)) {
    throw new InputError(
      `the policy must be a mapping of keys (version, ca, ssl, …), got ${describeValue(toData(doc, file, lineCounter))}`,
      { file, ...positionOf(contents, lineCounter) },
    );
  }

  const raw: unknown = toData(doc, file, lineCounter);
  const check = validate();
  if (!check(raw)) {
    const { first, more } = firstProblem(check.errors ?? [], doc, lineCounter);
    const suffix = more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'} in this file)` : '';
    throw new InputError(first.problem.message + suffix, { file, ...first.position });
  }

  const engine = unknownEnginePattern(raw);
  if (engine) {
    throw new InputError(`${displayPath(engine.path)}: ${engine.message}`, { file, ...locate(doc, lineCounter, engine.path, false) });
  }

  return toPolicy(raw, file, (at) => {
    const position = locate(doc, lineCounter, at, false);
    return { file, line: position?.line ?? null, column: position?.column ?? null };
  });
}

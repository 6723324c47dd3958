// Parses a CloudFormation template (YAML or JSON: JSON is YAML) into a positioned tree. The
// `yaml` package gives every node an offset; a LineCounter turns it into 1-based line and column.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Alias, type Document, type Node } from 'yaml';
import type { CollectionTag, ScalarTag } from 'yaml';
import { InputError } from '../../errors.js';
import type { Location } from '../../model.js';
import type { CfnEntry, CfnNode } from './nodes.js';

/** Every short form CloudFormation accepts, with the long form it stands for. */
const SHORT_FORMS: Record<string, string> = {
  Ref: 'Ref',
  Condition: 'Condition',
  ...Object.fromEntries(
    [
      'Base64', 'Cidr', 'FindInMap', 'GetAtt', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub', 'Transform',
      'And', 'Equals', 'If', 'Not', 'Or',
      // Rules-section functions and AWS::LanguageExtensions.
      'Contains', 'EachMemberEquals', 'EachMemberIn', 'RefAll', 'ValueOf', 'ValueOfAll', 'Length', 'ToJsonString',
    ].map((name) => [name, `Fn::${name}`]),
  ),
};

// Known tags resolve to the plain node; the walk below turns them into long form with positions.
const CUSTOM_TAGS: (ScalarTag | CollectionTag)[] = Object.keys(SHORT_FORMS).flatMap((name) => [
  { tag: `!${name}`, resolve: (value: string) => value },
  { tag: `!${name}`, collection: 'seq' as const, resolve: (value: unknown) => value as Node },
  { tag: `!${name}`, collection: 'map' as const, resolve: (value: unknown) => value as Node },
]);

const MAX_DEPTH = 200;

// Every use of an alias copies its anchor's subtree into the tree, so a few hundred bytes of nested
// aliases ("billion laughs") can stand for billions of nodes, even in an unused section like
// Metadata. Real templates reuse a few small anchors; past this many nodes copied through aliases
// the template is refused rather than expanded.
export const MAX_ALIAS_NODES = 10_000;

/** Parses `text` (the contents of `file`) into a tree; `what` names the file's role in error messages. */
export function parseCfnText(text: string, file: string, what: string): CfnNode | null {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { customTags: CUSTOM_TAGS, lineCounter, uniqueKeys: true, strict: true });
  const problem = doc.errors[0];
  if (problem) {
    const position = problem.linePos?.[0];
    // The yaml composer recurses per level and reports the stack overflow as RESOURCE_EXHAUSTION;
    // it happens thousands of levels down, far past the walk's own limit.
    const message =
      problem.code === 'RESOURCE_EXHAUSTION'
        ? `nested too deeply (more than ${MAX_DEPTH} levels)`
        : problem.message.split(/ at line \d+, column \d+/)[0]!.trim();
    throw new InputError(`invalid ${what}: ${message}`, { file, line: position?.line, column: position?.col });
  }
  if (doc.contents === null) return null;
  return new Walker(doc, text, file, lineCounter, what).convert(doc.contents as Node, 0);
}

class Walker {
  private readonly visiting = new Set<Node>();
  /** What each alias stands for, found in one pass (Alias.resolve scans the whole document per call). */
  private readonly targets = new Map<Alias, Node | undefined>();
  /** Nodes copied into the tree through aliases so far; bounded by MAX_ALIAS_NODES. */
  private aliasNodes = 0;
  /** The outermost alias being expanded, where a too-large expansion is reported. */
  private outerAlias: Alias | null = null;

  constructor(
    doc: Document,
    private readonly text: string,
    private readonly file: string,
    private readonly lines: LineCounter,
    private readonly what: string,
  ) {
    // As Alias.resolve: an alias stands for the last node before it, in document order, with its anchor.
    const anchors = new Map<string, Node>();
    visit(doc, {
      Node: (_key, node) => {
        if (isAlias(node)) this.targets.set(node, anchors.get(node.source));
        else if (node.anchor) anchors.set(node.anchor, node);
      },
    });
  }

  private at(offset: number): Location {
    const { line, col } = this.lines.linePos(offset);
    return { file: this.file, line, column: col };
  }

  private fail(message: string, offset: number): never {
    const { line, column } = this.at(offset);
    throw new InputError(`invalid ${this.what}: ${message}`, { file: this.file, line, column });
  }

  convert(node: Node, depth: number): CfnNode {
    if (depth > MAX_DEPTH) this.fail(`nested too deeply (more than ${MAX_DEPTH} levels)`, node.range?.[0] ?? 0);
    if (this.outerAlias && ++this.aliasNodes > MAX_ALIAS_NODES) {
      this.fail(
        `YAML aliases expand to more than ${MAX_ALIAS_NODES} nodes (counted from *${this.outerAlias.source}); refusing what looks like an alias bomb`,
        this.outerAlias.range![0],
      );
    }
    if (isAlias(node)) {
      const target = this.targets.get(node);
      if (!target || this.visiting.has(target)) this.fail(`alias *${node.source} cannot be resolved`, node.range![0]);
      this.visiting.add(target);
      const outer = this.outerAlias;
      this.outerAlias ??= node;
      try {
        return this.convert(target, depth + 1);
      } finally {
        this.visiting.delete(target);
        this.outerAlias = outer;
      }
    }
    const start = node.range?.[0] ?? 0;
    const tag = node.tag;
    if (tag && tag.startsWith('!')) {
      const name = tag.slice(1);
      const longForm = SHORT_FORMS[name];
      // The tag comes before the node's own range; point at the tag, where the property's value starts.
      const tagOffset = Math.max(0, this.text.lastIndexOf(tag, start));
      if (!longForm) this.fail(`unknown tag ${tag}`, tagOffset);
      const at = this.at(tagOffset);
      return { type: 'map', at, entries: [{ key: longForm, keyAt: at, value: this.shortFormArgument(name, node, depth) }] };
    }
    return this.plain(node, depth);
  }

  private shortFormArgument(name: string, node: Node, depth: number): CfnNode {
    const value = this.plain(node, depth);
    // `!GetAtt Db.Endpoint.Address` is `Fn::GetAtt: [Db, Endpoint.Address]`.
    if (name === 'GetAtt' && value.type === 'scalar') {
      const dot = value.text.indexOf('.');
      if (dot <= 0) this.fail(`!GetAtt needs Resource.Attribute, got ${JSON.stringify(value.text)}`, node.range![0]);
      return {
        type: 'seq',
        at: value.at,
        items: [
          { ...value, value: value.text.slice(0, dot), text: value.text.slice(0, dot) },
          { ...value, value: value.text.slice(dot + 1), text: value.text.slice(dot + 1) },
        ],
      };
    }
    return value;
  }

  private plain(node: Node, depth: number): CfnNode {
    const at = this.at(node.range?.[0] ?? 0);
    if (isScalar(node)) {
      const value = node.value;
      if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) {
        this.fail(`unsupported value ${String(node.source)}`, node.range![0]);
      }
      const scalar = value as string | number | boolean | null;
      // Numbers keep their written form: EngineVersion 15.10 must not become "15.1".
      const text = typeof scalar === 'number' && node.source !== undefined ? String(node.source) : scalar === null ? '' : String(scalar);
      return { type: 'scalar', value: scalar, text, at };
    }
    if (isSeq(node)) {
      return { type: 'seq', at, items: node.items.map((item) => this.convert(item as Node, depth + 1)) };
    }
    if (isMap(node)) {
      const entries: CfnEntry[] = node.items.map((pair) => {
        const key = pair.key as Node | null;
        if (!key || !isScalar(key) || (key.value !== null && typeof key.value === 'object')) {
          this.fail('mapping keys must be plain strings', key?.range?.[0] ?? node.range![0]);
        }
        const keyText = typeof key.value === 'number' && key.source !== undefined ? String(key.source) : String(key.value ?? '');
        const keyAt = this.at(key.range![0]);
        const value = pair.value
          ? this.convert(pair.value as Node, depth + 1)
          : ({ type: 'scalar', value: null, text: '', at: keyAt } as const);
        return { key: keyText, keyAt, value };
      });
      return { type: 'map', at, entries };
    }
    return this.fail('unsupported YAML node', node.range?.[0] ?? 0);
  }
}

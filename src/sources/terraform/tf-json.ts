// Terraform's JSON configuration syntax (`*.tf.json`, which CDK for Terraform writes as
// cdk.tf.json): its `resource` blocks in the shape the .tf scanner gives, so findings land on the
// line of the argument there too. JSON is YAML, so the yaml parser gives the positions.
// https://developer.hashicorp.com/terraform/language/syntax/json
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';

import type { TfAttribute, TfBlock } from './hcl-scan.js';

/**
 * The `resource` blocks of a .tf.json file; none when it is not valid JSON (locations are a
 * convenience: Terraform itself rejects such a file before any plan is made).
 */
export function scanTerraformJson(text: string): TfBlock[] {
  // A plan saved as `*.tf.json` beside the configuration is not configuration (and may be large).
  if (text.slice(0, 200).includes('"format_version"')) return [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length > 0) return [];
  const at = (node: Node) => {
    const { line, col } = lineCounter.linePos(node.range![0]);
    return { line, column: col };
  };

  const blocks: TfBlock[] = [];
  for (const resources of objects(pairOf(doc.contents, 'resource'))) {
    for (const byType of resources.items) {
      const type = keyOf(byType);
      if (type === null) continue;
      for (const byName of objects(byType.value)) {
        for (const resource of byName.items) {
          const name = keyOf(resource);
          if (name === null) continue;
          // A resource's body is one object (an array of one is accepted too).
          for (const body of objects(resource.value)) blocks.push(block('resource', [type, name], at(resource.key as Node), body, at));
        }
      }
    }
  }
  return blocks;
}

type At = (node: Node) => { line: number; column: number };

/**
 * A block's arguments and nested blocks. JSON cannot tell them apart without the provider's
 * schema: an object, or a list of objects, is taken as nested blocks as well (only `parameter`
 * blocks are ever looked up).
 */
function block(type: string, labels: string[], position: { line: number; column: number }, body: YAMLMap, at: At): TfBlock {
  const attributes = new Map<string, TfAttribute>();
  const nested: TfBlock[] = [];
  for (const pair of body.items) {
    const name = keyOf(pair);
    if (name === null || name === '//') continue; // "//" holds comments in Terraform's JSON syntax
    const value = pair.value;
    const text = isScalar(value) && typeof value.value === 'string' ? value.value : null;
    // A string with an interpolation is an expression, not its own value.
    attributes.set(name, { ...at(pair.key as Node), value: text !== null && !text.includes('${') ? text : null });
    for (const item of objects(value)) nested.push(block(name, [], at(item), item, at));
  }
  return { type, labels, ...position, attributes, blocks: nested };
}

/** The value under `key` in a map, or null. */
function pairOf(node: unknown, key: string): unknown {
  if (!isMap(node)) return null;
  return node.items.find((pair) => keyOf(pair) === key)?.value ?? null;
}

function keyOf(pair: Pair): string | null {
  return isScalar(pair.key) && typeof pair.key.value === 'string' ? pair.key.value : null;
}

/** An object, or each object of a list (JSON syntax writes repeated blocks as a list). */
function objects(node: unknown): YAMLMap[] {
  if (isMap(node)) return [node];
  if (isSeq(node)) return node.items.filter((item): item is YAMLMap => isMap(item));
  return [];
}

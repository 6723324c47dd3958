// Loops CloudFormation itself rejects ("Circular dependency between resources"), found before
// evaluation so the user gets the loop and the line that closes it rather than a partial result.
import { InputError } from '../../errors.js';
import type { Location } from '../../model.js';
import { intrinsicName, scalarText, type CfnNode } from './nodes.js';
import type { Template } from './template.js';

interface Edge {
  to: string;
  at: Location;
}

export function checkCycles(template: Template): void {
  const conditionEdges = new Map<string, Edge[]>();
  for (const [name, entry] of template.conditions) {
    const edges: Edge[] = [];
    collectConditionRefs(entry.value, edges);
    for (const edge of edges) {
      if (!template.conditions.has(edge.to)) fail(template, `condition ${name} refers to ${edge.to}, which is not defined in Conditions`, edge.at);
    }
    conditionEdges.set(name, edges);
  }
  findLoop(template, conditionEdges, 'conditions refer to each other in a loop');

  const resourceEdges = new Map<string, Edge[]>();
  for (const [id, decl] of template.resources) {
    const edges: Edge[] = [];
    if (decl.properties) collectResourceRefs(decl.properties, edges);
    if (decl.dependsOn) {
      const names = decl.dependsOn.type === 'seq' ? decl.dependsOn.items : [decl.dependsOn];
      for (const n of names) {
        const to = scalarText(n);
        if (to !== null) edges.push({ to, at: n.at });
      }
    }
    resourceEdges.set(id, edges.filter((e) => template.resources.has(e.to)));
  }
  findLoop(template, resourceEdges, 'circular dependency between resources');
}

function collectConditionRefs(node: CfnNode, out: Edge[]): void {
  if (intrinsicName(node) === 'Condition' && node.type === 'map') {
    const name = scalarText(node.entries[0]!.value);
    if (name !== null) out.push({ to: name, at: node.entries[0]!.value.at });
    return;
  }
  forChildren(node, (child) => collectConditionRefs(child, out));
}

function collectResourceRefs(node: CfnNode, out: Edge[]): void {
  const fn = intrinsicName(node);
  if (fn && node.type === 'map') {
    const arg = node.entries[0]!.value;
    if (fn === 'Ref') {
      const name = scalarText(arg);
      if (name !== null) out.push({ to: name, at: arg.at });
      return;
    }
    if (fn === 'Fn::GetAtt' && arg.type === 'seq') {
      const name = scalarText(arg.items[0]);
      if (name !== null) out.push({ to: name, at: arg.at });
    }
    if (fn === 'Fn::Sub') {
      const text = arg.type === 'seq' ? arg.items[0] : arg;
      const vars = arg.type === 'seq' && arg.items[1]?.type === 'map' ? new Set(arg.items[1].entries.map((e) => e.key)) : new Set<string>();
      const source = text ? scalarText(text) : null;
      for (const m of source?.matchAll(/\$\{([^}!][^}]*)\}/g) ?? []) {
        const name = m[1]!.trim().split('.')[0]!;
        if (!vars.has(name)) out.push({ to: name, at: text!.at });
      }
    }
  }
  forChildren(node, (child) => collectResourceRefs(child, out));
}

function forChildren(node: CfnNode, visit: (child: CfnNode) => void): void {
  if (node.type === 'seq') node.items.forEach(visit);
  else if (node.type === 'map') node.entries.forEach((e) => visit(e.value));
}

/** Depth-first search; the first back edge found is reported with the loop it closes. */
function findLoop(template: Template, graph: Map<string, Edge[]>, what: string): void {
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (node: string): void => {
    path.push(node);
    for (const edge of graph.get(node) ?? []) {
      const start = path.indexOf(edge.to);
      if (start >= 0) fail(template, `${what}: ${[...path.slice(start), edge.to].join(' → ')}`, edge.at);
      if (!done.has(edge.to)) visit(edge.to);
    }
    path.pop();
    done.add(node);
  };
  for (const node of graph.keys()) if (!done.has(node)) visit(node);
}

function fail(template: Template, message: string, at: Location): never {
  throw new InputError(message, { file: template.file, line: at.line, column: at.column });
}

// The sections of one template that evaluation needs, checked for shape.
import { InputError } from '../../errors.js';
import type { Location } from '../../model.js';
import { entryOf, scalarText, valueOf, type CfnEntry, type CfnMap, type CfnNode } from './nodes.js';
import { parseCfnText } from './parse.js';

export interface ParameterDecl {
  name: string;
  type: string;
  default: CfnNode | undefined;
  /** NoEcho values are secrets: never put them in a message. */
  noEcho: boolean;
  /** `AllowedValues`, when the template lists them as plain values. */
  allowedValues: string[] | null;
  at: Location;
}

export interface ResourceDecl {
  id: string;
  type: string;
  /** The logical-id key: where findings about a missing property point. */
  at: Location;
  properties: CfnMap | undefined;
  /** The resource's `Condition` attribute, when it has one. */
  condition: CfnEntry | undefined;
  dependsOn: CfnNode | undefined;
}

export interface Template {
  file: string;
  parameters: Map<string, ParameterDecl>;
  mappings: CfnMap | undefined;
  conditions: Map<string, CfnEntry>;
  resources: Map<string, ResourceDecl>;
  /** `Transform` (SAM, macros) adds resources at deploy time that the template does not show. */
  transformed: boolean;
  /** `Fn::ForEach` loops in Resources: their resources are made at deploy time and not evaluated here. */
  loops: Location[];
}

/** The texts of a list of plain scalars; null for anything else. */
function plainList(node: CfnNode | undefined): string[] | null {
  if (node?.type !== 'seq') return null;
  const texts = node.items.map(scalarText);
  return texts.every((t): t is string => t !== null) ? texts : null;
}

export function parseTemplate(text: string, file: string): Template {
  const root = parseCfnText(text, file, 'CloudFormation template');
  if (root?.type !== 'map') {
    throw new InputError('not a CloudFormation template: expected a mapping with a Resources section', {
      file,
      line: root?.at.line ?? null,
      column: root?.at.column ?? null,
    });
  }
  const resourcesEntry = entryOf(root, 'Resources');
  if (!resourcesEntry) {
    const hint = entryOf(root, 'Changes') || entryOf(root, 'ChangeSetId') ? ' (this looks like describe-change-set output: pass it with --changeset)' : '';
    throw new InputError(`not a CloudFormation template: no Resources section${hint}`, { file, line: 1, column: 1 });
  }
  const resourcesMap = expectMap(resourcesEntry.value, 'Resources', file);

  const template: Template = {
    file,
    parameters: new Map(),
    mappings: undefined,
    conditions: new Map(),
    resources: new Map(),
    transformed: entryOf(root, 'Transform') !== undefined,
    loops: [],
  };

  const parameters = valueOf(root, 'Parameters');
  if (parameters) {
    for (const e of expectMap(parameters, 'Parameters', file).entries) {
      const decl = expectMap(e.value, `parameter ${e.key}`, file);
      template.parameters.set(e.key, {
        name: e.key,
        type: scalarText(valueOf(decl, 'Type')) ?? 'String',
        default: valueOf(decl, 'Default'),
        noEcho: (scalarText(valueOf(decl, 'NoEcho')) ?? '').toLowerCase() === 'true',
        allowedValues: plainList(valueOf(decl, 'AllowedValues')),
        at: e.keyAt,
      });
    }
  }
  const mappings = valueOf(root, 'Mappings');
  if (mappings) template.mappings = expectMap(mappings, 'Mappings', file);
  const conditions = valueOf(root, 'Conditions');
  if (conditions) {
    for (const e of expectMap(conditions, 'Conditions', file).entries) template.conditions.set(e.key, e);
  }

  for (const e of resourcesMap.entries) {
    if (e.key.startsWith('Fn::ForEach')) {
      template.loops.push(e.keyAt);
      continue;
    }
    const body = expectMap(e.value, `resource ${e.key}`, file);
    const type = scalarText(valueOf(body, 'Type'));
    if (!type) throw new InputError(`resource ${e.key} has no Type`, { file, line: e.keyAt.line, column: e.keyAt.column });
    const properties = valueOf(body, 'Properties');
    template.resources.set(e.key, {
      id: e.key,
      type,
      at: e.keyAt,
      properties: properties === undefined ? undefined : expectMap(properties, `Properties of ${e.key}`, file),
      condition: entryOf(body, 'Condition'),
      dependsOn: valueOf(body, 'DependsOn'),
    });
  }
  return template;
}

function expectMap(node: CfnNode, what: string, file: string): CfnMap {
  if (node.type === 'map') return node;
  // `Properties:` left empty is common and harmless.
  if (node.type === 'scalar' && node.value === null) return { type: 'map', entries: [], at: node.at };
  throw new InputError(`${what} must be a mapping`, { file, line: node.at.line, column: node.at.column });
}

// Evaluates intrinsic functions over one template with known parameter values. Anything that
// is decided at deploy time (attributes, imports, AZs, SSM and dynamic references) stays unknown
// with the reason; nothing is guessed.
import { InputError } from '../../errors.js';
import type { Location } from '../../model.js';
import { entryOf, intrinsicName, scalarText, valueOf, type CfnNode } from './nodes.js';
import type { ResourceDecl, Template } from './template.js';

export type Plain = string | Plain[] | { [key: string]: Plain };

/** The result of evaluating a node. `via` says which parameters, mappings and conditions it went through. */
export type Resolved =
  | { kind: 'value'; value: Plain; via: string[] }
  | { kind: 'novalue'; via: string[] }
  /** `Ref` to a resource: its physical id, which is known only after deploy, but names the resource. */
  | { kind: 'resource'; id: string; via: string[] }
  | { kind: 'unknown'; reason: string; via: string[] };

export type Truth = { known: true; value: boolean; via: string[] } | { known: false; reason: string; via: string[] };

/** A value given for a template parameter. `value` null: the stack keeps its previous value (unknown here). */
export interface GivenParameter {
  value: string | null;
  from: string;
}

/** A node chosen through `Fn::If` and `AWS::NoValue`: null when the property is removed. */
export type Selected = { node: CfnNode | null; via: string[] } | { node: undefined; reason: string; via: string[] };

const PSEUDO = new Set([
  'AWS::AccountId', 'AWS::NotificationARNs', 'AWS::Partition', 'AWS::Region', 'AWS::StackId', 'AWS::StackName', 'AWS::URLSuffix',
]);

const DEPLOY_TIME: Record<string, string> = {
  'Fn::ImportValue': 'is imported from another stack (Fn::ImportValue)',
  'Fn::GetAZs': 'lists Availability Zones at deploy time (Fn::GetAZs)',
  'Fn::Cidr': 'is computed at deploy time (Fn::Cidr)',
  'Fn::Transform': 'is produced by a macro at deploy time (Fn::Transform)',
};

const value = (v: Plain, via: string[] = []): Resolved => ({ kind: 'value', value: v, via });
const unknownOf = (reason: string, via: string[] = []): Resolved => ({ kind: 'unknown', reason, via });

export class Evaluator {
  private readonly conditionCache = new Map<string, Truth>();
  private readonly evaluatingConditions: string[] = [];

  constructor(
    readonly template: Template,
    private readonly given: Map<string, GivenParameter>,
    private readonly pseudo: Record<string, string> = {},
  ) {}

  private fail(message: string, at: Location): never {
    throw new InputError(message, { file: this.template.file, line: at.line, column: at.column });
  }

  /** Whether the resource is created: its `Condition` attribute, if any. */
  created(decl: ResourceDecl): Truth {
    if (!decl.condition) return { known: true, value: true, via: [] };
    const name = scalarText(decl.condition.value);
    if (name === null) this.fail(`resource ${decl.id}: Condition must be a condition name`, decl.condition.value.at);
    return this.condition(name, decl.condition.value.at);
  }

  condition(name: string, at: Location): Truth {
    const cached = this.conditionCache.get(name);
    if (cached) return cached;
    const entry = this.template.conditions.get(name);
    if (!entry) this.fail(`condition ${name} is not defined in Conditions`, at);
    if (this.evaluatingConditions.includes(name)) {
      const loop = [...this.evaluatingConditions.slice(this.evaluatingConditions.indexOf(name)), name].join(' → ');
      this.fail(`conditions refer to each other in a loop: ${loop}`, at);
    }
    this.evaluatingConditions.push(name);
    let truth: Truth;
    try {
      truth = this.conditionBody(entry.value);
    } finally {
      this.evaluatingConditions.pop();
    }
    const via = truth.known ? [`condition ${name} is ${truth.value}`] : [];
    const result: Truth = truth.known
      ? { known: true, value: truth.value, via: [...truth.via, ...via] }
      : { known: false, reason: `condition ${name} cannot be evaluated: ${truth.reason}`, via: truth.via };
    this.conditionCache.set(name, result);
    return result;
  }

  private conditionBody(node: CfnNode): Truth {
    const fn = intrinsicName(node);
    const arg = fn ? (node as { entries: { value: CfnNode }[] }).entries[0]!.value : undefined;
    switch (fn) {
      case 'Condition': {
        const name = scalarText(arg);
        if (name === null) this.fail('Condition must name a condition', node.at);
        return this.condition(name, arg!.at);
      }
      case 'Fn::Equals': {
        const [a, b] = this.args(arg!, 2, 2, fn);
        const left = this.resolve(a!);
        const right = this.resolve(b!);
        const via = [...left.via, ...right.via];
        if (left.kind === 'unknown') return { known: false, reason: left.reason, via };
        if (right.kind === 'unknown') return { known: false, reason: right.reason, via };
        if (left.kind !== 'value' || right.kind !== 'value') {
          return { known: false, reason: 'Fn::Equals compares a value known only after deploy', via };
        }
        return { known: true, value: JSON.stringify(left.value) === JSON.stringify(right.value), via };
      }
      case 'Fn::Not': {
        const [inner] = this.args(arg!, 1, 1, fn);
        const t = this.conditionBody(inner!);
        return t.known ? { ...t, value: !t.value } : t;
      }
      case 'Fn::And':
      case 'Fn::Or': {
        const decisive = fn === 'Fn::Or';
        const parts = this.args(arg!, 1, 10, fn).map((c) => this.conditionBody(c));
        const via = parts.flatMap((p) => p.via);
        // A decisive operand settles it even when another operand is unknown.
        if (parts.some((p) => p.known && p.value === decisive)) return { known: true, value: decisive, via };
        const open = parts.find((p) => !p.known);
        return open ? { known: false, reason: open.reason, via } : { known: true, value: !decisive, via };
      }
      default:
        return this.fail('a condition must be Fn::Equals, Fn::Not, Fn::And, Fn::Or or Condition', node.at);
    }
  }

  private args(node: CfnNode, min: number, max: number, fn: string): CfnNode[] {
    if (node.type !== 'seq' || node.items.length < min || node.items.length > max) {
      const count = min === max ? `${min}` : `${min} to ${max}`;
      this.fail(`${fn} takes a list of ${count} arguments`, node.at);
    }
    return node.items;
  }

  /** Follows `Fn::If` and `AWS::NoValue` to the node that will be deployed, keeping its position. */
  select(node: CfnNode): Selected {
    const via: string[] = [];
    let current: CfnNode = node;
    for (;;) {
      const fn = intrinsicName(current);
      const arg = fn ? (current as { entries: { value: CfnNode }[] }).entries[0]!.value : undefined;
      if (fn === 'Ref' && scalarText(arg) === 'AWS::NoValue') return { node: null, via };
      if (fn !== 'Fn::If') return { node: current, via };
      const [cond, whenTrue, whenFalse] = this.args(arg!, 3, 3, fn);
      const name = scalarText(cond);
      if (name === null) this.fail('Fn::If needs a condition name first', cond!.at);
      const truth = this.condition(name, cond!.at);
      via.push(...truth.via);
      if (!truth.known) return { node: undefined, reason: truth.reason, via };
      current = truth.value ? whenTrue! : whenFalse!;
    }
  }

  resolve(node: CfnNode): Resolved {
    if (node.type === 'scalar') return checkDynamic(value(node.text));
    if (node.type === 'seq') return this.list(node.items);
    const fn = intrinsicName(node);
    if (!fn) {
      const out: Record<string, Plain> = {};
      const via: string[] = [];
      for (const e of node.entries) {
        const r = this.resolve(e.value);
        via.push(...r.via);
        if (r.kind === 'novalue') continue;
        const v = this.plain(r, e.key);
        if (v.kind !== 'value') return { ...v, via };
        out[e.key] = v.value;
      }
      return value(out, via);
    }
    const arg = node.entries[0]!.value;
    switch (fn) {
      case 'Ref':
        return this.ref(arg);
      case 'Fn::GetAtt': {
        const target = arg.type === 'seq' ? scalarText(arg.items[0]) : null;
        const attribute = arg.type === 'seq' ? scalarText(arg.items[1]) : null;
        if (target === null || attribute === null) this.fail('Fn::GetAtt takes [Resource, Attribute]', arg.at);
        this.resourceOrFail(target, arg.at);
        return unknownOf(`${target}.${attribute} is known only after deploy (Fn::GetAtt)`);
      }
      case 'Fn::If': {
        const chosen = this.select(node);
        if (chosen.node === null) return { kind: 'novalue', via: chosen.via };
        if (chosen.node !== undefined) return withVia(this.resolve(chosen.node), chosen.via);
        // Unknown condition: still known when both branches agree.
        const [, a, b] = this.args(arg, 3, 3, fn);
        const left = this.resolve(a!);
        const right = this.resolve(b!);
        if (left.kind === 'value' && right.kind === 'value' && JSON.stringify(left.value) === JSON.stringify(right.value)) {
          return { ...left, via: [...chosen.via, ...left.via, ...right.via] };
        }
        return unknownOf(chosen.reason, chosen.via);
      }
      case 'Fn::Sub':
        return this.sub(arg);
      case 'Fn::Join': {
        const [delimiter, items] = this.args(arg, 2, 2, fn);
        const sep = this.resolveString(delimiter!, 'Fn::Join delimiter');
        if (sep.kind !== 'value') return sep;
        const list = this.resolve(items!);
        if (list.kind !== 'value') return this.plain(list, 'Fn::Join list');
        if (!Array.isArray(list.value) || list.value.some((v) => typeof v !== 'string')) {
          this.fail('Fn::Join takes a list of strings', items!.at);
        }
        return checkDynamic(value((list.value as string[]).join(sep.value as string), [...sep.via, ...list.via]));
      }
      case 'Fn::Select': {
        const [index, items] = this.args(arg, 2, 2, fn);
        const i = this.resolveString(index!, 'Fn::Select index');
        const list = this.resolve(items!);
        if (i.kind !== 'value') return i;
        if (list.kind !== 'value') return this.plain(list, 'Fn::Select list');
        const n = Number(i.value);
        if (!Array.isArray(list.value) || !Number.isInteger(n) || n < 0 || n >= list.value.length) {
          return unknownOf(`Fn::Select index ${String(i.value)} is out of range`, [...i.via, ...list.via]);
        }
        return value(list.value[n]!, [...i.via, ...list.via]);
      }
      case 'Fn::Split': {
        const [delimiter, source] = this.args(arg, 2, 2, fn);
        const sep = this.resolveString(delimiter!, 'Fn::Split delimiter');
        const text = this.resolveString(source!, 'Fn::Split source');
        if (sep.kind !== 'value') return sep;
        if (text.kind !== 'value') return text;
        return value((text.value as string).split(sep.value as string), [...sep.via, ...text.via]);
      }
      case 'Fn::FindInMap':
        return this.findInMap(arg);
      case 'Fn::Base64': {
        const text = this.resolveString(arg, 'Fn::Base64');
        return text.kind === 'value' ? value(Buffer.from(text.value as string).toString('base64'), text.via) : text;
      }
      case 'Fn::Length': {
        const list = this.resolve(arg);
        if (list.kind !== 'value') return this.plain(list, 'Fn::Length');
        return Array.isArray(list.value) ? value(String(list.value.length), list.via) : unknownOf('Fn::Length needs a list');
      }
      case 'Fn::ToJsonString': {
        const v = this.resolve(arg);
        return v.kind === 'value' ? value(JSON.stringify(v.value), v.via) : this.plain(v, 'Fn::ToJsonString');
      }
      default: {
        const reason = DEPLOY_TIME[fn];
        if (reason) return unknownOf(`the value ${reason}`);
        return unknownOf(`${fn} is not evaluated here`);
      }
    }
  }

  /** A resolved value that must be plain data: a resource's physical id is not known before deploy. */
  private plain(r: Resolved, what: string): Resolved {
    if (r.kind === 'resource') return unknownOf(`${what} uses the physical id of ${r.id}, known only after deploy`, r.via);
    if (r.kind === 'novalue') return unknownOf(`${what} is AWS::NoValue`, r.via);
    return r;
  }

  resolveString(node: CfnNode, what: string): Resolved {
    const r = this.plain(this.resolve(node), what);
    if (r.kind === 'value' && typeof r.value !== 'string') return unknownOf(`${what} is not a string`, r.via);
    return r;
  }

  private list(items: CfnNode[]): Resolved {
    const out: Plain[] = [];
    const via: string[] = [];
    for (const item of items) {
      const r = this.resolve(item);
      via.push(...r.via);
      if (r.kind === 'novalue') continue; // AWS::NoValue in a list drops the item
      const v = this.plain(r, 'a list item');
      if (v.kind !== 'value') return { ...v, via };
      out.push(v.value);
    }
    return value(out, via);
  }

  private resourceOrFail(id: string, at: Location): ResourceDecl | null {
    const decl = this.template.resources.get(id);
    if (decl) return decl;
    if (this.template.transformed) return null; // a Transform may add it
    return this.fail(`${id} is not a resource in this template`, at);
  }

  private ref(arg: CfnNode): Resolved {
    const name = scalarText(arg);
    if (name === null) this.fail('Ref takes a name', arg.at);
    if (name === 'AWS::NoValue') return { kind: 'novalue', via: [] };
    if (PSEUDO.has(name)) {
      const known = this.pseudo[name];
      return known !== undefined
        ? value(known, [`${name} = ${known} (from the change set's stack)`])
        : unknownOf(`pseudo parameter ${name} is known only at deploy time`);
    }
    if (this.template.parameters.has(name)) return this.parameter(name);
    const decl = this.template.resources.get(name);
    if (decl) {
      const created = this.created(decl);
      if (created.known && !created.value) {
        return unknownOf(`${name} is not created (its condition is false)`, created.via);
      }
      return { kind: 'resource', id: name, via: [] };
    }
    if (this.template.transformed) return unknownOf(`${name} is not defined in the template (a Transform may add it)`);
    return this.fail(`Ref to ${name}, which is neither a parameter nor a resource in this template`, arg.at);
  }

  private parameter(name: string): Resolved {
    const decl = this.template.parameters.get(name)!;
    const given = this.given.get(name);
    const shown = (v: string) => (decl.noEcho ? '(NoEcho value)' : JSON.stringify(v));
    let text: string;
    let via: string;
    if (given) {
      if (given.value === null) return unknownOf(`parameter ${name} keeps its previous value (${given.from}), which is not in the evaluated files`);
      text = given.value;
      via = `parameter ${name} = ${shown(text)} (${given.from})`;
    } else if (decl.default !== undefined) {
      const def = decl.default.type === 'seq' ? decl.default.items.map((i) => scalarText(i) ?? '').join(',') : scalarText(decl.default);
      if (def === null) return unknownOf(`parameter ${name} has a Default that is not a string`);
      text = def;
      via = `parameter ${name} = ${shown(text)} (Default)`;
    } else {
      return unknownOf(`parameter ${name} has no default and no value was given (--cfn-parameter ${name}=VALUE)`);
    }
    if (decl.type.startsWith('AWS::SSM::Parameter::Value<')) {
      return unknownOf(`parameter ${name} is read from SSM Parameter Store at deploy time`, [via]);
    }
    if (decl.type === 'CommaDelimitedList' || decl.type.startsWith('List<')) return value(text.split(','), [via]);
    return checkDynamic(value(text, [via]));
  }

  private sub(arg: CfnNode): Resolved {
    let templateNode: CfnNode = arg;
    let variables: Map<string, CfnNode> = new Map();
    if (arg.type === 'seq') {
      const [text, vars] = this.args(arg, 2, 2, 'Fn::Sub');
      templateNode = text!;
      if (vars!.type !== 'map') this.fail('Fn::Sub variables must be a mapping', vars!.at);
      variables = new Map(vars!.entries.map((e) => [e.key, e.value]));
    }
    const source = scalarText(templateNode);
    if (source === null) this.fail('Fn::Sub takes a string', templateNode.at);
    const via: string[] = [];
    let out = '';
    let last = 0;
    for (const match of source.matchAll(/\$\{([^}]*)\}/g)) {
      out += source.slice(last, match.index);
      last = match.index! + match[0].length;
      const name = match[1]!.trim();
      if (name.startsWith('!')) {
        out += `\${${name.slice(1)}}`;
        continue;
      }
      let r: Resolved;
      const variable = variables.get(name);
      if (variable) r = this.resolve(variable);
      else if (name.includes('.') && !PSEUDO.has(name)) {
        const target = name.slice(0, name.indexOf('.'));
        this.resourceOrFail(target, templateNode.at);
        r = unknownOf(`${name} is known only after deploy (Fn::Sub)`);
      } else r = this.ref({ type: 'scalar', value: name, text: name, at: templateNode.at });
      const v = this.plain(r, `\${${name}}`);
      via.push(...v.via);
      if (v.kind !== 'value') return { ...v, via };
      if (typeof v.value !== 'string') return unknownOf(`\${${name}} is not a string`, via);
      out += v.value;
    }
    out += source.slice(last);
    return checkDynamic(value(out, via));
  }

  private findInMap(arg: CfnNode): Resolved {
    const items = this.args(arg, 3, 4, 'Fn::FindInMap');
    const [mapName, top, second] = items.slice(0, 3).map((n) => this.resolveString(n, 'Fn::FindInMap key'));
    const via = [mapName!, top!, second!].flatMap((r) => r.via);
    for (const r of [mapName!, top!, second!]) if (r.kind !== 'value') return { ...r, via };
    const [m, k1, k2] = [mapName!, top!, second!].map((r) => (r as { value: string }).value);
    const mapping = valueOf(this.template.mappings, m!);
    if (!mapping || mapping.type !== 'map') this.fail(`Fn::FindInMap: ${m} is not in Mappings`, items[0]!.at);
    const found = valueOf(mapping.type === 'map' ? mapping : undefined, k1!);
    const leaf = found && found.type === 'map' ? entryOf(found, k2!)?.value : undefined;
    const where = `Mappings ${m}[${JSON.stringify(k1)}][${JSON.stringify(k2)}]`;
    if (leaf) return withVia(this.resolve(leaf), [...via, where]);
    const fallback = items[3]?.type === 'map' ? valueOf(items[3], 'DefaultValue') : undefined;
    if (fallback) return withVia(this.resolve(fallback), [...via, `${where} is not defined: DefaultValue`]);
    return unknownOf(`${where} is not defined (CloudFormation would reject these parameter values)`, via);
  }
}

function withVia(r: Resolved, via: string[]): Resolved {
  return via.length === 0 ? r : { ...r, via: [...via, ...r.via] };
}

function checkDynamic(r: Resolved): Resolved {
  if (r.kind === 'value' && typeof r.value === 'string' && r.value.includes('{{resolve:')) {
    return unknownOf('the value is a dynamic reference ({{resolve:…}}), resolved at deploy time', r.via);
  }
  return r;
}

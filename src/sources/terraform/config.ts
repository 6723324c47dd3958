// The plan's `configuration`, indexed once: module tree, resource blocks, and following references
// across module boundaries (a module input `var.x` → the caller's expression; `module.m.out` → the
// output's expression in the child). It answers two questions the values alone cannot:
// was an argument set at all, and which resource does an unknown value come from.
import { ANY_KEY, configPathOf, distinctReferences, type ModulePath, type Reference } from './address.js';
import {
  isExpression,
  isRecord,
  type ConfigResourceJson,
  type ConfigurationJson,
  type ExpressionJson,
  type ModuleCallJson,
  type ModuleConfigJson,
  type ProviderConfigJson,
} from './plan-types.js';

export interface ModuleNode {
  /** `module.a.module.b`; '' for the root module. */
  configPath: string;
  parent: ModuleNode | null;
  callName: string | null;
  call: ModuleCallJson | null;
  module: ModuleConfigJson;
  /** Managed resources by type, then name (asked once per resource in the plan: no key strings to build). */
  resources: Map<string, Map<string, ConfigResourceJson>>;
}

/** Where the value of an expression comes from, once references are followed to their end. */
export type Leaf =
  /** Known while planning: a constant, a variable's default or root value, count.index, each.key … */
  | { kind: 'static' }
  /** An attribute of a managed resource (`key` null: any instance, e.g. `x[each.key]`). */
  | { kind: 'resource'; module: ModulePath; type: string; name: string; key: string | null }
  /** A local value: the plan JSON does not describe locals, so the trail ends here. */
  | { kind: 'local'; module: ModulePath; name: string }
  /** Anything else that may be unknown while planning (data sources, unresolvable references). */
  | { kind: 'dynamic'; what: string };

const MAX_DEPTH = 32;

export class PlanConfiguration {
  /** False when the plan has no `configuration` (hand-made plans): nothing can be told about arguments. */
  readonly present: boolean;
  private readonly modules = new Map<string, ModuleNode>();
  private readonly providers: Record<string, ProviderConfigJson>;
  private readonly argumentStates = new WeakMap<ConfigResourceJson, Map<string, 'set' | 'unset'>>();
  /** By resource block: its provider and module decide the region. */
  private readonly regions = new WeakMap<ConfigResourceJson, string | null>();
  private readonly references = new WeakMap<ExpressionJson, Reference[]>();

  constructor(configuration: ConfigurationJson | undefined) {
    const root = isRecord(configuration) && isRecord(configuration.root_module) ? configuration.root_module : null;
    this.present = root !== null;
    this.providers = isRecord(configuration?.provider_config) ? configuration.provider_config : {};
    if (root) this.index(root, '', null, null, null);
  }

  private index(module: ModuleConfigJson, configPath: string, parent: ModuleNode | null, callName: string | null, call: ModuleCallJson | null): void {
    const resources = new Map<string, Map<string, ConfigResourceJson>>();
    for (const resource of Array.isArray(module.resources) ? module.resources : []) {
      if (!isRecord(resource) || resource.mode === 'data') continue;
      const { type, name } = resource;
      if (typeof type !== 'string' || typeof name !== 'string' || !type || !name) continue;
      let byName = resources.get(type);
      if (!byName) resources.set(type, (byName = new Map()));
      byName.set(name, resource);
    }
    const node: ModuleNode = { configPath, parent, callName, call, module, resources };
    this.modules.set(configPath, node);
    const calls = isRecord(module.module_calls) ? module.module_calls : {};
    for (const [name, child] of Object.entries(calls)) {
      if (isRecord(child) && isRecord(child.module)) {
        this.index(child.module, configPath ? `${configPath}.module.${name}` : `module.${name}`, node, name, child);
      }
    }
  }

  module(configPath: string): ModuleNode | undefined {
    return this.modules.get(configPath);
  }

  resource(configPath: string, type: string, name: string): ConfigResourceJson | undefined {
    return this.modules.get(configPath)?.resources.get(type)?.get(name);
  }

  /** The expression given for a top-level argument of a resource block, if any. */
  static argument(resource: ConfigResourceJson | undefined, name: string): ExpressionJson | undefined {
    const expression = resource?.expressions?.[name];
    return isExpression(expression) ? expression : undefined;
  }

  /**
   * Follows an expression's references to where its value comes from. `path` is the module
   * instance the expression is written in.
   */
  leaves(expression: ExpressionJson, path: ModulePath): Leaf[] {
    const out: Leaf[] = [];
    this.collect(expression, path, out, 0);
    return out;
  }

  private collect(expression: ExpressionJson, path: ModulePath, out: Leaf[], depth: number): void {
    if (depth > MAX_DEPTH) {
      out.push({ kind: 'dynamic', what: 'a chain of references too long to follow' });
      return;
    }
    if ('constant_value' in expression) {
      out.push({ kind: 'static' });
      return;
    }
    if (!Array.isArray(expression.references) || expression.references.length === 0) {
      out.push({ kind: 'dynamic', what: 'an expression the plan does not spell out' });
      return;
    }
    let refs = this.references.get(expression);
    if (!refs) this.references.set(expression, (refs = distinctReferences(expression.references)));
    for (const ref of refs) {
      switch (ref.kind) {
        case 'meta':
          out.push({ kind: 'static' });
          break;
        case 'var': {
          // Root variables are known while planning; a module input comes from the caller's expression.
          if (path.length === 0) {
            out.push({ kind: 'static' });
            break;
          }
          const node = this.modules.get(configPathOf(path));
          const given = node?.call?.expressions?.[ref.name];
          if (isExpression(given)) this.collect(given, path.slice(0, -1), out, depth + 1);
          else out.push({ kind: 'static' }); // not passed: the variable's default
          break;
        }
        case 'local':
          out.push({ kind: 'local', module: path, name: ref.name });
          break;
        case 'module': {
          const childPath = configPathOf(path) ? `${configPathOf(path)}.module.${ref.call}` : `module.${ref.call}`;
          const child = this.modules.get(childPath);
          if (!child) {
            out.push({ kind: 'dynamic', what: `module.${ref.call}` });
            break;
          }
          const repeated = child.call?.count_expression !== undefined || child.call?.for_each_expression !== undefined;
          const step = { name: ref.call, key: ref.key ?? (repeated ? ANY_KEY : null) };
          const outputs = isRecord(child.module.outputs) ? child.module.outputs : {};
          const names = ref.output !== null ? [ref.output] : Object.keys(outputs);
          for (const name of names) {
            const expr = outputs[name]?.expression;
            if (isExpression(expr)) this.collect(expr, [...path, step], out, depth + 1);
            else out.push({ kind: 'dynamic', what: `module.${ref.call}.${name}` });
          }
          break;
        }
        case 'resource':
          out.push({ kind: 'resource', module: path, type: ref.type, name: ref.name, key: ref.key });
          break;
        case 'data':
          out.push({ kind: 'dynamic', what: 'a data source' });
          break;
        default:
          out.push({ kind: 'dynamic', what: 'an unrecognised reference' });
      }
    }
  }

  /**
   * Whether the configuration gives a non-null value for the argument, as far as the plan shows.
   * Used only for values the plan marks unknown: an expression known while planning (constants,
   * variables, count/each) that still plans as unknown must have been null, so the provider computes
   * it. 'unset' then means the argument is effectively not set; 'set' that it comes from something
   * known only after apply; 'unknown' that the plan has no configuration to tell.
   */
  argumentState(resource: ConfigResourceJson | undefined, name: string, path: ModulePath): 'set' | 'unset' | 'unknown' {
    if (!this.present || !resource) return 'unknown';
    // The answer does not depend on which instance of the module asks: cache it per block.
    let states = this.argumentStates.get(resource);
    if (!states) this.argumentStates.set(resource, (states = new Map()));
    let state = states.get(name);
    if (state === undefined) {
      const expression = PlanConfiguration.argument(resource, name);
      if (!expression) state = 'unset';
      else if ('constant_value' in expression) state = expression.constant_value === null ? 'unset' : 'set';
      else state = this.leaves(expression, path).every((leaf) => leaf.kind === 'static') ? 'unset' : 'set';
      states.set(name, state);
    }
    return state;
  }

  /** The provider configuration's constant `region` for a resource, following inherited providers up the tree. */
  region(resource: ConfigResourceJson | undefined, configPath: string): string | null {
    const key = resource?.provider_config_key;
    if (!resource || !key) return null;
    let region = this.regions.get(resource);
    if (region === undefined) this.regions.set(resource, (region = this.providerRegion(key, configPath)));
    return region;
  }

  private providerRegion(key: string, configPath: string): string | null {
    const localName = key.slice(key.lastIndexOf(':') + 1);
    const candidates = [key];
    for (let node = this.modules.get(configPath) ?? null; node; node = node.parent) {
      if (node.parent === null) candidates.push(localName);
      else candidates.push(`${node.configPath}:${localName}`, `${node.callName}:${localName}`);
    }
    for (const candidate of candidates) {
      const provider = this.providers[candidate];
      if (!isRecord(provider) || !isRecord(provider.expressions)) continue;
      // An explicit provider block decides, even when its region is not a constant.
      const region = provider.expressions.region;
      return isExpression(region) && typeof region.constant_value === 'string' ? region.constant_value : null;
    }
    return null;
  }
}

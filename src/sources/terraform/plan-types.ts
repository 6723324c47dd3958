// The parts of `terraform show -json` output this source reads (hashicorp/terraform
// internal/command/jsonplan and jsonconfig). Everything is optional in practice: fields are omitempty,
// and hand-made or older plans leave more out. Values are `unknown` until checked.

export type Values = Record<string, unknown>;

export interface PlanJson {
  format_version?: unknown;
  terraform_version?: unknown;
  variables?: Record<string, { value?: unknown } | undefined>;
  planned_values?: unknown;
  resource_changes?: unknown;
  prior_state?: unknown;
  configuration?: ConfigurationJson;
}

export interface ResourceChangeJson {
  address?: unknown;
  module_address?: unknown;
  mode?: unknown;
  type?: unknown;
  name?: unknown;
  index?: unknown;
  deposed?: unknown;
  action_reason?: unknown;
  change?: ChangeJson;
}

export interface ChangeJson {
  actions?: unknown;
  before?: Values | null;
  after?: Values | null;
  after_unknown?: Values | boolean;
  replace_paths?: unknown;
  importing?: unknown;
}

export interface ExpressionJson {
  constant_value?: unknown;
  references?: unknown[];
}

export interface ConfigResourceJson {
  address?: string;
  mode?: string;
  type?: string;
  name?: string;
  provider_config_key?: string;
  expressions?: Record<string, unknown>;
  count_expression?: ExpressionJson;
  for_each_expression?: ExpressionJson;
}

export interface ModuleCallJson {
  source?: string;
  expressions?: Record<string, unknown>;
  count_expression?: ExpressionJson;
  for_each_expression?: ExpressionJson;
  module?: ModuleConfigJson;
}

export interface ModuleConfigJson {
  resources?: ConfigResourceJson[];
  module_calls?: Record<string, ModuleCallJson>;
  outputs?: Record<string, { expression?: ExpressionJson } | undefined>;
  variables?: Record<string, { default?: unknown } | undefined>;
}

export interface ProviderConfigJson {
  name?: string;
  module_address?: string;
  expressions?: Record<string, unknown>;
}

export interface ConfigurationJson {
  provider_config?: Record<string, ProviderConfigJson>;
  root_module?: ModuleConfigJson;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An argument's expression. Terraform writes `{}` for one that is neither a constant nor has
 * references (a call such as `uuid()`), so any object counts: its value is just not described.
 */
export function isExpression(value: unknown): value is ExpressionJson {
  return isRecord(value);
}

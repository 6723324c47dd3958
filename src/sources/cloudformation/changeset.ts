// `aws cloudformation describe-change-set` output: which resources the change set adds, modifies,
// replaces, imports or removes, and which properties it touches. Values come from the template
// it deploys; `--include-property-values` output adds the before/after values.
import { InputError } from '../../errors.js';
import { known, type Fact, type Location, type PlannedChange, type Resource, type RestartCause } from '../../model.js';
import { entryOf, scalarText, valueOf, type CfnMap, type CfnNode } from './nodes.js';
import { parseCfnText } from './parse.js';
import type { GivenParameter } from './resolve.js';
import type { Template } from './template.js';

export interface ChangeDetail {
  attribute: string | null;
  /** The property for `Properties` changes (`Name`, or the second segment of `Path`). */
  property: string | null;
  requiresRecreation: string | null;
  beforeValue: string | null;
  afterValue: string | null;
}

export interface ResourceChange {
  action: string;
  logicalId: string;
  resourceType: string | null;
  replacement: string | null;
  details: ChangeDetail[];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** The LogicalResourceId in the change-set file. */
  at: Location;
}

export interface ChangeSet {
  file: string;
  parameters: Map<string, GivenParameter>;
  /** Pseudo parameters the stack's ARN tells: region, account, partition, stack name and id. */
  pseudo: Record<string, string>;
  region: string | null;
  account: string | null;
  changes: ResourceChange[];
  /** `NextToken`: the output was cut (`--max-items`) and later changes are missing. */
  truncated: boolean;
}

export function parseChangeSet(text: string, file: string): ChangeSet {
  const root = parseCfnText(text, file, 'change set');
  const fail = (message: string, at?: Location): never => {
    throw new InputError(message, { file, line: at?.line ?? null, column: at?.column ?? null });
  };
  if (root?.type !== 'map') return fail('not describe-change-set output: expected a JSON object', root?.at);
  const changesNode = valueOf(root, 'Changes');
  if (!changesNode || changesNode.type !== 'seq') {
    const hint = entryOf(root, 'Resources') ? ' (this looks like a template: pass it with --cloudformation)' : '';
    return fail(`not describe-change-set output: no Changes list${hint}`, root.at);
  }

  const parameters = new Map<string, GivenParameter>();
  const paramsNode = valueOf(root, 'Parameters');
  if (paramsNode?.type === 'seq') {
    for (const p of paramsNode.items) {
      const key = p.type === 'map' ? scalarText(valueOf(p, 'ParameterKey')) : null;
      if (key === null) return fail('change set Parameters: each entry needs a ParameterKey', p.at);
      // SSM-typed parameters carry the value CloudFormation read in ResolvedValue.
      const value = scalarText(valueOf(p as CfnMap, 'ResolvedValue')) ?? scalarText(valueOf(p as CfnMap, 'ParameterValue'));
      parameters.set(key, { value, from: `change set ${file}` });
    }
  }

  const stackId = scalarText(valueOf(root, 'StackId'));
  const pseudo: Record<string, string> = {};
  let region: string | null = null;
  let account: string | null = null;
  // arn:aws:cloudformation:us-east-1:123456789012:stack/SampleStack/1a2345b6-…
  const arn = stackId?.match(/^arn:([^:]+):cloudformation:([^:]+):(\d+):stack\/([^/]+)\//);
  if (stackId && arn) {
    [, pseudo['AWS::Partition'], region, account, pseudo['AWS::StackName']] = arn as unknown as [string, string, string, string, string];
    pseudo['AWS::Region'] = region!;
    pseudo['AWS::AccountId'] = account!;
    pseudo['AWS::StackId'] = stackId;
    pseudo['AWS::URLSuffix'] = arn[1] === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
  }

  const changes: ResourceChange[] = [];
  for (const item of changesNode.items) {
    const rc = item.type === 'map' ? valueOf(item, 'ResourceChange') : undefined;
    const type = item.type === 'map' ? scalarText(valueOf(item, 'Type')) : null;
    if (type !== null && type !== 'Resource') continue;
    if (!rc || rc.type !== 'map') return fail('change set: each change needs a ResourceChange', item.at);
    const idNode = valueOf(rc, 'LogicalResourceId');
    const action = scalarText(valueOf(rc, 'Action'));
    const logicalId = scalarText(idNode);
    if (!logicalId || !action) return fail('change set: a ResourceChange needs Action and LogicalResourceId', rc.at);
    const detailsNode = valueOf(rc, 'Details');
    changes.push({
      action,
      logicalId,
      resourceType: scalarText(valueOf(rc, 'ResourceType')),
      replacement: scalarText(valueOf(rc, 'Replacement')),
      details: detailsNode?.type === 'seq' ? detailsNode.items.map(readDetail) : [],
      before: context(valueOf(rc, 'BeforeContext')),
      after: context(valueOf(rc, 'AfterContext')),
      at: idNode!.at,
    });
  }
  const nextToken = scalarText(valueOf(root, 'NextToken'));
  return { file, parameters, pseudo, region, account, changes, truncated: Boolean(nextToken) };
}

function readDetail(node: CfnNode): ChangeDetail {
  const target = node.type === 'map' ? valueOf(node, 'Target') : undefined;
  const t = target?.type === 'map' ? target : undefined;
  const path = scalarText(valueOf(t, 'Path'));
  const attribute = scalarText(valueOf(t, 'Attribute'));
  const fromPath = path?.startsWith('/Properties/') ? path.split('/')[2]! : null;
  return {
    attribute,
    property: scalarText(valueOf(t, 'Name')) ?? fromPath,
    requiresRecreation: scalarText(valueOf(t, 'RequiresRecreation')),
    beforeValue: valueOf(t, 'BeforeValue') ? scalarText(valueOf(t, 'BeforeValue')) : null,
    afterValue: valueOf(t, 'AfterValue') ? scalarText(valueOf(t, 'AfterValue')) : null,
  };
}

/** BeforeContext / AfterContext: a JSON string `{"Properties": {…}}`. */
function context(node: CfnNode | undefined): Record<string, unknown> | null {
  const text = scalarText(node);
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as { Properties?: Record<string, unknown> };
    return parsed.Properties && typeof parsed.Properties === 'object' ? parsed.Properties : null;
  } catch {
    return null;
  }
}

/**
 * Checks that the change set fits the template (every id it adds or modifies is declared, with
 * the same type) and returns the ids it removes.
 */
export function checkPairing(changeSet: ChangeSet, template: Template): Set<string> {
  const removed = new Set<string>();
  for (const change of changeSet.changes) {
    const decl = template.resources.get(change.logicalId);
    if (change.action === 'Remove') {
      removed.add(change.logicalId);
      continue;
    }
    const problem = !decl
      ? `changes ${change.logicalId}, which ${template.file} does not declare`
      : change.resourceType && change.resourceType !== decl.type
        ? `changes ${change.logicalId} as a ${change.resourceType}, but ${template.file} declares a ${decl.type}`
        : null;
    if (problem) {
      throw new InputError(`change set ${problem}: is ${template.file} the template this change set deploys?`, {
        file: changeSet.file,
        line: change.at.line,
        column: change.at.column,
      });
    }
  }
  return removed;
}

const ACTIONS: Record<string, PlannedChange['action']> = {
  Add: 'create',
  Modify: 'update',
  Import: 'import',
  Dynamic: 'update',
  SyncWithActual: 'update',
};

/** Properties whose change restarts the database (besides the CA, which gets its own prediction). */
const RESTARTING: Record<string, string> = {
  DBParameterGroupName:
    'DBParameterGroupName changes: if the parameter group contains static parameters, whether they were changed or not, an update triggers a reboot',
  EngineVersion: 'EngineVersion changes: an engine version upgrade restarts the database',
  DBInstanceClass: 'DBInstanceClass changes: changing the instance class restarts the database',
  DBClusterInstanceClass: 'DBClusterInstanceClass changes: changing the instance class restarts the database',
};

/** Sets `change` (and a planned CA change) on the resources built from the change set's template. */
export function applyChangeSet(resources: Resource[], changeSet: ChangeSet, template: Template): void {
  const byId = new Map(changeSet.changes.map((c) => [c.logicalId, c]));
  const applyImmediately = known(true, undefined, 'CloudFormation applies changes immediately');
  for (const resource of resources) {
    const change = byId.get(resource.id);
    const decl = template.resources.get(resource.id)!;
    const propertyAt = (name: string): Location => entryOf(decl.properties, name)?.value.at ?? decl.at;
    if (!change) {
      resource.change = { action: 'no-op', applyImmediately, restartCauses: [] };
      continue;
    }
    const replaced = change.action === 'Modify' && change.replacement === 'True';
    const action = replaced ? 'replace' : (ACTIONS[change.action] ?? 'update');
    const restartCauses = change.action === 'Modify' ? modifyCauses(change, decl.at, propertyAt) : [];
    if (change.action === 'Modify') planCaChange(resource, change, propertyAt('CACertificateIdentifier'));
    resource.change = { action, applyImmediately, restartCauses };
  }
}

/** What in a `Modify` restarts or replaces the database, at the property that causes it. */
function modifyCauses(change: ResourceChange, resourceAt: Location, propertyAt: (name: string) => Location): RestartCause[] {
  const causes: RestartCause[] = [];
  if (change.replacement === 'True') {
    causes.push({ reason: 'the change set replaces the database (Replacement: True)', at: resourceAt });
  } else if (change.replacement === 'Conditional') {
    causes.push({ reason: 'the database may be replaced (Replacement: Conditional)', at: resourceAt, uncertain: true });
  }
  const seen = new Set<string>();
  for (const d of change.details) {
    if (!d.property || seen.has(d.property)) continue; // a Ref to a changed parameter lists a property twice
    seen.add(d.property);
    const restart = RESTARTING[d.property];
    if (restart) causes.push({ reason: restart, at: propertyAt(d.property) });
    if (d.requiresRecreation === 'Always' && change.replacement !== 'True') {
      const reason = `${d.property} changes and requires replacement (RequiresRecreation: Always)`;
      causes.push({ reason, at: propertyAt(d.property) });
    }
  }
  return causes;
}

/** A `Modify` that touches CACertificateIdentifier: the CA rotation the report predicts a restart for. */
function planCaChange(resource: Resource, change: ResourceChange, at: Location): void {
  const detail = change.details.find((d) => d.property === 'CACertificateIdentifier');
  if (!detail || !resource.ca) return;
  const from = detail.beforeValue ?? contextString(change.before, 'CACertificateIdentifier');
  const after = detail.afterValue ?? contextString(change.after, 'CACertificateIdentifier');
  resource.ca.identifier = fromAfter(resource.ca.identifier, after, at);
  resource.ca.change = { from, to: resource.ca.identifier, pending: false, at };
  // Without --include-property-values the change set does not say the old CA: not a guess.
  if (from === null) resource.ca.change.fromUnknown = 'the change set does not include property values (describe it with --include-property-values)';
}

function contextString(context: Record<string, unknown> | null, property: string): string | null {
  const v = context?.[property];
  return typeof v === 'string' ? v : null;
}

/** The template's value; when the template cannot tell it, the value the change set resolved. */
function fromAfter(fact: Fact<string | null>, after: string | null, at: Location): Fact<string | null> {
  if (fact.known || after === null) return fact;
  return known<string | null>(after, at, 'the change set AfterValue');
}

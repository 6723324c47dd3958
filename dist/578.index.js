export const id = 578;
export const ids = [578];
export const modules = {

/***/ 6578:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  readCloudFormation: () => (/* binding */ readCloudFormation)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/model.ts
var model = __webpack_require__(182);
;// CONCATENATED MODULE: ./src/sources/cloudformation/nodes.ts
function entryOf(map, key) {
    return map?.entries.find((e) => e.key === key);
}
function nodes_valueOf(map, key) {
    return entryOf(map, key)?.value;
}
/** The function name when `node` is an intrinsic (`{"Fn::If": …}`, `{"Ref": …}`, `{"Condition": …}`). */
function intrinsicName(node) {
    if (node.type !== 'map' || node.entries.length !== 1)
        return null;
    const key = node.entries[0].key;
    return key === 'Ref' || key === 'Condition' || key.startsWith('Fn::') ? key : null;
}
/** A scalar's text, or null when the node is not a plain scalar. */
function scalarText(node) {
    return node?.type === 'scalar' ? node.text : null;
}

;// CONCATENATED MODULE: ./src/sources/cloudformation/properties.ts
// Reading one property of a resource as a model fact, with the position of the value node
// (or of the logical id when the property is missing).


const NOT_SET = 'not set in template';
function readProp(evaluator, decl, name) {
    const entry = entryOf(decl.properties, name);
    if (!entry)
        return { absent: true, at: decl.at };
    const resolved = evaluator.resolve(entry.value);
    if (resolved.kind === 'novalue')
        return { absent: true, at: entry.value.at, via: joinVia(resolved.via, 'AWS::NoValue') };
    return { absent: false, resolved, at: entry.value.at };
}
function joinVia(via, ...more) {
    const all = [...new Set([...via, ...more])];
    return all.length > 0 ? all.join('; ') : undefined;
}
/** A present property as a string fact; `what` names it in reasons. */
function stringFact(prop, what) {
    const r = prop.resolved;
    switch (r.kind) {
        case 'value':
            return typeof r.value === 'string' ? (0,model/* known */.eO)(r.value, prop.at, joinVia(r.via)) : (0,model/* unknown */.L5)(`${what} is not a string`, prop.at);
        case 'resource':
            return (0,model/* unknown */.L5)(`${what} is the physical id of ${r.id}, known only after deploy`, prop.at);
        case 'unknown':
            return (0,model/* unknown */.L5)(`${what}: ${r.reason}`, prop.at);
        case 'novalue':
            return (0,model/* unknown */.L5)(`${what} is AWS::NoValue`, prop.at);
    }
}
/** A string property, known null when it is not set. */
function optionalString(evaluator, decl, name) {
    const prop = readProp(evaluator, decl, name);
    if (prop.absent)
        return (0,model/* known */.eO)(null, prop.at, prop.via ?? NOT_SET);
    return stringFact(prop, name);
}
/** A boolean property (`true`, `"true"`, `"True"`), with the value it takes when not set. */
function booleanFact(evaluator, decl, name, whenAbsent) {
    const prop = readProp(evaluator, decl, name);
    if (prop.absent)
        return whenAbsent === null ? null : (0,model/* known */.eO)(whenAbsent, prop.at, prop.via ?? NOT_SET);
    const fact = stringFact(prop, name);
    if (!fact.known)
        return fact;
    const text = fact.value.toLowerCase();
    if (text === 'true' || text === 'false')
        return (0,model/* known */.eO)(text === 'true', prop.at, fact.via);
    return (0,model/* unknown */.L5)(`${name} is ${JSON.stringify(fact.value)}, not true or false`, prop.at);
}
/** A property's plain string value when it is known, else null (identifiers, names for lookups). */
function knownString(evaluator, decl, name) {
    const prop = readProp(evaluator, decl, name);
    if (prop.absent || prop.resolved.kind !== 'value' || typeof prop.resolved.value !== 'string')
        return null;
    return prop.resolved.value;
}
/** Engines and families are case-insensitive (`MySQL`, `MySQL8.0` in AWS's own samples). */
function lower(fact) {
    return fact.known ? { ...fact, value: fact.value.toLowerCase() } : fact;
}

;// CONCATENATED MODULE: ./src/sources/cloudformation/catalog.ts

const TYPES = {
    instance: 'AWS::RDS::DBInstance',
    cluster: 'AWS::RDS::DBCluster',
    dbGroup: 'AWS::RDS::DBParameterGroup',
    clusterGroup: 'AWS::RDS::DBClusterParameterGroup',
    optionGroup: 'AWS::RDS::OptionGroup',
};
/** The property that names a resource of each type in RDS. */
const NAME_PROPERTY = {
    [TYPES.instance]: 'DBInstanceIdentifier',
    [TYPES.cluster]: 'DBClusterIdentifier',
    [TYPES.dbGroup]: 'DBParameterGroupName',
    [TYPES.clusterGroup]: 'DBClusterParameterGroupName',
    [TYPES.optionGroup]: 'OptionGroupName',
};
class Catalog {
    units;
    byName;
    /** Parameter groups read once, however many databases use them. */
    groups = new Map();
    constructor(units) {
        this.units = units;
    }
    /** Resources that exist after the deployment: created (condition not false) and not removed. */
    exists(unit, decl) {
        if (unit.removed.has(decl.id))
            return false;
        const created = unit.evaluator.created(decl);
        return !created.known || created.value;
    }
    /** The resource of `type` named `name` (RDS names are case-insensitive) in any evaluated template. */
    findByName(type, name) {
        if (!this.byName) {
            this.byName = new Map();
            for (const unit of this.units) {
                for (const decl of unit.template.resources.values()) {
                    const property = NAME_PROPERTY[decl.type];
                    if (!property || !this.exists(unit, decl))
                        continue;
                    const resolved = knownString(unit.evaluator, decl, property);
                    if (resolved)
                        this.byName.set(key(decl.type, resolved), { unit, decl });
                }
            }
        }
        return this.byName.get(key(type, name));
    }
}
function key(type, name) {
    return `${type}\u0000${name.toLowerCase()}`;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/sources/cloudformation/parse.ts
// Parses a CloudFormation template (YAML or JSON: JSON is YAML) into a positioned tree. The
// `yaml` package gives every node an offset; a LineCounter turns it into 1-based line and column.


/** Every short form CloudFormation accepts, with the long form it stands for. */
const SHORT_FORMS = {
    Ref: 'Ref',
    Condition: 'Condition',
    ...Object.fromEntries([
        'Base64', 'Cidr', 'FindInMap', 'GetAtt', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub', 'Transform',
        'And', 'Equals', 'If', 'Not', 'Or',
        // Rules-section functions and AWS::LanguageExtensions.
        'Contains', 'EachMemberEquals', 'EachMemberIn', 'RefAll', 'ValueOf', 'ValueOfAll', 'Length', 'ToJsonString',
    ].map((name) => [name, `Fn::${name}`])),
};
// Known tags resolve to the plain node; the walk below turns them into long form with positions.
const CUSTOM_TAGS = Object.keys(SHORT_FORMS).flatMap((name) => [
    { tag: `!${name}`, resolve: (value) => value },
    { tag: `!${name}`, collection: 'seq', resolve: (value) => value },
    { tag: `!${name}`, collection: 'map', resolve: (value) => value },
]);
const MAX_DEPTH = 200;
/** Parses `text` (the contents of `file`) into a tree; `what` names the file's role in error messages. */
function parseCfnText(text, file, what) {
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { customTags: CUSTOM_TAGS, lineCounter, uniqueKeys: true, strict: true });
    const problem = doc.errors[0];
    if (problem) {
        const position = problem.linePos?.[0];
        const message = problem.message.split(/ at line \d+, column \d+/)[0].trim();
        throw new errors/* InputError */.d(`invalid ${what}: ${message}`, { file, line: position?.line, column: position?.col });
    }
    if (doc.contents === null)
        return null;
    return new Walker(doc, text, file, lineCounter, what).convert(doc.contents, 0);
}
class Walker {
    doc;
    text;
    file;
    lines;
    what;
    visiting = new Set();
    constructor(doc, text, file, lines, what) {
        this.doc = doc;
        this.text = text;
        this.file = file;
        this.lines = lines;
        this.what = what;
    }
    at(offset) {
        const { line, col } = this.lines.linePos(offset);
        return { file: this.file, line, column: col };
    }
    fail(message, offset) {
        const { line, column } = this.at(offset);
        throw new errors/* InputError */.d(`invalid ${this.what}: ${message}`, { file: this.file, line, column });
    }
    convert(node, depth) {
        if (depth > MAX_DEPTH)
            this.fail(`nested deeper than ${MAX_DEPTH} levels`, node.range?.[0] ?? 0);
        if ((0,dist/* isAlias */.Vj)(node)) {
            const target = node.resolve(this.doc);
            if (!target || this.visiting.has(target))
                this.fail(`alias *${node.source} cannot be resolved`, node.range[0]);
            this.visiting.add(target);
            try {
                return this.convert(target, depth + 1);
            }
            finally {
                this.visiting.delete(target);
            }
        }
        const start = node.range?.[0] ?? 0;
        const tag = node.tag;
        if (tag && tag.startsWith('!')) {
            const name = tag.slice(1);
            const longForm = SHORT_FORMS[name];
            // The tag comes before the node's own range; point at the tag, where the property's value starts.
            const tagOffset = Math.max(0, this.text.lastIndexOf(tag, start));
            if (!longForm)
                this.fail(`unknown tag ${tag}`, tagOffset);
            const at = this.at(tagOffset);
            return { type: 'map', at, entries: [{ key: longForm, keyAt: at, value: this.shortFormArgument(name, node, depth) }] };
        }
        return this.plain(node, depth);
    }
    shortFormArgument(name, node, depth) {
        const value = this.plain(node, depth);
        // `!GetAtt Db.Endpoint.Address` is `Fn::GetAtt: [Db, Endpoint.Address]`.
        if (name === 'GetAtt' && value.type === 'scalar') {
            const dot = value.text.indexOf('.');
            if (dot <= 0)
                this.fail(`!GetAtt needs Resource.Attribute, got ${JSON.stringify(value.text)}`, node.range[0]);
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
    plain(node, depth) {
        const at = this.at(node.range?.[0] ?? 0);
        if ((0,dist/* isScalar */.jn)(node)) {
            const value = node.value;
            if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) {
                this.fail(`unsupported value ${String(node.source)}`, node.range[0]);
            }
            const scalar = value;
            // Numbers keep their written form: EngineVersion 15.10 must not become "15.1".
            const text = typeof scalar === 'number' && node.source !== undefined ? String(node.source) : scalar === null ? '' : String(scalar);
            return { type: 'scalar', value: scalar, text, at };
        }
        if ((0,dist/* isSeq */.oP)(node)) {
            return { type: 'seq', at, items: node.items.map((item) => this.convert(item, depth + 1)) };
        }
        if ((0,dist/* isMap */.jh)(node)) {
            const entries = node.items.map((pair) => {
                const key = pair.key;
                if (!key || !(0,dist/* isScalar */.jn)(key) || (key.value !== null && typeof key.value === 'object')) {
                    this.fail('mapping keys must be plain strings', key?.range?.[0] ?? node.range[0]);
                }
                const keyText = typeof key.value === 'number' && key.source !== undefined ? String(key.source) : String(key.value ?? '');
                const keyAt = this.at(key.range[0]);
                const value = pair.value
                    ? this.convert(pair.value, depth + 1)
                    : { type: 'scalar', value: null, text: '', at: keyAt };
                return { key: keyText, keyAt, value };
            });
            return { type: 'map', at, entries };
        }
        return this.fail('unsupported YAML node', node.range?.[0] ?? 0);
    }
}

;// CONCATENATED MODULE: ./src/sources/cloudformation/changeset.ts
// `aws cloudformation describe-change-set` output: which resources the change set adds, modifies,
// replaces, imports or removes, and which properties it touches. Values come from the template
// it deploys; `--include-property-values` output adds the before/after values.




function parseChangeSet(text, file) {
    const root = parseCfnText(text, file, 'change set');
    const fail = (message, at) => {
        throw new errors/* InputError */.d(message, { file, line: at?.line ?? null, column: at?.column ?? null });
    };
    if (root?.type !== 'map')
        return fail('not describe-change-set output: expected a JSON object', root?.at);
    const changesNode = nodes_valueOf(root, 'Changes');
    if (!changesNode || changesNode.type !== 'seq') {
        const hint = entryOf(root, 'Resources') ? ' (this looks like a template: pass it with --cloudformation)' : '';
        return fail(`not describe-change-set output: no Changes list${hint}`, root.at);
    }
    const parameters = new Map();
    const paramsNode = nodes_valueOf(root, 'Parameters');
    if (paramsNode?.type === 'seq') {
        for (const p of paramsNode.items) {
            const key = p.type === 'map' ? scalarText(nodes_valueOf(p, 'ParameterKey')) : null;
            if (key === null)
                return fail('change set Parameters: each entry needs a ParameterKey', p.at);
            // SSM-typed parameters carry the value CloudFormation read in ResolvedValue.
            const value = scalarText(nodes_valueOf(p, 'ResolvedValue')) ?? scalarText(nodes_valueOf(p, 'ParameterValue'));
            parameters.set(key, { value, from: `change set ${file}` });
        }
    }
    const stackId = scalarText(nodes_valueOf(root, 'StackId'));
    const pseudo = {};
    let region = null;
    let account = null;
    // arn:aws:cloudformation:us-east-1:123456789012:stack/SampleStack/1a2345b6-…
    const arn = stackId?.match(/^arn:([^:]+):cloudformation:([^:]+):(\d+):stack\/([^/]+)\//);
    if (stackId && arn) {
        [, pseudo['AWS::Partition'], region, account, pseudo['AWS::StackName']] = arn;
        pseudo['AWS::Region'] = region;
        pseudo['AWS::AccountId'] = account;
        pseudo['AWS::StackId'] = stackId;
        pseudo['AWS::URLSuffix'] = arn[1] === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
    }
    const changes = [];
    for (const item of changesNode.items) {
        const rc = item.type === 'map' ? nodes_valueOf(item, 'ResourceChange') : undefined;
        const type = item.type === 'map' ? scalarText(nodes_valueOf(item, 'Type')) : null;
        if (type !== null && type !== 'Resource')
            continue;
        if (!rc || rc.type !== 'map')
            return fail('change set: each change needs a ResourceChange', item.at);
        const idNode = nodes_valueOf(rc, 'LogicalResourceId');
        const action = scalarText(nodes_valueOf(rc, 'Action'));
        const logicalId = scalarText(idNode);
        if (!logicalId || !action)
            return fail('change set: a ResourceChange needs Action and LogicalResourceId', rc.at);
        const detailsNode = nodes_valueOf(rc, 'Details');
        changes.push({
            action,
            logicalId,
            resourceType: scalarText(nodes_valueOf(rc, 'ResourceType')),
            replacement: scalarText(nodes_valueOf(rc, 'Replacement')),
            details: detailsNode?.type === 'seq' ? detailsNode.items.map(readDetail) : [],
            before: context(nodes_valueOf(rc, 'BeforeContext')),
            after: context(nodes_valueOf(rc, 'AfterContext')),
            at: idNode.at,
        });
    }
    const nextToken = scalarText(nodes_valueOf(root, 'NextToken'));
    return { file, parameters, pseudo, region, account, changes, truncated: Boolean(nextToken) };
}
function readDetail(node) {
    const target = node.type === 'map' ? nodes_valueOf(node, 'Target') : undefined;
    const t = target?.type === 'map' ? target : undefined;
    const path = scalarText(nodes_valueOf(t, 'Path'));
    const attribute = scalarText(nodes_valueOf(t, 'Attribute'));
    const fromPath = path?.startsWith('/Properties/') ? path.split('/')[2] : null;
    return {
        attribute,
        property: scalarText(nodes_valueOf(t, 'Name')) ?? fromPath,
        requiresRecreation: scalarText(nodes_valueOf(t, 'RequiresRecreation')),
        beforeValue: nodes_valueOf(t, 'BeforeValue') ? scalarText(nodes_valueOf(t, 'BeforeValue')) : null,
        afterValue: nodes_valueOf(t, 'AfterValue') ? scalarText(nodes_valueOf(t, 'AfterValue')) : null,
    };
}
/** BeforeContext / AfterContext: a JSON string `{"Properties": {…}}`. */
function context(node) {
    const text = scalarText(node);
    if (!text)
        return null;
    try {
        const parsed = JSON.parse(text);
        return parsed.Properties && typeof parsed.Properties === 'object' ? parsed.Properties : null;
    }
    catch {
        return null;
    }
}
/**
 * Checks that the change set fits the template (every id it adds or modifies is declared, with
 * the same type) and returns the ids it removes.
 */
function checkPairing(changeSet, template) {
    const removed = new Set();
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
            throw new errors/* InputError */.d(`change set ${problem}: is ${template.file} the template this change set deploys?`, {
                file: changeSet.file,
                line: change.at.line,
                column: change.at.column,
            });
        }
    }
    return removed;
}
const ACTIONS = {
    Add: 'create',
    Modify: 'update',
    Import: 'import',
    Dynamic: 'update',
    SyncWithActual: 'update',
};
/** Properties whose change restarts the database (besides the CA, which gets its own prediction). */
const RESTARTING = {
    DBParameterGroupName: 'DBParameterGroupName changes: if the parameter group contains static parameters, whether they were changed or not, an update triggers a reboot',
    EngineVersion: 'EngineVersion changes: an engine version upgrade restarts the database',
    DBInstanceClass: 'DBInstanceClass changes: changing the instance class restarts the database',
    DBClusterInstanceClass: 'DBClusterInstanceClass changes: changing the instance class restarts the database',
};
/** Sets `change` (and a planned CA change) on the resources built from the change set's template. */
function applyChangeSet(resources, changeSet, template) {
    const byId = new Map(changeSet.changes.map((c) => [c.logicalId, c]));
    const applyImmediately = (0,model/* known */.eO)(true, undefined, 'CloudFormation applies changes immediately');
    for (const resource of resources) {
        const change = byId.get(resource.id);
        const decl = template.resources.get(resource.id);
        const propertyAt = (name) => entryOf(decl.properties, name)?.value.at ?? decl.at;
        if (!change) {
            resource.change = { action: 'no-op', applyImmediately, restartCauses: [] };
            continue;
        }
        const replaced = change.action === 'Modify' && change.replacement === 'True';
        const action = replaced ? 'replace' : (ACTIONS[change.action] ?? 'update');
        const restartCauses = change.action === 'Modify' ? modifyCauses(change, decl.at, propertyAt) : [];
        if (change.action === 'Modify')
            planCaChange(resource, change, propertyAt('CACertificateIdentifier'));
        resource.change = { action, applyImmediately, restartCauses };
    }
}
/** What in a `Modify` restarts or replaces the database, at the property that causes it. */
function modifyCauses(change, resourceAt, propertyAt) {
    const causes = [];
    if (change.replacement === 'True') {
        causes.push({ reason: 'the change set replaces the database (Replacement: True)', at: resourceAt });
    }
    else if (change.replacement === 'Conditional') {
        causes.push({ reason: 'the database may be replaced (Replacement: Conditional)', at: resourceAt });
    }
    const seen = new Set();
    for (const d of change.details) {
        if (!d.property || seen.has(d.property))
            continue; // a Ref to a changed parameter lists a property twice
        seen.add(d.property);
        const restart = RESTARTING[d.property];
        if (restart)
            causes.push({ reason: restart, at: propertyAt(d.property) });
        if (d.requiresRecreation === 'Always' && change.replacement !== 'True') {
            const reason = `${d.property} changes and requires replacement (RequiresRecreation: Always)`;
            causes.push({ reason, at: propertyAt(d.property) });
        }
    }
    return causes;
}
/** A `Modify` that touches CACertificateIdentifier: the CA rotation the report predicts a restart for. */
function planCaChange(resource, change, at) {
    const detail = change.details.find((d) => d.property === 'CACertificateIdentifier');
    if (!detail || !resource.ca)
        return;
    const from = detail.beforeValue ?? contextString(change.before, 'CACertificateIdentifier');
    const after = detail.afterValue ?? contextString(change.after, 'CACertificateIdentifier');
    resource.ca.identifier = fromAfter(resource.ca.identifier, after, at);
    resource.ca.change = { from, to: resource.ca.identifier, pending: false, at };
    // Without --include-property-values the change set does not say the old CA: not a guess.
    if (from === null)
        resource.ca.change.fromUnknown = 'the change set does not include property values (describe it with --include-property-values)';
}
function contextString(context, property) {
    const v = context?.[property];
    return typeof v === 'string' ? v : null;
}
/** The template's value; when the template cannot tell it, the value the change set resolved. */
function fromAfter(fact, after, at) {
    if (fact.known || after === null)
        return fact;
    return (0,model/* known */.eO)(after, at, 'the change set AfterValue');
}

;// CONCATENATED MODULE: ./src/sources/cloudformation/cycles.ts
// Loops CloudFormation itself rejects ("Circular dependency between resources"), found before
// evaluation so the user gets the loop and the line that closes it rather than a partial result.


function checkCycles(template) {
    const conditionEdges = new Map();
    for (const [name, entry] of template.conditions) {
        const edges = [];
        collectConditionRefs(entry.value, edges);
        for (const edge of edges) {
            if (!template.conditions.has(edge.to))
                fail(template, `condition ${name} refers to ${edge.to}, which is not defined in Conditions`, edge.at);
        }
        conditionEdges.set(name, edges);
    }
    findLoop(template, conditionEdges, 'conditions refer to each other in a loop');
    const resourceEdges = new Map();
    for (const [id, decl] of template.resources) {
        const edges = [];
        if (decl.properties)
            collectResourceRefs(decl.properties, edges);
        if (decl.dependsOn) {
            const names = decl.dependsOn.type === 'seq' ? decl.dependsOn.items : [decl.dependsOn];
            for (const n of names) {
                const to = scalarText(n);
                if (to !== null)
                    edges.push({ to, at: n.at });
            }
        }
        resourceEdges.set(id, edges.filter((e) => template.resources.has(e.to)));
    }
    findLoop(template, resourceEdges, 'circular dependency between resources');
}
function collectConditionRefs(node, out) {
    if (intrinsicName(node) === 'Condition' && node.type === 'map') {
        const name = scalarText(node.entries[0].value);
        if (name !== null)
            out.push({ to: name, at: node.entries[0].value.at });
        return;
    }
    forChildren(node, (child) => collectConditionRefs(child, out));
}
function collectResourceRefs(node, out) {
    const fn = intrinsicName(node);
    if (fn && node.type === 'map') {
        const arg = node.entries[0].value;
        if (fn === 'Ref') {
            const name = scalarText(arg);
            if (name !== null)
                out.push({ to: name, at: arg.at });
            return;
        }
        if (fn === 'Fn::GetAtt' && arg.type === 'seq') {
            const name = scalarText(arg.items[0]);
            if (name !== null)
                out.push({ to: name, at: arg.at });
        }
        if (fn === 'Fn::Sub') {
            const text = arg.type === 'seq' ? arg.items[0] : arg;
            const vars = arg.type === 'seq' && arg.items[1]?.type === 'map' ? new Set(arg.items[1].entries.map((e) => e.key)) : new Set();
            const source = text ? scalarText(text) : null;
            for (const m of source?.matchAll(/\$\{([^}!][^}]*)\}/g) ?? []) {
                const name = m[1].trim().split('.')[0];
                if (!vars.has(name))
                    out.push({ to: name, at: text.at });
            }
        }
    }
    forChildren(node, (child) => collectResourceRefs(child, out));
}
function forChildren(node, visit) {
    if (node.type === 'seq')
        node.items.forEach(visit);
    else if (node.type === 'map')
        node.entries.forEach((e) => visit(e.value));
}
/** Depth-first search; the first back edge found is reported with the loop it closes. */
function findLoop(template, graph, what) {
    const done = new Set();
    const path = [];
    const visit = (node) => {
        path.push(node);
        for (const edge of graph.get(node) ?? []) {
            const start = path.indexOf(edge.to);
            if (start >= 0)
                fail(template, `${what}: ${[...path.slice(start), edge.to].join(' → ')}`, edge.at);
            if (!done.has(edge.to))
                visit(edge.to);
        }
        path.pop();
        done.add(node);
    };
    for (const node of graph.keys())
        if (!done.has(node))
            visit(node);
}
function fail(template, message, at) {
    throw new errors/* InputError */.d(message, { file: template.file, line: at.line, column: at.column });
}

;// CONCATENATED MODULE: ./src/sources/cloudformation/groups.ts
// Parameter groups and option groups as a DB resource refers to them: by `Ref` to a group in
// the template, by a literal name (a `default.` group, or a group another evaluated template
// creates), or not at all (the engine's default group).




const GROUP_TYPE = {
    DBParameterGroupName: TYPES.dbGroup,
    DBClusterParameterGroupName: TYPES.clusterGroup,
};
/** The group that `property` of `decl` selects, as the fact `TlsFacts.parameterGroup` wants. */
function parameterGroupFact(catalog, unit, decl, property) {
    const prop = readProp(unit.evaluator, decl, property);
    if (prop.absent) {
        const engineDefault = { default: true, name: null };
        return (0,model/* known */.eO)(engineDefault, prop.at, prop.via ?? 'not set in template: the engine default parameter group');
    }
    const type = GROUP_TYPE[property];
    const r = prop.resolved;
    let target;
    let via = joinVia(r.via);
    if (r.kind === 'resource') {
        target = { unit, decl: unit.template.resources.get(r.id) };
        if (target.decl.type !== type)
            return (0,model/* unknown */.L5)(`${property} refers to ${r.id}, a ${target.decl.type}, not a ${type}`, prop.at);
        if (unit.removed.has(r.id))
            return (0,model/* unknown */.L5)(`${property} refers to ${r.id}, which the change set removes`, prop.at);
    }
    else {
        const name = stringFact(prop, property);
        if (!name.known)
            return name;
        if (name.value.toLowerCase().startsWith('default.')) {
            const group = { default: true, name: name.value };
            return (0,model/* known */.eO)(group, prop.at, via);
        }
        target = catalog.findByName(type, name.value);
        if (!target)
            return (0,model/* unknown */.L5)(`parameter group ${name.value} is not in the evaluated templates`, prop.at);
        via = joinVia(r.via, `${target.decl.id} in ${target.unit.template.file}`);
    }
    const group = buildGroup(catalog, target.unit, target.decl, property === 'DBParameterGroupName' ? 'db' : 'cluster');
    return group.known ? (0,model/* known */.eO)(group.value, prop.at, via) : (0,model/* unknown */.L5)(group.reason, prop.at);
}
function buildGroup(catalog, unit, decl, kind) {
    const cached = catalog.groups.get(decl);
    if (cached)
        return cached;
    const fact = readGroup(unit, decl, kind);
    catalog.groups.set(decl, fact);
    return fact;
}
function readGroup(unit, decl, kind) {
    const evaluator = unit.evaluator;
    const nameProp = readProp(evaluator, decl, kind === 'db' ? 'DBParameterGroupName' : 'DBClusterParameterGroupName');
    const name = nameProp.absent
        ? (0,model/* unknown */.L5)('the group name is generated by CloudFormation at deploy time', decl.at)
        : stringFact(nameProp, 'the group name');
    const familyProp = readProp(evaluator, decl, 'Family');
    const family = familyProp.absent ? (0,model/* unknown */.L5)('Family is not set in template', decl.at) : lower(stringFact(familyProp, 'Family'));
    const parameters = {};
    const entry = entryOf(decl.properties, 'Parameters');
    if (entry) {
        const chosen = evaluator.select(entry.value);
        if (chosen.node === undefined)
            return (0,model/* unknown */.L5)(`the Parameters of ${decl.id} depend on ${chosen.reason}`, entry.value.at);
        const node = chosen.node;
        if (node && (node.type !== 'map' || intrinsicName(node))) {
            return (0,model/* unknown */.L5)(`the Parameters of ${decl.id} are not a plain mapping that can be read before deploy`, entry.value.at);
        }
        for (const p of node?.entries ?? []) {
            const r = evaluator.resolve(p.value);
            if (r.kind === 'novalue')
                continue;
            const value = stringFact({ absent: false, resolved: r, at: p.value.at }, `${decl.id} parameter ${p.key}`);
            parameters[p.key.toLowerCase()] = { name: p.key, value, at: p.keyAt };
        }
    }
    return (0,model/* known */.eO)({ id: decl.id, kind, name, family, parameters, includesDefaults: false, location: decl.at });
}
/** Oracle's `SSL` option, from the option group the instance names. */
function sslOptionFact(catalog, unit, decl) {
    const prop = readProp(unit.evaluator, decl, 'OptionGroupName');
    if (prop.absent)
        return (0,model/* known */.eO)(false, prop.at, prop.via ?? 'not set in template: the default option group has no SSL option');
    const r = prop.resolved;
    let target;
    if (r.kind === 'resource') {
        target = { unit, decl: unit.template.resources.get(r.id) };
        if (target.decl.type !== TYPES.optionGroup)
            return (0,model/* unknown */.L5)(`OptionGroupName refers to ${r.id}, a ${target.decl.type}`, prop.at);
    }
    else {
        const name = stringFact(prop, 'OptionGroupName');
        if (!name.known)
            return name;
        if (name.value.toLowerCase().startsWith('default:'))
            return (0,model/* known */.eO)(false, prop.at, `${name.value} has no options`);
        target = catalog.findByName(TYPES.optionGroup, name.value);
        if (!target)
            return (0,model/* unknown */.L5)(`option group ${name.value} is not in the evaluated templates`, prop.at);
    }
    const evaluator = target.unit.evaluator;
    const options = entryOf(target.decl.properties, 'OptionConfigurations');
    if (!options)
        return (0,model/* known */.eO)(false, prop.at, `option group ${target.decl.id} has no options`);
    const chosen = evaluator.select(options.value);
    if (chosen.node === undefined)
        return (0,model/* unknown */.L5)(`the options of ${target.decl.id} depend on ${chosen.reason}`, options.value.at);
    const list = chosen.node?.type === 'seq' ? chosen.node.items : [];
    for (const item of list) {
        const option = evaluator.select(item);
        if (option.node === undefined)
            return (0,model/* unknown */.L5)(`an option of ${target.decl.id} depends on ${option.reason}`, item.at);
        if (option.node?.type !== 'map')
            continue;
        const nameEntry = entryOf(option.node, 'OptionName');
        if (!nameEntry)
            continue;
        const optionName = evaluator.resolveString(nameEntry.value, 'OptionName');
        if (optionName.kind === 'unknown')
            return (0,model/* unknown */.L5)(`an option name of ${target.decl.id}: ${optionName.reason}`, nameEntry.value.at);
        if (optionName.kind === 'value' && optionName.value === 'SSL')
            return (0,model/* known */.eO)(true, nameEntry.value.at, `option group ${target.decl.id}`);
    }
    return (0,model/* known */.eO)(false, prop.at, `option group ${target.decl.id} has no SSL option`);
}

;// CONCATENATED MODULE: ./src/sources/cloudformation/databases.ts
// AWS::RDS::DBInstance and AWS::RDS::DBCluster as model resources.






/** Engines on the RDS API that are not RDS databases. */
const NOT_RDS = new Set(['docdb', 'neptune']);
class DatabaseReader {
    catalog;
    engines = new Map();
    visiting = [];
    constructor(catalog) {
        this.catalog = catalog;
    }
    /** The DB instances and clusters of `unit` that exist after deployment. */
    read(unit) {
        const out = [];
        for (const decl of unit.template.resources.values()) {
            if (!this.catalog.exists(unit, decl))
                continue;
            const resource = decl.type === TYPES.instance ? this.instance(unit, decl) : decl.type === TYPES.cluster ? this.cluster(unit, decl) : null;
            if (resource)
                out.push(resource);
        }
        return out;
    }
    instance(unit, decl) {
        const ev = unit.evaluator;
        const { engine, version } = this.engineOf(unit, decl);
        if (engine.known && NOT_RDS.has(engine.value))
            return null;
        const clusterProp = readProp(ev, decl, 'DBClusterIdentifier');
        const kind = clusterProp.absent ? 'db-instance' : 'cluster-member';
        const resource = this.base(unit, decl, kind, engine, version, 'DBInstanceIdentifier');
        resource.ca = {
            identifier: optionalString(ev, decl, 'CACertificateIdentifier'),
            rotationRestart: booleanFact(ev, decl, 'CertificateRotationRestart', null),
        };
        if (kind === 'cluster-member') {
            const cluster = this.locate(unit, decl, 'DBClusterIdentifier', TYPES.cluster);
            resource.clusterId = 'decl' in cluster ? cluster.decl.id : null;
            return resource; // TLS and IAM auth are the cluster's
        }
        resource.tls = { parameterGroup: parameterGroupFact(this.catalog, unit, decl, 'DBParameterGroupName') };
        if (engine.known && /^(custom-)?oracle/.test(engine.value))
            resource.tls.sslOption = sslOptionFact(this.catalog, unit, decl);
        resource.iamAuth = booleanFact(ev, decl, 'EnableIAMDatabaseAuthentication', false);
        return resource;
    }
    cluster(unit, decl) {
        const ev = unit.evaluator;
        const { engine, version } = this.engineOf(unit, decl);
        if (engine.known && NOT_RDS.has(engine.value))
            return null;
        // Only Multi-AZ DB clusters take DBClusterInstanceClass, and only they run mysql/postgres.
        const multiAz = engine.known ? !engine.value.startsWith('aurora') : !readProp(ev, decl, 'DBClusterInstanceClass').absent;
        const resource = this.base(unit, decl, 'db-cluster', engine, version, 'DBClusterIdentifier');
        resource.clusterType = multiAz ? 'multi-az' : 'aurora';
        // Aurora sets the CA per instance. The 2025 schema has no cluster CACertificateIdentifier;
        // a Multi-AZ cluster that sets one anyway is read, else the CA is not set.
        if (multiAz)
            resource.ca = { identifier: optionalString(ev, decl, 'CACertificateIdentifier') };
        resource.tls = { parameterGroup: parameterGroupFact(this.catalog, unit, decl, 'DBClusterParameterGroupName') };
        resource.iamAuth = booleanFact(ev, decl, 'EnableIAMDatabaseAuthentication', false);
        return resource;
    }
    base(unit, decl, kind, engine, engineVersion, identifierProperty) {
        return {
            id: decl.id,
            arn: null,
            kind,
            engine,
            engineVersion,
            tags: this.tags(unit, decl),
            identifier: knownString(unit.evaluator, decl, identifierProperty),
            change: null,
            origin: { type: unit.type, file: unit.template.file, region: unit.region, account: unit.account, location: decl.at },
        };
    }
    /** Engine and version; a read replica or cluster member without them takes them from its source. */
    engineOf(unit, decl) {
        const cached = this.engines.get(decl);
        if (cached)
            return cached;
        const label = `${decl.id} (${unit.template.file})`;
        if (this.visiting.includes(label)) {
            const loop = [...this.visiting.slice(this.visiting.indexOf(label)), label].join(' → ');
            throw new errors/* InputError */.d(`databases take their engine from each other in a loop: ${loop}`, {
                file: unit.template.file,
                line: decl.at.line,
                column: decl.at.column,
            });
        }
        this.visiting.push(label);
        try {
            const facts = this.readEngine(unit, decl);
            this.engines.set(decl, facts);
            return facts;
        }
        finally {
            this.visiting.pop();
        }
    }
    readEngine(unit, decl) {
        const ev = unit.evaluator;
        const engineProp = readProp(ev, decl, 'Engine');
        const versionProp = readProp(ev, decl, 'EngineVersion');
        const ownEngine = engineProp.absent ? null : lower(stringFact(engineProp, 'Engine'));
        const ownVersion = versionProp.absent ? null : stringFact(versionProp, 'EngineVersion');
        if (ownEngine && ownVersion)
            return { engine: ownEngine, version: ownVersion };
        // Where an engine or version that is not set comes from.
        const sources = decl.type === TYPES.instance
            ? [['SourceDBInstanceIdentifier', TYPES.instance], ['DBClusterIdentifier', TYPES.cluster]]
            : [['SourceDBClusterIdentifier', TYPES.cluster]];
        for (const [property, type] of sources) {
            if (readProp(ev, decl, property).absent)
                continue;
            const source = this.locate(unit, decl, property, type);
            const at = entryOf(decl.properties, property).value.at;
            if (!('decl' in source)) {
                return {
                    engine: ownEngine ?? (0,model/* unknown */.L5)(`Engine is not set in template and ${source.reason}`, at),
                    version: ownVersion ?? (0,model/* unknown */.L5)(`EngineVersion is not set in template and ${source.reason}`, at),
                };
            }
            const inherited = this.engineOf(source.unit, source.decl);
            const via = `${property === 'DBClusterIdentifier' ? 'from cluster' : 'read replica of'} ${source.decl.id}`;
            return {
                engine: ownEngine ?? withVia(inherited.engine, via),
                version: ownVersion ?? withVia(inherited.version, via),
            };
        }
        const snapshot = ['DBSnapshotIdentifier', 'SnapshotIdentifier'].find((p) => !readProp(ev, decl, p).absent);
        return {
            engine: ownEngine ?? (0,model/* unknown */.L5)(snapshot ? `Engine is not set in template (restored from ${snapshot})` : 'Engine is not set in template', decl.at),
            version: ownVersion ?? (0,model/* known */.eO)(null, versionProp.at, versionProp.absent ? (versionProp.via ?? NOT_SET) : undefined),
        };
    }
    /** The resource that `property` names: by Ref, or by a literal identifier or ARN in any evaluated template. */
    locate(unit, decl, property, type) {
        const prop = readProp(unit.evaluator, decl, property);
        if (prop.absent)
            return { reason: `${property} is not set` };
        const r = prop.resolved;
        if (r.kind === 'resource') {
            const target = unit.template.resources.get(r.id);
            if (target.type !== type)
                return { reason: `${property} refers to ${r.id}, a ${target.type}` };
            if (unit.removed.has(r.id))
                return { reason: `${property} refers to ${r.id}, which the change set removes` };
            return { unit, decl: target };
        }
        const name = stringFact(prop, property);
        if (!name.known)
            return { reason: name.reason };
        // An ARN names the resource in its last segment: arn:aws:rds:region:account:db:name.
        const identifier = name.value.startsWith('arn:') ? name.value.split(':').pop() : name.value;
        return this.catalog.findByName(type, identifier) ?? { reason: `${property} ${name.value} is not in the evaluated templates` };
    }
    tags(unit, decl) {
        const ev = unit.evaluator;
        const entry = entryOf(decl.properties, 'Tags');
        const chosen = entry ? ev.select(entry.value) : undefined;
        const tags = {};
        if (!chosen?.node || chosen.node.type !== 'seq')
            return tags;
        for (const item of chosen.node.items) {
            const tag = ev.select(item).node;
            if (!tag || tag.type !== 'map')
                continue;
            const key = resolvedText(unit, entryOf(tag, 'Key')?.value);
            const value = resolvedText(unit, entryOf(tag, 'Value')?.value);
            // A tag whose key or value is known only at deploy time cannot be matched by a policy selector.
            if (key !== null && value !== null)
                tags[key] = value;
        }
        return tags;
    }
}
function resolvedText(unit, node) {
    if (!node)
        return null;
    const r = unit.evaluator.resolveString(node, 'tag');
    return r.kind === 'value' ? r.value : null;
}
function withVia(fact, via) {
    if (!fact.known)
        return { ...fact, reason: `${via}: ${fact.reason}` };
    return { ...fact, via: fact.via ? `${via}; ${fact.via}` : via };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 3 modules
var tinyglobby_dist = __webpack_require__(6128);
;// CONCATENATED MODULE: ./src/sources/cloudformation/inputs.ts
// Files and values the user gives: globs, `--cfn-parameter K=V`, and parameter files
// (`[{ParameterKey, ParameterValue}]`, or wrapped in `{"Parameters": …}`).







/** Files in the order given, globs expanded, each once. */
async function expandFiles(patterns, flag) {
    const out = [];
    const seen = new Set();
    for (const pattern of patterns) {
        let files = [pattern];
        if (!(0,external_node_fs_.existsSync)(pattern) && (0,tinyglobby_dist/* isDynamicPattern */.ey)(pattern)) {
            files = (await (0,tinyglobby_dist/* glob */.TI)(pattern, { onlyFiles: true, expandDirectories: false })).sort();
            if (files.length === 0)
                throw new errors/* InputError */.d(`${flag} ${pattern}: no file matches`);
        }
        for (const file of files) {
            const key = (0,external_node_path_.resolve)(file);
            if (!seen.has(key)) {
                seen.add(key);
                out.push(file);
            }
        }
    }
    return out;
}
async function readText(file) {
    try {
        return await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        const code = error.code;
        throw new errors/* InputError */.d(code === 'ENOENT' ? 'file not found' : `cannot read: ${code ?? String(error)}`, { file });
    }
}
/** `--cfn-parameter` wins over parameter files; a later file wins over an earlier one. */
async function readGivenParameters(parameters, files) {
    const values = new Map();
    const origins = new Map();
    for (const file of await expandFiles(files, '--cfn-parameters-file')) {
        for (const p of readParameterFile(await readText(file), file)) {
            values.set(p.key, { value: p.value, from: file });
            origins.set(p.key, { flag: '--cfn-parameters-file', at: p.at });
        }
    }
    for (const [key, value] of Object.entries(parameters)) {
        values.set(key, { value, from: '--cfn-parameter' });
        origins.set(key, { flag: `--cfn-parameter ${key}` });
    }
    return { values, origins };
}
function readParameterFile(text, file) {
    const root = parseCfnText(text, file, 'parameter file');
    const fail = (node, message) => {
        throw new errors/* InputError */.d(`invalid parameter file: ${message}`, { file, line: node?.at.line ?? null, column: node?.at.column ?? null });
    };
    const wrapped = root?.type === 'map' ? nodes_valueOf(root, 'Parameters') : undefined;
    const list = wrapped ?? root;
    // CodePipeline template configuration: {"Parameters": {"Key": "Value"}}.
    if (wrapped?.type === 'map') {
        return wrapped.entries.map((e) => ({ key: e.key, value: scalarText(e.value) ?? fail(e.value, `${e.key} must be a string`), at: e.keyAt }));
    }
    if (list?.type !== 'seq')
        return fail(root, 'expected [{"ParameterKey": …, "ParameterValue": …}]');
    return list.items.map((item) => {
        if (item.type !== 'map')
            return fail(item, 'each entry must be {"ParameterKey": …, "ParameterValue": …}');
        const keyNode = nodes_valueOf(item, 'ParameterKey');
        const key = scalarText(keyNode);
        if (!key)
            return fail(item, 'an entry has no ParameterKey');
        const usePrevious = (scalarText(nodes_valueOf(item, 'UsePreviousValue')) ?? '').toLowerCase() === 'true';
        const value = scalarText(nodes_valueOf(item, 'ParameterValue'));
        if (value === null && !usePrevious)
            return fail(item, `${key} has no ParameterValue`);
        return { key, value: usePrevious ? null : value, at: keyNode.at };
    });
}

;// CONCATENATED MODULE: ./src/sources/cloudformation/resolve.ts
// Evaluates intrinsic functions over one template with known parameter values. Anything that
// is decided at deploy time (attributes, imports, AZs, SSM and dynamic references) stays unknown
// with the reason; nothing is guessed.


const PSEUDO = new Set([
    'AWS::AccountId', 'AWS::NotificationARNs', 'AWS::Partition', 'AWS::Region', 'AWS::StackId', 'AWS::StackName', 'AWS::URLSuffix',
]);
const DEPLOY_TIME = {
    'Fn::ImportValue': 'is imported from another stack (Fn::ImportValue)',
    'Fn::GetAZs': 'lists Availability Zones at deploy time (Fn::GetAZs)',
    'Fn::Cidr': 'is computed at deploy time (Fn::Cidr)',
    'Fn::Transform': 'is produced by a macro at deploy time (Fn::Transform)',
};
const value = (v, via = []) => ({ kind: 'value', value: v, via });
const unknownOf = (reason, via = []) => ({ kind: 'unknown', reason, via });
class Evaluator {
    template;
    given;
    pseudo;
    conditionCache = new Map();
    evaluatingConditions = [];
    constructor(template, given, pseudo = {}) {
        this.template = template;
        this.given = given;
        this.pseudo = pseudo;
    }
    fail(message, at) {
        throw new errors/* InputError */.d(message, { file: this.template.file, line: at.line, column: at.column });
    }
    /** Whether the resource is created: its `Condition` attribute, if any. */
    created(decl) {
        if (!decl.condition)
            return { known: true, value: true, via: [] };
        const name = scalarText(decl.condition.value);
        if (name === null)
            this.fail(`resource ${decl.id}: Condition must be a condition name`, decl.condition.value.at);
        return this.condition(name, decl.condition.value.at);
    }
    condition(name, at) {
        const cached = this.conditionCache.get(name);
        if (cached)
            return cached;
        const entry = this.template.conditions.get(name);
        if (!entry)
            this.fail(`condition ${name} is not defined in Conditions`, at);
        if (this.evaluatingConditions.includes(name)) {
            const loop = [...this.evaluatingConditions.slice(this.evaluatingConditions.indexOf(name)), name].join(' → ');
            this.fail(`conditions refer to each other in a loop: ${loop}`, at);
        }
        this.evaluatingConditions.push(name);
        let truth;
        try {
            truth = this.conditionBody(entry.value);
        }
        finally {
            this.evaluatingConditions.pop();
        }
        const via = truth.known ? [`condition ${name} is ${truth.value}`] : [];
        const result = truth.known
            ? { known: true, value: truth.value, via: [...truth.via, ...via] }
            : { known: false, reason: `condition ${name} cannot be evaluated: ${truth.reason}`, via: truth.via };
        this.conditionCache.set(name, result);
        return result;
    }
    conditionBody(node) {
        const fn = intrinsicName(node);
        const arg = fn ? node.entries[0].value : undefined;
        switch (fn) {
            case 'Condition': {
                const name = scalarText(arg);
                if (name === null)
                    this.fail('Condition must name a condition', node.at);
                return this.condition(name, arg.at);
            }
            case 'Fn::Equals': {
                const [a, b] = this.args(arg, 2, 2, fn);
                const left = this.resolve(a);
                const right = this.resolve(b);
                const via = [...left.via, ...right.via];
                if (left.kind === 'unknown')
                    return { known: false, reason: left.reason, via };
                if (right.kind === 'unknown')
                    return { known: false, reason: right.reason, via };
                if (left.kind !== 'value' || right.kind !== 'value') {
                    return { known: false, reason: 'Fn::Equals compares a value known only after deploy', via };
                }
                return { known: true, value: JSON.stringify(left.value) === JSON.stringify(right.value), via };
            }
            case 'Fn::Not': {
                const [inner] = this.args(arg, 1, 1, fn);
                const t = this.conditionBody(inner);
                return t.known ? { ...t, value: !t.value } : t;
            }
            case 'Fn::And':
            case 'Fn::Or': {
                const decisive = fn === 'Fn::Or';
                const parts = this.args(arg, 1, 10, fn).map((c) => this.conditionBody(c));
                const via = parts.flatMap((p) => p.via);
                // A decisive operand settles it even when another operand is unknown.
                if (parts.some((p) => p.known && p.value === decisive))
                    return { known: true, value: decisive, via };
                const open = parts.find((p) => !p.known);
                return open ? { known: false, reason: open.reason, via } : { known: true, value: !decisive, via };
            }
            default:
                return this.fail('a condition must be Fn::Equals, Fn::Not, Fn::And, Fn::Or or Condition', node.at);
        }
    }
    args(node, min, max, fn) {
        if (node.type !== 'seq' || node.items.length < min || node.items.length > max) {
            const count = min === max ? `${min}` : `${min} to ${max}`;
            this.fail(`${fn} takes a list of ${count} arguments`, node.at);
        }
        return node.items;
    }
    /** Follows `Fn::If` and `AWS::NoValue` to the node that will be deployed, keeping its position. */
    select(node) {
        const via = [];
        let current = node;
        for (;;) {
            const fn = intrinsicName(current);
            const arg = fn ? current.entries[0].value : undefined;
            if (fn === 'Ref' && scalarText(arg) === 'AWS::NoValue')
                return { node: null, via };
            if (fn !== 'Fn::If')
                return { node: current, via };
            const [cond, whenTrue, whenFalse] = this.args(arg, 3, 3, fn);
            const name = scalarText(cond);
            if (name === null)
                this.fail('Fn::If needs a condition name first', cond.at);
            const truth = this.condition(name, cond.at);
            via.push(...truth.via);
            if (!truth.known)
                return { node: undefined, reason: truth.reason, via };
            current = truth.value ? whenTrue : whenFalse;
        }
    }
    resolve(node) {
        if (node.type === 'scalar')
            return checkDynamic(value(node.text));
        if (node.type === 'seq')
            return this.list(node.items);
        const fn = intrinsicName(node);
        if (!fn) {
            const out = {};
            const via = [];
            for (const e of node.entries) {
                const r = this.resolve(e.value);
                via.push(...r.via);
                if (r.kind === 'novalue')
                    continue;
                const v = this.plain(r, e.key);
                if (v.kind !== 'value')
                    return { ...v, via };
                out[e.key] = v.value;
            }
            return value(out, via);
        }
        const arg = node.entries[0].value;
        switch (fn) {
            case 'Ref':
                return this.ref(arg);
            case 'Fn::GetAtt': {
                const target = arg.type === 'seq' ? scalarText(arg.items[0]) : null;
                const attribute = arg.type === 'seq' ? scalarText(arg.items[1]) : null;
                if (target === null || attribute === null)
                    this.fail('Fn::GetAtt takes [Resource, Attribute]', arg.at);
                this.resourceOrFail(target, arg.at);
                return unknownOf(`${target}.${attribute} is known only after deploy (Fn::GetAtt)`);
            }
            case 'Fn::If': {
                const chosen = this.select(node);
                if (chosen.node === null)
                    return { kind: 'novalue', via: chosen.via };
                if (chosen.node !== undefined)
                    return resolve_withVia(this.resolve(chosen.node), chosen.via);
                // Unknown condition: still known when both branches agree.
                const [, a, b] = this.args(arg, 3, 3, fn);
                const left = this.resolve(a);
                const right = this.resolve(b);
                if (left.kind === 'value' && right.kind === 'value' && JSON.stringify(left.value) === JSON.stringify(right.value)) {
                    return { ...left, via: [...chosen.via, ...left.via, ...right.via] };
                }
                return unknownOf(chosen.reason, chosen.via);
            }
            case 'Fn::Sub':
                return this.sub(arg);
            case 'Fn::Join': {
                const [delimiter, items] = this.args(arg, 2, 2, fn);
                const sep = this.resolveString(delimiter, 'Fn::Join delimiter');
                if (sep.kind !== 'value')
                    return sep;
                const list = this.resolve(items);
                if (list.kind !== 'value')
                    return this.plain(list, 'Fn::Join list');
                if (!Array.isArray(list.value) || list.value.some((v) => typeof v !== 'string')) {
                    this.fail('Fn::Join takes a list of strings', items.at);
                }
                return checkDynamic(value(list.value.join(sep.value), [...sep.via, ...list.via]));
            }
            case 'Fn::Select': {
                const [index, items] = this.args(arg, 2, 2, fn);
                const i = this.resolveString(index, 'Fn::Select index');
                const list = this.resolve(items);
                if (i.kind !== 'value')
                    return i;
                if (list.kind !== 'value')
                    return this.plain(list, 'Fn::Select list');
                const n = Number(i.value);
                if (!Array.isArray(list.value) || !Number.isInteger(n) || n < 0 || n >= list.value.length) {
                    return unknownOf(`Fn::Select index ${String(i.value)} is out of range`, [...i.via, ...list.via]);
                }
                return value(list.value[n], [...i.via, ...list.via]);
            }
            case 'Fn::Split': {
                const [delimiter, source] = this.args(arg, 2, 2, fn);
                const sep = this.resolveString(delimiter, 'Fn::Split delimiter');
                const text = this.resolveString(source, 'Fn::Split source');
                if (sep.kind !== 'value')
                    return sep;
                if (text.kind !== 'value')
                    return text;
                return value(text.value.split(sep.value), [...sep.via, ...text.via]);
            }
            case 'Fn::FindInMap':
                return this.findInMap(arg);
            case 'Fn::Base64': {
                const text = this.resolveString(arg, 'Fn::Base64');
                return text.kind === 'value' ? value(Buffer.from(text.value).toString('base64'), text.via) : text;
            }
            case 'Fn::Length': {
                const list = this.resolve(arg);
                if (list.kind !== 'value')
                    return this.plain(list, 'Fn::Length');
                return Array.isArray(list.value) ? value(String(list.value.length), list.via) : unknownOf('Fn::Length needs a list');
            }
            case 'Fn::ToJsonString': {
                const v = this.resolve(arg);
                return v.kind === 'value' ? value(JSON.stringify(v.value), v.via) : this.plain(v, 'Fn::ToJsonString');
            }
            default: {
                const reason = DEPLOY_TIME[fn];
                if (reason)
                    return unknownOf(`the value ${reason}`);
                return unknownOf(`${fn} is not evaluated here`);
            }
        }
    }
    /** A resolved value that must be plain data: a resource's physical id is not known before deploy. */
    plain(r, what) {
        if (r.kind === 'resource')
            return unknownOf(`${what} uses the physical id of ${r.id}, known only after deploy`, r.via);
        if (r.kind === 'novalue')
            return unknownOf(`${what} is AWS::NoValue`, r.via);
        return r;
    }
    resolveString(node, what) {
        const r = this.plain(this.resolve(node), what);
        if (r.kind === 'value' && typeof r.value !== 'string')
            return unknownOf(`${what} is not a string`, r.via);
        return r;
    }
    list(items) {
        const out = [];
        const via = [];
        for (const item of items) {
            const r = this.resolve(item);
            via.push(...r.via);
            if (r.kind === 'novalue')
                continue; // AWS::NoValue in a list drops the item
            const v = this.plain(r, 'a list item');
            if (v.kind !== 'value')
                return { ...v, via };
            out.push(v.value);
        }
        return value(out, via);
    }
    resourceOrFail(id, at) {
        const decl = this.template.resources.get(id);
        if (decl)
            return decl;
        if (this.template.transformed)
            return null; // a Transform may add it
        return this.fail(`${id} is not a resource in this template`, at);
    }
    ref(arg) {
        const name = scalarText(arg);
        if (name === null)
            this.fail('Ref takes a name', arg.at);
        if (name === 'AWS::NoValue')
            return { kind: 'novalue', via: [] };
        if (PSEUDO.has(name)) {
            const known = this.pseudo[name];
            return known !== undefined
                ? value(known, [`${name} = ${known} (from the change set's stack)`])
                : unknownOf(`pseudo parameter ${name} is known only at deploy time`);
        }
        if (this.template.parameters.has(name))
            return this.parameter(name);
        const decl = this.template.resources.get(name);
        if (decl) {
            const created = this.created(decl);
            if (created.known && !created.value) {
                return unknownOf(`${name} is not created (its condition is false)`, created.via);
            }
            return { kind: 'resource', id: name, via: [] };
        }
        if (this.template.transformed)
            return unknownOf(`${name} is not defined in the template (a Transform may add it)`);
        return this.fail(`Ref to ${name}, which is neither a parameter nor a resource in this template`, arg.at);
    }
    parameter(name) {
        const decl = this.template.parameters.get(name);
        const given = this.given.get(name);
        const shown = (v) => (decl.noEcho ? '(NoEcho value)' : JSON.stringify(v));
        let text;
        let via;
        if (given) {
            if (given.value === null)
                return unknownOf(`parameter ${name} keeps its previous value (${given.from}), which is not in the evaluated files`);
            text = given.value;
            via = `parameter ${name} = ${shown(text)} (${given.from})`;
        }
        else if (decl.default !== undefined) {
            const def = decl.default.type === 'seq' ? decl.default.items.map((i) => scalarText(i) ?? '').join(',') : scalarText(decl.default);
            if (def === null)
                return unknownOf(`parameter ${name} has a Default that is not a string`);
            text = def;
            via = `parameter ${name} = ${shown(text)} (Default)`;
        }
        else {
            return unknownOf(`parameter ${name} has no default and no value was given (--cfn-parameter ${name}=VALUE)`);
        }
        if (decl.type.startsWith('AWS::SSM::Parameter::Value<')) {
            return unknownOf(`parameter ${name} is read from SSM Parameter Store at deploy time`, [via]);
        }
        if (decl.type === 'CommaDelimitedList' || decl.type.startsWith('List<'))
            return value(text.split(','), [via]);
        return checkDynamic(value(text, [via]));
    }
    sub(arg) {
        let templateNode = arg;
        let variables = new Map();
        if (arg.type === 'seq') {
            const [text, vars] = this.args(arg, 2, 2, 'Fn::Sub');
            templateNode = text;
            if (vars.type !== 'map')
                this.fail('Fn::Sub variables must be a mapping', vars.at);
            variables = new Map(vars.entries.map((e) => [e.key, e.value]));
        }
        const source = scalarText(templateNode);
        if (source === null)
            this.fail('Fn::Sub takes a string', templateNode.at);
        const via = [];
        let out = '';
        let last = 0;
        for (const match of source.matchAll(/\$\{([^}]*)\}/g)) {
            out += source.slice(last, match.index);
            last = match.index + match[0].length;
            const name = match[1].trim();
            if (name.startsWith('!')) {
                out += `\${${name.slice(1)}}`;
                continue;
            }
            let r;
            const variable = variables.get(name);
            if (variable)
                r = this.resolve(variable);
            else if (name.includes('.') && !PSEUDO.has(name)) {
                const target = name.slice(0, name.indexOf('.'));
                this.resourceOrFail(target, templateNode.at);
                r = unknownOf(`${name} is known only after deploy (Fn::Sub)`);
            }
            else
                r = this.ref({ type: 'scalar', value: name, text: name, at: templateNode.at });
            const v = this.plain(r, `\${${name}}`);
            via.push(...v.via);
            if (v.kind !== 'value')
                return { ...v, via };
            if (typeof v.value !== 'string')
                return unknownOf(`\${${name}} is not a string`, via);
            out += v.value;
        }
        out += source.slice(last);
        return checkDynamic(value(out, via));
    }
    findInMap(arg) {
        const items = this.args(arg, 3, 4, 'Fn::FindInMap');
        const [mapName, top, second] = items.slice(0, 3).map((n) => this.resolveString(n, 'Fn::FindInMap key'));
        const via = [mapName, top, second].flatMap((r) => r.via);
        for (const r of [mapName, top, second])
            if (r.kind !== 'value')
                return { ...r, via };
        const [m, k1, k2] = [mapName, top, second].map((r) => r.value);
        const mapping = nodes_valueOf(this.template.mappings, m);
        if (!mapping || mapping.type !== 'map')
            this.fail(`Fn::FindInMap: ${m} is not in Mappings`, items[0].at);
        const found = nodes_valueOf(mapping.type === 'map' ? mapping : undefined, k1);
        const leaf = found && found.type === 'map' ? entryOf(found, k2)?.value : undefined;
        const where = `Mappings ${m}[${JSON.stringify(k1)}][${JSON.stringify(k2)}]`;
        if (leaf)
            return resolve_withVia(this.resolve(leaf), [...via, where]);
        const fallback = items[3]?.type === 'map' ? nodes_valueOf(items[3], 'DefaultValue') : undefined;
        if (fallback)
            return resolve_withVia(this.resolve(fallback), [...via, `${where} is not defined: DefaultValue`]);
        return unknownOf(`${where} is not defined (CloudFormation would reject these parameter values)`, via);
    }
}
function resolve_withVia(r, via) {
    return via.length === 0 ? r : { ...r, via: [...via, ...r.via] };
}
function checkDynamic(r) {
    if (r.kind === 'value' && typeof r.value === 'string' && r.value.includes('{{resolve:')) {
        return unknownOf('the value is a dynamic reference ({{resolve:…}}), resolved at deploy time', r.via);
    }
    return r;
}

;// CONCATENATED MODULE: ./src/sources/cloudformation/template.ts
// The sections of one template that evaluation needs, checked for shape.



function parseTemplate(text, file) {
    const root = parseCfnText(text, file, 'CloudFormation template');
    if (root?.type !== 'map') {
        throw new errors/* InputError */.d('not a CloudFormation template: expected a mapping with a Resources section', {
            file,
            line: root?.at.line ?? null,
            column: root?.at.column ?? null,
        });
    }
    const resourcesEntry = entryOf(root, 'Resources');
    if (!resourcesEntry) {
        const hint = entryOf(root, 'Changes') || entryOf(root, 'ChangeSetId') ? ' (this looks like describe-change-set output: pass it with --changeset)' : '';
        throw new errors/* InputError */.d(`not a CloudFormation template: no Resources section${hint}`, { file, line: 1, column: 1 });
    }
    const resourcesMap = expectMap(resourcesEntry.value, 'Resources', file);
    const template = {
        file,
        parameters: new Map(),
        mappings: undefined,
        conditions: new Map(),
        resources: new Map(),
        transformed: entryOf(root, 'Transform') !== undefined,
        loops: [],
    };
    const parameters = nodes_valueOf(root, 'Parameters');
    if (parameters) {
        for (const e of expectMap(parameters, 'Parameters', file).entries) {
            const decl = expectMap(e.value, `parameter ${e.key}`, file);
            template.parameters.set(e.key, {
                name: e.key,
                type: scalarText(nodes_valueOf(decl, 'Type')) ?? 'String',
                default: nodes_valueOf(decl, 'Default'),
                noEcho: (scalarText(nodes_valueOf(decl, 'NoEcho')) ?? '').toLowerCase() === 'true',
                at: e.keyAt,
            });
        }
    }
    const mappings = nodes_valueOf(root, 'Mappings');
    if (mappings)
        template.mappings = expectMap(mappings, 'Mappings', file);
    const conditions = nodes_valueOf(root, 'Conditions');
    if (conditions) {
        for (const e of expectMap(conditions, 'Conditions', file).entries)
            template.conditions.set(e.key, e);
    }
    for (const e of resourcesMap.entries) {
        if (e.key.startsWith('Fn::ForEach')) {
            template.loops.push(e.keyAt);
            continue;
        }
        const body = expectMap(e.value, `resource ${e.key}`, file);
        const type = scalarText(nodes_valueOf(body, 'Type'));
        if (!type)
            throw new errors/* InputError */.d(`resource ${e.key} has no Type`, { file, line: e.keyAt.line, column: e.keyAt.column });
        const properties = nodes_valueOf(body, 'Properties');
        template.resources.set(e.key, {
            id: e.key,
            type,
            at: e.keyAt,
            properties: properties === undefined ? undefined : expectMap(properties, `Properties of ${e.key}`, file),
            condition: entryOf(body, 'Condition'),
            dependsOn: nodes_valueOf(body, 'DependsOn'),
        });
    }
    return template;
}
function expectMap(node, what, file) {
    if (node.type === 'map')
        return node;
    // `Properties:` left empty is common and harmless.
    if (node.type === 'scalar' && node.value === null)
        return { type: 'map', entries: [], at: node.at };
    throw new errors/* InputError */.d(`${what} must be a mapping`, { file, line: node.at.line, column: node.at.column });
}

;// CONCATENATED MODULE: ./src/sources/cloudformation/index.ts
// The CloudFormation source: templates (`--cloudformation`) and change sets (`--changeset`),
// evaluated into the shared model with every fact pointing at its line in the template.









async function readCloudFormation(input) {
    const templateFiles = await expandFiles(input.templates, '--cloudformation');
    const given = await readGivenParameters(input.parameters, input.parameterFiles);
    const pairings = await pairChangeSets(input.changesets, templateFiles);
    const texts = new Map();
    const load = async (file) => {
        if (!texts.has(file))
            texts.set(file, await readText(file));
        const template = parseTemplate(texts.get(file), file);
        checkCycles(template);
        return template;
    };
    const units = [];
    const changeSets = new Map();
    const paired = new Set(pairings.map((p) => p.templateFile));
    for (const { changeSet, templateFile } of pairings) {
        const template = await load(templateFile);
        const removed = checkPairing(changeSet, template);
        // Change-set parameters are what the stack will deploy with; only --cfn-parameter overrides them.
        const values = new Map(given.values);
        for (const [key, value] of changeSet.parameters) {
            if (given.values.get(key)?.from !== '--cfn-parameter')
                values.set(key, value);
        }
        const unit = {
            template,
            evaluator: new Evaluator(template, values, changeSet.pseudo),
            type: 'changeset',
            region: changeSet.region,
            account: changeSet.account,
            removed,
        };
        units.push(unit);
        changeSets.set(unit, changeSet);
    }
    // A template that a change set deploys is evaluated with it, not a second time on its own.
    for (const file of templateFiles.filter((f) => !paired.has(f))) {
        const template = await load(file);
        const evaluator = new Evaluator(template, given.values);
        units.push({ template, evaluator, type: 'cloudformation', region: null, account: null, removed: new Set() });
    }
    checkDeclared(given, units);
    const catalog = new Catalog(units);
    const reader = new DatabaseReader(catalog);
    const resources = [];
    const errors = [];
    for (const unit of units) {
        const found = reader.read(unit);
        const changeSet = changeSets.get(unit);
        if (changeSet) {
            applyChangeSet(found, changeSet, unit.template);
            if (changeSet.truncated) {
                errors.push({
                    source: changeSet.file,
                    message: 'the change set output has a NextToken: changes after the first page were not read (describe it without --max-items)',
                });
            }
        }
        for (const loop of unit.template.loops) {
            errors.push({
                source: unit.template.file,
                message: `line ${loop.line}: Fn::ForEach is expanded at deploy time; the resources it creates were not evaluated`,
            });
        }
        resources.push(...found);
    }
    return { resources, errors };
}
async function pairChangeSets(changesets, templateFiles) {
    const pairings = [];
    for (const cs of changesets) {
        for (const file of await expandFiles([cs.file], '--changeset')) {
            let templateFile;
            if (cs.template !== null) {
                const matches = await expandFiles([cs.template], `--changeset ${cs.file}=`);
                if (matches.length !== 1)
                    throw new errors/* InputError */.d(`--changeset ${file}=${cs.template}: the template must be one file`);
                // The same file given to --cloudformation too: use that spelling so it is evaluated once.
                templateFile = templateFiles.find((t) => sameFile(t, matches[0])) ?? matches[0];
            }
            else if (templateFiles.length === 1) {
                templateFile = templateFiles[0];
            }
            else {
                const why = templateFiles.length === 0 ? '' : ` (${templateFiles.length} templates were given)`;
                throw new errors/* InputError */.d(`--changeset ${file} needs the template it deploys: pass --cloudformation TEMPLATE, or --changeset ${file}=TEMPLATE${why}`);
            }
            pairings.push({ changeSet: parseChangeSet(await readText(file), file), templateFile });
        }
    }
    return pairings;
}
function sameFile(a, b) {
    return (0,external_node_path_.resolve)(a) === (0,external_node_path_.resolve)(b);
}
/** A parameter that no evaluated template declares is a typo or a wrong file: say so. */
function checkDeclared(given, units) {
    for (const [key, origin] of given.origins) {
        if (units.some((u) => u.template.parameters.has(key)))
            continue;
        throw new errors/* InputError */.d(`${origin.flag}: no evaluated template declares parameter ${key}`, {
            file: origin.at?.file ?? null,
            line: origin.at?.line ?? null,
            column: origin.at?.column ?? null,
        });
    }
}


/***/ })

};

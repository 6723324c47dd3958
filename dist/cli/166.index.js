export const id = 166;
export const ids = [166,139];
export const modules = {

/***/ 9166:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  parsePolicy: () => (/* binding */ parsePolicy)
});

// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var dist_ajv = __webpack_require__(2463);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/policy/defaults.ts
var defaults = __webpack_require__(6794);
// EXTERNAL MODULE: ./src/policy/merge.ts
var merge = __webpack_require__(3842);
;// CONCATENATED MODULE: ./src/policy/convert.ts


/** Copies only the keys that are present, so merging never overwrites with undefined. */
function defined(value) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
function toPartialSettings(raw) {
    const settings = {};
    if (raw.ca) {
        settings.ca = defined({ allowed: raw.ca.allowed, minDaysValid: raw.ca['min-days-valid'], assumeDefault: raw.ca['assume-default'] });
    }
    if (raw.ssl)
        settings.ssl = defined({ required: raw.ssl.required });
    if (raw['iam-auth'])
        settings.iamAuth = defined({ required: raw['iam-auth'].required });
    if (raw.restart)
        settings.restart = defined({ allowed: raw.restart.allowed });
    if (raw.severity)
        settings.severity = { ...raw.severity };
    return settings;
}
function toSelector(raw) {
    const selector = {};
    if (raw.id !== undefined)
        selector.id = raw.id;
    if (raw.engine !== undefined)
        selector.engine = raw.engine;
    if (raw.tag !== undefined)
        selector.tag = raw.tag.value === undefined ? { key: raw.tag.key } : { key: raw.tag.key, value: raw.tag.value };
    return selector;
}
/**
 * `raw` must already be valid against the schema. `locationOf(path)` gives the position of an
 * override or exemption entry (`['overrides', 0]`).
 */
function toPolicy(raw, file, locationOf) {
    const overrides = (raw.overrides ?? []).map((entry, index) => ({
        match: toSelector(entry.match),
        settings: toPartialSettings(entry),
        at: locationOf(['overrides', index]),
    }));
    const exemptions = (raw.exemptions ?? []).map((entry, index) => ({
        selector: toSelector(entry),
        rules: [...(entry.rules ?? [])],
        reason: entry.reason.trim(),
        expires: entry.expires ?? null,
        at: locationOf(['exemptions', index]),
    }));
    return {
        version: 1,
        ...(0,merge/* mergeSettings */.s)(defaults/* DEFAULT_POLICY */.z, toPartialSettings(raw)),
        scope: {
            engines: raw.scope?.engines ? [...raw.scope.engines] : null,
            exclude: (raw.scope?.exclude ?? []).map(toSelector),
        },
        overrides,
        exemptions,
        file,
    };
}

// EXTERNAL MODULE: ./src/policy/schema.ts
var schema = __webpack_require__(4139);
;// CONCATENATED MODULE: ./src/policy/messages.ts

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
function isCalendarDate(text) {
    return dateProblem(text) === null;
}
/** Why `YYYY-MM-DD` text is not a real day, or null when it is one. */
function dateProblem(text) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!match)
        return 'it is not written YYYY-MM-DD';
    const [year, month, day] = match.slice(1).map(Number);
    if (month < 1 || month > 12)
        return `there is no month ${month}`;
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (day < 1 || day > daysInMonth)
        return `${MONTHS[month - 1]} ${year} has ${daysInMonth} days`;
    return null;
}
function pointerToPath(pointer) {
    if (pointer === '')
        return [];
    return pointer
        .slice(1)
        .split('/')
        .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
/** `overrides[0].ca.min-days-valid`; the empty path is the whole policy. */
function displayPath(path) {
    if (path.length === 0)
        return 'the policy';
    return path.map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`)).join('');
}
/** What a YAML value is, for "got …". */
function describeValue(value) {
    if (value === null || value === undefined)
        return 'an empty value';
    if (typeof value === 'string')
        return `the string ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`;
    if (typeof value === 'number')
        return `the number ${value}`;
    if (typeof value === 'boolean')
        return String(value);
    if (Array.isArray(value))
        return 'a list';
    return 'a mapping';
}
const TYPE_NAMES = {
    object: 'a mapping (key: value)',
    array: 'a list',
    string: 'a string',
    boolean: 'true or false',
    integer: 'a whole number',
    number: 'a number',
};
function expectedType(schemaType) {
    const types = (Array.isArray(schemaType) ? schemaType : [schemaType]).filter((t) => t !== 'null');
    return types.map((t) => TYPE_NAMES[String(t)] ?? String(t)).join(' or ');
}
function list(values) {
    return values.map(String).join(', ');
}
/** Normalises spelling variants so `iam_auth`, `IamAuth` and `iam-auth` compare equal. */
function normaliseKey(key) {
    return key
        .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
        .toLowerCase()
        .replace(/[_\s]+/g, '-');
}
/** Edits (insert, delete, substitute, swap neighbours) that turn `a` into `b`. */
function editDistance(a, b) {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let best = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                best = Math.min(best, d[i - 2][j - 2] + 1);
            d[i][j] = best;
        }
    }
    return d[a.length][b.length];
}
function suggestion(key, allowed) {
    const normal = normaliseKey(key);
    const exact = allowed.find((candidate) => candidate === normal);
    if (exact)
        return exact;
    const scored = allowed
        .map((candidate) => ({ candidate, distance: editDistance(normal, candidate) }))
        .filter(({ distance, candidate }) => distance <= Math.max(1, Math.floor(candidate.length / 4)))
        .sort((a, b) => a.distance - b.distance);
    return scored[0]?.candidate ?? null;
}
function unknownKey(error, path) {
    const key = String(error.params.additionalProperty);
    const allowed = Object.keys(error.parentSchema?.properties ?? {});
    const last = path[path.length - 1];
    const parent = path.length === 0 ? 'policy' : displayPath(path);
    const noun = last === 'severity' ? 'rule' : 'key';
    const allowedLabel = last === 'severity' ? 'rules' : 'allowed';
    let message = `unknown ${noun} ${JSON.stringify(key)} in ${parent} (${allowedLabel}: ${list(allowed)})`;
    const isExemption = path.length === 2 && path[0] === 'exemptions';
    const isOverride = path.length === 2 && path[0] === 'overrides';
    if (isExemption && key === 'match') {
        return `${message}; an exemption names its databases directly with ${list(schema/* SELECTOR_KEYS */.N)}, not under match`;
    }
    if (isOverride && schema/* SELECTOR_KEYS */.N.includes(key)) {
        return `${message}; put ${key} under match: the selector of an override goes in match`;
    }
    const guess = suggestion(key, allowed);
    if (guess)
        message += `; did you mean ${JSON.stringify(guess)}?`;
    return message;
}
const MISSING_HINTS = {
    reason: 'say why the violation is accepted; reports show it',
    match: `the selector (${list(schema/* SELECTOR_KEYS */.N)}) of the databases this override applies to`,
    key: 'the tag key to match',
};
const EMPTY_LIST_HINTS = {
    allowed: 'with no allowed CA every database fails ca-allowed; to switch the rule off, set severity.ca-allowed: off',
    engines: 'no engine would be in scope; leave engines out to check every engine',
    rules: 'leave rules out to exempt every rule',
};
/** One ajv error, explained. */
function explain(error) {
    const path = pointerToPath(error.instancePath);
    const where = displayPath(path);
    const last = path[path.length - 1];
    const value = error.data;
    const problem = (message, atKey = false, at = path) => ({ message, path: at, atKey });
    switch (error.keyword) {
        case 'additionalProperties': {
            const key = String(error.params.additionalProperty);
            return problem(unknownKey(error, path), true, [...path, key]);
        }
        case 'type': {
            let message = `${where} must be ${expectedType(error.schema)}, got ${describeValue(value)}`;
            if (error.schema === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
                message += `; put it in quotes: "${String(value)}"`;
            }
            return problem(message);
        }
        case 'enum':
            return problem(`${where} must be one of ${list(error.params.allowedValues)}, got ${describeValue(value)}`);
        case 'const':
            if (last === 'version') {
                return problem(`version must be 1, got ${describeValue(value)}: this rds-tls-guard reads policy version 1`);
            }
            return problem(`${where} must be ${JSON.stringify(error.params.allowedValue)}, got ${describeValue(value)}`);
        case 'required': {
            const missing = String(error.params.missingProperty);
            const hint = MISSING_HINTS[missing];
            return problem(`${where} is missing ${JSON.stringify(missing)}${hint ? `: ${hint}` : ''}`);
        }
        case 'anyOf':
            // Only exemptions use anyOf: the selector keys sit beside rules/reason/expires.
            return problem(`${where} does not say which databases it exempts: give at least one of ${list(schema/* SELECTOR_KEYS */.N)} ` +
                `(id: "*" exempts every database)`);
        case 'minProperties':
            return problem(`${where} is an empty selector: give at least one of ${list(schema/* SELECTOR_KEYS */.N)}`);
        case 'minItems': {
            const hint = EMPTY_LIST_HINTS[String(last)];
            return problem(`${where} must not be an empty list${hint ? `: ${hint}` : ''}`);
        }
        case 'minLength':
            return problem(`${where} must not be empty`);
        case 'minimum':
            return problem(`${where} must be ${String(error.params.limit)} or more, got ${describeValue(value)}`);
        case 'pattern':
            if (last === 'expires') {
                return problem(`${where} must be a date written YYYY-MM-DD (e.g. 2027-03-31), got ${describeValue(value)}`);
            }
            if (last === 'reason')
                return problem(`${where} must not be blank: say why the violation is accepted`);
            return problem(`${where} must match ${String(error.params.pattern)}, got ${describeValue(value)}`);
        case 'format':
            return problem(`${where} is not a real date: ${String(value)} (${dateProblem(String(value)) ?? 'invalid'})`);
        default:
            return problem(`${where} ${error.message ?? 'is not valid'}`);
    }
}

// EXTERNAL MODULE: ./src/policy/yaml-path.ts
var yaml_path = __webpack_require__(4767);
;// CONCATENATED MODULE: ./src/policy/parse.ts
// Policy text → Policy: YAML (with positions) → JSON Schema validation. Loaded only when there is a
// policy file (load.ts imports it on demand), so a run on the built-in policy never loads yaml or ajv.








let validator = null;
function validate() {
    if (!validator) {
        // allErrors so that the problem reported is the first one in the file, not the first one in schema order.
        // strictRequired off: an exemption's `anyOf: [{required: [id]}, …]` names properties defined beside it.
        const ajv = new dist_ajv.Ajv({ allErrors: true, verbose: true, strict: true, strictRequired: false });
        ajv.addFormat('date', { type: 'string', validate: isCalendarDate });
        validator = ajv.compile(schema.policySchema);
    }
    return validator;
}
function yamlProblem(error, text) {
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
function firstProblem(errors, doc, lineCounter) {
    // The anyOf branches of an exemption's selector each report a missing key; the anyOf error says it once.
    const relevant = errors.filter((error) => !error.schemaPath.includes('/anyOf/'));
    const located = relevant.map((error) => {
        const problem = explain(error);
        return { problem, position: (0,yaml_path/* locate */.x5)(doc, lineCounter, problem.path, problem.atKey) };
    });
    located.sort((a, b) => order(a.position) - order(b.position) || specificity(a.problem) - specificity(b.problem));
    // A value can fail twice (pattern and format); count each place once.
    const places = new Set(located.map(({ problem }) => JSON.stringify(problem.path)));
    return { first: located[0], more: places.size - 1 };
}
function order(position) {
    return position ? position.line * 1e6 + position.column : Number.MAX_SAFE_INTEGER;
}
// At the same spot, an unknown key (`id` beside an override's `match`) explains more than the
// missing key it causes, so it goes first.
function specificity(problem) {
    return problem.atKey ? 0 : 1;
}
/** Parses and validates policy YAML. Throws InputError with file, line and column. */
function parsePolicy(text, file) {
    const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(source, { lineCounter });
    const syntaxError = doc.errors[0];
    if (syntaxError) {
        const [start] = syntaxError.linePos ?? [];
        throw new errors/* InputError */.d(yamlProblem(syntaxError, source), { file, line: start?.line, column: start?.col });
    }
    const contents = doc.contents;
    if (contents === null || ((0,dist/* isScalar */.jn)(contents) && contents.value === null))
        return (0,defaults/* defaultPolicy */.G)(file);
    if (!(0,dist/* isMap */.jh)(contents)) {
        throw new errors/* InputError */.d(`the policy must be a mapping of keys (version, ca, ssl, …), got ${describeValue(doc.toJS())}`, { file, ...(0,yaml_path/* positionOf */.df)(contents, lineCounter) });
    }
    const raw = doc.toJS();
    const check = validate();
    if (!check(raw)) {
        const { first, more } = firstProblem(check.errors ?? [], doc, lineCounter);
        const suffix = more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'} in this file)` : '';
        throw new errors/* InputError */.d(first.problem.message + suffix, { file, ...first.position });
    }
    return toPolicy(raw, file, (at) => {
        const position = (0,yaml_path/* locate */.x5)(doc, lineCounter, at, false);
        return { file, line: position?.line ?? null, column: position?.column ?? null };
    });
}


/***/ }),

/***/ 4139:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ SELECTOR_KEYS),
/* harmony export */   policySchema: () => (/* binding */ policySchema)
/* harmony export */ });
/* unused harmony export SEVERITY_SETTINGS */
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3943);

const SELECTOR_KEYS = ['id', 'engine', 'tag'];
const SEVERITY_SETTINGS = [..._types_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .o, 'off'];
const nonEmptyString = (description) => ({ type: 'string', minLength: 1, description });
const selectorProperties = {
    id: nonEmptyString('Glob on the resource id: the Terraform address (module.db.aws_db_instance.main[0]), the CloudFormation ' +
        'logical id, or the DB instance / cluster identifier (live, snapshot). Case-sensitive; an exact id always matches.'),
    engine: nonEmptyString('Glob on the engine, compared lower-case: postgres, mysql, aurora-*. A database whose engine is unknown never matches.'),
    tag: {
        type: 'object',
        description: 'Matches databases carrying this tag; without value, any value of the tag matches.',
        additionalProperties: false,
        required: ['key'],
        properties: {
            key: nonEmptyString('Tag key, exact and case-sensitive.'),
            value: { type: 'string', description: 'Tag value, exact and case-sensitive. Leave out to match any value.' },
        },
    },
};
const selector = (description) => ({
    type: 'object',
    description: `${description} Any of id, engine and tag; several keys must all match.`,
    additionalProperties: false,
    minProperties: 1,
    properties: selectorProperties,
});
// Sections may be left empty (`exemptions:` with every entry commented out): null means "nothing set here".
const section = (description, properties) => ({
    type: ['object', 'null'],
    description,
    additionalProperties: false,
    properties,
});
const RULE_NAMES = {
    'ca-allowed': 'the CA is in ca.allowed',
    'ca-expiring': 'the CA and server certificate stay valid for ca.min-days-valid days',
    'ssl-enforced': 'TLS is enforced by the engine setting',
    'iam-auth': 'IAM database authentication is enabled',
    'no-restart': 'no evaluated change restarts the database (only with restart.allowed: false)',
    unknown: 'every fact a rule needs is known',
};
const settingsProperties = {
    ca: section('Certificate authorities.', {
        allowed: {
            type: 'array',
            description: 'CA identifiers a database may use (rule ca-allowed).',
            minItems: 1,
            items: nonEmptyString('A CA identifier, e.g. rds-ca-rsa2048-g1.'),
        },
        'min-days-valid': {
            type: 'integer',
            minimum: 0,
            description: 'A CA or server certificate that expires within this many days is a finding (rule ca-expiring).',
        },
        'assume-default': nonEmptyString('The CA of a database whose CA is not set: the account default for new databases.'),
    }),
    ssl: section('TLS enforcement.', {
        required: {
            type: 'boolean',
            description: "true: the engine's TLS-enforcing setting must be on (rule ssl-enforced).",
        },
    }),
    'iam-auth': section('IAM database authentication.', {
        required: {
            type: 'boolean',
            description: 'true: IAM database authentication must be enabled where the engine supports it (rule iam-auth).',
        },
    }),
    restart: section('Restarts caused by the evaluated change.', {
        allowed: {
            type: 'boolean',
            description: 'false: a change that would restart a database is a finding (rule no-restart).',
        },
    }),
    severity: section('How each rule is reported: error, warning, notice, or off (not evaluated). --fail-on decides which severities fail the run.', Object.fromEntries(_types_js__WEBPACK_IMPORTED_MODULE_0__/* .RULE_IDS */ .I.map((rule) => [
        rule,
        { type: 'string', enum: [...SEVERITY_SETTINGS], description: `Severity of ${rule}: ${RULE_NAMES[rule]}.` },
    ]))),
};
const policySchema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'urn:rds-tls-guard:policy:1',
    title: 'rds-tls-guard policy, version 1',
    description: 'Which certificate authorities, TLS and IAM authentication settings Amazon RDS and Aurora databases must have. ' +
        'Every key is optional; absent keys take the built-in defaults.',
    type: 'object',
    additionalProperties: false,
    properties: {
        version: { const: 1, description: 'Policy format version. Only 1 exists.' },
        ...settingsProperties,
        scope: section('Which databases are checked. Without scope, every database in the sources is.', {
            engines: {
                type: ['array', 'null'],
                description: 'Engines to check (globs allowed, e.g. aurora-*); others are skipped. A database whose engine is unknown is still checked.',
                minItems: 1,
                items: nonEmptyString('An engine or engine glob.'),
            },
            exclude: {
                type: ['array', 'null'],
                description: 'Databases to skip.',
                items: selector('A database to skip.'),
            },
        }),
        overrides: {
            type: ['array', 'null'],
            description: 'Settings for the databases an entry matches. Every matching entry applies, in order: later entries win; lists replace, not add.',
            items: {
                type: 'object',
                description: 'Settings for the databases that match.',
                additionalProperties: false,
                required: ['match'],
                properties: {
                    match: selector('The databases this override applies to.'),
                    ...settingsProperties,
                },
            },
        },
        exemptions: {
            type: ['array', 'null'],
            description: 'Accepted violations. An exempted finding is reported as exempted; an expired exemption is void and reported.',
            items: {
                type: 'object',
                description: 'An accepted violation: which databases (id, engine, tag), which rules, why, and until when.',
                additionalProperties: false,
                required: ['reason'],
                anyOf: SELECTOR_KEYS.map((key) => ({ required: [key] })),
                properties: {
                    ...selectorProperties,
                    rules: {
                        type: 'array',
                        description: 'The rules exempted. Leave out to exempt every rule. Exempting a rule also exempts the unknown findings it raises.',
                        minItems: 1,
                        items: { type: 'string', enum: [..._types_js__WEBPACK_IMPORTED_MODULE_0__/* .RULE_IDS */ .I], description: 'A rule id.' },
                    },
                    reason: {
                        type: 'string',
                        pattern: '\\S',
                        description: 'Why the violation is accepted. Required; shown in reports.',
                    },
                    expires: {
                        type: 'string',
                        pattern: '^\\d{4}-\\d{2}-\\d{2}$',
                        format: 'date',
                        description: 'Last day the exemption holds (YYYY-MM-DD). After it the exemption is void and reported as expired.',
                    },
                },
            },
        },
    },
};


/***/ }),

/***/ 3943:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ RULE_IDS),
/* harmony export */   o: () => (/* binding */ SEVERITIES)
/* harmony export */ });
const RULE_IDS = ['ca-allowed', 'ca-expiring', 'ssl-enforced', 'iam-auth', 'no-restart', 'unknown'];
const SEVERITIES = ['error', 'warning', 'notice'];


/***/ }),

/***/ 4767:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   df: () => (/* binding */ positionOf),
/* harmony export */   x5: () => (/* binding */ locate)
/* harmony export */ });
/* unused harmony export findNode */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
// Finds the YAML node behind a policy path, so validation errors get a line and column.

function resolve(doc, node) {
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(node))
        return node.resolve(doc) ?? null;
    return node ?? null;
}
function findNode(doc, path) {
    let current = resolve(doc, doc.contents);
    let key = null;
    for (const segment of path) {
        let next = null;
        key = null;
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(current)) {
            const pair = current.items.find((item) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(item.key) && String(item.key.value) === String(segment));
            if (pair) {
                key = pair.key ?? null;
                next = resolve(doc, pair.value);
            }
        }
        else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(current) && typeof segment === 'number') {
            next = resolve(doc, current.items[segment]);
        }
        if (!next && !key)
            return { value: null, key: null, deepest: current };
        current = next;
        if (!current)
            return { value: null, key, deepest: key };
    }
    return { value: current, key, deepest: current };
}
function positionOf(node, lineCounter) {
    const offset = node?.range?.[0];
    if (offset === undefined)
        return null;
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
}
/**
 * Where to point for a problem about `path`: the key itself when asked (unknown keys), the value
 * otherwise, or the key when the value is empty (`ssl:` with nothing after it has no text to point at).
 */
function locate(doc, lineCounter, path, atKey) {
    const found = findNode(doc, path);
    const emptyValue = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(found.value) && found.value.value === null && found.value.source === '';
    const node = atKey || emptyValue || !found.value ? (found.key ?? found.value ?? found.deepest) : found.value;
    return positionOf(node, lineCounter);
}


/***/ })

};

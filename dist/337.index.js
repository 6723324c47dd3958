export const id = 337;
export const ids = [337];
export const modules = {

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


/***/ }),

/***/ 3337:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fetchEngineVersionFacts: () => (/* binding */ fetchEngineVersionFacts),
/* harmony export */   readEngineVersionsFiles: () => (/* binding */ readEngineVersionsFiles)
/* harmony export */ });
/* harmony import */ var p_limit__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(370);
/* harmony import */ var _live_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(186);
/* harmony import */ var _live_capture_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5487);
/* harmony import */ var _live_client_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(602);
/* harmony import */ var _live_normalise_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2387);
/* harmony import */ var _snapshot_json_file_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(492);
/* harmony import */ var _snapshot_format_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6755);
/* harmony import */ var _snapshot_shape_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(286);








const outputShape = (0,_snapshot_shape_js__WEBPACK_IMPORTED_MODULE_5__/* .obj */ .WL)({ DBEngineVersions: (0,_snapshot_shape_js__WEBPACK_IMPORTED_MODULE_5__/* .arr */ .QL)(_snapshot_format_js__WEBPACK_IMPORTED_MODULE_4__/* .engineVersionShape */ .WZ) }, ['DBEngineVersions']);
const WHAT = 'aws rds describe-db-engine-versions output';
async function readOne(file) {
    const json = await (0,_snapshot_json_file_js__WEBPACK_IMPORTED_MODULE_3__/* .readJsonFile */ .JE)(file, WHAT);
    const problem = (0,_snapshot_shape_js__WEBPACK_IMPORTED_MODULE_5__/* .checkShape */ .eA)(json.value, outputShape);
    if (problem) {
        const hint = problem.path.length === 0 ? ` (the ${WHAT}: {"DBEngineVersions": [...]})` : '';
        throw (0,_snapshot_json_file_js__WEBPACK_IMPORTED_MODULE_3__/* .errorAt */ .Os)(json, problem.path, `${(0,_snapshot_json_file_js__WEBPACK_IMPORTED_MODULE_3__/* .describePath */ .NH)(problem.path)} ${problem.message}${hint}`);
    }
    const versions = json.value.DBEngineVersions;
    return versions.map((v) => (0,_live_normalise_js__WEBPACK_IMPORTED_MODULE_2__/* .engineVersionFact */ .z)(v, file));
}
/** Facts from each file, in order (later files win where the facts module merges them). */
async function readEngineVersionsFiles(files) {
    return (await Promise.all(files.map(readOne))).flat();
}
const CONCURRENCY = 4;
/**
 * Asks AWS about each (engine, version). Optional enrichment: a denied or failing API is returned
 * in `errors` once (the rest is not asked), and the caller falls back to files and shipped data.
 */
async function fetchEngineVersionFacts(pairs, region, client) {
    const rds = client ?? (0,_live_client_js__WEBPACK_IMPORTED_MODULE_6__/* .createRdsClient */ .t7)(region);
    const source = `${region} DescribeDBEngineVersions`;
    const errors = [];
    const limit = (0,p_limit__WEBPACK_IMPORTED_MODULE_7__/* ["default"] */ .A)(CONCURRENCY);
    const unique = [...new Map(pairs.map((p) => [`${p.engine} ${p.version}`, p])).values()];
    let stop = false;
    const ask = async ({ engine, version }) => {
        if (stop)
            return [];
        try {
            return (await (0,_live_capture_js__WEBPACK_IMPORTED_MODULE_1__/* .readEngineVersion */ .z5)(rds, engine, version)).map((v) => (0,_live_normalise_js__WEBPACK_IMPORTED_MODULE_2__/* .engineVersionFact */ .z)(v, `DescribeDBEngineVersions ${region}`));
        }
        catch (error) {
            if (errors.length === 0)
                errors.push({ source, message: (0,_live_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeAwsError */ .Pp)(error) });
            // Denied or failing for one version means the same for the others: do not ask again.
            stop = true;
            return [];
        }
    };
    try {
        const first = unique.length > 0 ? await ask(unique[0]) : [];
        const rest = await Promise.all(unique.slice(1).map((pair) => limit(ask, pair)));
        return { facts: [...first, ...rest.flat()], errors };
    }
    finally {
        if (!client)
            rds.destroy();
    }
}


/***/ }),

/***/ 6755:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CJ: () => (/* binding */ SNAPSHOT_VERSION),
/* harmony export */   Td: () => (/* binding */ SNAPSHOT_FORMAT),
/* harmony export */   WZ: () => (/* binding */ engineVersionShape),
/* harmony export */   oc: () => (/* binding */ snapshotShape)
/* harmony export */ });
/* harmony import */ var _shape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(286);

const SNAPSHOT_FORMAT = 'rds-tls-guard-snapshot';
/** Bumped when a reader of the previous version would misread a file; added members do not bump it. */
const SNAPSHOT_VERSION = 1;
const tags = (0,_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .arr */ .QL)((0,_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)({ Key: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx, Value: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx }));
const certificateDetails = (0,_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)({ CAIdentifier: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx, ValidTill: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx });
const sourceErrors = (0,_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .arr */ .QL)((0,_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)({ source: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx, message: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx }, ['source', 'message']));
const instance = (0,_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)({
    DBInstanceIdentifier: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx,
    DBInstanceArn: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx,
    Engine: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx,
    EngineVersion: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx,
    DBClusterIdentifier: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx,
    CACertificateIdentifier: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx,
    CertificateDetails: certificateDetails,
    IAMDatabaseAuthenticationEnabled: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc,
    DBParameterGroups: (0,_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .arr */ .QL)((0,_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)({ DBParameterGroupName: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx, ParameterApplyStatus: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx })),
    OptionGroupMemberships: (0,_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .arr */ .QL)((0,_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)({ OptionGroupName: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx, Status: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx })),
    PendingModifiedValues: (0,_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)({ CACertificateIdentifier: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx }),
    Endpoint: (0,_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)({ Address: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx }),
    TagList: tags,
}, ['DBInstanceIdentifier']);
const cluster = (0,_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)({
    DBClusterIdentifier: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx,
    DBClusterArn: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx,
    Engine: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx,
    EngineVersion: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx,
    DBClusterInstanceClass: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx,
    DBClusterParameterGroup: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx,
    DBClusterMembers: (0,_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .arr */ .QL)((0,_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)({ DBInstanceIdentifier: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx, DBClusterParameterGroupStatus: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx })),
    IAMDatabaseAuthenticationEnabled: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc,
    CertificateDetails: certificateDetails,
    PendingModifiedValues: (0,_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)({ CertificateDetails: (0,_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)({ CAIdentifier: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx }) }),
    Endpoint: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx,
    TagList: tags,
}, ['DBClusterIdentifier']);
/** A `DBEngineVersion` as the tool keeps it (also the shape of describe-db-engine-versions files). */
const engineVersionShape = (0,_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)({
    Engine: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx,
    EngineVersion: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx,
    DBParameterGroupFamily: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx,
    SupportsCertificateRotationWithoutRestart: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc,
    SupportedCACertificateIdentifiers: (0,_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .arr */ .QL)(_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx),
}, ['Engine', 'EngineVersion']);
const parameterGroup = (0,_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)({
    name: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx,
    asked: (0,_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .arr */ .QL)(_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx),
    parameters: (0,_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .arr */ .QL)((0,_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)({ ParameterName: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx, ParameterValue: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx, Source: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx, ApplyType: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx, ApplyMethod: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx }, ['ParameterName'])),
    unreadable: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx,
}, ['name', 'asked']);
const regionFacts = (0,_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)({
    region: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx,
    dbInstances: (0,_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .arr */ .QL)(instance),
    dbClusters: (0,_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .arr */ .QL)(cluster),
    dbParameterGroups: (0,_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .arr */ .QL)(parameterGroup),
    dbClusterParameterGroups: (0,_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .arr */ .QL)(parameterGroup),
    optionGroups: (0,_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .arr */ .QL)((0,_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)({ name: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx, options: (0,_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .arr */ .QL)(_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx), unreadable: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx }, ['name'])),
    engineVersions: (0,_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .nullable */ .me)((0,_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .arr */ .QL)(engineVersionShape)),
    certificates: (0,_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .nullable */ .me)((0,_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)({
        Certificates: (0,_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .arr */ .QL)((0,_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)({ CertificateIdentifier: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx, ValidTill: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx, CustomerOverride: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc }, ['CertificateIdentifier'])),
        DefaultCertificateForNewLaunches: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx,
    }, ['Certificates'])),
    pendingMaintenanceActions: (0,_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .nullable */ .me)((0,_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .arr */ .QL)((0,_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)({ ResourceIdentifier: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx, PendingMaintenanceActionDetails: (0,_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .arr */ .QL)((0,_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)({ Action: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx, Description: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx })) }, ['ResourceIdentifier', 'PendingMaintenanceActionDetails']))),
}, [
    'region', 'dbInstances', 'dbClusters', 'dbParameterGroups', 'dbClusterParameterGroups', 'optionGroups', 'engineVersions', 'certificates',
    'pendingMaintenanceActions',
]);
/** Checked after `format` and `version` (a newer version may change anything). */
const snapshotShape = (0,_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .obj */ .WL)({
    format: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx,
    version: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .num */ .bu,
    capturedAt: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx,
    tool: _shape_js__WEBPACK_IMPORTED_MODULE_0__/* .any */ .bz,
    regions: (0,_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .arr */ .QL)(_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx),
    facts: (0,_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .arr */ .QL)(regionFacts),
    errors: sourceErrors,
    unavailable: sourceErrors,
}, ['capturedAt', 'regions', 'facts', 'errors']);


/***/ }),

/***/ 492:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JE: () => (/* binding */ readJsonFile),
/* harmony export */   NH: () => (/* binding */ describePath),
/* harmony export */   Os: () => (/* binding */ errorAt)
/* harmony export */ });
/* unused harmony exports lineColumn, syntaxErrorOffset, parseJson */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _policy_yaml_path_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4767);
// JSON files with positions: syntax errors and shape problems point at a line and column.




/** 1-based line and column of a character offset. */
function lineColumn(text, offset) {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset && i < text.length; i++) {
        if (text.charCodeAt(i) === 10) {
            line++;
            lineStart = i + 1;
        }
    }
    return { line, column: Math.min(offset, text.length) - lineStart + 1 };
}
/**
 * Offset of the first JSON syntax error, or -1. V8's messages do not always carry a position
 * ("Unexpected token '}', … is not valid JSON"), so the text is scanned again to find it.
 */
function syntaxErrorOffset(text) {
    let i = 0;
    const fail = () => {
        throw i;
    };
    const space = () => {
        while (i < text.length && ' \t\n\r'.includes(text[i]))
            i++;
    };
    const string = () => {
        i++;
        while (i < text.length) {
            const c = text[i];
            if (c === '"') {
                i++;
                return;
            }
            if (c < ' ')
                fail();
            i += c === '\\' ? 2 : 1;
        }
        fail();
    };
    const value = () => {
        space();
        const c = text[i];
        if (c === '{' || c === '[') {
            const close = c === '{' ? '}' : ']';
            i++;
            space();
            if (text[i] === close) {
                i++;
                return;
            }
            for (;;) {
                if (c === '{') {
                    space();
                    if (text[i] !== '"')
                        fail();
                    string();
                    space();
                    if (text[i] !== ':')
                        fail();
                    i++;
                }
                value();
                space();
                if (text[i] === ',')
                    i++;
                else if (text[i] === close) {
                    i++;
                    return;
                }
                else
                    fail();
            }
        }
        if (c === '"')
            return string();
        const literal = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 64));
        if (!literal)
            fail();
        i += literal[0].length;
    };
    try {
        value();
        space();
        if (i < text.length)
            fail();
        return -1;
    }
    catch (offset) {
        if (typeof offset === 'number')
            return offset;
        throw offset;
    }
}
/** V8's message without its excerpt and offset (the position goes into the InputError). */
function syntaxMessage(error) {
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .g)(error)
        .replace(/, "[\s\S]*" is not valid JSON$/, '')
        .replace(/ in JSON at position \d+.*$/, '')
        .replace(/^Unexpected end of JSON input$/, 'unexpected end of the file');
}
/** Parses JSON text; a syntax error is an InputError at its line and column. */
function parseJson(text, file, what) {
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    try {
        return JSON.parse(body);
    }
    catch (error) {
        const offset = syntaxErrorOffset(body);
        const position = offset >= 0 ? lineColumn(body, offset) : {};
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(`not valid JSON (${what}): ${syntaxMessage(error)}`, { file, ...position });
    }
}
async function readJsonFile(file, what) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8');
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(`cannot read ${what}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .g)(error)}`, { file });
    }
    return { file, text, value: parseJson(text, file, what) };
}
/** An InputError at the JSON member `path` (JSON is YAML: its parser gives the positions). */
function errorAt(json, path, message) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_1__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .parseDocument */ .Tp)(json.text, { lineCounter, uniqueKeys: false });
    const position = (0,_policy_yaml_path_js__WEBPACK_IMPORTED_MODULE_3__/* .locate */ .x5)(doc, lineCounter, path, false);
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(message, { file: json.file, line: position?.line ?? null, column: position?.column ?? null });
}
/** `regions[0].dbInstances[3].Engine` */
function describePath(path) {
    return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('') || 'the top level';
}


/***/ }),

/***/ 286:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QL: () => (/* binding */ arr),
/* harmony export */   WL: () => (/* binding */ obj),
/* harmony export */   bu: () => (/* binding */ num),
/* harmony export */   bz: () => (/* binding */ any),
/* harmony export */   eA: () => (/* binding */ checkShape),
/* harmony export */   gx: () => (/* binding */ str),
/* harmony export */   lc: () => (/* binding */ bool),
/* harmony export */   me: () => (/* binding */ nullable)
/* harmony export */ });
const str = { kind: 'string' };
const bool = { kind: 'boolean' };
const num = { kind: 'number' };
const any = { kind: 'any' };
const arr = (items) => ({ kind: 'array', items });
const nullable = (inner) => ({ kind: 'nullable', inner });
const obj = (members, required = []) => ({ kind: 'object', members, required });
function typeName(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
function expected(shape) {
    switch (shape.kind) {
        case 'array':
            return 'an array';
        case 'object':
            return 'an object';
        case 'nullable':
            return `${expected(shape.inner)} or null`;
        default:
            return `a ${shape.kind}`;
    }
}
/** The first problem in document order, or null. */
function checkShape(value, shape, path = []) {
    switch (shape.kind) {
        case 'any':
            return null;
        case 'nullable':
            return value === null ? null : checkShape(value, shape.inner, path);
        case 'array': {
            if (!Array.isArray(value))
                return { path, message: `must be an array, not ${typeName(value)}` };
            for (let i = 0; i < value.length; i++) {
                const problem = checkShape(value[i], shape.items, [...path, i]);
                if (problem)
                    return problem;
            }
            return null;
        }
        case 'object': {
            if (typeof value !== 'object' || value === null || Array.isArray(value))
                return { path, message: `must be an object, not ${typeName(value)}` };
            const record = value;
            const missing = shape.required.find((key) => record[key] === undefined);
            if (missing)
                return { path, message: `misses "${missing}" (${expected(shape.members[missing])})` };
            for (const [key, member] of Object.entries(record)) {
                const memberShape = shape.members[key];
                if (!memberShape)
                    continue;
                const problem = checkShape(member, memberShape, [...path, key]);
                if (problem)
                    return problem;
            }
            return null;
        }
        default:
            return typeof value === shape.kind ? null : { path, message: `must be ${expected(shape)}, not ${typeName(value)}` };
    }
}


/***/ })

};

export const id = 692;
export const ids = [692];
export const modules = {

/***/ 186:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jv: () => (/* binding */ isCertificateNotFound),
/* harmony export */   Pp: () => (/* binding */ describeAwsError),
/* harmony export */   TW: () => (/* binding */ isInvalidParameter),
/* harmony export */   w7: () => (/* binding */ isAccessDenied)
/* harmony export */ });
/* unused harmony exports errorCode, redactSecrets */
// AWS errors as the report shows them: the error code and message, never a credential.
/** Error codes that mean "this principal may not call this API": a permission left out, not a fault. */
const ACCESS_DENIED = new Set([
    'AccessDenied',
    'AccessDeniedException',
    'UnauthorizedOperation',
    'UnauthorizedAccess',
    'NotAuthorized',
    'AuthorizationError',
]);
function httpStatus(error) {
    const shape = (error ?? {});
    const status = shape.$metadata?.httpStatusCode ?? shape.$response?.statusCode;
    return typeof status === 'number' ? status : null;
}
function errorCode(error) {
    const shape = (error ?? {});
    for (const candidate of [shape.Code, shape.code, shape.name]) {
        if (typeof candidate === 'string' && candidate && candidate !== 'Error')
            return candidate;
    }
    return 'Error';
}
function isAccessDenied(error) {
    return ACCESS_DENIED.has(errorCode(error));
}
/** `CertificateNotFound` (modelled as `CertificateNotFoundFault` in the SDK). */
function isCertificateNotFound(error) {
    const code = errorCode(error);
    return code === 'CertificateNotFound' || code === 'CertificateNotFoundFault';
}
/** The filter or parameter the request used is not accepted (older API behaviour for `Filters`). */
function isInvalidParameter(error) {
    const code = errorCode(error);
    return code === 'InvalidParameterValue' || code === 'InvalidParameterCombination' || code === 'InvalidParameter';
}
// Shapes that carry credentials or signatures in SDK, STS and HTTP messages.
const SECRET_PATTERNS = [
    /\b(?:AKIA|ASIA|AROA|AIDA)[A-Z0-9]{12,}\b/g,
    /(X-Amz-(?:Security-Token|Signature|Credential)=)[^&\s"']+/gi,
    /((?:Signature|Credential|SignedHeaders)=)[^,\s"']+/g,
    /((?:aws_secret_access_key|aws_session_token|secretAccessKey|sessionToken)["']?\s*[:=]\s*["']?)[^\s"',}]+/gi,
];
const ENV_SECRETS = ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_SECURITY_TOKEN', 'AWS_ACCESS_KEY_ID'];
const MAX_MESSAGE = 500;
/** Removes anything that looks like a credential, and the credential values in the environment. */
function redactSecrets(text, env = process.env) {
    let out = text;
    for (const name of ENV_SECRETS) {
        const value = env[name];
        if (value && value.length >= 8)
            out = out.split(value).join('[redacted]');
    }
    for (const pattern of SECRET_PATTERNS) {
        out = out.replace(pattern, (_match, prefix) => (typeof prefix === 'string' ? `${prefix}[redacted]` : '[redacted]'));
    }
    return out;
}
/** "AccessDenied: User … is not authorized to perform: rds:DescribeDBInstances", redacted and bounded. */
function describeAwsError(error) {
    const status = httpStatus(error);
    let code = errorCode(error);
    if (code === 'Error' && status !== null)
        code = `HTTP ${status}`;
    const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
    // The SDK's advice to developers ("inspect the hidden field {error}.$response") means nothing to users.
    const cleaned = raw.replace(/\s*Deserialization error: to see the raw response.*$/s, '').replace(/\s+/g, ' ').trim();
    const message = redactSecrets(cleaned);
    const text = message && message !== code ? `${code}: ${message}` : code;
    return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text;
}


/***/ }),

/***/ 5487:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f5: () => (/* binding */ captureRegion),
/* harmony export */   z5: () => (/* binding */ readEngineVersion)
/* harmony export */ });
/* unused harmony export PAGE_SIZE */
/* harmony import */ var _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7202);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(186);
/* harmony import */ var _engines_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2590);
/* harmony import */ var _raw_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6915);
// Reads one region: instances and clusters first, then — once per region, however many databases
// share them — each parameter group's TLS parameters, each Oracle option group, each engine version,
// the region's CAs and its pending CA rotations. Read-only Describe* calls, pages of 100.




const PAGE_SIZE = 100;
/** All items of a paginated read; throws on any failed page (for reads that must be whole). */
async function readAll(pages, items) {
    const out = [];
    for await (const page of pages)
        out.push(...(items(page) ?? []));
    return out;
}
/** A listing: what the pages before a failure gave is kept, and the failure recorded. */
async function readListing(scan, api, pages, items) {
    const out = [];
    try {
        for await (const page of pages())
            out.push(...(items(page) ?? []));
    }
    catch (error) {
        scan.ledger.fail(scan.region, api, error);
    }
    return out;
}
/**
 * One call stream per key, bounded by the scan's limit. The first key goes alone, so an API that
 * IAM denies costs one call per region, not one per key; after it failed the rest are skipped.
 */
async function fetchEach(scan, api, keys, fetchOne, failed) {
    const run = async (key) => {
        const skipped = scan.ledger.skipped(scan.region, api);
        if (skipped)
            return failed(key, skipped);
        try {
            return await fetchOne(key);
        }
        catch (error) {
            return failed(key, scan.ledger.fail(scan.region, api, error, key));
        }
    };
    if (keys.length === 0)
        return [];
    const first = await scan.limit(run, keys[0]);
    const rest = await Promise.all(keys.slice(1).map((key) => scan.limit(run, key)));
    return [first, ...rest];
}
/** Parameter groups to read, by name, with the TLS parameters their databases need. */
function groupsToRead(entries) {
    const groups = new Map();
    for (const { group, engine } of entries) {
        const parameter = (0,_engines_js__WEBPACK_IMPORTED_MODULE_1__/* .tlsParameter */ .N4)(engine);
        if (!group || !parameter)
            continue;
        groups.set(group, (groups.get(group) ?? new Set()).add(parameter));
    }
    return groups;
}
function parameterFilter(names) {
    return [{ Name: 'parameter-name', Values: names }];
}
/**
 * The TLS parameters of one group, engine defaults included (no `Source` filter). Asks AWS for just
 * those parameters (`Filters: parameter-name`); where the filter is refused, reads the whole group
 * (paginated) for the rest of the region. Endpoints that ignore the filter are handled the same way.
 */
async function readGroupParameters(scan, kind, name, asked, state) {
    const client = scan.client;
    const read = (filters) => kind === 'db'
        ? readAll((0,_aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_2__/* .paginateDescribeDBParameters */ .LYr)({ client, pageSize: PAGE_SIZE }, { DBParameterGroupName: name, Filters: filters }), (p) => p.Parameters)
        : readAll((0,_aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_2__/* .paginateDescribeDBClusterParameters */ .tb4)({ client, pageSize: PAGE_SIZE }, { DBClusterParameterGroupName: name, Filters: filters }), (p) => p.Parameters);
    let parameters;
    if (state.filterRefused) {
        parameters = await read(undefined);
    }
    else {
        try {
            parameters = await read(parameterFilter(asked));
        }
        catch (error) {
            if (!(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isInvalidParameter */ .TW)(error))
                throw error;
            state.filterRefused = true;
            parameters = await read(undefined);
        }
    }
    return parameters.map(_raw_js__WEBPACK_IMPORTED_MODULE_3__/* .rawParameter */ .AR).filter((p) => asked.includes(p.ParameterName.toLowerCase()));
}
async function readParameterGroups(scan, kind, groups) {
    const api = kind === 'db' ? 'DescribeDBParameters' : 'DescribeDBClusterParameters';
    const state = { filterRefused: false };
    const names = [...groups.keys()].sort();
    return fetchEach(scan, api, names, async (name) => {
        const asked = [...groups.get(name)].sort();
        return { name, asked, parameters: await readGroupParameters(scan, kind, name, asked, state) };
    }, (name, reason) => ({ name, asked: [...groups.get(name)].sort(), unreadable: reason }));
}
async function readOptionGroups(scan, names) {
    return fetchEach(scan, 'DescribeOptionGroups', names, async (name) => {
        const groups = await readAll((0,_aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_2__/* .paginateDescribeOptionGroups */ .IZ7)({ client: scan.client, pageSize: PAGE_SIZE }, { OptionGroupName: name }), (p) => p.OptionGroupsList);
        return { name, options: groups.flatMap(_raw_js__WEBPACK_IMPORTED_MODULE_3__/* .rawOptionNames */ .Ou) };
    }, (name, reason) => ({ name, unreadable: reason }));
}
async function readEngineVersions(scan, pairs) {
    const found = await fetchEach(scan, 'DescribeDBEngineVersions', [...pairs.keys()].sort(), async (key) => {
        const { engine, version } = pairs.get(key);
        return readEngineVersion(scan.client, engine, version);
    }, () => []);
    return found.flat();
}
/** `DescribeDBEngineVersions` for one engine version, deprecated ones included (`IncludeAll`). */
async function readEngineVersion(client, engine, version) {
    const versions = await readAll((0,_aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_2__/* .paginateDescribeDBEngineVersions */ .QdW)({ client, pageSize: PAGE_SIZE }, { Engine: engine, EngineVersion: version, IncludeAll: true }), (p) => p.DBEngineVersions);
    return versions.map(_raw_js__WEBPACK_IMPORTED_MODULE_3__/* .rawEngineVersion */ .v9).filter((v) => v.Engine === engine && v.EngineVersion === version);
}
async function readCertificates(scan) {
    return scan.limit(async () => {
        const result = { Certificates: [] };
        try {
            for await (const page of (0,_aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_2__/* .paginateDescribeCertificates */ .nTJ)({ client: scan.client, pageSize: PAGE_SIZE }, {})) {
                result.Certificates.push(...(page.Certificates ?? []).map(_raw_js__WEBPACK_IMPORTED_MODULE_3__/* .rawCertificate */ .yc));
                if (page.DefaultCertificateForNewLaunches)
                    result.DefaultCertificateForNewLaunches = page.DefaultCertificateForNewLaunches;
            }
        }
        catch (error) {
            // No CA at all in the region is an answer, not a failure (Prowler logged it and reported "expired").
            if ((0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isCertificateNotFound */ .Jv)(error))
                return result;
            scan.ledger.fail(scan.region, 'DescribeCertificates', error);
            return null;
        }
        return result;
    });
}
async function readPendingCaRotations(scan) {
    return scan.limit(async () => {
        const out = [];
        try {
            const pages = (0,_aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_2__/* .paginateDescribePendingMaintenanceActions */ .gsb)({ client: scan.client, pageSize: PAGE_SIZE }, {});
            for await (const page of pages) {
                for (const pending of page.PendingMaintenanceActions ?? []) {
                    const rotation = (0,_raw_js__WEBPACK_IMPORTED_MODULE_3__/* .rawCaRotation */ .f8)(pending);
                    if (rotation)
                        out.push(rotation);
                }
            }
        }
        catch (error) {
            scan.ledger.fail(scan.region, 'DescribePendingMaintenanceActions', error);
            return null;
        }
        return out;
    });
}
function enginePairs(resources) {
    const pairs = new Map();
    for (const { Engine, EngineVersion } of resources) {
        if (Engine && EngineVersion)
            pairs.set(`${Engine} ${EngineVersion}`, { engine: Engine, version: EngineVersion });
    }
    return pairs;
}
async function captureRegion(scan) {
    const { client } = scan;
    const [instances, clusters] = await Promise.all([
        scan.limit(() => readListing(scan, 'DescribeDBInstances', () => (0,_aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_2__/* .paginateDescribeDBInstances */ .$PQ)({ client, pageSize: PAGE_SIZE }, {}), (p) => p.DBInstances?.map(_raw_js__WEBPACK_IMPORTED_MODULE_3__/* .rawInstance */ .Ie))),
        scan.limit(() => readListing(scan, 'DescribeDBClusters', () => (0,_aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_2__/* .paginateDescribeDBClusters */ .cbb)({ client, pageSize: PAGE_SIZE }, {}), (p) => p.DBClusters?.map(_raw_js__WEBPACK_IMPORTED_MODULE_3__/* .rawCluster */ .Tz))),
    ]);
    const dbInstances = instances.filter((i) => (0,_engines_js__WEBPACK_IMPORTED_MODULE_1__/* .isRdsDatabaseEngine */ .zq)(i.Engine));
    const dbClusters = clusters.filter((c) => (0,_engines_js__WEBPACK_IMPORTED_MODULE_1__/* .isRdsDatabaseEngine */ .zq)(c.Engine));
    const facts = {
        region: scan.region,
        dbInstances,
        dbClusters,
        dbParameterGroups: [],
        dbClusterParameterGroups: [],
        optionGroups: [],
        engineVersions: null,
        certificates: null,
        pendingMaintenanceActions: null,
    };
    if (dbInstances.length + dbClusters.length === 0)
        return facts;
    // Members take TLS from their cluster's group; their own DB parameter group does not decide it.
    const standalone = dbInstances.filter((i) => !i.DBClusterIdentifier);
    const dbGroups = groupsToRead(standalone.map((i) => ({ group: i.DBParameterGroups?.[0]?.DBParameterGroupName, engine: i.Engine })));
    const clusterGroups = groupsToRead(dbClusters.map((c) => ({ group: c.DBClusterParameterGroup, engine: c.Engine })));
    const optionGroupNames = [
        ...new Set(standalone.filter((i) => (0,_engines_js__WEBPACK_IMPORTED_MODULE_1__/* .usesOptionGroupTls */ .qI)(i.Engine)).flatMap((i) => (i.OptionGroupMemberships ?? []).flatMap((m) => (m.OptionGroupName ? [m.OptionGroupName] : [])))),
    ].sort();
    [
        facts.dbParameterGroups,
        facts.dbClusterParameterGroups,
        facts.optionGroups,
        facts.engineVersions,
        facts.certificates,
        facts.pendingMaintenanceActions,
    ] = await Promise.all([
        readParameterGroups(scan, 'db', dbGroups),
        readParameterGroups(scan, 'cluster', clusterGroups),
        readOptionGroups(scan, optionGroupNames),
        readEngineVersions(scan, enginePairs([...dbInstances, ...dbClusters])),
        readCertificates(scan),
        readPendingCaRotations(scan),
    ]);
    return facts;
}


/***/ }),

/***/ 602:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t7: () => (/* binding */ createRdsClient),
/* harmony export */   xe: () => (/* binding */ countCalls)
/* harmony export */ });
/* unused harmony export DEFAULT_MAX_ATTEMPTS */
/* harmony import */ var _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7202);
// The RDS client a scan uses: the SDK's standard configuration (credential chain, AWS_PROFILE,
// AWS_ENDPOINT_URL_RDS, …) with adaptive retries, so throttling slows the scan down instead of failing it.

/** Attempts per call, the first included. Adaptive mode also rate-limits the client after throttling. */
const DEFAULT_MAX_ATTEMPTS = 6;
/**
 * A client for one region. `AWS_RETRY_MODE` and `AWS_MAX_ATTEMPTS` still win when set; the endpoint
 * is never set here, so `AWS_ENDPOINT_URL_RDS` / `AWS_ENDPOINT_URL` apply as the SDK reads them.
 * `overrides` is for tests (a fake HTTP handler, static credentials).
 */
function createRdsClient(region, env = process.env, overrides = {}) {
    return new _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_0__/* .RDSClient */ .rYe({
        region,
        retryMode: env.AWS_RETRY_MODE ? undefined : 'adaptive',
        maxAttempts: env.AWS_MAX_ATTEMPTS ? undefined : DEFAULT_MAX_ATTEMPTS,
        ...overrides,
    });
}
/**
 * Counts the operations a client sends (one per call, retries not counted) into `counts`, by
 * command name ("DescribeDBInstancesCommand" → "DescribeDBInstances"). For benchmarks and tests.
 */
function countCalls(client, counts) {
    client.middlewareStack.add((next, context) => async (args) => {
        const name = String(context.commandName ?? 'unknown').replace(/Command$/, '');
        counts[name] = (counts[name] ?? 0) + 1;
        return next(args);
    }, { step: 'initialize', name: 'rdsTlsGuardCallCounter' });
    return client;
}


/***/ }),

/***/ 2590:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N4: () => (/* binding */ tlsParameter),
/* harmony export */   RB: () => (/* binding */ tlsOption),
/* harmony export */   qI: () => (/* binding */ usesOptionGroupTls),
/* harmony export */   zq: () => (/* binding */ isRdsDatabaseEngine)
/* harmony export */ });
/* unused harmony export tlsMechanism */
/* harmony import */ var _facts_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2561);
// Which engines a scan keeps, and which TLS setting to read for each (from the shipped engine data,
// so a new engine or parameter is a data change).

const facts = (0,_facts_index_js__WEBPACK_IMPORTED_MODULE_0__/* .createFacts */ .u)();
/** DescribeDB* also list DocumentDB and Neptune; they are not RDS databases. */
function isRdsDatabaseEngine(engine) {
    const name = (engine ?? '').toLowerCase();
    return !name.startsWith('docdb') && !name.startsWith('neptune');
}
function tlsMechanism(engine) {
    return engine ? (facts.engine(engine)?.tls ?? null) : null;
}
/** The parameter that enforces TLS for this engine (lower-cased), or null (option group, unknown engine). */
function tlsParameter(engine) {
    const tls = tlsMechanism(engine);
    return tls?.mechanism === 'parameter' ? tls.parameter.toLowerCase() : null;
}
function usesOptionGroupTls(engine) {
    return tlsMechanism(engine)?.mechanism === 'option-group';
}
/** The option that enables TLS for option-group engines (Oracle: `SSL`). */
function tlsOption(engine) {
    const tls = tlsMechanism(engine);
    return tls?.mechanism === 'option-group' ? tls.option : null;
}


/***/ }),

/***/ 2387:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ normalise),
/* harmony export */   z: () => (/* binding */ engineVersionFact)
/* harmony export */ });
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(182);
/* harmony import */ var _engines_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2590);
/* harmony import */ var _raw_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6915);



function engineFact(engine, via) {
    return engine ? (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .known */ .eO)(engine.toLowerCase(), undefined, via) : (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5)(`${via} gives no Engine`);
}
function engineVersionFact(raw, source) {
    return {
        engine: raw.Engine.toLowerCase(),
        version: raw.EngineVersion,
        supportsCertificateRotationWithoutRestart: raw.SupportsCertificateRotationWithoutRestart ?? null,
        supportedCAs: raw.SupportedCACertificateIdentifiers ?? null,
        parameterGroupFamily: raw.DBParameterGroupFamily ?? null,
        source,
    };
}
function accountOf(arn) {
    const account = arn?.split(':')[4];
    return account ? account : null;
}
function tagsOf(list) {
    const tags = {};
    for (const tag of list ?? [])
        if (tag.Key)
            tags[tag.Key] = tag.Value ?? '';
    return tags;
}
/** Cluster parameter group status seen by the members: pending-reboot on any member wins. */
function clusterApplyStatus(cluster) {
    const statuses = (cluster.DBClusterMembers ?? []).flatMap((m) => (m.DBClusterParameterGroupStatus ? [m.DBClusterParameterGroupStatus] : []));
    if (statuses.length === 0)
        return null;
    return statuses.find((s) => s === 'pending-reboot') ?? statuses.find((s) => s !== 'in-sync') ?? statuses[0];
}
/** Reads the target CA out of a maintenance action's description, where AWS names one. */
function caNamedIn(description) {
    return description?.match(/\brds-ca-[a-z0-9-]*[a-z0-9]\b/i)?.[0]?.toLowerCase() ?? null;
}
class RegionNormaliser {
    facts;
    origin;
    location;
    engineVersions = new Map();
    groups = new Map();
    groupObjects = new Map();
    clusters = new Map();
    instances = new Map();
    rotations = new Map();
    constructor(facts, origin) {
        this.facts = facts;
        this.origin = origin;
        this.location = (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .noLocation */ .xw)(origin.file);
        for (const v of facts.engineVersions ?? [])
            this.engineVersions.set(`${v.Engine.toLowerCase()} ${v.EngineVersion}`, v);
        for (const g of facts.dbParameterGroups)
            this.groups.set(`db ${g.name}`, g);
        for (const g of facts.dbClusterParameterGroups)
            this.groups.set(`cluster ${g.name}`, g);
        for (const c of facts.dbClusters)
            this.clusters.set(c.DBClusterIdentifier, c);
        for (const i of facts.dbInstances)
            this.instances.set(i.DBInstanceIdentifier, i);
        for (const p of facts.pendingMaintenanceActions ?? [])
            this.rotations.set(p.ResourceIdentifier, p.PendingMaintenanceActionDetails);
    }
    get region() {
        return this.facts.region;
    }
    via(api) {
        return `${api} ${this.region}`;
    }
    resources() {
        const rds = (list) => list.filter((r) => (0,_engines_js__WEBPACK_IMPORTED_MODULE_0__/* .isRdsDatabaseEngine */ .zq)(r.Engine));
        return [...rds(this.facts.dbClusters).map((c) => this.cluster(c)), ...rds(this.facts.dbInstances).map((i) => this.instance(i))];
    }
    certificates() {
        const certificates = this.facts.certificates;
        if (!certificates)
            return [];
        const defaultCa = certificates.DefaultCertificateForNewLaunches?.toLowerCase();
        return certificates.Certificates.map((c) => {
            const fact = { identifier: c.CertificateIdentifier, validTill: c.ValidTill ?? null, region: this.region };
            if (defaultCa)
                fact.defaultForNewLaunches = c.CertificateIdentifier.toLowerCase() === defaultCa;
            return fact;
        });
    }
    engineVersionFacts() {
        return (this.facts.engineVersions ?? []).map((v) => engineVersionFact(v, this.via('DescribeDBEngineVersions')));
    }
    base(identifier, arn, kind, api, raw) {
        return {
            id: identifier,
            arn: arn ?? null,
            kind,
            engine: engineFact(raw.Engine, this.via(api)),
            engineVersion: (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .known */ .eO)(raw.EngineVersion ?? null, undefined, this.via(api)),
            tags: tagsOf(raw.TagList),
            identifier,
            endpoint: null,
            change: null,
            origin: { type: this.origin.type, file: this.origin.file, region: this.region, account: accountOf(arn), location: this.location },
        };
    }
    instance(db) {
        const api = 'DescribeDBInstances';
        const clusterId = db.DBClusterIdentifier;
        const resource = this.base(db.DBInstanceIdentifier, db.DBInstanceArn, clusterId ? 'cluster-member' : 'db-instance', api, db);
        resource.endpoint = db.Endpoint?.Address ?? null;
        if (clusterId) {
            resource.clusterId = clusterId;
            // The CA of a Multi-AZ DB cluster is the cluster's; an Aurora instance has its own.
            if (this.clusterTypeOf(clusterId, db.Engine) === 'aurora')
                resource.ca = this.instanceCa(db);
            return resource;
        }
        resource.ca = this.instanceCa(db);
        resource.tls = this.instanceTls(db);
        resource.iamAuth = (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .known */ .eO)(db.IAMDatabaseAuthenticationEnabled ?? false, undefined, this.via(api));
        return resource;
    }
    cluster(cluster) {
        const api = 'DescribeDBClusters';
        const resource = this.base(cluster.DBClusterIdentifier, cluster.DBClusterArn, 'db-cluster', api, cluster);
        resource.clusterType = cluster.DBClusterInstanceClass ? 'multi-az' : 'aurora';
        resource.endpoint = cluster.Endpoint ?? null;
        if (resource.clusterType === 'multi-az')
            resource.ca = this.multiAzCa(cluster);
        resource.tls = {
            parameterGroup: this.groupFact('cluster', cluster.DBClusterParameterGroup, cluster.Engine, cluster.EngineVersion, cluster.DBClusterIdentifier),
            applyStatus: clusterApplyStatus(cluster),
        };
        resource.iamAuth = (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .known */ .eO)(cluster.IAMDatabaseAuthenticationEnabled ?? false, undefined, this.via(api));
        return resource;
    }
    /** Aurora engines make Aurora clusters; when the cluster was not read, the member's engine tells. */
    clusterTypeOf(clusterId, engine) {
        const cluster = this.clusters.get(clusterId);
        if (cluster)
            return cluster.DBClusterInstanceClass ? 'multi-az' : 'aurora';
        return (engine ?? '').toLowerCase().startsWith('aurora') ? 'aurora' : 'multi-az';
    }
    caValidTill(identifier) {
        if (!identifier)
            return undefined;
        const id = identifier.toLowerCase();
        return this.facts.certificates?.Certificates.find((c) => c.CertificateIdentifier.toLowerCase() === id)?.ValidTill;
    }
    /** A pending CA change: `PendingModifiedValues` names the target; a maintenance action may not. */
    pendingChange(arn, current, pendingCa, pendingVia) {
        if (pendingCa)
            return { from: current, to: (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .known */ .eO)(pendingCa, undefined, pendingVia), pending: true };
        if (this.facts.pendingMaintenanceActions === null)
            return undefined;
        const rotation = arn ? this.rotations.get(arn)?.find((a) => a.Action === _raw_js__WEBPACK_IMPORTED_MODULE_2__/* .CA_ROTATION_ACTION */ .nC) : undefined;
        if (!rotation)
            return null;
        const named = caNamedIn(rotation.Description);
        const via = this.via('DescribePendingMaintenanceActions');
        return {
            from: current,
            to: named ? (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .known */ .eO)(named, undefined, via) : (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5)(`the pending ${_raw_js__WEBPACK_IMPORTED_MODULE_2__/* .CA_ROTATION_ACTION */ .nC} maintenance action (${via}) does not name the target CA`),
            pending: true,
        };
    }
    caFacts(identifier, serverCertValidTill, change) {
        const ca = { identifier, serverCertValidTill: serverCertValidTill ?? null };
        const validTill = identifier.known ? this.caValidTill(identifier.value) : undefined;
        if (validTill)
            ca.caValidTill = validTill;
        if (change !== undefined)
            ca.change = change;
        return ca;
    }
    instanceCa(db) {
        const via = this.via('DescribeDBInstances');
        const current = db.CACertificateIdentifier ?? null;
        const change = this.pendingChange(db.DBInstanceArn, current, db.PendingModifiedValues?.CACertificateIdentifier, `${via} PendingModifiedValues`);
        return this.caFacts((0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .known */ .eO)(current, undefined, via), db.CertificateDetails?.ValidTill, change);
    }
    multiAzCa(cluster) {
        const own = cluster.CertificateDetails?.CAIdentifier;
        const member = (cluster.DBClusterMembers ?? [])
            .map((m) => (m.DBInstanceIdentifier ? this.instances.get(m.DBInstanceIdentifier) : undefined))
            .find((m) => m?.CACertificateIdentifier);
        let identifier;
        let serverCertValidTill = cluster.CertificateDetails?.ValidTill;
        if (own)
            identifier = (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .known */ .eO)(own, undefined, this.via('DescribeDBClusters'));
        else if (member) {
            // All instances of a Multi-AZ DB cluster carry the cluster's CA.
            identifier = (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .known */ .eO)(member.CACertificateIdentifier, undefined, `${this.via('DescribeDBInstances')} (member ${member.DBInstanceIdentifier})`);
            serverCertValidTill ??= member.CertificateDetails?.ValidTill;
        }
        else {
            identifier = (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5)(`${this.via('DescribeDBClusters')} gives no CertificateDetails for the Multi-AZ DB cluster, and no member instance was read`);
        }
        const current = identifier.known ? identifier.value : null;
        const change = this.pendingChange(cluster.DBClusterArn, current, cluster.PendingModifiedValues?.CertificateDetails?.CAIdentifier, `${this.via('DescribeDBClusters')} PendingModifiedValues`);
        return this.caFacts(identifier, serverCertValidTill, change);
    }
    instanceTls(db) {
        const membership = db.DBParameterGroups?.[0];
        const tls = {
            parameterGroup: this.groupFact('db', membership?.DBParameterGroupName, db.Engine, db.EngineVersion, db.DBInstanceIdentifier),
            applyStatus: membership?.ParameterApplyStatus ?? null,
        };
        if ((0,_engines_js__WEBPACK_IMPORTED_MODULE_0__/* .usesOptionGroupTls */ .qI)(db.Engine))
            tls.sslOption = this.sslOption(db);
        return tls;
    }
    sslOption(db) {
        const option = (0,_engines_js__WEBPACK_IMPORTED_MODULE_0__/* .tlsOption */ .RB)(db.Engine) ?? 'SSL';
        const via = this.via('DescribeOptionGroups');
        const names = (db.OptionGroupMemberships ?? []).flatMap((m) => (m.OptionGroupName ? [m.OptionGroupName] : []));
        if (names.length === 0)
            return (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .known */ .eO)(false, undefined, `${this.via('DescribeDBInstances')}: no option group`);
        let has = false;
        for (const name of names) {
            const group = this.facts.optionGroups.find((g) => g.name === name);
            if (!group)
                return (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5)(`option group ${name} was not read`);
            if (group.unreadable !== undefined)
                return (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5)(group.unreadable);
            has ||= (group.options ?? []).some((o) => o.toUpperCase() === option.toUpperCase());
        }
        return (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .known */ .eO)(has, undefined, via);
    }
    groupFact(kind, name, engine, engineVersion, owner) {
        const api = kind === 'db' ? 'DescribeDBInstances' : 'DescribeDBClusters';
        const what = kind === 'db' ? 'DB parameter group' : 'DB cluster parameter group';
        if (!name)
            return (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5)(`${this.via(api)} gives no ${what} for ${owner}`);
        if (!(0,_engines_js__WEBPACK_IMPORTED_MODULE_0__/* .tlsParameter */ .N4)(engine)) {
            const why = (0,_engines_js__WEBPACK_IMPORTED_MODULE_0__/* .usesOptionGroupTls */ .qI)(engine) ? `${engine} enforces TLS with an option, not a parameter` : `no TLS parameter is known for engine ${engine ?? '(none)'}`;
            return (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5)(`${what} ${name} was not read: ${why}`);
        }
        const raw = this.groups.get(`${kind} ${name}`);
        if (!raw)
            return (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5)(`${what} ${name} was not read`);
        if (raw.unreadable !== undefined || !raw.parameters)
            return (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5)(raw.unreadable ?? `${what} ${name} was not read`);
        const key = `${kind} ${name}`;
        let group = this.groupObjects.get(key);
        if (!group) {
            group = this.parameterGroup(kind, raw, engine, engineVersion);
            this.groupObjects.set(key, group);
        }
        return (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .known */ .eO)(group, undefined, this.via(kind === 'db' ? 'DescribeDBParameters' : 'DescribeDBClusterParameters'));
    }
    parameterGroup(kind, raw, engine, engineVersion) {
        const api = kind === 'db' ? 'DescribeDBParameters' : 'DescribeDBClusterParameters';
        const via = this.via(api);
        const parameters = {};
        for (const p of raw.parameters ?? []) {
            // A parameter listed without a value is unset: the engine default applies, as if absent.
            if (p.ParameterValue === undefined)
                continue;
            const value = { name: p.ParameterName, value: (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .known */ .eO)(p.ParameterValue, undefined, via) };
            if (p.ApplyType === 'static' || p.ApplyType === 'dynamic')
                value.applyType = p.ApplyType;
            if (p.ApplyMethod === 'immediate' || p.ApplyMethod === 'pending-reboot')
                value.applyMethod = p.ApplyMethod;
            if (p.Source)
                value.source = p.Source;
            parameters[p.ParameterName.toLowerCase()] = value;
        }
        return {
            id: raw.name,
            kind,
            name: (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .known */ .eO)(raw.name, undefined, via),
            family: this.familyOf(raw.name, engine, engineVersion),
            parameters,
            // No `Source` filter: AWS lists engine defaults too, so what is listed is what is in effect.
            includesDefaults: true,
            location: this.location,
        };
    }
    /** The group's family: the engine version's `DBParameterGroupFamily` (a group only serves its family). */
    familyOf(name, engine, engineVersion) {
        const version = engine && engineVersion ? this.engineVersions.get(`${engine.toLowerCase()} ${engineVersion}`) : undefined;
        if (version?.DBParameterGroupFamily)
            return (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .known */ .eO)(version.DBParameterGroupFamily, undefined, this.via('DescribeDBEngineVersions'));
        if (name.startsWith('default.'))
            return (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .known */ .eO)(name.slice('default.'.length), undefined, 'default parameter group name');
        return (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5)(`no DescribeDBEngineVersions facts for ${engine ?? '(no engine)'} ${engineVersion ?? ''}`.trim());
    }
}
/** Raw facts of every region → one SourceResult. */
function normalise(captured, origin) {
    const regions = captured.regions.map((facts) => new RegionNormaliser(facts, origin));
    const result = {
        resources: regions.flatMap((r) => r.resources()),
        errors: [...captured.errors],
        engineVersions: regions.flatMap((r) => r.engineVersionFacts()),
        certificates: regions.flatMap((r) => r.certificates()),
    };
    if (captured.unavailable.length > 0)
        result.unavailable = [...captured.unavailable];
    return result;
}


/***/ }),

/***/ 6915:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AR: () => (/* binding */ rawParameter),
/* harmony export */   Ie: () => (/* binding */ rawInstance),
/* harmony export */   Ou: () => (/* binding */ rawOptionNames),
/* harmony export */   Tz: () => (/* binding */ rawCluster),
/* harmony export */   f8: () => (/* binding */ rawCaRotation),
/* harmony export */   nC: () => (/* binding */ CA_ROTATION_ACTION),
/* harmony export */   v9: () => (/* binding */ rawEngineVersion),
/* harmony export */   yc: () => (/* binding */ rawCertificate)
/* harmony export */ });
const CA_ROTATION_ACTION = 'ca-certificate-rotation';
/** SDK timestamps are Dates; recorded ones may already be strings. */
function timestamp(value) {
    if (value === undefined || value === null)
        return undefined;
    return value instanceof Date ? value.toISOString() : String(value);
}
/** Copies the named members that are present (not undefined), so raw facts carry no empty keys. */
function pick(source, keys) {
    const out = {};
    for (const key of keys)
        if (source[key] !== undefined && source[key] !== null)
            out[key] = source[key];
    return out;
}
function tags(list) {
    return list?.map((tag) => pick(tag, ['Key', 'Value']));
}
function rawInstance(db) {
    const raw = {
        DBInstanceIdentifier: db.DBInstanceIdentifier ?? '',
        ...pick(db, ['DBInstanceArn', 'Engine', 'EngineVersion', 'DBClusterIdentifier', 'CACertificateIdentifier', 'IAMDatabaseAuthenticationEnabled']),
    };
    if (db.CertificateDetails) {
        raw.CertificateDetails = { ...pick(db.CertificateDetails, ['CAIdentifier']) };
        const validTill = timestamp(db.CertificateDetails.ValidTill);
        if (validTill)
            raw.CertificateDetails.ValidTill = validTill;
    }
    if (db.DBParameterGroups)
        raw.DBParameterGroups = db.DBParameterGroups.map((g) => pick(g, ['DBParameterGroupName', 'ParameterApplyStatus']));
    if (db.OptionGroupMemberships)
        raw.OptionGroupMemberships = db.OptionGroupMemberships.map((g) => pick(g, ['OptionGroupName', 'Status']));
    if (db.PendingModifiedValues?.CACertificateIdentifier) {
        raw.PendingModifiedValues = { CACertificateIdentifier: db.PendingModifiedValues.CACertificateIdentifier };
    }
    if (db.Endpoint?.Address)
        raw.Endpoint = { Address: db.Endpoint.Address };
    const tagList = tags(db.TagList);
    if (tagList)
        raw.TagList = tagList;
    return raw;
}
function rawCluster(cluster) {
    const raw = {
        DBClusterIdentifier: cluster.DBClusterIdentifier ?? '',
        ...pick(cluster, [
            'DBClusterArn', 'Engine', 'EngineVersion', 'DBClusterInstanceClass', 'DBClusterParameterGroup',
            'IAMDatabaseAuthenticationEnabled', 'Endpoint',
        ]),
    };
    if (cluster.DBClusterMembers) {
        raw.DBClusterMembers = cluster.DBClusterMembers.map((m) => pick(m, ['DBInstanceIdentifier', 'DBClusterParameterGroupStatus']));
    }
    if (cluster.CertificateDetails) {
        raw.CertificateDetails = { ...pick(cluster.CertificateDetails, ['CAIdentifier']) };
        const validTill = timestamp(cluster.CertificateDetails.ValidTill);
        if (validTill)
            raw.CertificateDetails.ValidTill = validTill;
    }
    const pendingCa = cluster.PendingModifiedValues?.CertificateDetails?.CAIdentifier;
    if (pendingCa)
        raw.PendingModifiedValues = { CertificateDetails: { CAIdentifier: pendingCa } };
    const tagList = tags(cluster.TagList);
    if (tagList)
        raw.TagList = tagList;
    return raw;
}
function rawParameter(parameter) {
    return {
        ParameterName: parameter.ParameterName ?? '',
        ...pick(parameter, ['ParameterValue', 'Source', 'ApplyType', 'ApplyMethod']),
    };
}
function rawOptionNames(group) {
    return (group.Options ?? []).flatMap((o) => (o.OptionName ? [o.OptionName] : []));
}
function rawEngineVersion(version) {
    return {
        Engine: version.Engine ?? '',
        EngineVersion: version.EngineVersion ?? '',
        ...pick(version, ['DBParameterGroupFamily', 'SupportsCertificateRotationWithoutRestart', 'SupportedCACertificateIdentifiers']),
    };
}
function rawCertificate(certificate) {
    const raw = { CertificateIdentifier: certificate.CertificateIdentifier ?? '', ...pick(certificate, ['CustomerOverride']) };
    const validTill = timestamp(certificate.ValidTill);
    if (validTill)
        raw.ValidTill = validTill;
    return raw;
}
/** Keeps only the CA rotation actions; null when the resource has none. */
function rawCaRotation(pending) {
    const details = (pending.PendingMaintenanceActionDetails ?? [])
        .filter((d) => d.Action === CA_ROTATION_ACTION)
        .map((d) => pick(d, ['Action', 'Description']));
    if (!pending.ResourceIdentifier || details.length === 0)
        return null;
    return { ResourceIdentifier: pending.ResourceIdentifier, PendingMaintenanceActionDetails: details };
}


/***/ })

};

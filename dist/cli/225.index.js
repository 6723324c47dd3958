export const id = 225;
export const ids = [225];
export const modules = {

/***/ 225:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   countCalls: () => (/* reexport safe */ _client_js__WEBPACK_IMPORTED_MODULE_2__.xe),
/* harmony export */   createRdsClient: () => (/* reexport safe */ _client_js__WEBPACK_IMPORTED_MODULE_2__.t7),
/* harmony export */   readLive: () => (/* binding */ readLive)
/* harmony export */ });
/* harmony import */ var _normalise_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2387);
/* harmony import */ var _scan_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6799);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(602);



async function readLive(options) {
    return (0,_normalise_js__WEBPACK_IMPORTED_MODULE_0__/* .normalise */ .j)(await (0,_scan_js__WEBPACK_IMPORTED_MODULE_1__/* .scanRegions */ .J)(options), { type: 'live', file: null });
}


/***/ }),

/***/ 6799:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  J: () => (/* binding */ scanRegions)
});

// UNUSED EXPORTS: DEFAULT_CONCURRENCY

// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(370);
// EXTERNAL MODULE: ./src/sources/live/capture.ts
var capture = __webpack_require__(5487);
// EXTERNAL MODULE: ./src/sources/live/client.ts
var client = __webpack_require__(602);
// EXTERNAL MODULE: ./src/sources/live/aws-errors.ts
var aws_errors = __webpack_require__(186);
;// CONCATENATED MODULE: ./src/sources/live/ledger.ts

const OPTIONAL_APIS = new Set([
    'DescribeOptionGroups',
    'DescribeDBEngineVersions',
    'DescribeCertificates',
    'DescribePendingMaintenanceActions',
]);
/** Problems of a whole scan: one entry per region, API and distinct message. */
class Ledger {
    errors = [];
    unavailable = [];
    /** region + API → why later calls are skipped. */
    broken = new Map();
    /**
     * Records a failed call (`item`: the group or engine version it was about) and returns the reason
     * the affected facts carry. After a denial, or any failure of an optional API, the API is not
     * called again in that region: every further call would fail the same way.
     */
    fail(region, api, error, item) {
        const described = (0,aws_errors/* describeAwsError */.Pp)(error);
        const source = `${region} ${api}`;
        const message = item ? `${item}: ${described}` : described;
        const denied = (0,aws_errors/* isAccessDenied */.w7)(error);
        const optional = OPTIONAL_APIS.has(api);
        const list = optional && denied ? this.unavailable : this.errors;
        if (!list.some((e) => e.source === source && e.message === message))
            list.push({ source, message });
        const reason = `${api} failed in ${region}: ${described}`;
        if (optional || denied)
            this.broken.set(source, reason);
        return reason;
    }
    /** Why calls to this API in this region are no longer made, or null. */
    skipped(region, api) {
        return this.broken.get(`${region} ${api}`) ?? null;
    }
    /** A problem outside the regions' calls (the enabled regions could not be listed). */
    add(source, message) {
        this.errors.push({ source, message });
    }
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-account/dist-cjs/index.js
var dist_cjs = __webpack_require__(2990);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/sources/live/regions.ts
// Which regions a scan reads. `all` means the regions enabled for the account, from the Account
// Management API's ListRegions (opt-in status ENABLED or ENABLED_BY_DEFAULT). EC2 DescribeRegions
// answers the same question, but @aws-sdk/client-ec2 adds about 1.1 MB to each bundle against
// about 23 kB for @aws-sdk/client-account (measured with ncc, minified; see docs/live.md).



const ALL_REGIONS = 'all';
// us-east-1, us-gov-west-1, cn-northwest-1, ap-southeast-5, us-isob-east-1, …
const REGION_NAME = /^[a-z]{2,}(?:-[a-z0-9]+)+-\d+$/;
/** Validates `--region` values; `all` must stand alone. */
function planRegions(regions) {
    const names = [...new Set(regions.map((r) => r.trim()).filter((r) => r.length > 0))];
    if (names.length === 0)
        throw new errors/* InputError */.d('--live needs at least one --region (or AWS_REGION)');
    if (names.includes(ALL_REGIONS)) {
        if (names.length > 1)
            throw new errors/* InputError */.d(`--region ${ALL_REGIONS} scans every enabled region; give it alone, not with ${names.filter((n) => n !== ALL_REGIONS).join(', ')}`);
        return { kind: 'all' };
    }
    const bad = names.find((n) => !REGION_NAME.test(n));
    if (bad)
        throw new errors/* InputError */.d(`--region "${bad}" is not an AWS region name (like us-east-1), nor "${ALL_REGIONS}"`);
    return { kind: 'listed', regions: names };
}
/** The Account API is global; the region only picks its partition's endpoint. */
function createAccountClient(env = process.env) {
    return new dist_cjs/* AccountClient */.pt({ region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1', retryMode: 'adaptive' });
}
/** Regions enabled for the account, sorted; or why they could not be listed. */
async function listEnabledRegions(client = createAccountClient()) {
    const regions = [];
    try {
        const pages = (0,dist_cjs/* paginateListRegions */.$P)({ client, pageSize: 50 }, { RegionOptStatusContains: ['ENABLED', 'ENABLED_BY_DEFAULT'] });
        for await (const page of pages) {
            for (const region of page.Regions ?? [])
                if (region.RegionName)
                    regions.push(region.RegionName);
        }
    }
    catch (error) {
        return { regions: [], error: `${(0,aws_errors/* describeAwsError */.Pp)(error)} (list the regions with --region instead of "${ALL_REGIONS}")` };
    }
    return { regions: [...new Set(regions)].sort(), error: null };
}

;// CONCATENATED MODULE: ./src/sources/live/scan.ts





const DEFAULT_CONCURRENCY = 8;
/** Regions finish in any order; reports should not. */
function bySource(list) {
    return [...list].sort((a, b) => a.source.localeCompare(b.source) || a.message.localeCompare(b.message));
}
async function scanRegions(options) {
    const plan = planRegions(options.regions);
    const ledger = new Ledger();
    let regionNames;
    if (plan.kind === 'all') {
        const accountClient = options.accountClient ?? createAccountClient();
        try {
            const enabled = await listEnabledRegions(accountClient);
            if (enabled.error)
                ledger.add('account ListRegions', enabled.error);
            regionNames = enabled.regions;
        }
        finally {
            if (!options.accountClient)
                accountClient.destroy();
        }
    }
    else {
        regionNames = plan.regions;
    }
    const limit = (0,p_limit/* default */.A)(Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY));
    const clientFactory = options.clientFactory ?? ((region) => (0,client/* createRdsClient */.t7)(region));
    const clients = regionNames.map((region) => clientFactory(region));
    try {
        const regions = await Promise.all(regionNames.map((region, i) => (0,capture/* captureRegion */.f5)({ region, client: clients[i], limit, ledger })));
        return { regionNames, regions, errors: bySource(ledger.errors), unavailable: bySource(ledger.unavailable) };
    }
    finally {
        // Only clients built here hold sockets this scan should close.
        if (!options.clientFactory)
            for (const client of clients)
                client.destroy();
    }
}


/***/ })

};

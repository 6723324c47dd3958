export const id = 713;
export const ids = [713];
export const modules = {

/***/ 9713:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   starterPolicy: () => (/* binding */ starterPolicy)
/* harmony export */ });
/* unused harmony export STARTER_SCHEMA_FILE */
/* harmony import */ var _defaults_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6794);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3943);
// The commented starter policy `rds-tls-guard init` writes. Values come from DEFAULT_POLICY so the
// two cannot drift; a test parses it back and compares.


/** The schema file the `$schema` hint points at, relative to the policy file. */
const STARTER_SCHEMA_FILE = 'rds-tls-policy.schema.json';
const RULE_COMMENTS = {
    'ca-allowed': 'CA is not in ca.allowed',
    'ca-expiring': 'CA or server certificate expires within ca.min-days-valid days',
    'ssl-enforced': 'TLS is not enforced',
    'iam-auth': 'IAM database authentication is off',
    'no-restart': 'a change restarts a database (only with restart.allowed: false)',
    unknown: 'a fact a rule needs is unknown (e.g. known only after apply)',
};
function starterPolicy() {
    const { ca, ssl, iamAuth, restart, severity } = _defaults_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_POLICY */ .z;
    const width = Math.max(..._types_js__WEBPACK_IMPORTED_MODULE_1__/* .RULE_IDS */ .I.map((rule) => `${rule}: ${severity[rule]}`.length)) + 2;
    const severityLines = _types_js__WEBPACK_IMPORTED_MODULE_1__/* .RULE_IDS */ .I.map((rule) => `  ${`${rule}: ${severity[rule]}`.padEnd(width)}# ${RULE_COMMENTS[rule]}`);
    return `# yaml-language-server: $schema=${STARTER_SCHEMA_FILE}
# rds-tls-guard policy, version 1. Every key is optional; the values below are the built-in defaults.
# Editor completion and checks: rds-tls-guard schema > .github/${STARTER_SCHEMA_FILE}
version: 1

ca:
  # CAs a database may use (rule ca-allowed).
  allowed: [${ca.allowed.join(', ')}]
  # A CA or server certificate that expires within this many days is a finding (rule ca-expiring).
  min-days-valid: ${ca.minDaysValid}
  # CA of a database whose CA is not set: the account default for new databases.
  assume-default: ${ca.assumeDefault}

ssl:
  # true: the engine's TLS-enforcing setting (rds.force_ssl, require_secure_transport, ...) must be on.
  required: ${ssl.required}

iam-auth:
  # true: IAM database authentication must be enabled where the engine supports it.
  required: ${iamAuth.required}

restart:
  # false: a change in the plan or change set that would restart a database is a finding (rule no-restart).
  allowed: ${restart.allowed}

# How each rule is reported: error | warning | notice | off. --fail-on decides which severities fail the run.
severity:
${severityLines.join('\n')}

# Which databases to check. Without scope, every database in the sources is checked.
# scope:
#   engines: [postgres, mysql, mariadb, aurora-*]   # globs allowed; an unknown engine is still checked
#   exclude:                                         # selectors: any of id (glob), engine (glob), tag
#     - id: "legacy-*"
#     - tag: { key: tls-policy, value: exempt }

# Settings for some databases. Every matching entry applies, in order: later entries win.
# overrides:
#   - match: { tag: { key: env, value: dev } }
#     iam-auth: { required: false }
#   - match: { engine: "aurora-*" }
#     restart: { allowed: false }

# Accepted violations. Each needs a reason; after expires (YYYY-MM-DD) it is void and reported.
# exemptions:
#   - id: billing-db
#     rules: [iam-auth]          # leave out to exempt every rule
#     reason: vendor client has no IAM auth support
#     expires: 2027-03-31
`;
}


/***/ }),

/***/ 3943:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ RULE_IDS),
/* harmony export */   o: () => (/* binding */ SEVERITIES)
/* harmony export */ });
const RULE_IDS = ['ca-allowed', 'ca-expiring', 'ssl-enforced', 'iam-auth', 'no-restart', 'unknown'];
const SEVERITIES = ['error', 'warning', 'notice'];


/***/ })

};

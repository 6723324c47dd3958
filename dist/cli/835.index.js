export const id = 835;
export const ids = [835];
export const modules = {

/***/ 3943:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ RULE_IDS),
/* harmony export */   o: () => (/* binding */ SEVERITIES)
/* harmony export */ });
const RULE_IDS = ['ca-allowed', 'ca-expiring', 'ssl-enforced', 'iam-auth', 'no-restart', 'unknown'];
const SEVERITIES = ['error', 'warning', 'notice'];


/***/ }),

/***/ 7835:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  renderReportChunks: () => (/* binding */ renderReportChunks)
});

// UNUSED EXPORTS: FORMATS, SARIF_MAX_RESULTS, escapeMarkdown, inlineCode, isFormat, renderCsv, renderJson, renderJsonChunks, renderMarkdown, renderReport, renderSarif, renderText, textLength, truncateTo

;// CONCATENATED MODULE: ./src/report/csv.ts
const COLUMNS = [
    'engine',
    'engine_version',
    'identifier',
    'arn',
    'endpoint',
    'ca',
    'ca_valid_till',
    'rotation_restarts',
    'supported_cas',
    'tls_enforced',
    'iam_auth',
    'kind',
    'source',
    'region',
    'db_identifier',
    'file',
    'line',
];
function tristate(value, basis = '') {
    if (value != null)
        return String(value);
    return basis.startsWith('not applicable') ? 'n/a' : 'unknown';
}
function notApplicable(resource) {
    return resource.caBasis.startsWith('not applicable');
}
function cells(resource) {
    return {
        engine: resource.engine,
        engine_version: resource.engineVersion,
        identifier: resource.id,
        arn: resource.arn,
        endpoint: resource.endpoint,
        // Empty where the CA is not set on this kind (an Aurora cluster); "unknown" where it could not be known.
        ca: resource.ca ?? (resource.caBasis.startsWith('unknown') ? 'unknown' : null),
        ca_valid_till: resource.caValidTill,
        rotation_restarts: notApplicable(resource) ? null : tristate(resource.rotationRestarts),
        supported_cas: resource.supportedCAs?.join(' ') ?? null,
        tls_enforced: tristate(resource.sslEnforced, resource.sslBasis),
        iam_auth: tristate(resource.iamAuth, resource.iamAuthBasis),
        kind: resource.kind,
        source: resource.source.type,
        region: resource.source.region,
        db_identifier: resource.identifier,
        file: resource.source.file,
        line: resource.source.line,
    };
}
/**
 * One RFC 4180 field. A value that a spreadsheet would run as a formula (it starts with `=`, `+`,
 * `-`, `@`, a tab or a carriage return) gets a leading `'`, which spreadsheets show as text.
 */
function csvField(value) {
    let text = value == null ? '' : String(value);
    if (/^[=+\-@\t\r]/.test(text))
        text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
function renderCsv(report) {
    const lines = [COLUMNS.join(',')];
    for (const resource of report.resources) {
        const row = cells(resource);
        lines.push(COLUMNS.map((column) => csvField(row[column])).join(','));
    }
    return `${lines.join('\r\n')}\r\n`;
}

// EXTERNAL MODULE: ./src/report/json.ts
var json = __webpack_require__(2794);
// EXTERNAL MODULE: ./src/policy/types.ts
var types = __webpack_require__(3943);
;// CONCATENATED MODULE: ./src/report/common.ts
// What every renderer derives from a Report the same way: order, counts, wording, highlights.

const PROJECT_URL = 'https://github.com/rds-tls-guard/rds-tls-guard';
/** Where each rule is explained; docs/rules.md has one section per rule id. */
function ruleDocUrl(ruleId) {
    return `${PROJECT_URL}/blob/main/docs/rules.md#${ruleId}`;
}
const SEVERITY_RANK = { error: 0, warning: 1, notice: 2 };
/** Most severe first; report order is kept within a severity (the sort is stable). */
function sortBySeverity(findings) {
    return [...findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}
function plural(count, singular, pluralForm = `${singular}s`) {
    return `${count} ${count === 1 ? singular : pluralForm}`;
}
function countBySeverity(findings) {
    const counts = { error: 0, warning: 0, notice: 0 };
    for (const finding of findings)
        counts[finding.severity]++;
    return counts;
}
/** "3 errors, 9 warnings": the severities that occur, most severe first. */
function describeCounts(counts) {
    return types/* SEVERITIES */.o.filter((severity) => counts[severity] > 0)
        .map((severity) => plural(counts[severity], severity))
        .join(', ');
}
/** `file:line:col`, `file:line`, `file`, or null when the source has no file. */
function fileLocation(source) {
    if (!source.file)
        return null;
    if (source.line == null)
        return source.file;
    return source.column != null ? `${source.file}:${source.line}:${source.column}` : `${source.file}:${source.line}`;
}
/** Where a resource or finding is: its file position, else the region of a live or snapshot source. */
function whereText(source) {
    return fileLocation(source) ?? (source.region ? `${source.type} ${source.region}` : source.type);
}
/** "postgres 15.4", "postgres" or "" */
function engineText(resource) {
    return [resource.engine, resource.engineVersion].filter(Boolean).join(' ');
}
/** yes / no, or n/a when the basis says not applicable, else unknown. */
function yesNoUnknown(value, basis = '') {
    if (value != null)
        return value ? 'yes' : 'no';
    return basis.startsWith('not applicable') ? 'n/a' : 'unknown';
}
/** Resources a change (or the rotation a ca-allowed fix takes) would restart. */
function restartingResources(report) {
    return report.resources.filter((resource) => resource.restart.required === true);
}
/**
 * Finds the resource a finding is about. Ids repeat across sources (the same Terraform address in
 * two plans, one logical id in a YAML and a JSON template), so the source type and region must
 * match, and the file decides between the rest; failing that, the first with the id.
 */
function resourceMatcher(report) {
    const byId = new Map();
    for (const resource of report.resources)
        byId.set(resource.id, [...(byId.get(resource.id) ?? []), resource]);
    return (finding) => {
        const sameId = byId.get(finding.resource) ?? [];
        const { type, region, file } = finding.source;
        const sameSource = sameId.filter((r) => r.source.type === type && r.source.region === region);
        return sameSource.find((r) => r.source.file === file) ?? sameSource[0] ?? sameId[0] ?? null;
    };
}
/** Findings grouped by the resource they are about, in order of first appearance. */
function groupByResource(report, findings) {
    const resourceOf = resourceMatcher(report);
    const groups = new Map();
    for (const finding of findings) {
        const resource = resourceOf(finding);
        const key = resource ?? finding.resource;
        const group = groups.get(key) ?? { id: finding.resource, resource, items: [] };
        group.items.push(finding);
        groups.set(key, group);
    }
    return [...groups.values()];
}
/**
 * Resources with facts that could not be known, each with the reasons: the `unknown` rule's
 * findings, a restart question that has no answer, and a CA basis that says unknown (visible even
 * where `unknown` is off). A derived reason is left out where a finding already says it.
 */
function unknownFacts(report) {
    const groups = new Map();
    const add = (key, id, reason) => {
        const group = groups.get(key) ?? { id, resource: typeof key === 'string' ? null : key, items: [] };
        if (!group.items.includes(reason))
            group.items.push(reason);
        groups.set(key, group);
    };
    const unknownFindings = report.findings.filter((finding) => finding.rule === 'unknown');
    for (const group of groupByResource(report, unknownFindings)) {
        for (const finding of group.items)
            add(group.resource ?? group.id, group.id, finding.message);
    }
    const said = (resource, detail) => groups.get(resource)?.items.some((reason) => reason.includes(detail)) ?? false;
    for (const resource of report.resources) {
        const caReason = resource.caBasis.replace(/^unknown: /, '');
        if (resource.caBasis.startsWith('unknown') && !said(resource, caReason))
            add(resource, resource.id, `CA: ${caReason}`);
        const { restart } = resource;
        if (restart.required === null && restart.trigger && !said(resource, restart.reason)) {
            add(resource, resource.id, `restart: ${restart.reason}`);
        }
    }
    return [...groups.values()];
}
/** Exemptions that need the user's attention: void by date, or matching nothing. */
function staleExemptions(report) {
    return report.policy.exemptions.filter((exemption) => exemption.status !== 'active');
}
/** "expired on 2026-06-30; the 2 findings it covered are reported again", "matched nothing". */
function staleExemptionText(exemption) {
    if (exemption.status !== 'expired')
        return exemption.status === 'unused' ? 'matched nothing' : 'active';
    const count = exemption.matched;
    const again = count > 0 ? `; the ${plural(count, 'finding')} it covered ${count === 1 ? 'is' : 'are'} reported again` : '';
    return `expired on ${exemption.expires ?? 'an unknown date'}${again}`;
}
function policyText(report) {
    return report.policy.file ?? 'built-in default policy';
}
/** Shortens text to `max` UTF-16 units without splitting a surrogate pair, marking the cut with "…". */
function clip(text, max) {
    if (text.length <= max)
        return text;
    let end = max - 1;
    if (end > 0 && /[\ud800-\udbff]/.test(text[end - 1]))
        end--;
    return `${text.slice(0, end)}…`;
}

;// CONCATENATED MODULE: ./src/report/length.ts
// GitHub measures its limits in different units: a comment body in characters (65,536), a job
// summary in bytes (1 MiB). Renderers and the action measure with the same functions.
const encoder = new TextEncoder();
/**
 * UTF-8 bytes, or UTF-16 code units. GitHub counts a comment's characters as code points; code
 * units are never fewer, so a body measured in them fits.
 */
function textLength(text, unit) {
    return unit === 'bytes' ? encoder.encode(text).length : text.length;
}
/** The longest prefix of `text` that is at most `max` long, never splitting a character. */
function truncateTo(text, max, unit) {
    if (textLength(text, unit) <= max)
        return text;
    let out = '';
    let used = 0;
    for (const char of text) {
        const size = textLength(char, unit);
        if (used + size > max)
            break;
        out += char;
        used += size;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/report/markdown-escape.ts
// Text from users (resource names, file paths, messages that quote values) goes into comments and job
// summaries that GitHub renders as Markdown with HTML, mentions and issue links. Nothing in it may
// become markup, a link, an image, a notification or a broken table.
/** U+200D: invisible, and enough to stop GitHub's mention, issue-reference and autolink matching. */
const ZWJ = '\u200d';
// C0/C1 controls (newlines included) would end a table row or a heading; they become spaces.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
/**
 * Escapes `text` so that GitHub renders it literally, wherever inline text may stand (paragraphs,
 * list items, table cells, headings). Keep it out of raw HTML blocks such as `<summary>`, where
 * Markdown backslash escapes are not processed.
 */
function escapeMarkdown(text) {
    let out = text.replace(CONTROLS, ' ');
    // Backslash first, so the escapes added below are not themselves escaped.
    out = out.replace(/[\\`*_[\]()#|!~$]/g, (c) => `\\${c}`);
    out = out.replace(/[&<>]/g, (c) => ENTITIES[c]);
    // Block starts, should the text open a line: bullets, thematic breaks and setext underlines
    // (`-`, `+`, `=`), and ordered-list numbers (`1.` followed by a space or the end).
    out = out.replace(/^(\s*)([-+=])/, '$1\\$2').replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
    return neutraliseReferences(out);
}
/**
 * Breaks what GitHub turns into notifications or links after rendering: `@user` / `@org/team`
 * mentions, `#123` / `GH-123` issue references, bare `http://` / `www.` autolinks and e-mail
 * addresses. A zero-width joiner keeps the text readable while the patterns no longer match.
 */
function neutraliseReferences(text) {
    return text
        .replace(/@(?=[A-Za-z0-9])/g, `@${ZWJ}`)
        .replace(/#(?=\d)/g, `#${ZWJ}`)
        .replace(/\b(GH)-(?=\d)/gi, `$1-${ZWJ}`)
        .replace(/:\/\//g, `:${ZWJ}//`)
        .replace(/\b(www)\./gi, `$1${ZWJ}.`);
}
/**
 * A code span that shows `text` verbatim, backticks included: the fence is one backtick longer
 * than the longest run inside, padded with spaces where the text starts or ends with a backtick
 * or a space (CommonMark strips one space from each side). GitHub neither mentions nor links
 * inside code spans.
 */
function inlineCode(text, options = {}) {
    const flat = text.replace(CONTROLS, ' ');
    if (flat === '' || (options.inTable && flat.includes('|')))
        return escapeMarkdown(flat);
    const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longestRun + 1);
    const pad = /^[` ]|[` ]$/.test(flat) && flat.trim() !== '' ? ' ' : '';
    return `${fence}${pad}${flat}${pad}${fence}`;
}

;// CONCATENATED MODULE: ./src/report/markdown.ts
// The Markdown report: the full job summary, or the compact sticky PR comment. Either fits a size
// budget when one is given, dropping whole rows from the least important end and saying exactly
// what it left out.





/** Longest user text in one cell; a hostile or runaway value cannot eat the whole budget. */
const MAX_CELL = 500;
const SEVERITY_ICON = { error: '❌', warning: '⚠️', notice: 'ℹ️' };
// Drop order, last first: the inventory, active exemptions, notices, stale exemptions, unknown
// facts, warnings, restarts, errors, and last of all the parts of a source that could not be read.
const PRIORITY = {
    sourceError: 0,
    error: 1,
    restart: 2,
    warning: 3,
    unknown: 4,
    unavailable: 4,
    expired: 5,
    unused: 6,
    notice: 7,
    active: 8,
    inventory: 9,
};
const row = (cells) => `| ${cells.join(' | ')} |`;
const cell = (text) => escapeMarkdown(clip(text, MAX_CELL));
const code = (text) => inlineCode(clip(text, MAX_CELL), { inTable: true });
/** "is" / "are" after a count. */
const verb = (count) => (count === 1 ? 'is' : 'are');
function safeUrl(url) {
    if (!url || !/^https?:\/\/[^\s]+$/i.test(url))
        return null;
    return url.replace(/[()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
function pointer(comment, runUrl) {
    if (comment)
        return runUrl ? `see [the job summary](${runUrl})` : 'see the job summary of this run';
    return runUrl ? `see the JSON report of [this run](${runUrl})` : 'see the JSON report';
}
function note(context, text) {
    return `_${text}; ${context.pointer}._`;
}
/** "12 more findings (3 errors, 9 warnings) are not shown; see …" */
function omittedNote(context, section, dropped, some) {
    const count = dropped.length;
    if (!some && section.whole)
        return note(context, section.whole(count));
    const noun = count === 1 ? section.noun[0] : section.noun[1];
    const qualifier = section.qualifier ? ` ${section.qualifier}` : '';
    const breakdown = section.breakdown ? ` (${section.breakdown(dropped)})` : '';
    return note(context, `${count}${some ? ' more' : ''} ${noun}${qualifier}${breakdown} ${verb(count)} not shown`);
}
/** Counts items by kind, in the given order of kinds, each worded by `word`. */
function byKind(dropped, kinds, word) {
    return kinds
        .map((kind) => [kind, dropped.filter((item) => item.kind === kind).length])
        .filter(([, count]) => count > 0)
        .map(([kind, count]) => word(count, kind))
        .join(', ');
}
// ---- headline ---------------------------------------------------------------------------------
function verdict(context) {
    const { report, comment } = context;
    const counts = countBySeverity(report.findings);
    if (comment)
        counts.notice = 0;
    const restarts = restartingResources(report).length;
    const unknown = unknownFacts(report).length;
    const parts = [describeCounts(counts)].filter(Boolean);
    if (restarts > 0)
        parts.push(`${plural(restarts, 'database')} would restart`);
    if (unknown > 0)
        parts.push(`unknown facts in ${plural(unknown, 'resource')}`);
    if (report.summary.incomplete)
        parts.push('evaluation incomplete');
    const attention = counts.warning > 0 || restarts > 0 || unknown > 0 || report.summary.incomplete;
    const icon = counts.error > 0 ? '❌' : attention ? '⚠️' : counts.notice > 0 ? 'ℹ️' : '✅';
    const title = escapeMarkdown(context.title);
    return `${comment ? '###' : '##'} ${icon} ${title}: ${parts.length ? parts.join(' · ') : 'all clear'}`;
}
function metaLine(report) {
    const policy = report.policy.file ? `Policy ${inlineCode(report.policy.file)}` : 'Built-in default policy';
    const parts = [policy, `as of ${escapeMarkdown(report.asOf)}`, plural(report.summary.resources, 'resource') + ' evaluated'];
    if (report.summary.suppressed > 0)
        parts.push(`${report.summary.suppressed} suppressed by exemptions`);
    if (report.summary.excluded > 0)
        parts.push(`${report.summary.excluded} excluded by scope`);
    parts.push(`${escapeMarkdown(report.tool.name)} ${escapeMarkdown(report.tool.version)}`);
    return parts.join(' · ');
}
function countsTable(report) {
    const { summary } = report;
    const unknown = unknownFacts(report).length;
    return [
        row(['Errors', 'Warnings', 'Notices', 'Would restart', 'Unknown facts', 'Suppressed', 'Source errors']),
        row(Array(7).fill('---:')),
        row([summary.error, summary.warning, summary.notice, summary.restartRequired, unknown, summary.suppressed, report.errors.length].map(String)),
    ];
}
// ---- sections ---------------------------------------------------------------------------------
function heading(context, text) {
    return `${context.comment ? '####' : '###'} ${text}`;
}
function findingsSection(context, findings, title) {
    const items = sortBySeverity(findings).map((finding) => ({
        line: row([
            `${SEVERITY_ICON[finding.severity]} ${finding.severity}`,
            `[${finding.rule}]`,
            code(finding.resource),
            cell(finding.message),
            // file:line (no column): short, and what a reader looks for.
            cell(whereText({ type: finding.source.type, file: finding.source.file, line: finding.source.line, region: finding.source.region })),
        ]),
        priority: PRIORITY[finding.severity],
        kind: finding.severity,
        rule: finding.rule,
    }));
    return {
        heading: [heading(context, `${title} (${findings.length})`)],
        open: [row(['Severity', 'Rule', 'Resource', 'Message', 'Location']), row(Array(5).fill('---'))],
        close: [],
        items,
        noun: ['finding', 'findings'],
        breakdown: (dropped) => byKind(dropped, types/* SEVERITIES */.o, (count, severity) => plural(count, severity)),
    };
}
function restartSection(context) {
    const items = restartingResources(context.report).map((resource) => ({
        line: row([code(resource.id), cell(engineText(resource)), cell(resource.restart.reason), cell(whereText(resource.source))]),
        priority: PRIORITY.restart,
    }));
    return {
        heading: [heading(context, `Would restart (${items.length})`)],
        open: [row(['Resource', 'Engine', 'Why it restarts', 'Where']), row(Array(4).fill('---'))],
        close: [],
        items,
        noun: ['database', 'databases'],
        qualifier: 'that would restart',
    };
}
function unknownSection(context) {
    const items = unknownFacts(context.report).map((group) => ({
        line: `- ${inlineCode(clip(group.id, MAX_CELL))}${group.resource ? ` (${escapeMarkdown(clip(whereText(group.resource.source), MAX_CELL))})` : ''}: ${group.items
            .map((reason) => escapeMarkdown(clip(reason, MAX_CELL)))
            .join('; ')}`,
        priority: PRIORITY.unknown,
    }));
    return {
        heading: [heading(context, `Unknown facts (${items.length})`)],
        open: [],
        close: [],
        items,
        noun: ['resource', 'resources'],
        qualifier: 'with unknown facts',
    };
}
function sourceErrorSection(context) {
    const items = context.report.errors.map((error) => ({
        line: `- ${inlineCode(clip(error.source, MAX_CELL))}: ${escapeMarkdown(clip(error.message, MAX_CELL))}`,
        priority: PRIORITY.sourceError,
    }));
    return {
        heading: [heading(context, `Could not be read (${items.length})`), 'The evaluation is incomplete: these parts of the sources were not evaluated.'],
        open: [],
        close: [],
        items,
        noun: ['source error', 'source errors'],
    };
}
function unavailableSection(context) {
    const items = context.report.unavailable.map((refusal) => ({
        line: `- ${inlineCode(clip(refusal.source, MAX_CELL))}: ${escapeMarkdown(clip(refusal.message, MAX_CELL))}`,
        priority: PRIORITY.unavailable,
    }));
    return {
        heading: [
            heading(context, `Not read: permission denied (${items.length})`),
            'Optional AWS APIs the credentials may not call: the facts they give are unknown or come from shipped data.',
        ],
        open: [],
        close: [],
        items,
        noun: ['refused call', 'refused calls'],
    };
}
function exemptionRow(exemption, policyFile) {
    const rules = exemption.rules === 'all' ? 'all' : exemption.rules.join(', ');
    const at = policyFile && exemption.line != null ? `${policyFile}:${exemption.line}` : '';
    return row([exemption.status, code(exemption.selector), rules, cell(exemption.reason), cell(exemption.expires ?? ''), String(exemption.matched), cell(at)]);
}
function exemptionSection(context) {
    const { exemptions, file } = context.report.policy;
    const items = exemptions.map((exemption) => ({
        line: exemptionRow(exemption, file),
        priority: PRIORITY[exemption.status],
        kind: exemption.status,
    }));
    // Stale exemptions first: they are the ones to act on.
    items.sort((a, b) => a.priority - b.priority);
    return {
        heading: [heading(context, `Exemptions (${items.length})`)],
        open: [row(['Status', 'Selector', 'Rules', 'Reason', 'Expires', 'Findings', 'Defined at']), row(['---', '---', '---', '---', '---', '---:', '---'])],
        close: [],
        items,
        noun: ['exemption', 'exemptions'],
        breakdown: (dropped) => byKind(dropped, ['expired', 'unused', 'active'], (count, status) => `${count} ${status}`),
    };
}
function caText(resource) {
    if (!resource.ca)
        return resource.caBasis;
    return resource.caBasis === 'set' ? resource.ca : `${resource.ca} (${resource.caBasis})`;
}
function inventorySection(context) {
    const { resources } = context.report;
    const items = resources.map((resource) => ({
        line: row([
            code(resource.id),
            resource.kind,
            cell(engineText(resource)),
            cell(caText(resource)),
            cell(resource.caValidTill ?? ''),
            yesNoUnknown(resource.sslEnforced, resource.sslBasis),
            yesNoUnknown(resource.iamAuth, resource.iamAuthBasis),
            yesNoUnknown(resource.rotationRestarts),
            cell(whereText(resource.source)),
        ]),
        priority: PRIORITY.inventory,
    }));
    return {
        heading: [],
        // Only fixed text inside <summary>: Markdown escapes do not apply in raw HTML.
        open: [
            '<details>',
            `<summary>Inventory: ${plural(resources.length, 'resource')}</summary>`,
            '',
            row(['Resource', 'Kind', 'Engine', 'CA', 'CA valid till', 'TLS enforced', 'IAM auth', 'CA rotation restarts', 'Where']),
            row(Array(9).fill('---')),
        ],
        close: ['', '</details>'],
        items,
        noun: ['resource', 'resources'],
        qualifier: 'of the inventory',
        whole: (count) => `The inventory of ${plural(count, 'resource')} is not shown`,
    };
}
// ---- layout -----------------------------------------------------------------------------------
function blocks(context) {
    const { report, comment } = context;
    const head = [[verdict(context)], [metaLine(report)]];
    if (comment) {
        const violations = report.findings.filter((finding) => finding.severity !== 'notice');
        const notices = report.findings.length - violations.length;
        const sections = [sourceErrorSection(context), findingsSection(context, violations, 'Violations'), restartSection(context), unknownSection(context)];
        const out = [...head, ...sections];
        // The action turns an earlier red comment into this, so it says so in words.
        if (sections.every((section) => section.items.length === 0)) {
            out.push(['No violations, no database that would restart, and no unknown facts.']);
        }
        if (notices > 0)
            out.push([`${plural(notices, 'notice')} ${verb(notices)} listed in the job summary.`]);
        return out;
    }
    return [
        ...head,
        countsTable(report),
        sourceErrorSection(context),
        findingsSection(context, report.findings, 'Findings'),
        restartSection(context),
        unknownSection(context),
        unavailableSection(context),
        exemptionSection(context),
        inventorySection(context),
    ];
}
function renderSection(context, section, kept) {
    if (section.items.length === 0)
        return [];
    const shown = section.items.filter((item) => kept.has(item));
    const dropped = section.items.filter((item) => !kept.has(item));
    const lines = [...section.heading];
    if (shown.length > 0)
        lines.push(...(lines.length ? [''] : []), ...section.open, ...shown.map((item) => item.line));
    // A blank line first: a line right after a table or list would join it.
    if (dropped.length > 0)
        lines.push(...(lines.length ? [''] : []), omittedNote(context, section, dropped, shown.length > 0));
    if (shown.length > 0)
        lines.push(...section.close);
    return lines;
}
/** Link definitions for the rule ids in kept rows: `[ca-allowed]` in a table then links to the docs. */
function ruleLinks(items) {
    const rules = new Set();
    for (const item of items)
        if (item.rule)
            rules.add(item.rule);
    return [...rules].sort().map((rule) => `[${rule}]: ${ruleDocUrl(rule)}`);
}
function render(context, layout, kept) {
    const parts = layout.map((block) => (Array.isArray(block) ? block : renderSection(context, block, kept))).filter((lines) => lines.length > 0);
    const links = ruleLinks(kept);
    if (links.length)
        parts.push(links);
    return `${parts.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
/**
 * When not even the headings and notes fit: the verdict (which carries the counts) and one note,
 * whole lines only; the verdict alone is cut last, being plain text with no row or tag in it.
 */
function minimal(context, max, unit) {
    const headline = verdict(context);
    const why = note(context, `The details do not fit in ${max} ${unit === 'bytes' ? 'bytes' : 'characters'}`);
    for (const text of [`${headline}\n\n${why}\n`, `${headline}\n`])
        if (textLength(text, unit) <= max)
            return text;
    const ellipsis = '…';
    return max > textLength(ellipsis, unit) ? truncateTo(headline, max - textLength(ellipsis, unit), unit) + ellipsis : '';
}
function renderMarkdown(report, options) {
    const comment = options.variant === 'comment';
    const context = {
        report,
        comment,
        title: options.title ?? report.tool.name,
        pointer: pointer(comment, safeUrl(options.runUrl)),
    };
    const layout = blocks(context);
    const items = layout
        .flatMap((block) => (Array.isArray(block) ? [] : block.items))
        .map((item, index) => ({ item, index }))
        .sort((a, b) => a.item.priority - b.item.priority || a.index - b.index)
        .map(({ item }) => item);
    const keepFirst = (count) => render(context, layout, new Set(items.slice(0, count)));
    const full = keepFirst(items.length);
    if (options.maxLength == null)
        return full;
    const max = options.maxLength;
    const unit = options.lengthUnit ?? (comment ? 'chars' : 'bytes');
    const fits = (text) => textLength(text, unit) <= max;
    if (fits(full))
        return full;
    if (!fits(keepFirst(0)))
        return minimal(context, max, unit);
    // The largest number of items that fits, by bisection: lengths grow with the count (give or
    // take a digit in a note), and `low` only ever takes counts that were measured to fit.
    let low = 0;
    let high = items.length - 1;
    while (low < high) {
        const mid = Math.ceil((low + high) / 2);
        if (fits(keepFirst(mid)))
            low = mid;
        else
            high = mid - 1;
    }
    return keepFirst(low);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: ./src/policy/defaults.ts
var defaults = __webpack_require__(6794);
;// CONCATENATED MODULE: ./src/rules/meta.ts
// One place for rule texts: SARIF rule metadata, the Markdown report and docs/rules.md read them.
const RULES = {
    'ca-allowed': {
        id: 'ca-allowed',
        title: 'CA is on the allowed list',
        description: "The database's effective certificate authority (its own, else ca.assume-default) is in ca.allowed.",
        help: 'Clients that verify the server certificate trust only the CA bundle they were given. A database on a CA ' +
            'that is not allowed (for example the expired `rds-ca-2019`) breaks those clients or forces them to skip ' +
            'verification. Set `ca_cert_identifier` (Terraform) or `CACertificateIdentifier` (CloudFormation), or run ' +
            '`aws rds modify-db-instance --ca-certificate-identifier rds-ca-rsa2048-g1`, after updating client trust ' +
            'stores. The report says whether the rotation restarts the database.',
    },
    'ca-expiring': {
        id: 'ca-expiring',
        title: 'CA and server certificate stay valid',
        description: 'The CA, and the server certificate where known, stay valid for ca.min-days-valid days.',
        help: 'When the CA or the server certificate expires, clients that verify certificates can no longer connect. ' +
            'Move to a CA with a later expiry (the G1 CAs run to 2061 and 2121); RDS rotates server certificates ' +
            'issued by the G1 CAs automatically.',
    },
    'ssl-enforced': {
        id: 'ssl-enforced',
        title: 'TLS is enforced',
        description: "The engine's TLS-enforcing setting is in effect: rds.force_ssl = 1 (PostgreSQL, Aurora PostgreSQL, " +
            'SQL Server), require_secure_transport = ON (MySQL, MariaDB 10.5+, Aurora MySQL), DB2COMM = SSL (Db2), ' +
            'the SSL option (Oracle).',
        help: 'Without enforcement, clients may connect in plain text. Set the parameter in a custom DB parameter group ' +
            '(for Aurora and Multi-AZ DB clusters, the DB cluster parameter group). Static parameters such as ' +
            '`rds.force_ssl` on SQL Server take effect after a reboot. Oracle keeps its plain-text port open even with ' +
            'the SSL option: close it with security groups or use native network encryption.',
    },
    'iam-auth': {
        id: 'iam-auth',
        title: 'IAM database authentication is enabled',
        description: 'IAM database authentication is enabled (on the cluster for Aurora members); engines without IAM auth are not applicable.',
        help: 'IAM authentication replaces long-lived database passwords with short-lived tokens. Set ' +
            '`iam_database_authentication_enabled = true` (Terraform) or `EnableIAMDatabaseAuthentication: true` ' +
            '(CloudFormation); for Aurora, on the cluster.',
    },
    'no-restart': {
        id: 'no-restart',
        title: 'The change does not restart the database',
        description: 'No change in the evaluated plan or change set restarts the database (only when restart.allowed is false).',
        help: 'A CA rotation restarts the database unless its engine version supports rotation without restart ' +
            '(SupportsCertificateRotationWithoutRestart). Schedule the change in a maintenance window, or allow restarts ' +
            'for this resource with an override.',
    },
    unknown: {
        id: 'unknown',
        title: 'Every fact a rule needs is known',
        description: 'A fact a rule needs (CA, parameter value, engine version) is known, not left to apply time.',
        help: 'The value is known only after apply, comes from outside the evaluated files, or could not be read. Set it ' +
            'explicitly in the configuration, add the missing template or plan to the run, or exempt the resource.',
    },
};

;// CONCATENATED MODULE: ./src/report/sarif.ts
// SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`) and other viewers.







/** Code scanning rejects a run with more results than this (and shows only the 5,000 most severe). */
const SARIF_MAX_RESULTS = 25_000;
const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const FINGERPRINT_KEY = 'rdsTlsGuard/v1';
const LEVEL = { error: 'error', warning: 'warning', notice: 'note' };
function ruleDescriptor(id) {
    const meta = RULES[id];
    const url = ruleDocUrl(id);
    return {
        id,
        name: id.replace(/(^|-)([a-z])/g, (_, _dash, letter) => letter.toUpperCase()),
        shortDescription: { text: meta.title },
        fullDescription: { text: meta.description },
        helpUri: url,
        help: {
            text: `${meta.help.replace(/`/g, '')}\n\n${url}`,
            markdown: `${meta.help}\n\n[Rule documentation](${url})`,
        },
        // The built-in policy's severity; a policy may raise, lower or turn it off per resource.
        defaultConfiguration: levelConfiguration(defaults/* DEFAULT_POLICY */.z.severity[id]),
        properties: { tags: ['security', 'aws-rds', 'tls'] },
    };
}
function levelConfiguration(setting) {
    return setting === 'off' ? { enabled: false } : { level: LEVEL[setting] };
}
/** A SARIF URI reference: each path segment percent-encoded, POSIX slashes. */
function encodePath(posixPath) {
    return posixPath
        .split('/')
        .map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment)))
        .join('/');
}
/**
 * Where a file is, as code scanning wants it: relative to the repository root under `%SRCROOT%`,
 * which stays out of `originalUriBaseIds` as in CodeQL's output (code scanning ignores that field
 * and reads relative URIs against the checkout). Relative paths in the report are relative to the
 * working directory. A file outside the repository, or an absolute path with no root given,
 * keeps an absolute `file:` URI, which code scanning maps into the checkout if it can.
 */
function artifactLocation(file, repoRoot) {
    const posix = file.replace(/\\/g, '/');
    if (repoRoot) {
        const relative = external_node_path_default().relative(external_node_path_default().resolve(repoRoot), external_node_path_default().resolve(file)).replace(/\\/g, '/');
        if (relative !== '' && !relative.startsWith('../') && relative !== '..' && !external_node_path_default().isAbsolute(relative)) {
            return { uri: encodePath(relative), uriBaseId: '%SRCROOT%' };
        }
        return { uri: (0,external_node_url_.pathToFileURL)(external_node_path_default().resolve(file)).href };
    }
    if (external_node_path_default().isAbsolute(file))
        return { uri: (0,external_node_url_.pathToFileURL)(file).href };
    return { uri: encodePath(posix.replace(/^(\.\/)+/, '')), uriBaseId: '%SRCROOT%' };
}
/**
 * Live and snapshot findings have no file, but code scanning rejects a whole upload when one
 * result lacks `physicalLocation.artifactLocation.uri` ("locationFromSarifResult: expected at
 * least one location" / "expected artifact location"), and it rejects absolute URIs whose scheme
 * is not the checkout's `file:` scheme, so an `rds-tls-guard://…` or `arn:…` URI is out. Such a
 * result gets a relative path that names what it is about, `rds-tls-guard/<source>/<region>/<id>`:
 * no file in the repository claims it (upload-sarif skips its fingerprinting for a missing file;
 * the alert shows the path, without a code preview), and the ARN goes in the logical location.
 * Pointing at the policy file instead would show line 1 of a file that is not the problem.
 */
function syntheticUri(finding) {
    const segments = ['rds-tls-guard', finding.source.type, finding.source.region ?? 'no-region', finding.resource];
    return segments.map((segment) => encodeURIComponent(segment)).join('/');
}
function sarif_location(finding, repoRoot) {
    const { file, line, column } = finding.source;
    const physicalLocation = file
        ? { artifactLocation: artifactLocation(file, repoRoot) }
        : { artifactLocation: { uri: syntheticUri(finding) } };
    if (file && line != null && line >= 1) {
        physicalLocation.region = column != null && column >= 1 ? { startLine: line, startColumn: column } : { startLine: line };
    }
    const logical = { name: finding.resource, kind: 'resource', ...(finding.arn ? { fullyQualifiedName: finding.arn } : {}) };
    return { physicalLocation, logicalLocations: [logical] };
}
/**
 * Stable across runs: rule, source type, region, file and resource id (one id can stand in two
 * templates), not the line or the message, which change when the file around the property is
 * edited or the value changes. A rule that reports one resource twice (two unknown facts) gets
 * the occurrence number in the key.
 */
function fingerprints(findings) {
    const seen = new Map();
    return findings.map((finding) => {
        const { type, region, file } = finding.source;
        const key = [finding.rule, type, region ?? '', file ?? '', finding.resource].join('\u0000');
        const occurrence = (seen.get(key) ?? 0) + 1;
        seen.set(key, occurrence);
        const hash = (0,external_node_crypto_.createHash)('sha256').update(occurrence > 1 ? `${key}\u0000${occurrence}` : key).digest('hex');
        return `${hash.slice(0, 32)}:${occurrence}`;
    });
}
function result(finding, fingerprint, repoRoot) {
    // Code scanning lists alerts by message and path; a plan file holds many resources, so the
    // message names the resource unless it already does.
    const text = finding.message.includes(finding.resource) ? finding.message : `${finding.resource}: ${finding.message}`;
    const out = {
        ruleId: finding.rule,
        ruleIndex: types/* RULE_IDS */.I.indexOf(finding.rule),
        level: LEVEL[finding.severity],
        message: { text },
        locations: [sarif_location(finding, repoRoot)],
        partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
        properties: {
            resource: finding.resource,
            arn: finding.arn,
            source: finding.source.type,
            region: finding.source.region,
            severity: finding.severity,
        },
    };
    if ('exemption' in finding) {
        const { reason, expires } = finding.exemption;
        out.suppressions = [{ kind: 'external', status: 'accepted', justification: reason, ...(expires ? { properties: { expires } } : {}) }];
    }
    return out;
}
function renderSarif(report, options = {}) {
    const { repoRoot } = options;
    // Most severe first, suppressed last: what survives the result limit is what matters most.
    const all = [...sortBySeverity(report.findings), ...sortBySeverity(report.suppressed)];
    const prints = fingerprints(all);
    const kept = all.slice(0, SARIF_MAX_RESULTS);
    const dropped = all.slice(SARIF_MAX_RESULTS);
    const notifications = report.errors.map((error) => ({ level: 'error', message: { text: `${error.source}: ${error.message}` } }));
    const configurationNotifications = staleExemptions(report).map((exemption) => {
        const text = `Exemption ${exemption.selector} ${staleExemptionText(exemption)}.`;
        const where = report.policy.file != null
            ? [{ physicalLocation: { artifactLocation: artifactLocation(report.policy.file, repoRoot), ...(exemption.line != null ? { region: { startLine: exemption.line } } : {}) } }]
            : undefined;
        return { level: 'warning', message: { text }, ...(where ? { locations: where } : {}) };
    });
    const run = {
        tool: {
            driver: {
                name: report.tool.name,
                version: report.tool.version,
                ...(/^\d+\.\d+\.\d+(?:[-+].*)?$/.test(report.tool.version) ? { semanticVersion: report.tool.version } : {}),
                informationUri: PROJECT_URL,
                rules: types/* RULE_IDS */.I.map(ruleDescriptor),
            },
        },
        invocations: [
            {
                executionSuccessful: !report.summary.incomplete && report.errors.length === 0,
                toolExecutionNotifications: notifications,
                toolConfigurationNotifications: configurationNotifications,
            },
        ],
        // Columns come from JavaScript string offsets.
        columnKind: 'utf16CodeUnits',
        results: kept.map((finding, index) => result(finding, prints[index], repoRoot)),
        properties: {
            asOf: report.asOf,
            policy: report.policy.file,
            summary: report.summary,
            ...(dropped.length > 0
                ? { truncated: { limit: SARIF_MAX_RESULTS, resultsOmitted: dropped.length, omittedBySeverity: countBySeverity(dropped) } }
                : {}),
        },
    };
    return `${JSON.stringify({ $schema: SCHEMA, version: '2.1.0', runs: [run] }, null, 2)}\n`;
}

;// CONCATENATED MODULE: ./src/report/text.ts

const sgr = (open, close) => (text) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain = (text) => text;
function palette(color) {
    if (!color)
        return { bold: plain, dim: plain, green: plain, severity: { error: plain, warning: plain, notice: plain } };
    return {
        bold: sgr(1, 22),
        dim: sgr(2, 22),
        green: sgr(32, 39),
        severity: { error: sgr(31, 39), warning: sgr(33, 39), notice: sgr(36, 39) },
    };
}
/**
 * User text (names, paths, messages quoting values) may carry control characters; printed raw,
 * an escape sequence could rewrite the terminal. They are shown as `\xNN` instead.
 */
function safe(text) {
    return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
function header(report, paint) {
    const policy = report.policy.file ? `policy ${safe(policyText(report))}` : policyText(report);
    return paint.bold(`${report.tool.name} ${safe(report.tool.version)}`) + ` · ${policy} · as of ${safe(report.asOf)}`;
}
function resourceHeading(id, resource, paint) {
    if (!resource)
        return paint.bold(safe(id));
    const parts = [resource.kind, engineText(resource), whereText(resource.source)].filter(Boolean).map(safe);
    return `${paint.bold(safe(id))}  ${paint.dim(parts.join('  '))}`;
}
function findingLine(finding, paint) {
    const severity = paint.severity[finding.severity](finding.severity.padEnd(7));
    const at = fileLocation(finding.source);
    return `  ${severity} ${finding.rule}: ${safe(finding.message)}${at ? ` ${paint.dim(`(${safe(at)})`)}` : ''}`;
}
function findingsByResource(report, paint) {
    return groupByResource(report, sortBySeverity(report.findings)).flatMap((group) => [
        '',
        resourceHeading(group.id, group.resource, paint),
        ...group.items.map((finding) => findingLine(finding, paint)),
    ]);
}
function section(title, items, paint) {
    return items.length === 0 ? [] : ['', paint.bold(title), ...items.map((item) => `  ${item}`)];
}
function restarts(report, paint) {
    // The reason says what asks for the restart (the planned CA change, the rotation a fix takes).
    const items = restartingResources(report).map((resource) => `${paint.bold(safe(resource.id))}${paint.dim(` (${safe(whereText(resource.source))})`)}: ${safe(resource.restart.reason)}`);
    return section('Would restart:', items, paint);
}
function unknowns(report, paint) {
    const items = unknownFacts(report).map((group) => {
        const where = group.resource ? paint.dim(` (${safe(whereText(group.resource.source))})`) : '';
        return `${paint.bold(safe(group.id))}${where}: ${group.items.map(safe).join('; ')}`;
    });
    return section('Unknown:', items, paint);
}
function sourceErrors(report, paint) {
    const items = report.errors.map((error) => `${paint.severity.error(safe(error.source))}: ${safe(error.message)}`);
    return section('Could not be read (the evaluation is incomplete):', items, paint);
}
function unavailable(report, paint) {
    const items = report.unavailable.map((refusal) => `${paint.severity.warning(safe(refusal.source))}: ${safe(refusal.message)}`);
    return section('Not read, permission denied (those facts are unknown or from shipped data):', items, paint);
}
function exemptions(report, paint) {
    const file = report.policy.file;
    const items = staleExemptions(report).map((exemption) => {
        const at = file && exemption.line != null ? paint.dim(` (${safe(file)}:${exemption.line})`) : '';
        const rules = exemption.rules === 'all' ? 'all rules' : exemption.rules.join(', ');
        return `${paint.severity.warning(exemption.status.padEnd(7))} ${safe(exemption.selector)} [${rules}]: ${safe(staleExemptionText(exemption))}${at}`;
    });
    return section('Exemptions to review:', items, paint);
}
function summaryLine(report, paint) {
    const { summary } = report;
    const counts = [plural(summary.error, 'error'), plural(summary.warning, 'warning'), plural(summary.notice, 'notice')];
    const parts = [`${counts.join(', ')} in ${plural(summary.resources, 'resource')}`];
    if (summary.restartRequired > 0)
        parts.push(`${summary.restartRequired} would restart`);
    if (summary.suppressed > 0)
        parts.push(`${summary.suppressed} suppressed`);
    if (summary.excluded > 0)
        parts.push(`${summary.excluded} excluded by scope`);
    if (summary.incomplete)
        parts.push(`incomplete: ${plural(report.errors.length, 'source error')}`);
    const worst = summary.error > 0 ? 'error' : summary.warning > 0 ? 'warning' : summary.notice > 0 ? 'notice' : null;
    const line = parts.join('; ');
    return worst ? paint.severity[worst](line) : summary.incomplete ? paint.severity.warning(line) : line;
}
function renderText(report, options) {
    const paint = palette(options.color);
    const body = [
        ...findingsByResource(report, paint),
        ...restarts(report, paint),
        ...unknowns(report, paint),
        ...sourceErrors(report, paint),
        ...unavailable(report, paint),
        ...exemptions(report, paint),
    ];
    if (body.length === 0) {
        const suppressed = report.summary.suppressed > 0 ? ` (${report.summary.suppressed} suppressed)` : '';
        const clean = `No findings in ${plural(report.summary.resources, 'resource')}${suppressed}.`;
        return `${header(report, paint)}\n${paint.green(clean)}\n`;
    }
    return [header(report, paint), ...body, '', summaryLine(report, paint)].join('\n') + '\n';
}

;// CONCATENATED MODULE: ./src/report/index.ts
// One entry for every output format: `--format` picks the renderer.







function isFormat(value) {
    return FORMATS.includes(value);
}
function renderReport(report, format, options = {}) {
    switch (format) {
        case 'text':
            return renderText(report, { color: options.color ?? false });
        case 'json':
            return (0,json/* renderJson */.h)(report);
        case 'sarif':
            return renderSarif(report, options.sarif);
        case 'markdown':
            return renderMarkdown(report, { variant: 'summary', ...options.markdown });
        case 'csv':
            return renderCsv(report);
    }
}
/**
 * The report in pieces to write one after another: JSON a few dozen items at a time (a large
 * fleet's report never exists as one string), the other formats whole.
 */
function* renderReportChunks(report, format, options = {}) {
    if (format === 'json')
        yield* (0,json/* renderJsonChunks */.r)(report);
    else
        yield renderReport(report, format, options);
}






/***/ })

};

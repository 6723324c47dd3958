// Reads one `terraform show -json` file. A validating scan finds the parts this source reads
// (scan-plan.ts); native JSON.parse then parses only those: `configuration` here, and the RDS
// resources among `resource_changes` one at a time as they are read (so each can be dropped as
// soon as its facts are taken). Malformed JSON is reported with the native parser's message and
// position, computed on the whole text only on that error path.
import { readFileSync } from 'node:fs';

import { InputError, readFailure } from '../../errors.js';
import { describeJsonError, lineAndColumn } from './json-error.js';
import { isRecord, type ConfigurationJson, type ResourceChangeJson } from './plan-types.js';
import { scanPlan, TOO_DEEP, type Range } from './scan-plan.js';

export interface ParsedPlan {
  file: string;
  formatVersion: string;
  /** The resource_changes of the wanted types, in plan order: `parsedChanges` parses them. */
  changes: Range[];
  configuration: ConfigurationJson | undefined;
  /** The file's UTF-8 bytes, which `changes` point into. */
  bytes: Buffer;
}

/**
 * Wanted changes that follow one another are parsed together, as one array, up to this many bytes:
 * a plan lists a module's resources side by side, and one JSON.parse call per few dozen changes
 * costs less than one per change. A plan's text is nearly always Latin-1, one byte per character,
 * so the string stays under V8's large-object threshold (128 KB), above which strings cost far
 * more to make and free. A single larger change is parsed alone.
 */
const BATCH_BYTES = 64 << 10;

/** The wanted elements of resource_changes, parsed, in plan order. */
export function* parsedChanges(plan: ParsedPlan): Generator<ResourceChangeJson> {
  const { bytes, changes } = plan;
  for (let first = 0; first < changes.length; ) {
    let last = first;
    while (
      last + 1 < changes.length &&
      changes[last + 1]!.end - changes[first]!.start <= BATCH_BYTES &&
      onlySeparatorBetween(bytes, changes[last]!.end, changes[last + 1]!.start)
    ) {
      last++;
    }
    const text = bytes.toString('utf8', changes[first]!.start, changes[last]!.end);
    if (last === first) yield JSON.parse(text) as ResourceChangeJson;
    else yield* JSON.parse(`[${text}]`) as ResourceChangeJson[];
    first = last + 1;
  }
}

/** Whether only a comma and whitespace lie between two elements: nothing unwanted between them. */
function onlySeparatorBetween(bytes: Buffer, end: number, next: number): boolean {
  for (let i = end; i < next; i++) {
    const b = bytes[i];
    if (b !== 0x2c && b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09) return false;
  }
  return true;
}

/** Major versions of the plan format this reader understands (minor bumps are additive). */
const SUPPORTED_MAJOR = new Set(['0', '1']);
const HOW_TO = 'write it with `terraform show -json PLANFILE > plan.json`';
const SECTIONS = ['format_version', 'resource_changes', 'planned_values', 'configuration', 'values'] as const;

export function readPlanFile(file: string, wantType: (type: string) => boolean): ParsedPlan {
  let bytes: Buffer;
  try {
    // Read in one call: the scan that follows is synchronous anyway, and fs.promises reads a large
    // file half a megabyte per trip through the thread pool (a 56 MB plan: 33 ms against 25).
    bytes = readFileSync(file);
  } catch (error) {
    throw new InputError(`cannot read Terraform plan: ${readFailure(error)}`, { file });
  }
  return parsePlanBytes(toUtf8(bytes), file, wantType);
}

export function parsePlanBytes(bytes: Buffer, file: string, wantType: (type: string) => boolean): ParsedPlan {
  if (!bytes.some((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09)) {
    throw new InputError(`Terraform plan is empty; ${HOW_TO}`, { file });
  }
  const scan = scanPlan(bytes, SECTIONS, wantType);
  if (!scan.ok) throw malformed(bytes, file, scan);
  const { layout } = scan;
  const json = (range: Range | undefined): unknown => (range ? JSON.parse(bytes.toString('utf8', range.start, range.end)) : undefined);

  if (bytes[layout.topLevel] !== 0x7b) {
    throw new InputError(`not a Terraform plan: the file holds a JSON ${jsonType(json({ start: layout.topLevel, end: bytes.length }))}, not an object; ${HOW_TO}`, { file });
  }
  const formatVersion = json(layout.sections.get('format_version'));
  if (formatVersion === undefined) throw new InputError(`not a Terraform plan: no "format_version"; ${HOW_TO}`, { file });
  const versionAt = positionAt(bytes, layout.sections.get('format_version')!.start);
  if (typeof formatVersion !== 'string' || !/^\d+(\.\d+)*$/.test(formatVersion)) {
    throw new InputError(`not a Terraform plan: "format_version" is ${JSON.stringify(formatVersion)}`, { file, ...versionAt });
  }
  if (!SUPPORTED_MAJOR.has(formatVersion.split('.')[0]!)) {
    throw new InputError(`unsupported Terraform plan format_version "${formatVersion}" (this version reads 0.x and 1.x)`, { file, ...versionAt });
  }
  const changesRange = layout.sections.get('resource_changes');
  if (!changesRange && !layout.sections.has('planned_values')) {
    const state = layout.sections.has('values') ? ' (it looks like Terraform state, not a plan)' : '';
    throw new InputError(`not a Terraform plan: no "resource_changes" or "planned_values"${state}; ${HOW_TO}`, { file });
  }
  if (changesRange && bytes[changesRange.start] !== 0x5b) {
    throw new InputError('not a Terraform plan: "resource_changes" is not a list', { file, ...positionAt(bytes, changesRange.start) });
  }
  if (layout.changes.count === 0) {
    const planned = hasPlannedResources(json(layout.sections.get('planned_values')));
    throw new InputError(
      planned
        ? `Terraform plan has "planned_values" but no "resource_changes", so it cannot tell what changes; ${HOW_TO}`
        : 'Terraform plan has no resources',
      { file },
    );
  }
  const configuration = json(layout.sections.get('configuration'));
  return {
    file,
    formatVersion,
    changes: layout.changes.wanted,
    configuration: isRecord(configuration) ? configuration : undefined,
    bytes,
  };
}

/** Line and column of a byte offset. */
function positionAt(bytes: Buffer, offset: number): { line: number; column: number } {
  const before = bytes.toString('utf8', 0, offset);
  return lineAndColumn(before, before.length);
}

/** The scan found an error: let the native parser describe it, on the whole text. */
function malformed(bytes: Buffer, file: string, scan: { offset: number; message: string }): InputError {
  const text = bytes.toString('utf8');
  try {
    JSON.parse(text);
  } catch (error) {
    const at = describeJsonError(text, error, () => ({ offset: bytes.toString('utf8', 0, scan.offset).length, message: scan.message }));
    return new InputError(`Terraform plan is not valid JSON: ${at.message}`, { file, line: at.line, column: at.column });
  }
  // Valid JSON the scan does not follow: nesting beyond its depth is the file's doing (no plan
  // comes near it); anything else is a bug here, not in the user's file.
  if (scan.message === TOO_DEEP) {
    return new InputError(`Terraform plan is ${TOO_DEEP}`, { file, ...positionAt(bytes, scan.offset) });
  }
  throw new Error(`${file}: the plan scanner rejected valid JSON at byte ${scan.offset} (${scan.message})`);
}

function hasPlannedResources(planned: unknown): boolean {
  const visit = (module: unknown): boolean =>
    isRecord(module) &&
    ((Array.isArray(module.resources) && module.resources.length > 0) ||
      (Array.isArray(module.child_modules) && module.child_modules.some(visit)));
  return isRecord(planned) && visit(planned.root_module);
}

/** UTF-8 as is (without a BOM); UTF-16 with BOM re-encoded (PowerShell's `>` writes UTF-16LE). */
function toUtf8(bytes: Buffer): Buffer {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return Buffer.from(bytes.toString('utf16le', 2), 'utf8');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2))).swap16();
    return Buffer.from(swapped.toString('utf16le'), 'utf8');
  }
  return bytes;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

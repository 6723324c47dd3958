// The CloudFormation source: templates (`--cloudformation`) and change sets (`--changeset`),
// evaluated into the shared model with every fact pointing at its line in the template.
import { dirname, resolve } from 'node:path';
import { InputError } from '../../errors.js';
import type { Resource, SourceError, SourceResult } from '../../model.js';
import { Catalog, type Unit } from './catalog.js';
import { applyChangeSet, checkPairing, parseChangeSet, type ChangeSet } from './changeset.js';
import { checkCycles } from './cycles.js';
import { DatabaseReader } from './databases.js';
import { expandFiles, readGivenParameters, readText, type GivenParameters } from './inputs.js';
import { Evaluator } from './resolve.js';
import { scalarText, valueOf } from './nodes.js';
import { parseTemplate, type ResourceDecl, type Template } from './template.js';

/** From `--changeset CS.json[=TEMPLATE]`. */
export interface ChangesetInput {
  file: string;
  /** null: pair with the only `--cloudformation` template (an error when there is not exactly one). */
  template: string | null;
}

export interface CloudFormationInput {
  /** Template files or globs, as the user gave them. */
  templates: string[];
  changesets: ChangesetInput[];
  /** `--cfn-parameter Key=Value`: wins over change-set parameters, parameter files and defaults. */
  parameters: Record<string, string>;
  /** `[{ParameterKey, ParameterValue}]` JSON/YAML files (also `{"Parameters": […]}` and `{"Parameters": {K: V}}`). */
  parameterFiles: string[];
}

interface Pairing {
  changeSet: ChangeSet;
  templateFile: string;
}

export async function readCloudFormation(input: CloudFormationInput): Promise<SourceResult> {
  const templateFiles = await expandFiles(input.templates, '--cloudformation');
  const given = await readGivenParameters(input.parameters, input.parameterFiles);
  const pairings = await pairChangeSets(input.changesets, templateFiles);

  const texts = new Map<string, string>();
  const load = async (file: string): Promise<Template> => {
    if (!texts.has(file)) texts.set(file, await readText(file));
    const template = parseTemplate(texts.get(file)!, file);
    checkCycles(template);
    return template;
  };

  const units: Unit[] = [];
  const changeSets = new Map<Unit, ChangeSet>();
  const paired = new Set(pairings.map((p) => p.templateFile));
  for (const { changeSet, templateFile } of pairings) {
    const template = await load(templateFile);
    const removed = checkPairing(changeSet, template);
    // Change-set parameters are what the stack will deploy with; only --cfn-parameter overrides them.
    const values = new Map(given.values);
    for (const [key, value] of changeSet.parameters) {
      if (given.values.get(key)?.from !== '--cfn-parameter') values.set(key, value);
    }
    const unit: Unit = {
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
  const evaluatedFiles = new Set(units.map((unit) => resolve(unit.template.file)));
  const reader = new DatabaseReader(catalog);
  const resources: Resource[] = [];
  const errors: SourceError[] = [];
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
    for (const stack of unevaluatedNestedStacks(unit.template, evaluatedFiles)) {
      errors.push({
        source: unit.template.file,
        message: `line ${stack.at.line}: nested stack ${stack.id} (AWS::CloudFormation::Stack) was not evaluated: pass its template with --cloudformation`,
      });
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

/**
 * Nested stacks whose databases this run does not see. A `TemplateURL` that is a local path (before
 * `aws cloudformation package` uploads it) names the child template: evaluated too, it is covered.
 */
function unevaluatedNestedStacks(template: Template, evaluatedFiles: Set<string>): ResourceDecl[] {
  const stacks: ResourceDecl[] = [];
  for (const decl of template.resources.values()) {
    if (decl.type !== 'AWS::CloudFormation::Stack') continue;
    const url = scalarText(valueOf(decl.properties, 'TemplateURL'));
    const local = url !== null && !url.includes('://') ? resolve(dirname(template.file), url) : null;
    if (local === null || !evaluatedFiles.has(local)) stacks.push(decl);
  }
  return stacks;
}

async function pairChangeSets(changesets: ChangesetInput[], templateFiles: string[]): Promise<Pairing[]> {
  const pairings: Pairing[] = [];
  for (const cs of changesets) {
    for (const file of await expandFiles([cs.file], '--changeset')) {
      let templateFile: string;
      if (cs.template !== null) {
        const matches = await expandFiles([cs.template], `--changeset ${cs.file}=`);
        if (matches.length !== 1) throw new InputError(`--changeset ${file}=${cs.template}: the template must be one file`);
        // The same file given to --cloudformation too: use that spelling so it is evaluated once.
        templateFile = templateFiles.find((t) => sameFile(t, matches[0]!)) ?? matches[0]!;
      } else if (templateFiles.length === 1) {
        templateFile = templateFiles[0]!;
      } else {
        const why = templateFiles.length === 0 ? '' : ` (${templateFiles.length} templates were given)`;
        throw new InputError(
          `--changeset ${file} needs the template it deploys: pass --cloudformation TEMPLATE, or --changeset ${file}=TEMPLATE${why}`,
        );
      }
      pairings.push({ changeSet: parseChangeSet(await readText(file), file), templateFile });
    }
  }
  return pairings;
}

function sameFile(a: string, b: string): boolean {
  return resolve(a) === resolve(b);
}

/**
 * Every given parameter is declared by some evaluated template (else it is a typo or a wrong file),
 * with a value its AllowedValues allow (CloudFormation would refuse it).
 */
function checkDeclared(given: GivenParameters, units: Unit[]): void {
  for (const [key, origin] of given.origins) {
    const at = { file: origin.at?.file ?? null, line: origin.at?.line ?? null, column: origin.at?.column ?? null };
    const declarations = units.map((u) => u.template.parameters.get(key)).filter((d) => d !== undefined);
    if (declarations.length === 0) throw new InputError(`${origin.flag}: no evaluated template declares parameter ${key}`, at);
    const value = given.values.get(key)?.value;
    for (const decl of declarations) {
      if (value == null || !decl.allowedValues || decl.allowedValues.includes(value)) continue;
      const shown = decl.noEcho ? 'the value given' : JSON.stringify(value);
      throw new InputError(
        `${origin.flag}: ${shown} is not one of the AllowedValues of parameter ${key} (${decl.allowedValues.join(', ')}; ${decl.at.file}:${decl.at.line})`,
        at,
      );
    }
  }
}

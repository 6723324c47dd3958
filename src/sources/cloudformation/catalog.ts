// Every evaluated template of a run, so that a literal name (`DBParameterGroupName: my-pg`,
// `DBClusterIdentifier: orders`) can find the resource another template in the same run creates.
import type { Fact, ParameterGroup, SourceType } from '../../model.js';
import { knownString } from './properties.js';
import type { Evaluator } from './resolve.js';
import type { ResourceDecl, Template } from './template.js';

export const TYPES = {
  instance: 'AWS::RDS::DBInstance',
  cluster: 'AWS::RDS::DBCluster',
  dbGroup: 'AWS::RDS::DBParameterGroup',
  clusterGroup: 'AWS::RDS::DBClusterParameterGroup',
  optionGroup: 'AWS::RDS::OptionGroup',
} as const;

/** The property that names a resource of each type in RDS. */
const NAME_PROPERTY: Record<string, string> = {
  [TYPES.instance]: 'DBInstanceIdentifier',
  [TYPES.cluster]: 'DBClusterIdentifier',
  [TYPES.dbGroup]: 'DBParameterGroupName',
  [TYPES.clusterGroup]: 'DBClusterParameterGroupName',
  [TYPES.optionGroup]: 'OptionGroupName',
};

/** One template evaluated once: alone, or with the change set that deploys it. */
export interface Unit {
  template: Template;
  evaluator: Evaluator;
  type: Extract<SourceType, 'cloudformation' | 'changeset'>;
  region: string | null;
  account: string | null;
  /** Logical ids the change set removes: not evaluated. */
  removed: Set<string>;
}

export interface Located {
  unit: Unit;
  decl: ResourceDecl;
}

export class Catalog {
  private byName: Map<string, Located> | undefined;
  /** Parameter groups read once, however many databases use them. */
  readonly groups = new Map<ResourceDecl, Fact<ParameterGroup>>();

  constructor(readonly units: Unit[]) {}

  /** Resources that exist after the deployment: created (condition not false) and not removed. */
  exists(unit: Unit, decl: ResourceDecl): boolean {
    if (unit.removed.has(decl.id)) return false;
    const created = unit.evaluator.created(decl);
    return !created.known || created.value;
  }

  /** The resource of `type` named `name` (RDS names are case-insensitive) in any evaluated template. */
  findByName(type: string, name: string): Located | undefined {
    if (!this.byName) {
      this.byName = new Map();
      for (const unit of this.units) {
        for (const decl of unit.template.resources.values()) {
          const property = NAME_PROPERTY[decl.type];
          if (!property || !this.exists(unit, decl)) continue;
          const resolved = knownString(unit.evaluator, decl, property);
          if (resolved) this.byName.set(key(decl.type, resolved), { unit, decl });
        }
      }
    }
    return this.byName.get(key(type, name));
  }
}

function key(type: string, name: string): string {
  return `${type}\u0000${name.toLowerCase()}`;
}

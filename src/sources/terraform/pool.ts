// One object for each distinct fact (and the small parts of the model made of facts) about a place
// in a plan. The instances of a `count` or `for_each` block share their places: the block and its
// argument lines, or without .tf files the plan file itself. A large plan would otherwise hold
// tens of thousands of equal objects ("false, at line 12, not set"), each kept until the report
// is made and copied by the garbage collector on the way there; sharing them cuts a resource of
// the model to under a third of its size.
// Whatever comes from the pool is shared: it is never changed afterwards.
import {
  known,
  unknown,
  type CaFacts,
  type DefaultParameterGroup,
  type Fact,
  type Location,
  type Origin,
  type PlannedChange,
  type TlsFacts,
} from '../../model.js';

/** The facts about one place: known ones by value (and by `via` first when they have one), unknown ones by reason. */
class PlaceFacts {
  readonly known = new Map<unknown, Fact<unknown>>();
  readonly knownVia = new Map<string, Map<unknown, Fact<unknown>>>();
  readonly unknown = new Map<string, Fact<unknown>>();
}

/** Shared by every planned change without restart causes: frozen, so nothing can add one to all. */
const NO_CAUSES: PlannedChange['restartCauses'] = Object.freeze([]) as unknown as PlannedChange['restartCauses'];

export class ModelPool {
  /** Facts by the place they are about. */
  private readonly facts = new Map<Location, PlaceFacts>();
  /** Origins by the resource's block, then region and account. */
  private readonly origins = new Map<Location, Origin[]>();
  private readonly caFacts = new Map<Fact<string | null>, CaFacts>();
  private readonly tlsFacts = new Map<Fact<unknown>, TlsFacts>();
  private readonly changes = new Map<Fact<boolean>, Map<PlannedChange['action'], PlannedChange>>();
  private readonly defaultGroups = new Map<string | null, DefaultParameterGroup>();
  private readonly lowerCased = new Map<string, string>();

  constructor(private readonly file: string) {}

  known<T>(value: T, at: Location, via?: string): Fact<T> {
    const place = this.factsAt(at);
    let byValue: Map<unknown, Fact<unknown>> | undefined = place.known;
    if (via !== undefined) {
      byValue = place.knownVia.get(via);
      if (!byValue) place.knownVia.set(via, (byValue = new Map()));
    }
    let fact = byValue.get(value);
    if (!fact) byValue.set(value, (fact = known(value, at, via)));
    return fact as Fact<T>;
  }

  unknown<T = never>(reason: string, at: Location): Fact<T> {
    const place = this.factsAt(at);
    let fact = place.unknown.get(reason);
    if (!fact) place.unknown.set(reason, (fact = unknown(reason, at)));
    return fact as Fact<T>;
  }

  private factsAt(at: Location): PlaceFacts {
    let place = this.facts.get(at);
    if (!place) this.facts.set(at, (place = new PlaceFacts()));
    return place;
  }

  /** `text` lower-cased, once per spelling: String#toLowerCase goes through ICU, slow enough to matter per resource. */
  lowerCase(text: string): string {
    let lower = this.lowerCased.get(text);
    if (lower === undefined) this.lowerCased.set(text, (lower = text.toLowerCase()));
    return lower;
  }

  /** The engine's default parameter group, by name (null: not named). */
  defaultGroup(name: string | null): DefaultParameterGroup {
    let group = this.defaultGroups.get(name);
    if (!group) this.defaultGroups.set(name, (group = { default: true, name }));
    return group;
  }

  origin(block: Location, region: string | null, account: string | null): Origin {
    let made = this.origins.get(block);
    if (!made) this.origins.set(block, (made = []));
    for (const origin of made) if (origin.region === region && origin.account === account) return origin;
    const origin: Origin = { type: 'terraform', file: this.file, region, account, location: block };
    made.push(origin);
    return origin;
  }

  /** CA facts without a change in the plan. */
  unchangedCa(identifier: Fact<string | null>): CaFacts {
    let ca = this.caFacts.get(identifier);
    if (!ca) this.caFacts.set(identifier, (ca = { identifier, change: null }));
    return ca;
  }

  /** TLS facts without an apply status: the parameter group link alone. */
  tls(parameterGroup: TlsFacts['parameterGroup']): TlsFacts {
    let tls = this.tlsFacts.get(parameterGroup);
    if (!tls) this.tlsFacts.set(parameterGroup, (tls = { parameterGroup }));
    return tls;
  }

  /** A planned change that restarts nothing (beyond a CA rotation, which the CA facts tell). */
  changeWithoutRestarts(action: PlannedChange['action'], applyImmediately: Fact<boolean>): PlannedChange {
    let byAction = this.changes.get(applyImmediately);
    if (!byAction) this.changes.set(applyImmediately, (byAction = new Map()));
    let change = byAction.get(action);
    if (!change) byAction.set(action, (change = { action, applyImmediately, restartCauses: NO_CAUSES }));
    return change;
  }
}

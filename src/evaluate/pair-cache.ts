/**
 * Values made once per pair of keys and shared by every resource that has the same pair: the TLS
 * answer of a parameter group for an engine's setting, the text naming an engine default.
 */
export class PairCache<A, B, V> {
  private readonly byFirst = new Map<A, Map<B, V>>();

  get(first: A, second: B): V | undefined {
    return this.byFirst.get(first)?.get(second);
  }

  /** Stores `value` and returns it. */
  set(first: A, second: B, value: V): V {
    let bySecond = this.byFirst.get(first);
    if (!bySecond) this.byFirst.set(first, (bySecond = new Map()));
    bySecond.set(second, value);
    return value;
  }
}

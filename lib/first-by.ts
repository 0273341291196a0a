/**
 * The first `size` of `records` in `order` (a total order: ties broken by key), in that order: one
 * pass keeping a short sorted list, where sorting every record for a few costs most of the time at a
 * shop's size (its top buyers, its latest).
 */
export function firstBy<T>(records: Iterable<T>, order: (a: T, b: T) => number, size: number): T[] {
  const kept: T[] = [];
  for (const record of records) {
    if (kept.length === size && order(record, kept[size - 1]!) >= 0) continue;
    let i = Math.min(kept.length, size - 1);
    kept[i] = record;
    for (; i > 0 && order(kept[i]!, kept[i - 1]!) < 0; i--) [kept[i - 1], kept[i]] = [kept[i]!, kept[i - 1]!];
  }
  return kept;
}

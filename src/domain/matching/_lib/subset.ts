/**
 * Bounded subset sum: which of a customer's open items add up to a payment. The search is over at
 * most `maxItems` items and subsets of at most `maxSize`, with a node budget, so one line never
 * costs more than a few thousand steps however large the ledger.
 */

export interface SubsetSearch {
  /** Expected payment per candidate item (open less the discount available), > 0. */
  readonly amounts: readonly number[];
  /** The sum must fall in [low, high]. */
  readonly low: number;
  readonly high: number;
  readonly maxSize: number;
  /** Stop after this many solutions (2 is enough to know a solution is not unique). */
  readonly maxSolutions: number;
  /** Most search nodes visited. */
  readonly budget: number;
}

export interface SubsetResult {
  /** Solutions found, each a list of indexes into `amounts` in ascending order. */
  readonly solutions: readonly (readonly number[])[];
  /** True when the budget ran out before the search was complete (then uniqueness is unknown). */
  readonly exhausted: boolean;
}

/**
 * Subsets of size 2..maxSize whose sum falls in [low, high] (single items are the caller's simpler
 * first test). Depth-first over the items in descending amount, pruning when even the largest
 * remaining items cannot reach `low` or the smallest already exceed `high`.
 * @example findSubsets({ amounts: [100, 250, 500, 7], low: 350, high: 350, maxSize: 3, maxSolutions: 2, budget: 1000 }).solutions // [[0, 1]]
 */
export function findSubsets(s: SubsetSearch): SubsetResult {
  const order = s.amounts.map((a, i) => [a, i] as const).filter(([a]) => a > 0 && a <= s.high).sort((x, y) => y[0] - x[0] || x[1] - y[1]);
  const amounts = order.map(([a]) => a);
  const n = amounts.length;
  // suffix[i] = sum of amounts[i..]; the largest k remaining sum is bounded by the first k from i.
  const solutions: number[][] = [];
  let nodes = 0;
  let exhausted = false;
  const chosen: number[] = [];
  const visit = (start: number, sum: number): void => {
    for (let i = start; i < n; i++) {
      if (solutions.length >= s.maxSolutions || exhausted) return;
      if (++nodes > s.budget) {
        exhausted = true;
        return;
      }
      const a = amounts[i] as number;
      const total = sum + a;
      if (total > s.high) continue;
      chosen.push(i);
      const size = chosen.length;
      if (size >= 2 && total >= s.low) solutions.push(chosen.map((k) => (order[k] as readonly [number, number])[1]).sort((x, y) => x - y));
      if (size < s.maxSize) {
        // Even the next (largest remaining) items cannot reach low: prune.
        let best = total;
        for (let k = i + 1; k < n && k <= i + s.maxSize - size; k++) best += amounts[k] as number;
        if (best >= s.low) visit(i + 1, total);
      }
      chosen.pop();
    }
  };
  visit(0, 0);
  return { solutions, exhausted };
}

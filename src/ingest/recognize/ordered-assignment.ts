/**
 * The order-preserving assignment of items to slots (no more items than slots, each item to its own
 * slot, in order) with the least total cost: dynamic programming over (items, slots), O(m·n).
 * Used to put a page's figure columns on another page's (table-page-shift.ts) and a row's figures
 * under a header's leaves (table-header-leaves.ts).
 */

/** How far item x lies from slot c. */
export type Cost = (x: number, c: number) => number;

export const distance: Cost = (x, c) => Math.abs(x - c);

export function assignInOrder(items: number[], slots: number[], cost: Cost | Cost[] = distance): { map: number[]; cost: number } | undefined {
  const m = items.length;
  const n = slots.length;
  if (m > n) return undefined;
  const dp: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(Infinity));
  const take: boolean[][] = Array.from({ length: m + 1 }, () => new Array<boolean>(n + 1).fill(false));
  for (let j = 0; j <= n; j++) dp[0]![j] = 0;
  for (let i = 1; i <= m; i++) {
    const f = Array.isArray(cost) ? cost[i - 1]! : cost;
    for (let j = i; j <= n; j++) {
      const skip = dp[i]![j - 1]!;
      const use = dp[i - 1]![j - 1]! + f(items[i - 1]!, slots[j - 1]!);
      if (use <= skip) {
        dp[i]![j] = use;
        take[i]![j] = true;
      } else dp[i]![j] = skip;
    }
  }
  const map = new Array<number>(m);
  for (let i = m, j = n; i > 0; j--) if (take[i]![j]) map[--i] = j - 1;
  return { map, cost: dp[m]![n]! };
}

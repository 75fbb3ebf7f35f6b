/**
 * Orders of n targets in which each follows every other equally often (a Williams design). Turns
 * that only rotate keep the neighbours, so whatever one leaves behind (the log's writes, a cold
 * cache) would always fall on the same next one.
 */
export function balancedOrders(n: number): number[][] {
  const first = [0];
  for (let low = 1, high = n - 1; first.length < n; ) first.push(first.length % 2 === 1 ? low++ : high--);
  const rows = first.map((_, shift) => first.map((index) => (index + shift) % n));
  return n % 2 === 0 ? rows : [...rows, ...rows.map((row) => [...row].reverse())];
}

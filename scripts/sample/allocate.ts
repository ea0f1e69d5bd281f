/**
 * Splits a whole-dollar total over weights so the parts are whole numbers that add up exactly
 * (largest remainder). Zero or missing weights share equally.
 *
 * @example allocateWhole(10, [1, 1, 1]) // [4, 3, 3]
 */
export function allocateWhole(total: number, weights: readonly number[]): number[] {
  if (weights.length === 0) {
    if (total !== 0) throw new Error(`allocateWhole: nothing to put ${total} in`);
    return [];
  }
  const sum = weights.reduce((acc, w) => acc + Math.max(0, w), 0);
  const shares = weights.map((w) => (sum > 0 ? (Math.max(0, w) / sum) * total : total / weights.length));
  const whole = shares.map((share) => Math.floor(share));
  let left = total - whole.reduce((acc, part) => acc + part, 0);
  const order = shares
    .map((share, index) => ({ index, remainder: share - Math.floor(share) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (left <= 0) break;
    whole[index] = (whole[index] ?? 0) + 1;
    left -= 1;
  }
  return whole;
}

/**
 * Splits `total` over buckets in proportion to their weights, but no bucket above its cap (one cap for all,
 * or one per bucket): what a capped bucket cannot take goes to the others (water-filling). Real numbers;
 * round with allocateWhole afterwards.
 *
 * @example fillUnderCap(10, [8, 1, 1], 5) // [5, 2.5, 2.5]
 */
export function fillUnderCap(total: number, weights: readonly number[], caps: number | readonly number[] = Infinity): number[] {
  const capOf = (index: number): number => (typeof caps === 'number' ? caps : (caps[index] ?? Infinity));
  const amounts = weights.map(() => 0);
  const capped = weights.map(() => false);
  for (;;) {
    const free = weights.map((_, index) => index).filter((index) => !capped[index]);
    const budget = total - capped.reduce((acc, isCapped, index) => acc + (isCapped ? capOf(index) : 0), 0);
    if (free.length === 0) {
      if (budget > 1e-6) throw new Error(`fillUnderCap: ${total} does not fit in ${weights.length} capped buckets`);
      return amounts;
    }
    const freeWeight = free.reduce((acc, index) => acc + Math.max(0, weights[index] ?? 0), 0);
    let overflow = false;
    for (const index of free) {
      const weight = Math.max(0, weights[index] ?? 0);
      const amount = freeWeight > 0 ? (weight / freeWeight) * budget : budget / free.length;
      amounts[index] = amount;
      if (amount > capOf(index)) {
        capped[index] = true;
        amounts[index] = capOf(index);
        overflow = true;
      }
    }
    if (!overflow) return amounts;
  }
}

import seedrandom from 'seedrandom';

/** A seeded random source with the few draws the sample generator needs. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  uniform(min: number, max: number): number;
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** exp(N(0, sigma)): a multiplicative noise factor with median 1. */
  logNormal(sigma: number): number;
  chance(probability: number): boolean;
}

/**
 * A random stream named by its keys. Every (seed, month, partner, …) gets its own stream, so changing one
 * partner's profile or adding a month does not reshuffle every other number in the sample.
 *
 * @example
 *   const rng = makeRng('tradebrief-sample-v1', '2022-08', '145');
 *   rng.logNormal(0.1); // same value on every run
 */
export function makeRng(...keys: Array<string | number>): Rng {
  const random = seedrandom(keys.join('|'));
  const next = (): number => random();
  return {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    logNormal: (sigma) => Math.exp(sigma * standardNormal(next)),
    chance: (probability) => next() < probability,
  };
}

// Box–Muller; 1 - u keeps the logarithm away from zero.
function standardNormal(next: () => number): number {
  const u = 1 - next();
  const v = next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * Draws `count` distinct items, each with probability proportional to its weight (Efraimidis–Spirakis keys),
 * in a deterministic order for a given stream.
 */
export function sampleWeighted<T>(rng: Rng, items: readonly T[], weight: (item: T) => number, count: number): T[] {
  const keyed = items
    .map((item) => ({ item, w: weight(item) }))
    .filter(({ w }) => w > 0)
    .map(({ item, w }) => ({ item, key: Math.log(1 - rng.next()) / w }));
  keyed.sort((a, b) => b.key - a.key);
  return keyed.slice(0, count).map(({ item }) => item);
}

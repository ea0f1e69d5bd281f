/**
 * Timing for benchmarks: run a piece of work several times (after warm-ups) and keep every sample, so the
 * results carry the median and the spread rather than one lucky number. Figures, not assertions: nothing
 * here fails because something was slow.
 */
import { performance } from 'node:perf_hooks';

export interface Samples {
  /** Milliseconds per run, in the order they ran. */
  ms: number[];
  median: number;
  min: number;
  max: number;
}

/**
 * @example const s = await measure(() => computeStats(table), { runs: 5, warmup: 1 }); s.median // 212.4
 */
export async function measure(work: () => unknown, options: { runs: number; warmup?: number }): Promise<Samples> {
  for (let i = 0; i < (options.warmup ?? 0); i += 1) await work();
  const ms: number[] = [];
  for (let i = 0; i < options.runs; i += 1) {
    const started = performance.now();
    await work();
    ms.push(performance.now() - started);
  }
  return summarize(ms);
}

/** Median, min and max of samples taken elsewhere (e.g. wall times of child processes). */
export function summarize(ms: readonly number[]): Samples {
  if (ms.length === 0) throw new Error('summarize: no samples');
  const sorted = [...ms].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { ms: ms.map(round1), median: round1(median), min: round1(sorted[0]!), max: round1(sorted[sorted.length - 1]!) };
}

/** ours / reference, two decimals: the figure each target in the issue is stated in. */
export function ratio(ours: number, reference: number): number {
  return Math.round((ours / reference) * 100) / 100;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

import { describe, expect, it } from 'vitest';
import { heapTrimmer } from '../../src/io/heap-trim.js';

describe('heapTrimmer()', () => {
  it('runs a full collection on every n-th call, releasing garbage that had been promoted', () => {
    const trim = heapTrimmer(3);
    // Garbage the young generation cannot free: objects that lived long enough to be promoted, then dropped.
    let kept: { index: number; text: string }[] | null = Array.from({ length: 400_000 }, (_, index) => ({ index, text: `row ${index}` }));
    const withGarbage = process.memoryUsage().heapUsed;
    expect(kept.length).toBe(400_000);
    kept = null;
    trim();
    trim();
    const beforeThird = process.memoryUsage().heapUsed;
    trim(); // the third call collects
    const after = process.memoryUsage().heapUsed;
    expect(withGarbage - after).toBeGreaterThan(10 * 2 ** 20);
    expect(beforeThird - after).toBeGreaterThan(10 * 2 ** 20);
  });
});

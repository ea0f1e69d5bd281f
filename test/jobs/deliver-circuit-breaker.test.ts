import { describe, expect, it } from 'vitest';
import { createCircuitBreaker } from '../../src/jobs/deliver-circuit-breaker.js';

describe('createCircuitBreaker()', () => {
  it('trips on the threshold-th transient failure in a row, not before', () => {
    const breaker = createCircuitBreaker(3);
    expect(breaker.recordTransient()).toBe(false);
    expect(breaker.recordTransient()).toBe(false);
    expect(breaker.tripped).toBe(false);
    expect(breaker.recordTransient()).toBe(true);
    expect(breaker.tripped).toBe(true);
  });

  it('starts counting again after the server answers', () => {
    const breaker = createCircuitBreaker(3);
    breaker.recordTransient();
    breaker.recordTransient();
    breaker.recordAnswer();
    expect(breaker.consecutive).toBe(0);
    expect(breaker.recordTransient()).toBe(false);
    expect(breaker.recordTransient()).toBe(false);
    expect(breaker.recordTransient()).toBe(true);
  });

  it('stays tripped once tripped', () => {
    const breaker = createCircuitBreaker(1);
    breaker.recordTransient();
    breaker.recordAnswer();
    expect(breaker.tripped).toBe(true);
  });

  it('refuses a threshold that could never or always trip', () => {
    expect(() => createCircuitBreaker(0)).toThrow(RangeError);
    expect(() => createCircuitBreaker(2.5)).toThrow(RangeError);
  });
});

import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { isClaimantAlive, makeClaimant, parseClaimant } from '../../src/store/claimant.js';
import { deadPid } from './dead-pid.js';

describe('makeClaimant()', () => {
  it('names the host and the pid, with a random part that tells two runs of one process apart', () => {
    const first = makeClaimant(4242, 'build-01');
    expect(parseClaimant(first)).toMatchObject({ host: 'build-01', pid: 4242 });
    expect(makeClaimant(4242, 'build-01')).not.toBe(first);
  });

  it('keeps a slash in the host name from breaking the format', () => {
    expect(parseClaimant(makeClaimant(7, 'a/b'))).toMatchObject({ host: 'a_b', pid: 7 });
  });
});

describe('isClaimantAlive()', () => {
  it('is true for this very process', () => {
    expect(isClaimantAlive(makeClaimant())).toBe(true);
  });

  it('is false for a process that has exited', () => {
    expect(isClaimantAlive(makeClaimant(deadPid()))).toBe(false);
  });

  it('errs on alive when it cannot know: another host, or not a claimant at all', () => {
    expect(isClaimantAlive(makeClaimant(deadPid(), `not-${hostname()}`))).toBe(true);
    expect(isClaimantAlive('garbage')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { deliveredMonths } from '../../src/jobs/run-delivered-months.js';
import type { Run } from '../../src/store/index.js';

type RunFacts = Pick<Run, 'kind' | 'month' | 'edition' | 'outcome' | 'finishedAt'>;
const done = new Date('2022-09-21T02:00:00Z');
const send = (month: string, outcome: Run['outcome'], finishedAt: Date | null = done, edition: number | null = 1): RunFacts => ({
  kind: 'send',
  month,
  edition,
  outcome,
  finishedAt,
});
const nothingPending = (): boolean => false;

describe('deliveredMonths()', () => {
  it('counts a month whose send run finished ok or partial and left nothing pending', () => {
    expect(deliveredMonths([send('2022-08', 'ok'), send('2022-07', 'partial')], nothingPending)).toEqual(['2022-07', '2022-08']);
  });

  it('does not count a send run that never finished (the process died): the month is resumed', () => {
    expect(deliveredMonths([send('2022-08', null, null)], nothingPending)).toEqual([]);
  });

  it('does not count a failed send run', () => {
    expect(deliveredMonths([send('2022-08', 'failed')], nothingPending)).toEqual([]);
  });

  it('does not count a partial run whose edition still has rows pending (the circuit breaker stopped it)', () => {
    const pending = (month: string, edition: number): boolean => month === '2022-08' && edition === 1;
    expect(deliveredMonths([send('2022-08', 'partial'), send('2022-07', 'partial')], pending)).toEqual(['2022-07']);
  });

  it('counts the month once another edition of it was delivered', () => {
    const pending = (_month: string, edition: number): boolean => edition === 1;
    expect(deliveredMonths([send('2022-08', 'partial', done, 1), send('2022-08', 'ok', done, 2)], pending)).toEqual(['2022-08']);
  });

  it('ignores runs of other kinds: generating a month is not delivering it', () => {
    expect(deliveredMonths([{ ...send('2022-08', 'ok'), kind: 'run' }, { ...send('2022-09', 'ok'), kind: 'generate' }], nothingPending)).toEqual([]);
  });
});

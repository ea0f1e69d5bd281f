import { describe, expect, it } from 'vitest';
import { formatDeliverySummary, runCounts, runOutcome, summarizeDelivery, type RowResult } from '../../src/jobs/deliver-summary.js';

const row = (email: string, outcome: RowResult['outcome'], response?: string): RowResult => ({ email, outcome, response });

describe('summarizeDelivery()', () => {
  it('counts each outcome and lists the rows that need attention', () => {
    const summary = summarizeDelivery(
      [row('a@x.test', 'sent'), row('b@x.test', 'failed_permanent', '550 no such user'), row('c@x.test', 'skipped'), row('d@x.test', 'uncertain')],
      { stoppedEarly: false },
    );
    expect(summary).toMatchObject({ sent: 1, failedPermanent: 1, failedTransient: 0, uncertain: 1, skipped: 1, notReached: 0 });
    expect(summary.problems.map((problem) => problem.email)).toEqual(['b@x.test', 'd@x.test']);
  });
});

describe('formatDeliverySummary()', () => {
  it('says which kind of failure when there is one kind', () => {
    const summary = summarizeDelivery([...['a', 'b', 'c', 'd', 'e'].map((name) => row(`${name}@x.test`, 'sent')), row('f@x.test', 'failed_permanent')], {
      stoppedEarly: false,
    });
    expect(formatDeliverySummary(summary)).toBe('sent 5, failed 1 (permanent), uncertain 0, skipped 0');
  });

  it('splits the failures when both kinds happened, and names the rows a stopped run left planned', () => {
    const summary = summarizeDelivery(
      [row('a@x.test', 'failed_permanent'), row('b@x.test', 'failed_transient'), row('c@x.test', 'failed_transient'), row('d@x.test', 'not_reached')],
      { stoppedEarly: true },
    );
    expect(formatDeliverySummary(summary)).toBe('sent 0, failed 3 (1 permanent, 2 transient), uncertain 0, skipped 0, not reached 1 (left planned)');
  });
});

describe('runOutcome()', () => {
  it('is ok when everything was delivered or already done', () => {
    expect(runOutcome(summarizeDelivery([row('a@x.test', 'sent'), row('b@x.test', 'skipped')], { stoppedEarly: false }))).toBe('ok');
    expect(runOutcome(summarizeDelivery([], { stoppedEarly: false }))).toBe('ok');
  });

  it('is partial when some were delivered and some not', () => {
    expect(runOutcome(summarizeDelivery([row('a@x.test', 'sent'), row('b@x.test', 'uncertain')], { stoppedEarly: false }))).toBe('partial');
  });

  it('is failed when nothing was delivered that should have been', () => {
    expect(runOutcome(summarizeDelivery([row('a@x.test', 'failed_transient'), row('b@x.test', 'not_reached')], { stoppedEarly: true }))).toBe('failed');
  });
});

describe('runCounts()', () => {
  it('folds both kinds of failure into the runs table\'s one failed count', () => {
    const summary = summarizeDelivery([row('a@x.test', 'failed_permanent'), row('b@x.test', 'failed_transient'), row('c@x.test', 'sent')], {
      stoppedEarly: false,
    });
    expect(runCounts(summary)).toEqual({ sent: 1, failed: 2, uncertain: 0, skipped: 0 });
  });
});

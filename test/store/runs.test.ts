import { describe, expect, it } from 'vitest';
import { NOW, later, tempStore } from './helpers.js';

describe('startRun(), finishRun() and listRuns()', () => {
  it('records a run from start to finish', () => {
    const store = tempStore();
    const id = store.startRun({ kind: 'send', report: 'xinjiang-us', month: '2022-08', edition: 1, startedAt: NOW });
    expect(store.listRuns()).toMatchObject([{ id, kind: 'send', startedAt: NOW, finishedAt: null, outcome: null, counts: { sent: 0, failed: 0, uncertain: 0, skipped: 0 } }]);
    store.finishRun(id, { finishedAt: later(30), outcome: 'partial', counts: { sent: 9, failed: 1, uncertain: 0, skipped: 2 }, message: '1 permanent failure' });
    expect(store.listRuns()[0]).toEqual({
      id,
      kind: 'send',
      report: 'xinjiang-us',
      month: '2022-08',
      edition: 1,
      startedAt: NOW,
      finishedAt: later(30),
      outcome: 'partial',
      counts: { sent: 9, failed: 1, uncertain: 0, skipped: 2 },
      message: '1 permanent failure',
    });
  });

  it('lists newest first, per report, up to a limit', () => {
    const store = tempStore();
    store.startRun({ kind: 'generate', report: 'xinjiang-us', month: '2022-07', startedAt: NOW });
    store.startRun({ kind: 'send', report: 'xinjiang-kz', month: '2022-08', startedAt: later(10) });
    store.startRun({ kind: 'run', report: 'xinjiang-us', month: '2022-08', startedAt: later(20) });
    expect(store.listRuns().map((run) => run.startedAt)).toEqual([later(20), later(10), NOW]);
    expect(store.listRuns({ report: 'xinjiang-us' }).map((run) => run.month)).toEqual(['2022-08', '2022-07']);
    expect(store.listRuns({ limit: 1 }).map((run) => run.kind)).toEqual(['run']);
  });

  it('fills in the edition when it is only known at the end', () => {
    const store = tempStore();
    const id = store.startRun({ kind: 'regenerate', report: 'xinjiang-us', month: '2022-08', startedAt: NOW });
    store.finishRun(id, { finishedAt: later(5), outcome: 'ok', counts: { sent: 0, failed: 0, uncertain: 0, skipped: 0 }, edition: 2 });
    expect(store.listRuns()[0]?.edition).toBe(2);
  });

  it('never stores the password of an SMTP URL quoted in the message', () => {
    const store = tempStore();
    const id = store.startRun({ kind: 'send', report: 'xinjiang-us', month: '2022-08', startedAt: NOW });
    store.finishRun(id, {
      finishedAt: later(5),
      outcome: 'failed',
      counts: { sent: 0, failed: 0, uncertain: 0, skipped: 0 },
      message: 'connect ECONNREFUSED smtps://mailer:p%40ss-w0rd@127.0.0.1:2525',
    });
    expect(store.listRuns()[0]?.message).toBe('connect ECONNREFUSED smtps://mailer:***@127.0.0.1:2525');
  });

  it('refuses a kind or an outcome it does not know', () => {
    const store = tempStore();
    expect(() => store.startRun({ kind: 'deploy' as 'send', report: 'x', month: '2022-08', startedAt: NOW })).toThrow(/CHECK constraint/);
    const id = store.startRun({ kind: 'send', report: 'x', month: '2022-08', startedAt: NOW });
    expect(() => store.finishRun(id, { finishedAt: NOW, outcome: 'meh' as 'ok', counts: { sent: 0, failed: 0, uncertain: 0, skipped: 0 } })).toThrow(/CHECK constraint/);
    expect(() => store.finishRun(id + 1, { finishedAt: NOW, outcome: 'ok', counts: { sent: 0, failed: 0, uncertain: 0, skipped: 0 } })).toThrow('no run with id');
  });
});

import { describe, expect, it } from 'vitest';
import { TradebriefError } from '../../src/errors.js';
import type { Store } from '../../src/store/open-store.js';
import type { DeliveryState, FailedState, ReopenableState } from '../../src/store/types.js';
import { NOW, later, tempStore } from './helpers.js';

const EDITION = { report: 'xinjiang-us', month: '2022-08', edition: 1 };
const ME = 'host/100/aaaa';
const OTHER = 'host/200/bbbb';

function planned(store: Store, emails: string[] = ['ana@example.org', 'ben@example.org']) {
  store.planDeliveries({ ...EDITION, subscribers: emails.map((email) => ({ email, name: email.slice(0, 3) })), now: NOW });
  return store.deliveriesFor(EDITION);
}

/** A store with one row of EDITION in `state`, reached through the API only. */
function rowIn(state: DeliveryState): { store: Store; id: number } {
  const store = tempStore();
  const [row] = planned(store, ['ana@example.org']);
  const id = row?.id ?? -1;
  if (state === 'planned') return { store, id };
  store.claimDelivery(id, { claimant: ME, now: NOW });
  if (state === 'sent') store.markSent(id, { messageId: '<m@x>', response: '250 OK', now: NOW });
  if (state === 'failed_permanent' || state === 'failed_transient' || state === 'uncertain') {
    store.markFailed(id, { state, response: 'r', retryAfter: later(600), now: NOW });
  }
  return { store, id };
}

describe('planDeliveries()', () => {
  it('plans one row per subscriber, normalising addresses', () => {
    const store = tempStore();
    const result = store.planDeliveries({ ...EDITION, subscribers: [{ email: 'Ana@Example.org', name: 'Ana' }, { email: 'ben@example.org' }], now: NOW });
    expect(result).toEqual({ planned: 2, alreadyPlanned: 0 });
    expect(store.deliveriesFor(EDITION)).toMatchObject([
      { subscriberEmail: 'ana@example.org', subscriberName: 'Ana', state: 'planned', attempts: 0, plannedAt: NOW, claimedBy: null },
      { subscriberEmail: 'ben@example.org', subscriberName: null, state: 'planned' },
    ]);
  });

  it('plans again without resetting any row and adds only newcomers', () => {
    const store = tempStore();
    const [ana] = planned(store);
    store.claimDelivery(ana?.id ?? -1, { claimant: ME, now: NOW });
    store.markSent(ana?.id ?? -1, { messageId: '<m@x>', response: '250 OK', now: NOW });
    const again = store.planDeliveries({ ...EDITION, subscribers: [{ email: 'ana@example.org' }, { email: 'ben@example.org' }, { email: 'cai@example.org' }], now: later(60) });
    expect(again).toEqual({ planned: 1, alreadyPlanned: 2 });
    expect(store.deliveriesFor(EDITION).map((d) => [d.subscriberEmail, d.state])).toEqual([
      ['ana@example.org', 'sent'],
      ['ben@example.org', 'planned'],
      ['cai@example.org', 'planned'],
    ]);
  });

  it('keeps editions and months apart', () => {
    const store = tempStore();
    planned(store);
    expect(store.planDeliveries({ ...EDITION, edition: 2, subscribers: [{ email: 'ana@example.org' }], now: NOW }).planned).toBe(1);
    expect(store.planDeliveries({ ...EDITION, month: '2022-09', subscribers: [{ email: 'ana@example.org' }], now: NOW }).planned).toBe(1);
  });

  it('plans nothing when one address is invalid', () => {
    const store = tempStore();
    expect(() => store.planDeliveries({ ...EDITION, subscribers: [{ email: 'ana@example.org' }, { email: 'nope' }], now: NOW })).toThrow('not a valid email');
    expect(store.deliveriesFor(EDITION)).toEqual([]);
  });
});

describe('claimDelivery()', () => {
  it('takes a planned row once: the second claim fails', () => {
    const { store, id } = rowIn('planned');
    expect(store.claimDelivery(id, { claimant: ME, now: later(1) })).toBe(true);
    expect(store.claimDelivery(id, { claimant: OTHER, now: later(2) })).toBe(false);
    expect(store.getDelivery(id)).toMatchObject({ state: 'sending', claimedBy: ME, sendingAt: later(1) });
  });

  it('takes a failed_transient row only once its retry_after has passed', () => {
    const { store, id } = rowIn('failed_transient');
    expect(store.claimDelivery(id, { claimant: OTHER, now: later(599) })).toBe(false);
    expect(store.claimDelivery(id, { claimant: OTHER, now: later(600) })).toBe(true);
  });

  it('takes a failed_transient row without retry_after at once', () => {
    const { store, id } = rowIn('planned');
    store.claimDelivery(id, { claimant: ME, now: NOW });
    store.markFailed(id, { state: 'failed_transient', response: 'ECONNREFUSED', now: NOW });
    expect(store.getDelivery(id)?.retryAfter).toBeNull();
    expect(store.claimDelivery(id, { claimant: ME, now: NOW })).toBe(true);
  });

  it.each<DeliveryState>(['sending', 'sent', 'failed_permanent', 'uncertain'])('refuses a %s row', (state) => {
    const { store, id } = rowIn(state);
    expect(store.claimDelivery(id, { claimant: OTHER, now: later(3600) })).toBe(false);
    expect(store.getDelivery(id)?.state).toBe(state);
  });

  it('refuses a row that does not exist', () => {
    expect(tempStore().claimDelivery(42, { claimant: ME, now: NOW })).toBe(false);
  });

  it('refuses to run inside a transaction, where the claim would not be committed before sending', () => {
    const { store, id } = rowIn('planned');
    expect(() => store.transaction(() => store.claimDelivery(id, { claimant: ME, now: NOW }))).toThrow('must not run inside a transaction');
    expect(store.getDelivery(id)?.state).toBe('planned');
  });
});

describe('markSent() and markFailed()', () => {
  it('records a 250: sent, with the message id and the reply, one attempt', () => {
    const { store, id } = rowIn('sending');
    store.markSent(id, { messageId: '<xinjiang-us-2022-08-e1-ab12@tradebrief.example>', response: '250 2.0.0 queued', now: later(5), claimant: ME });
    expect(store.getDelivery(id)).toMatchObject({
      state: 'sent',
      attempts: 1,
      messageId: '<xinjiang-us-2022-08-e1-ab12@tradebrief.example>',
      lastResponse: '250 2.0.0 queued',
      finishedAt: later(5),
      retryAfter: null,
    });
  });

  it.each<FailedState>(['failed_permanent', 'failed_transient', 'uncertain'])('records %s with its reply and one more attempt', (state) => {
    const { store, id } = rowIn('sending');
    store.markFailed(id, { state, response: 'the reply', retryAfter: later(60), now: later(5) });
    expect(store.getDelivery(id)).toMatchObject({ state, attempts: 1, lastResponse: 'the reply', finishedAt: later(5) });
    // retry_after only means something for a transient failure.
    expect(store.getDelivery(id)?.retryAfter).toEqual(state === 'failed_transient' ? later(60) : null);
  });

  it('counts every attempt across retries', () => {
    const { store, id } = rowIn('planned');
    for (let attempt = 0; attempt < 2; attempt += 1) {
      store.claimDelivery(id, { claimant: ME, now: later(attempt) });
      store.markFailed(id, { state: 'failed_transient', response: '451 4.3.0 later', now: later(attempt) });
    }
    store.claimDelivery(id, { claimant: ME, now: later(3) });
    store.markSent(id, { messageId: '<m@x>', response: '250 OK', now: later(3) });
    expect(store.getDelivery(id)).toMatchObject({ state: 'sent', attempts: 3 });
  });

  it.each<DeliveryState>(['planned', 'sent', 'failed_permanent', 'failed_transient', 'uncertain'])('refuses to record an outcome for a %s row', (state) => {
    const { store, id } = rowIn(state);
    const before = store.getDelivery(id);
    for (const record of [
      () => store.markSent(id, { messageId: '<m2@x>', response: '250 OK', now: later(9) }),
      () => store.markFailed(id, { state: 'uncertain', response: 'x', now: later(9) }),
    ]) {
      let error: unknown;
      try {
        record();
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(TradebriefError);
      expect((error as TradebriefError).code).toBe('LedgerConflict');
      expect((error as Error).message).toContain(`it is ${state}, not sending`);
    }
    expect(store.getDelivery(id)).toEqual(before);
  });

  it('refuses an outcome from a process that does not hold the row', () => {
    const { store, id } = rowIn('sending');
    expect(() => store.markSent(id, { messageId: '<m@x>', response: '250', now: NOW, claimant: OTHER })).toThrow(`held by ${ME}, not ${OTHER}`);
    expect(store.getDelivery(id)?.state).toBe('sending');
  });

  it('refuses a state that is not an outcome', () => {
    const { store, id } = rowIn('sending');
    expect(() => store.markFailed(id, { state: 'sent' as FailedState, response: '', now: NOW })).toThrow(TypeError);
  });

  it('masks a password quoted in the reply', () => {
    const { store, id } = rowIn('sending');
    store.markFailed(id, { state: 'failed_transient', response: 'connect to smtp://ops:s3cret@mail.example:587 refused', now: NOW });
    expect(store.getDelivery(id)?.lastResponse).toBe('connect to smtp://ops:***@mail.example:587 refused');
  });
});

describe('reopenDelivery()', () => {
  it.each<ReopenableState>(['uncertain', 'failed_permanent', 'failed_transient'])('puts a %s row back to planned, once', (state) => {
    const { store, id } = rowIn(state);
    expect(store.reopenDelivery(id, state)).toBe(true);
    expect(store.reopenDelivery(id, state)).toBe(false);
    expect(store.getDelivery(id)).toMatchObject({ state: 'planned', claimedBy: null, retryAfter: null, attempts: 1 });
    expect(store.claimDelivery(id, { claimant: OTHER, now: NOW })).toBe(true);
  });

  it('does nothing when the row is not in the state named', () => {
    const { store, id } = rowIn('failed_permanent');
    expect(store.reopenDelivery(id, 'uncertain')).toBe(false);
    expect(store.getDelivery(id)?.state).toBe('failed_permanent');
  });

  it('can never reopen a sent row', () => {
    const { store, id } = rowIn('sent');
    expect(() => store.reopenDelivery(id, 'sent' as ReopenableState)).toThrow(TypeError);
    expect(store.getDelivery(id)?.state).toBe('sent');
  });
});

describe('pendingDeliveries()', () => {
  /** One row in each state, for ana, ben, cai, … in that order. */
  function oneOfEach(): Store {
    const store = tempStore();
    const rows = planned(store, ['a-planned@x.org', 'b-sending@x.org', 'c-sent@x.org', 'd-perm@x.org', 'e-trans-due@x.org', 'f-trans-later@x.org', 'g-uncertain@x.org']);
    const ids = rows.map((row) => row.id);
    for (const id of ids.slice(1)) store.claimDelivery(id, { claimant: ME, now: NOW });
    const [, , sent, perm, due, notDue, uncertain] = ids;
    store.markSent(sent ?? -1, { messageId: '<m@x>', response: '250', now: NOW });
    store.markFailed(perm ?? -1, { state: 'failed_permanent', response: '550', now: NOW });
    store.markFailed(due ?? -1, { state: 'failed_transient', response: '451', retryAfter: later(60), now: NOW });
    store.markFailed(notDue ?? -1, { state: 'failed_transient', response: '451', retryAfter: later(3600), now: NOW });
    store.markFailed(uncertain ?? -1, { state: 'uncertain', response: 'ECONNRESET after DATA', now: NOW });
    return store;
  }
  const emails = (store: Store, resend?: 'failed' | 'uncertain') =>
    store.pendingDeliveries({ ...EDITION, now: later(60), resend }).map((d) => d.subscriberEmail.slice(0, 1));

  it('returns planned rows and transient failures that are due', () => {
    expect(emails(oneOfEach())).toEqual(['a', 'e']);
  });

  it('adds uncertain rows with resend "uncertain"', () => {
    expect(emails(oneOfEach(), 'uncertain')).toEqual(['a', 'e', 'g']);
  });

  it('adds every failed row, due or not, with resend "failed"', () => {
    expect(emails(oneOfEach(), 'failed')).toEqual(['a', 'd', 'e', 'f']);
  });

  it('only looks at the edition asked for', () => {
    expect(oneOfEach().pendingDeliveries({ ...EDITION, edition: 2, now: later(60) })).toEqual([]);
  });

  it('counts each state in ledgerSummary()', () => {
    expect(oneOfEach().ledgerSummary('xinjiang-us', '2022-08', 1)).toEqual({
      planned: 1,
      sending: 1,
      sent: 1,
      failed_permanent: 1,
      failed_transient: 2,
      uncertain: 1,
    });
    expect(tempStore().ledgerSummary('xinjiang-us', '2022-08', 1)).toEqual({
      planned: 0,
      sending: 0,
      sent: 0,
      failed_permanent: 0,
      failed_transient: 0,
      uncertain: 0,
    });
  });
});

describe('editionsSent() and recipientsOf()', () => {
  it('lists editions that reached someone, and who', () => {
    const store = tempStore();
    for (const edition of [1, 2, 3]) {
      store.planDeliveries({ ...EDITION, edition, subscribers: [{ email: 'ben@x.org' }, { email: 'ana@x.org' }], now: NOW });
    }
    for (const row of store.deliveriesFor({ ...EDITION, edition: 1 })) {
      store.claimDelivery(row.id, { claimant: ME, now: NOW });
      store.markSent(row.id, { messageId: `<${row.id}@x>`, response: '250', now: NOW });
    }
    const [edition3] = store.deliveriesFor({ ...EDITION, edition: 3 });
    store.claimDelivery(edition3?.id ?? -1, { claimant: ME, now: NOW });
    store.markSent(edition3?.id ?? -1, { messageId: '<e3@x>', response: '250', now: NOW });
    expect(store.editionsSent('xinjiang-us', '2022-08')).toEqual([1, 3]);
    expect(store.editionsSent('xinjiang-us', '2022-07')).toEqual([]);
    expect(store.recipientsOf('xinjiang-us', '2022-08', 1)).toEqual(['ana@x.org', 'ben@x.org']);
    expect(store.recipientsOf('xinjiang-us', '2022-08', 2)).toEqual([]);
    expect(store.recipientsOf('xinjiang-us', '2022-08', 3)).toEqual(['ben@x.org']);
  });
});

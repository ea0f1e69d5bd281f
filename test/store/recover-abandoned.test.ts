import { describe, expect, it } from 'vitest';
import { isClaimantAlive, makeClaimant } from '../../src/store/claimant.js';
import { deadPid } from './dead-pid.js';
import { NOW, later, tempStore } from './helpers.js';

const EDITION = { report: 'xinjiang-us', month: '2022-08', edition: 1 };

describe('recoverAbandoned()', () => {
  it('turns the rows of a dead sender into uncertain, never back into planned, and leaves live senders alone', () => {
    const store = tempStore();
    store.planDeliveries({ ...EDITION, subscribers: ['ana', 'ben', 'cai', 'dan'].map((name) => ({ email: `${name}@example.org` })), now: NOW });
    const [ana, ben, cai] = store.deliveriesFor(EDITION);
    const dead = makeClaimant(deadPid());
    const alive = makeClaimant();
    store.claimDelivery(ana?.id ?? -1, { claimant: dead, now: NOW });
    store.claimDelivery(ben?.id ?? -1, { claimant: alive, now: NOW });
    store.claimDelivery(cai?.id ?? -1, { claimant: dead, now: NOW });
    store.markSent(cai?.id ?? -1, { messageId: '<c@x>', response: '250', now: NOW });

    const recovered = store.recoverAbandoned({ ...EDITION, isAlive: isClaimantAlive, now: later(600) });

    expect(recovered.map((row) => row.subscriberEmail)).toEqual(['ana@example.org']);
    expect(store.getDelivery(ana?.id ?? -1)).toMatchObject({ state: 'uncertain', attempts: 1, finishedAt: later(600) });
    expect(store.getDelivery(ana?.id ?? -1)?.lastResponse).toContain(`abandoned: the sending process (${dead}) died`);
    expect(store.deliveriesFor(EDITION).map((row) => row.state)).toEqual(['uncertain', 'sending', 'sent', 'planned']);
    // Not re-sent by default: a plain rerun does not pick it up.
    expect(store.pendingDeliveries({ ...EDITION, now: later(600) }).map((row) => row.subscriberEmail)).toEqual(['dan@example.org']);
  });

  it('only looks at the edition asked for', () => {
    const store = tempStore();
    store.planDeliveries({ ...EDITION, subscribers: [{ email: 'ana@example.org' }], now: NOW });
    const [ana] = store.deliveriesFor(EDITION);
    store.claimDelivery(ana?.id ?? -1, { claimant: makeClaimant(deadPid()), now: NOW });
    expect(store.recoverAbandoned({ ...EDITION, edition: 2, isAlive: () => false, now: NOW })).toEqual([]);
    expect(store.getDelivery(ana?.id ?? -1)?.state).toBe('sending');
  });

  it('asks about each claimant, and does nothing when everyone is alive', () => {
    const store = tempStore();
    store.planDeliveries({ ...EDITION, subscribers: [{ email: 'ana@example.org' }], now: NOW });
    const [ana] = store.deliveriesFor(EDITION);
    store.claimDelivery(ana?.id ?? -1, { claimant: 'host/1/aa', now: NOW });
    const asked: string[] = [];
    expect(store.recoverAbandoned({ ...EDITION, isAlive: (claimant) => (asked.push(claimant), true), now: NOW })).toEqual([]);
    expect(asked).toEqual(['host/1/aa']);
  });
});

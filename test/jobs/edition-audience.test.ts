import { describe, expect, it } from 'vitest';
import { earlierMailingFinished, earlierRecipients, editionAudience } from '../../src/jobs/edition-audience.js';
import { openStore } from '../../src/store/index.js';

const ana = { email: 'ana@example.org' };
const bo = { email: 'bo@example.org' };
const cy = { email: 'cy@example.org' };

describe('editionAudience()', () => {
  it('sends a first edition to every active subscriber', () => {
    expect(editionAudience(1, [ana, bo, cy], [])).toEqual([ana, bo, cy]);
  });

  it('sends a corrected edition only to the active subscribers who received an earlier one', () => {
    expect(editionAudience(2, [ana, bo, cy], ['ana@example.org', 'bo@example.org'])).toEqual([ana, bo]);
  });

  it('leaves out an earlier recipient who is no longer an active subscriber', () => {
    expect(editionAudience(3, [bo, cy], ['ana@example.org', 'bo@example.org'])).toEqual([bo]);
  });

  it('sends any edition of a month nobody received yet to every active subscriber', () => {
    expect(editionAudience(2, [ana, bo, cy], [])).toEqual([ana, bo, cy]);
  });

  it('completes an unfinished mailing: a correction of a month whose earlier mailing did not finish goes to everyone', () => {
    expect(editionAudience(2, [ana, bo, cy], ['ana@example.org'], false)).toEqual([ana, bo, cy]);
  });
});

describe('earlierMailingFinished()', () => {
  it('is true only once a send of an earlier edition finished with no rows left to retry', () => {
    const store = openStore(':memory:');
    const now = new Date('2022-09-21T01:00:00Z');
    try {
      for (const subscriber of [ana, bo]) store.addSubscriber({ ...subscriber, reports: ['xinjiang-us'] }, now);
      const edition1 = { report: 'xinjiang-us', month: '2022-08', edition: 1 };
      const edition2 = { ...edition1, edition: 2 };
      expect(earlierMailingFinished(store, edition2)).toBe(false); // never mailed
      const runId = store.startRun({ kind: 'send', ...edition1, startedAt: now });
      store.planDeliveries({ ...edition1, subscribers: [ana, bo], now });
      const [first, second] = store.deliveriesFor(edition1);
      if (first === undefined || second === undefined || !store.claimDelivery(first.id, { claimant: 'test', now }) || !store.claimDelivery(second.id, { claimant: 'test', now })) {
        throw new Error('claim failed');
      }
      store.markSent(first.id, { messageId: '<1@x>', response: '250 ok', now });
      // bo's server said "try later": the run ends partial with a row to retry.
      store.markFailed(second.id, { state: 'failed_transient', response: '451 busy', retryAfter: new Date(now.getTime() + 60_000), now });
      store.finishRun(runId, { finishedAt: now, outcome: 'partial', counts: { sent: 1, failed: 1, uncertain: 0, skipped: 0 } });
      expect(earlierMailingFinished(store, edition2)).toBe(false);
      expect(editionAudience(2, [ana, bo], earlierRecipients(store, edition2), earlierMailingFinished(store, edition2))).toEqual([ana, bo]);

      // The retry goes through in a later send of edition 1: now the month is done, and a correction is for ana and bo.
      const later = new Date(now.getTime() + 120_000);
      const retryRun = store.startRun({ kind: 'send', ...edition1, startedAt: later });
      if (!store.claimDelivery(second.id, { claimant: 'test', now: later })) throw new Error('claim failed');
      store.markSent(second.id, { messageId: '<2@x>', response: '250 ok', now: later });
      store.finishRun(retryRun, { finishedAt: later, outcome: 'ok', counts: { sent: 1, failed: 0, uncertain: 0, skipped: 1 } });
      expect(earlierMailingFinished(store, edition2)).toBe(true);
      expect(earlierMailingFinished(store, edition1)).toBe(false); // nothing before edition 1
    } finally {
      store.close();
    }
  });
});

describe('earlierRecipients()', () => {
  it('collects the addresses sent an earlier edition of the month, from the ledger', () => {
    const store = openStore(':memory:');
    const now = new Date('2022-09-21T01:00:00Z');
    try {
      for (const subscriber of [ana, bo, cy]) store.addSubscriber({ ...subscriber, reports: ['xinjiang-us'] }, now);
      const edition1 = { report: 'xinjiang-us', month: '2022-08', edition: 1 };
      store.planDeliveries({ ...edition1, subscribers: [ana, bo, cy], now });
      const rows = store.deliveriesFor(edition1);
      // ana and bo received edition 1; cy's delivery failed for good.
      for (const row of rows) {
        if (!store.claimDelivery(row.id, { claimant: 'test', now })) throw new Error('claim failed');
        if (row.subscriberEmail === 'cy@example.org') store.markFailed(row.id, { state: 'failed_permanent', response: '550 no such user', now });
        else store.markSent(row.id, { messageId: `<${row.id}@x>`, response: '250 ok', now });
      }
      expect(earlierRecipients(store, { ...edition1, edition: 2 })).toEqual(['ana@example.org', 'bo@example.org']);
      expect(earlierRecipients(store, edition1)).toEqual([]);
      expect(earlierRecipients(store, { ...edition1, month: '2022-09', edition: 2 })).toEqual([]);
    } finally {
      store.close();
    }
  });
});

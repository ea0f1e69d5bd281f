import { describe, expect, it } from 'vitest';
import { TradebriefError } from '../../src/errors.js';
import { NOW, later, tempStore } from './helpers.js';

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof TradebriefError) return error.code;
    throw error;
  }
  throw new Error('expected a TradebriefError');
}

describe('addSubscriber()', () => {
  it('stores a normalised address with its name, locale, reports and a random salt', () => {
    const store = tempStore();
    const ana = store.addSubscriber({ email: '  Ana@Example.ORG ', name: ' Ana Li ', locale: 'zh', reports: ['xinjiang-us', 'xinjiang-kz'] }, NOW);
    expect(ana).toMatchObject({
      email: 'ana@example.org',
      name: 'Ana Li',
      locale: 'zh',
      status: 'active',
      reports: ['xinjiang-kz', 'xinjiang-us'],
      createdAt: NOW,
    });
    expect(ana.unsubscribeSalt).toMatch(/^[0-9a-f]{32}$/);
    const ben = store.addSubscriber({ email: 'ben@example.org', reports: ['xinjiang-us'] }, NOW);
    expect(ben.unsubscribeSalt).not.toBe(ana.unsubscribeSalt);
    expect(ben).toMatchObject({ name: null, locale: 'en' });
  });

  it('keeps the salt stable across reads', () => {
    const store = tempStore();
    const { unsubscribeSalt } = store.addSubscriber({ email: 'ana@example.org', reports: ['xinjiang-us'] }, NOW);
    expect(store.getSubscriber('ANA@example.org')?.unsubscribeSalt).toBe(unsubscribeSalt);
  });

  it('refuses an invalid address, naming it', () => {
    const store = tempStore();
    for (const email of ['not-an-address', 'ana@', 'ana@example.org\r\nBcc: eve@example.org', 'a b@example.org', '']) {
      expect(codeOf(() => store.addSubscriber({ email, reports: ['xinjiang-us'] }, NOW))).toBe('InvalidEmail');
    }
    expect(() => store.addSubscriber({ email: 'not-an-address', reports: ['xinjiang-us'] }, NOW)).toThrow('"not-an-address" is not a valid email address');
    expect(store.listSubscribers()).toEqual([]);
  });

  it('refuses a duplicate, whatever its case', () => {
    const store = tempStore();
    store.addSubscriber({ email: 'ana@example.org', reports: ['xinjiang-us'] }, NOW);
    expect(() => store.addSubscriber({ email: 'ANA@example.org', reports: ['xinjiang-kz'] }, NOW)).toThrow('ana@example.org is already a subscriber');
    expect(store.getSubscriber('ana@example.org')?.reports).toEqual(['xinjiang-us']);
  });

  it('does not silently re-subscribe someone who unsubscribed', () => {
    const store = tempStore();
    store.addSubscriber({ email: 'ana@example.org', reports: ['xinjiang-us'] }, NOW);
    store.unsubscribe('ana@example.org', { now: later(60) });
    expect(() => store.addSubscriber({ email: 'ana@example.org', reports: ['xinjiang-us'] }, later(120))).toThrow('(unsubscribed since 2022-09-20)');
    expect(store.getSubscriber('ana@example.org')?.status).toBe('unsubscribed');
  });

  it('refuses an unknown locale, no reports, and a report id that is not one', () => {
    const store = tempStore();
    expect(codeOf(() => store.addSubscriber({ email: 'a@example.org', locale: 'fr' as 'en', reports: ['xinjiang-us'] }, NOW))).toBe('InvalidLocale');
    expect(codeOf(() => store.addSubscriber({ email: 'a@example.org', reports: [] }, NOW))).toBe('NoReports');
    expect(codeOf(() => store.addSubscriber({ email: 'a@example.org', reports: ['Xinjiang US'] }, NOW))).toBe('InvalidReportId');
  });
});

describe('listSubscribers() and subscribersFor()', () => {
  function threeSubscribers() {
    const store = tempStore();
    store.addSubscriber({ email: 'cai@example.org', reports: ['xinjiang-kz'] }, NOW);
    store.addSubscriber({ email: 'ana@example.org', reports: ['xinjiang-us'] }, NOW);
    store.addSubscriber({ email: 'ben@example.org', reports: ['xinjiang-us', 'xinjiang-kz'] }, NOW);
    return store;
  }

  it('lists everyone by address', () => {
    expect(threeSubscribers().listSubscribers().map((s) => s.email)).toEqual(['ana@example.org', 'ben@example.org', 'cai@example.org']);
  });

  it('filters by report and by status', () => {
    const store = threeSubscribers();
    store.unsubscribe('ana@example.org', { now: NOW });
    expect(store.listSubscribers({ report: 'xinjiang-us' }).map((s) => s.email)).toEqual(['ana@example.org', 'ben@example.org']);
    expect(store.listSubscribers({ status: 'unsubscribed' }).map((s) => s.email)).toEqual(['ana@example.org']);
    expect(store.listSubscribers({ report: 'xinjiang-kz', status: 'active' }).map((s) => s.email)).toEqual(['ben@example.org', 'cai@example.org']);
  });

  it('gives a report only its active subscribers', () => {
    const store = threeSubscribers();
    store.unsubscribe('ben@example.org', { report: 'xinjiang-us', now: NOW });
    expect(store.subscribersFor('xinjiang-us').map((s) => s.email)).toEqual(['ana@example.org']);
    expect(store.subscribersFor('xinjiang-kz').map((s) => s.email)).toEqual(['ben@example.org', 'cai@example.org']);
    expect(store.subscribersFor('no-such-report')).toEqual([]);
  });
});

describe('getSubscriber() and removeSubscriber()', () => {
  it('finds by any spelling of the address and returns null for strangers', () => {
    const store = tempStore();
    store.addSubscriber({ email: 'ana@example.org', reports: ['xinjiang-us'] }, NOW);
    expect(store.getSubscriber(' ANA@Example.org')?.email).toBe('ana@example.org');
    expect(store.getSubscriber('eve@example.org')).toBeNull();
    expect(store.getSubscriber('not an address')).toBeNull();
  });

  it('removes a subscriber and says whether there was one', () => {
    const store = tempStore();
    store.addSubscriber({ email: 'ana@example.org', reports: ['xinjiang-us'] }, NOW);
    expect(store.removeSubscriber('Ana@example.org')).toBe(true);
    expect(store.removeSubscriber('ana@example.org')).toBe(false);
    expect(store.getSubscriber('ana@example.org')).toBeNull();
  });
});

describe('unsubscribe()', () => {
  it('stops every report and is idempotent', () => {
    const store = tempStore();
    store.addSubscriber({ email: 'ana@example.org', reports: ['xinjiang-us', 'xinjiang-kz'] }, NOW);
    expect(store.unsubscribe('ana@example.org', { now: later(60) })).toBe('unsubscribed');
    expect(store.unsubscribe('ana@example.org', { now: later(120) })).toBe('already');
    expect(store.getSubscriber('ana@example.org')).toMatchObject({ status: 'unsubscribed', updatedAt: later(60), reports: ['xinjiang-kz', 'xinjiang-us'] });
  });

  it('stops one report and keeps the others', () => {
    const store = tempStore();
    store.addSubscriber({ email: 'ana@example.org', reports: ['xinjiang-us', 'xinjiang-kz'] }, NOW);
    expect(store.unsubscribe('ana@example.org', { report: 'xinjiang-us', now: later(60) })).toBe('unsubscribed');
    expect(store.unsubscribe('ana@example.org', { report: 'xinjiang-us', now: later(60) })).toBe('already');
    expect(store.getSubscriber('ana@example.org')).toMatchObject({ status: 'active', reports: ['xinjiang-kz'] });
  });

  it('unsubscribes entirely when the last report is stopped', () => {
    const store = tempStore();
    store.addSubscriber({ email: 'ana@example.org', reports: ['xinjiang-us'] }, NOW);
    expect(store.unsubscribe('ana@example.org', { report: 'xinjiang-us', now: later(60) })).toBe('unsubscribed');
    expect(store.getSubscriber('ana@example.org')?.status).toBe('unsubscribed');
    expect(store.subscribersFor('xinjiang-us')).toEqual([]);
  });

  it('says unknown for an address it never had', () => {
    expect(tempStore().unsubscribe('eve@example.org', { now: NOW })).toBe('unknown');
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULTS, loadConfig, parseConfig } from '../../src/config.js';
import { resolveDbPath } from '../../src/store/resolve-db-path.js';

const minimalReport = {
  id: 'xj-us',
  title: 'Xinjiang exports to the US',
  flow: 'export',
  regions: ['65'],
  focusPartner: '502',
  data: [{ path: 'data/x-*.csv', format: 'gacc', flow: 'export' }],
};

function parse(delivery?: unknown) {
  return parseConfig({ reports: [minimalReport], ...(delivery === undefined ? {} : { delivery }) }, { baseDir: '/srv/reports', configFile: '/srv/reports/tradebrief.config.json' });
}

function problemsOf(delivery: unknown): string {
  try {
    parse(delivery);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('the delivery section of the config', () => {
  it('works without one: every default, the database next to the config', () => {
    expect(parse().delivery).toEqual({
      dbPath: '/srv/reports/.tradebrief/tradebrief.db',
      from: { address: 'reports@tradebrief.invalid', name: 'tradebrief' },
      unsubscribe: { mailto: 'reports@tradebrief.invalid' },
      messageIdDomain: 'tradebrief.invalid',
      rateLimit: DEFAULTS.delivery.rateLimit,
      retry: { maxAttempts: 3, backoffMs: 2000, giveUpAfterHours: 96 },
      maxConsecutiveTransientFailures: 5,
    });
  });

  it('reads "Name <address>" and derives the unsubscribe mailto and the Message-ID domain from it', () => {
    const delivery = parse({ from: 'Trade Desk <desk@news.example>', dbPath: '../state/tb.db' }).delivery;
    expect(delivery.from).toEqual({ address: 'desk@news.example', name: 'Trade Desk' });
    expect(delivery.unsubscribe.mailto).toBe('desk@news.example');
    expect(delivery.messageIdDomain).toBe('news.example');
    expect(delivery.dbPath).toBe('/srv/state/tb.db');
  });

  it('takes every key as given', () => {
    const delivery = parse({
      from: { address: 'desk@news.example', name: 'Desk' },
      replyTo: 'editor@news.example',
      unsubscribe: { mailto: 'stop@news.example', baseUrl: 'https://news.example/unsubscribe' },
      messageIdDomain: 'mail.news.example',
      rateLimit: { messages: 2, perSeconds: 10 },
      retry: { maxAttempts: 5, backoffMs: 10, giveUpAfterHours: 24 },
      maxConsecutiveTransientFailures: 2,
      operator: 'ops@news.example',
    }).delivery;
    expect(delivery).toMatchObject({
      replyTo: 'editor@news.example',
      unsubscribe: { mailto: 'stop@news.example', baseUrl: 'https://news.example/unsubscribe' },
      messageIdDomain: 'mail.news.example',
      retry: { maxAttempts: 5, backoffMs: 10, giveUpAfterHours: 24 },
      operator: 'ops@news.example',
    });
  });

  it('names each bad key', () => {
    const message = problemsOf({
      from: 'Desk\r\nBcc: eve@evil.example <desk@news.example>',
      unsubscribe: { baseUrl: 'http://news.example/unsubscribe' },
      operator: 'not-an-address',
      retry: { maxAttempts: 0 },
      smtpPassword: 'hunter2',
    });
    expect(message).toContain('delivery.from: expected "Name <address@example.org>"');
    expect(message).toContain('delivery.unsubscribe.baseUrl: expected an https:// URL, got "http://news.example/unsubscribe"');
    expect(message).toContain('delivery.operator: expected an email address, got "not-an-address"');
    expect(message).toContain('delivery.retry.maxAttempts');
    expect(message).toContain('smtpPassword');
  });

  it('is in the shipped config with its example values', async () => {
    const config = await loadConfig('tradebrief.config.json');
    expect(config.delivery).toMatchObject({
      from: { address: 'reports@tradebrief.example', name: 'tradebrief' },
      unsubscribe: { mailto: 'unsubscribe@tradebrief.example' },
      messageIdDomain: 'tradebrief.example',
      operator: 'operator@tradebrief.example',
    });
  });
});

describe('resolveDbPath()', () => {
  it('uses delivery.dbPath, unless TRADEBRIEF_DB is given (relative to the working directory)', () => {
    const config = parse();
    expect(resolveDbPath(config)).toBe('/srv/reports/.tradebrief/tradebrief.db');
    expect(resolveDbPath(config, '')).toBe('/srv/reports/.tradebrief/tradebrief.db');
    expect(resolveDbPath(config, '/tmp/test.db')).toBe('/tmp/test.db');
    expect(resolveDbPath(config, 'rel/test.db')).toBe(`${process.cwd()}/rel/test.db`);
  });
});

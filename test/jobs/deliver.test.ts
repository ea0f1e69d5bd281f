/**
 * The send job against a real SQLite ledger and a scripted transport: each subscriber's SMTP outcomes are
 * written out per attempt, the clock and sleep are fake (the backoff schedule is checked exactly, in no time).
 * The real SMTP server, Chromium and the command are in test/e2e/send*.test.ts.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SendMailOptions } from 'nodemailer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig, type Config } from '../../src/config.js';
import { deliver, DeliveryStopped, type DeliverEffects, type DeliverOptions } from '../../src/jobs/deliver.js';
import { MailSendError } from '../../src/mail/send-error.js';
import type { MailTransport } from '../../src/mail/transport.js';
import type { BrowserPool } from '../../src/pdf/browser-pool.js';
import { openStore, type Store } from '../../src/store/index.js';
import { tinyStats } from '../render/fixtures.js';

const START = new Date('2022-09-21T01:00:00Z');
const SUBSCRIBERS = ['ana@example.org', 'bo@example.org', 'cy@example.org'];

type Reply = 'ok' | 'defer' | 'reject' | 'drop' | 'refused';

const errors: Record<Exclude<Reply, 'ok'>, () => MailSendError> = {
  defer: () => new MailSendError('Greylisted', { code: 'EENVELOPE', command: 'RCPT TO', responseCode: 451, response: '451 4.7.1 Greylisted', bodySent: false }),
  reject: () => new MailSendError('No such user', { code: 'EENVELOPE', command: 'RCPT TO', responseCode: 550, response: '550 5.1.1 No such user', bodySent: false }),
  drop: () => new MailSendError('Connection closed unexpectedly', { code: 'ECONNECTION', command: 'CONN', bodySent: true }),
  refused: () => new MailSendError('connect ECONNREFUSED 127.0.0.1:2525', { code: 'ESOCKET', command: 'CONN', bodySent: false }),
};

/** A transport that answers each recipient's n-th attempt from a script ('ok' once the script runs out). */
function scriptedTransport(script: Record<string, Reply[]> = {}, fallback: Reply = 'ok') {
  const sent: SendMailOptions[] = [];
  const attempts = new Map<string, number>();
  const transport: MailTransport = {
    kind: 'smtp',
    async send(message) {
      const to = String((message.envelope as { to: string[] }).to[0]);
      const attempt = (attempts.get(to) ?? 0) + 1;
      attempts.set(to, attempt);
      const reply = script[to]?.[attempt - 1] ?? fallback;
      if (reply !== 'ok') throw errors[reply]();
      sent.push(message);
      return { messageId: String(message.messageId), response: '250 2.0.0 queued' };
    },
    close: async () => undefined,
    describe: () => 'smtp://mailer:***@127.0.0.1:2525',
  };
  return { transport, sent, attempts, recipients: () => sent.map((message) => String((message.envelope as { to: string[] }).to[0])) };
}

let dir: string;
let store: Store;
let config: Config;
let clock: number;
let sleeps: number[];
let logs: string[];

function writeMonth(out: string, edition = 1): void {
  const monthDir = path.join(out, 'xinjiang-us', '2022-08', `edition-${edition}`);
  mkdirSync(path.join(monthDir, 'charts'), { recursive: true });
  const pdf = Buffer.from('%PDF-1.7\n%tiny\n%%EOF\n');
  writeFileSync(path.join(monthDir, 'report.pdf'), pdf);
  writeFileSync(path.join(monthDir, 'stats.json'), JSON.stringify(tinyStats()));
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const outputs = [{ file: 'report.pdf', bytes: pdf.length, sha256 }];
  if (edition > 1) {
    const changes = [{ kind: 'figure', key: 'headline.valueUsd', field: 'Exports to the United States, August 2022', before: 'US$56.8 million', after: 'US$61.2 million', beforeValue: 56_803_412, afterValue: 61_203_412 }];
    const text = JSON.stringify({ schemaVersion: 1, report: 'xinjiang-us', month: '2022-08', edition, comparedWith: edition - 1, changes });
    writeFileSync(path.join(monthDir, 'changes.json'), text);
    outputs.push({ file: 'changes.json', bytes: text.length, sha256: createHash('sha256').update(text).digest('hex') });
  }
  writeFileSync(
    path.join(monthDir, 'manifest.json'),
    JSON.stringify({ schemaVersion: 1, report: 'xinjiang-us', month: '2022-08', edition, sampleData: false, outputs }),
  );
}

function makeConfig(delivery: Record<string, unknown> = {}): Config {
  const report = { id: 'xinjiang-us', title: 'Xinjiang exports to the United States', flow: 'export', regions: ['65'], focusPartner: '502', data: [{ path: 'x.csv' }] };
  return parseConfig(
    {
      outDir: path.join(dir, 'out'),
      reports: [report],
      delivery: { from: 'Trade briefs <briefs@tradebrief.example>', retry: { maxAttempts: 3, backoffMs: 1000 }, maxConsecutiveTransientFailures: 4, ...delivery },
    },
    { baseDir: dir },
  );
}

function effects(transport: MailTransport, overrides: Partial<DeliverEffects> = {}): DeliverEffects {
  return {
    store,
    transport,
    browser: { close: async () => undefined } as unknown as BrowserPool,
    now: () => new Date(clock),
    log: (line) => logs.push(line),
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    random: () => 0.5,
    claimant: `test-host/${process.pid}/aaaa`,
    isAlive: () => true,
    ...overrides,
  };
}

const run = (transport: MailTransport, options: Partial<DeliverOptions> = {}, more: Partial<DeliverEffects> = {}) =>
  deliver({ config, report: 'xinjiang-us', month: '2022-08', ...options }, effects(transport, more));

const states = () => Object.fromEntries(store.deliveriesFor({ report: 'xinjiang-us', month: '2022-08', edition: 1 }).map((row) => [row.subscriberEmail, row.state]));

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tradebrief-deliver-'));
  writeMonth(path.join(dir, 'out'));
  config = makeConfig();
  store = openStore(path.join(dir, 'ledger.db'));
  for (const email of SUBSCRIBERS) store.addSubscriber({ email, name: email.split('@')[0] ?? null, reports: ['xinjiang-us'] }, START);
  clock = START.getTime();
  sleeps = [];
  logs = [];
});

afterEach(() => store.close());

describe('deliver()', () => {
  it('mails every active subscriber once and records each as sent with its Message-ID', async () => {
    const { transport, recipients, sent } = scriptedTransport();
    const result = await run(transport);
    expect(recipients()).toEqual(SUBSCRIBERS);
    expect(result).toMatchObject({ mode: 'send', edition: 1, planned: 3, text: 'sent 3, failed 0, uncertain 0, skipped 0' });
    const rows = store.deliveriesFor({ report: 'xinjiang-us', month: '2022-08', edition: 1 });
    expect(rows.map((row) => [row.state, row.attempts, row.messageId])).toEqual(sent.map((message) => ['sent', 1, message.messageId]));
    expect(store.listRuns({ report: 'xinjiang-us' })[0]).toMatchObject({ outcome: 'ok', counts: { sent: 3, failed: 0, uncertain: 0, skipped: 0 } });
  });

  it('sends nothing the second time and counts everyone as skipped', async () => {
    await run(scriptedTransport().transport);
    const again = scriptedTransport();
    const result = await run(again.transport);
    expect(again.sent).toHaveLength(0);
    expect(result).toMatchObject({ text: 'sent 0, failed 0, uncertain 0, skipped 3' });
  });

  it('records a 550 as failed_permanent, delivers the rest, and never retries it', async () => {
    const first = await run(scriptedTransport({ 'bo@example.org': ['reject'] }).transport);
    expect(first).toMatchObject({ text: 'sent 2, failed 1 (permanent), uncertain 0, skipped 0' });
    expect(states()).toEqual({ 'ana@example.org': 'sent', 'bo@example.org': 'failed_permanent', 'cy@example.org': 'sent' });
    expect(store.listRuns({})[0]?.outcome).toBe('partial');
    clock += 7 * 24 * 3_600_000;
    const later = scriptedTransport();
    await run(later.transport);
    expect(later.sent).toHaveLength(0);
  });

  it('retries a 451 within the run after doubling waits and delivers once', async () => {
    const { transport, recipients, attempts } = scriptedTransport({ 'bo@example.org': ['defer', 'defer', 'ok'] });
    await run(transport);
    expect(recipients()).toEqual(SUBSCRIBERS);
    expect(attempts.get('bo@example.org')).toBe(3);
    expect(sleeps).toEqual([1000, 2000]);
    expect(store.deliveriesFor({ report: 'xinjiang-us', month: '2022-08', edition: 1 })[1]).toMatchObject({ state: 'sent', attempts: 3 });
  });

  it('leaves a subscriber failed_transient after maxAttempts, for a run after retry_after', async () => {
    const { transport } = scriptedTransport({ 'bo@example.org': ['defer', 'defer', 'defer'] });
    const result = await run(transport);
    expect(result).toMatchObject({ text: 'sent 2, failed 1 (transient), uncertain 0, skipped 0' });
    const row = store.deliveriesFor({ report: 'xinjiang-us', month: '2022-08', edition: 1 })[1];
    expect(row).toMatchObject({ state: 'failed_transient', attempts: 3 });
    expect(row?.retryAfter?.getTime()).toBe(clock + 4000);

    const tooSoon = scriptedTransport();
    await run(tooSoon.transport);
    expect(tooSoon.sent).toHaveLength(0);
    clock += 4000;
    const due = scriptedTransport();
    await run(due.transport);
    expect(due.recipients()).toEqual(['bo@example.org']);
  });

  it('stops with exit-75 DeliveryStopped when the server is down, leaving the rest planned, and a later run delivers all', async () => {
    const down = scriptedTransport({}, 'refused');
    const stopped = await run(down.transport).catch((error: unknown) => error);
    expect(stopped).toBeInstanceOf(DeliveryStopped);
    expect(stopped).toMatchObject({ kind: 'transient', summary: { sent: 0, failedTransient: 2, notReached: 1 } });
    // 4 refused attempts in a row: 3 for ana, the 4th (bo's first) trips the breaker; cy is never tried.
    expect([...down.attempts.values()]).toEqual([3, 1]);
    expect(states()).toEqual({ 'ana@example.org': 'failed_transient', 'bo@example.org': 'failed_transient', 'cy@example.org': 'planned' });
    expect(store.listRuns({})[0]).toMatchObject({ outcome: 'failed', counts: { sent: 0, failed: 2 } });

    clock += 3_600_000;
    const up = scriptedTransport();
    await run(up.transport);
    expect(up.recipients().sort()).toEqual(SUBSCRIBERS);
  });

  it('gives up a transient failure once it is older than giveUpAfterHours', async () => {
    await run(scriptedTransport({ 'bo@example.org': ['defer', 'defer', 'defer'] }).transport);
    clock += 97 * 3_600_000;
    const late = scriptedTransport();
    const result = await run(late.transport);
    expect(late.sent).toHaveLength(0);
    expect(states()['bo@example.org']).toBe('failed_permanent');
    expect(result).toMatchObject({ summary: { failedPermanent: 1, problems: [{ response: expect.stringContaining('gave up') }] } });
  });

  it('marks a send whose connection died after the body uncertain, does not resend it, and resends it once when asked', async () => {
    await run(scriptedTransport({ 'cy@example.org': ['drop'] }).transport);
    expect(states()['cy@example.org']).toBe('uncertain');
    const rerun = scriptedTransport();
    expect(await run(rerun.transport)).toMatchObject({ text: 'sent 0, failed 0, uncertain 0, skipped 3' });
    expect(rerun.sent).toHaveLength(0);

    const resend = scriptedTransport();
    await run(resend.transport, { resend: 'uncertain' });
    expect(resend.recipients()).toEqual(['cy@example.org']);
    const after = scriptedTransport();
    await run(after.transport, { resend: 'uncertain' });
    expect(after.sent).toHaveLength(0);
  });

  it('turns a row a dead process left in sending into uncertain, and does not send it', async () => {
    store.planDeliveries({ report: 'xinjiang-us', month: '2022-08', edition: 1, subscribers: [{ email: 'ana@example.org' }], now: START });
    const [row] = store.deliveriesFor({ report: 'xinjiang-us', month: '2022-08', edition: 1 });
    expect(store.claimDelivery(row?.id ?? 0, { claimant: 'test-host/999999/dead', now: START })).toBe(true);
    const { transport, recipients } = scriptedTransport();
    await run(transport, {}, { isAlive: (claimant) => !claimant.includes('/dead') });
    expect(recipients()).toEqual(['bo@example.org', 'cy@example.org']);
    expect(states()['ana@example.org']).toBe('uncertain');
  });

  it('does not mail someone who unsubscribed, even with a row planned before', async () => {
    store.planDeliveries({ report: 'xinjiang-us', month: '2022-08', edition: 1, subscribers: SUBSCRIBERS.map((email) => ({ email })), now: START });
    store.unsubscribe('bo@example.org', { now: START });
    const { transport, recipients } = scriptedTransport();
    const result = await run(transport);
    expect(recipients()).toEqual(['ana@example.org', 'cy@example.org']);
    expect(result).toMatchObject({ text: 'sent 2, failed 0, uncertain 0, skipped 1' });
  });

  it('sends a test copy with --to without planning a row or recording a run', async () => {
    const { transport, recipients } = scriptedTransport();
    const result = await run(transport, { to: 'me@example.net' });
    expect(result).toMatchObject({ mode: 'test-copy', to: 'me@example.net' });
    expect(recipients()).toEqual(['me@example.net']);
    expect(states()).toEqual({});
    expect(store.listRuns({})).toEqual([]);
  });

  it('lists who would get what on a dry run and writes nothing', async () => {
    await run(scriptedTransport({ 'bo@example.org': ['reject'] }).transport);
    store.addSubscriber({ email: 'di@example.org', reports: ['xinjiang-us'] }, START);
    const runsBefore = store.listRuns({}).length;
    const { transport, sent } = scriptedTransport();
    const result = await run(transport, { dryRun: true });
    expect(result.mode === 'dry-run' && result.recipients.map((recipient) => [recipient.email, recipient.send])).toEqual([
      ['ana@example.org', false],
      ['bo@example.org', false],
      ['cy@example.org', false],
      ['di@example.org', true],
    ]);
    expect(sent).toHaveLength(0);
    expect(states()['di@example.org']).toBeUndefined();
    expect(store.listRuns({})).toHaveLength(runsBefore);
  });

  it('records a run that an error stopped, and leaves the rows planned for the next run', async () => {
    writeFileSync(
      path.join(dir, 'out', 'xinjiang-us', '2022-08', 'edition-1', 'charts', 'trend.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>',
    );
    const crashed = { exclusive: () => Promise.reject(new Error('Chromium crashed')), close: async () => undefined } as unknown as BrowserPool;
    const { transport, sent } = scriptedTransport();
    await expect(run(transport, {}, { browser: crashed })).rejects.toThrow('Chromium crashed');
    expect(sent).toHaveLength(0);
    expect(Object.values(states())).toEqual(['planned', 'planned', 'planned']);
    expect(store.listRuns({})[0]).toMatchObject({ outcome: 'failed', message: expect.stringContaining('Chromium crashed') });
  });

  it('tells the user to generate the month first when it is not there', async () => {
    await expect(run(scriptedTransport().transport, { month: '2022-07' })).rejects.toMatchObject({ kind: 'user', hint: expect.stringContaining('tradebrief generate') });
  });

  it('refuses an edition that is not on disk', async () => {
    await expect(run(scriptedTransport().transport, { edition: 2 })).rejects.toMatchObject({ code: 'EditionNotGenerated', kind: 'user' });
  });

  it('mails a corrected edition, with its changes, only to those who received an earlier one and are still subscribed', async () => {
    // Edition 1 reached ana and bo; cy's address bounced.
    expect(await run(scriptedTransport({ 'cy@example.org': ['reject'] }).transport)).toMatchObject({ text: 'sent 2, failed 1 (permanent), uncertain 0, skipped 0' });
    store.addSubscriber({ email: 'dee@example.org', reports: ['xinjiang-us'] }, START);
    store.unsubscribe('bo@example.org', { now: START });
    writeMonth(path.join(dir, 'out'), 2);

    const dryRun = await run(scriptedTransport().transport, { dryRun: true });
    expect(dryRun).toMatchObject({ mode: 'dry-run', edition: 2, subject: expect.stringMatching(/^Corrected: /) });
    expect(dryRun.mode === 'dry-run' && dryRun.recipients.map((recipient) => [recipient.email, recipient.send])).toEqual([['ana@example.org', true]]);

    const { transport, recipients, sent } = scriptedTransport();
    expect(await run(transport)).toMatchObject({ mode: 'send', edition: 2, planned: 1, text: 'sent 1, failed 0, uncertain 0, skipped 0' });
    expect(recipients()).toEqual(['ana@example.org']);
    expect(String(sent[0]?.subject)).toMatch(/^Corrected: /);
    expect(String(sent[0]?.text)).toContain('Exports to the United States, August 2022');
    expect(store.recipientsOf('xinjiang-us', '2022-08', 2)).toEqual(['ana@example.org']);
    // Edition 1's ledger rows are untouched, and it can still be named (dry run: nothing is written).
    expect(states()).toEqual({ 'ana@example.org': 'sent', 'bo@example.org': 'sent', 'cy@example.org': 'failed_permanent' });
    expect(await run(scriptedTransport().transport, { edition: 1, dryRun: true })).toMatchObject({ mode: 'dry-run', edition: 1 });
  });

  it('calls afterSent with the running count after each message is recorded as sent', async () => {
    const seen: [number, string][] = [];
    await run(scriptedTransport().transport, {}, { afterSent: (count) => seen.push([count, states()[SUBSCRIBERS[count - 1] ?? ''] ?? '']) });
    expect(seen).toEqual([
      [1, 'sent'],
      [2, 'sent'],
      [3, 'sent'],
    ]);
  });

  it('signs an unsubscribe link per subscriber when a base URL is configured, and refuses to go on without the secret', async () => {
    config = makeConfig({ unsubscribe: { baseUrl: 'https://tradebrief.example/unsubscribe' } });
    await expect(run(scriptedTransport().transport)).rejects.toThrow(/TRADEBRIEF_UNSUBSCRIBE_SECRET/);
    const { transport, sent } = scriptedTransport();
    await run(transport, { unsubscribeSecret: 'a-long-test-secret' });
    const links = sent.map((message) => JSON.stringify(message.list));
    expect(links[0]).toContain('https://tradebrief.example/unsubscribe?token=');
    expect(new Set(links).size).toBe(3);
  });
});

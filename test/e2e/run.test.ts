/**
 * `tradebrief run` as a scheduler calls it, with the clock set by --now: which months it produces and mails, in
 * which order, and what it says when nothing is due. Real sample data, real Chromium, a real SQLite ledger and a
 * real SMTP server on loopback.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markDelivered, monthOfMessage, REPORT, runSetup, seedSubscribers } from './helpers/run-harness.js';
import { tradebrief } from './helpers/send-harness.js';
import { startSmtpSink, type SmtpSink } from './helpers/smtp-sink.js';

const SUBSCRIBERS = ['ana@example.org', 'bo@example.org'];
let sink: SmtpSink;

beforeEach(async () => {
  sink = await startSmtpSink();
});
afterEach(async () => {
  await sink.close();
});

/** Months of the messages the server holds, in the order it received them, per subscriber. */
function monthsReceivedBy(email: string): (string | undefined)[] {
  return sink.receivedBy(email).map((message) => monthOfMessage(message.parsed.messageId));
}

describe('tradebrief run', () => {
  it('sends only the latest published month on a first run, says when the next is expected, then sends it once it is published', async () => {
    const setup = runSetup();
    seedSubscribers(setup, SUBSCRIBERS);

    // 19 October in Shanghai: September's data are in the files but not published until the 20th.
    const first = await setup.run(['--now', '2022-10-19T12:00:00+08:00'], sink);
    expect(first.stderr).not.toMatch(/internal error/);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('2022-09: data present but not published yet; expected after 2022-10-20 Asia/Shanghai');
    for (const email of SUBSCRIBERS) expect(monthsReceivedBy(email)).toEqual(['2022-08']);

    const second = await setup.run(['--now', '2022-10-21T09:00:00+08:00'], sink);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^xinjiang-us 2022-09 ok: generated edition 1; sent 2/m);
    for (const email of SUBSCRIBERS) expect(monthsReceivedBy(email)).toEqual(['2022-08', '2022-09']);

    // Triggered again the same day (cron and systemd both can): nothing due, said why, exit 0, nobody mailed twice.
    const third = await setup.run(['--now', '2022-10-21T10:00:00+08:00'], sink);
    expect(third.code).toBe(0);
    expect(third.stdout).toContain('xinjiang-us: nothing due: everything up to 2022-09 is delivered; 2022-10: data not published yet; expected after 2022-11-20 Asia/Shanghai');
    expect(sink.messages).toHaveLength(4);
    const history = setup.withStore((store) => store.listRuns({ report: REPORT }).filter((run) => run.kind === 'run'));
    expect(history.map((run) => [run.month, run.outcome, run.counts.sent])).toEqual([
      ['2022-10', 'ok', 0],
      ['2022-09', 'ok', 2],
      ['2022-08', 'ok', 2],
    ]);

    // The operator's view of the same: `tradebrief history --json`, newest first, sends and runs alike.
    const shown = await tradebrief(['history', '--config', setup.configFile, '--json', '--limit', '3'], { TRADEBRIEF_DB: setup.db });
    expect(shown.code).toBe(0);
    const listed = JSON.parse(shown.stdout) as { kind: string; month: string; outcome: string; durationMs: number }[];
    expect(listed.map((run) => [run.kind, run.month, run.outcome])).toEqual([
      ['run', '2022-10', 'ok'],
      ['send', '2022-09', 'ok'],
      ['run', '2022-09', 'ok'],
    ]);
    expect(listed[2]?.durationMs).toBeGreaterThan(0);
  }, 60_000);

  it('catches up the months missed since the last delivered one, oldest first, each mailed once (--send-late mails the late ones)', async () => {
    const setup = runSetup();
    seedSubscribers(setup, SUBSCRIBERS);
    markDelivered(setup, '2022-06');

    // July was released 66 days before 25 October, more than maxSendLatenessDays (45): mailed only with --send-late.
    const result = await setup.run(['--now', '2022-10-25T09:00:00+08:00', '--send-late'], sink);
    expect(result.stderr).not.toMatch(/internal error/);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('xinjiang-us: due 2022-07, 2022-08, 2022-09');
    for (const email of SUBSCRIBERS) expect(monthsReceivedBy(email)).toEqual(['2022-07', '2022-08', '2022-09']);
    expect(sink.messages).toHaveLength(6);
  }, 60_000);

  it('generates a month released longer ago than maxSendLatenessDays but does not mail it without --send-late', async () => {
    const setup = runSetup();
    seedSubscribers(setup, SUBSCRIBERS);
    markDelivered(setup, '2022-06');
    const result = await setup.run(['--now', '2022-10-25T09:00:00+08:00', '--catch-up', '1'], sink);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/2022-07 ok: generated edition 1; not mailed: released 66 days ago \(more than maxSendLatenessDays 45\)/);
    expect(existsSync(path.join(setup.out, REPORT, '2022-07', 'edition-1', 'report.pdf'))).toBe(true);
    expect(sink.messages).toHaveLength(0);
  }, 60_000);
});

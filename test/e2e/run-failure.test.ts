/**
 * A `tradebrief run` that fails half-way (RELIABILITY.md test 8 seen from the scheduler): the SMTP server starts
 * refusing after the first subscriber, the circuit breaker stops the run, the failure is recorded, the operator
 * (and only the operator) is alerted without the SMTP password, and the run exits 75. The next run, with the server
 * back, sends only the rest.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { monthOfMessage, OPERATOR, REPORT, runSetup, seedSubscribers } from './helpers/run-harness.js';
import { startSmtpSink, type SmtpSink } from './helpers/smtp-sink.js';

const SUBSCRIBERS = ['ana@example.org', 'bo@example.org', 'cy@example.org'];
const PASSWORD = 's3cret-Pa55word';
let sink: SmtpSink;

beforeEach(async () => {
  sink = await startSmtpSink({ auth: { user: 'mailer', pass: PASSWORD } });
});
afterEach(async () => {
  await sink.close();
});

describe('tradebrief run when the SMTP server goes down half-way', () => {
  it('records the failure, alerts the operator, exits 75; the next run delivers the rest with no duplicates', async () => {
    const setup = runSetup();
    seedSubscribers(setup, SUBSCRIBERS);
    // After ana, the server answers every subscriber with 421: down, as far as the sender can tell.
    sink.behave({ onRcpt: (address) => (address === 'ana@example.org' || address === OPERATOR ? 'accept' : { code: 421, message: '4.3.2 Service shutting down' }) });

    const failed = await setup.run(['--now', '2022-10-21T09:00:00+08:00'], sink);
    expect(failed.stderr).not.toMatch(/internal error/);
    expect(failed.code).toBe(75);
    expect(sink.receivedBy('ana@example.org')).toHaveLength(1);
    expect(sink.receivedBy('bo@example.org')).toHaveLength(0);
    expect(sink.receivedBy('cy@example.org')).toHaveLength(0);

    const alerts = sink.receivedBy(OPERATOR);
    expect(alerts).toHaveLength(1);
    const alert = alerts[0];
    expect(alert?.parsed.subject).toBe('tradebrief run failed: xinjiang-us 2022-09: SmtpUnavailable');
    expect(alert?.parsed.text).toContain('What failed: mailing subscribers');
    expect(alert?.parsed.text).toMatch(/Run id: \d+/);
    expect(alert?.raw.toString('utf8')).not.toContain(PASSWORD);
    expect(failed.stderr + failed.stdout).not.toContain(PASSWORD);

    const [failedRun] = setup.withStore((store) => store.listRuns({ report: REPORT }).filter((run) => run.kind === 'run'));
    expect(failedRun).toMatchObject({ month: '2022-09', outcome: 'partial', counts: { sent: 1 } });
    expect(failedRun?.message).toMatch(/^failed while mailing subscribers: SmtpUnavailable/);
    expect(alert?.parsed.text).toContain(`Run id: ${failedRun?.id}`);

    // The server is back an hour later.
    sink.behave({});
    const resumed = await setup.run(['--now', '2022-10-21T10:00:00+08:00'], sink);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain('resuming it with the files it was sent from');
    for (const email of SUBSCRIBERS) expect(sink.receivedBy(email)).toHaveLength(1);
    expect(sink.receivedBy(OPERATOR)).toHaveLength(1);

    const runs = setup.withStore((store) => store.listRuns({ report: REPORT }).filter((run) => run.kind === 'run'));
    expect(runs.map((run) => [run.month, run.outcome, run.counts.sent])).toEqual([
      ['2022-09', 'ok', 2],
      ['2022-09', 'partial', 1],
    ]);
  }, 60_000);
});

describe('tradebrief run after a month whose mailing did not finish', () => {
  it('comes back to that month on a later tick, even once a newer month is due, and sends only what is missing', async () => {
    const setup = runSetup();
    seedSubscribers(setup, ['ana@example.org', 'bo@example.org']);
    // 19 October 2022: August goes out, but bo's mailbox server keeps answering "try again later".
    sink.behave({ onRcpt: (address) => (address === 'bo@example.org' ? { code: 451, message: '4.2.0 mailbox busy, try later' } : 'accept') });
    const first = await setup.run(['--now', '2022-10-19T09:00:00+08:00'], sink);
    expect(first.stderr).not.toMatch(/internal error/);
    expect(sink.receivedBy('ana@example.org')).toHaveLength(1);
    expect(sink.receivedBy('bo@example.org')).toHaveLength(0);
    const pending = setup.withStore((store) => store.deliveriesFor({ report: REPORT, month: '2022-08', edition: 1 }).filter((row) => row.state === 'failed_transient'));
    expect(pending.map((row) => row.subscriberEmail)).toEqual(['bo@example.org']);

    // Two days later (within giveUpAfterHours) bo's server is fine again and September is published: both months
    // are due, August first, although the first-run rule alone would only take the latest.
    sink.behave({});
    const second = await setup.run(['--now', '2022-10-21T09:00:00+08:00'], sink);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('2022-08: its mailing began and is not finished; resuming it');
    const monthsOf = (email: string) => sink.receivedBy(email).map((message) => monthOfMessage(message.parsed.messageId));
    expect(monthsOf('ana@example.org')).toEqual(['2022-08', '2022-09']);
    expect(monthsOf('bo@example.org')).toEqual(['2022-08', '2022-09']);

    // Nothing is left: a third tick has nothing to do.
    const third = await setup.run(['--now', '2022-10-22T09:00:00+08:00'], sink);
    expect(third.code).toBe(0);
    expect(third.stderr).toContain('everything up to 2022-09 is delivered');
    expect(sink.receivedBy('bo@example.org')).toHaveLength(2);
  }, 120_000);
});

describe('tradebrief run with bad data and no SMTP server', () => {
  it('exits 65 naming the file, sends nothing, and writes the operator alert to the outbox', async () => {
    const { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } = await import('node:fs');
    const path = await import('node:path');
    const setup = runSetup();
    seedSubscribers(setup, SUBSCRIBERS);
    // The report's data folder with an empty October file, as an interrupted download leaves it.
    const data = path.join(setup.folder, 'data');
    mkdirSync(data);
    cpSync(path.resolve(import.meta.dirname, '../../data/sample/gacc'), data, { recursive: true });
    writeFileSync(path.join(data, 'xinjiang-exports-202210.csv'), '');
    const config = JSON.parse(readFileSync(setup.configFile, 'utf8')) as { reports: { data: { path: string }[] }[] };
    for (const source of config.reports[0]?.data ?? []) source.path = path.join(data, 'xinjiang-exports-*.csv');
    writeFileSync(setup.configFile, JSON.stringify(config));

    const result = await setup.run(['--now', '2022-11-21T09:00:00+08:00']);
    expect(result.code).toBe(65);
    expect(result.stderr).toContain('xinjiang-exports-202210.csv: error: the file is empty');
    const [run] = setup.withStore((store) => store.listRuns({ report: REPORT }));
    expect(run).toMatchObject({ kind: 'run', outcome: 'failed' });
    const outbox = path.join(setup.out, REPORT, 'alerts', 'outbox');
    expect(readdirSync(outbox)).toEqual([`alert-${run?.id}.eml`]);
    const eml = readFileSync(path.join(outbox, `alert-${run?.id}.eml`), 'utf8');
    expect(eml).toMatch(/^To: ops@example\.org\r$/m);
    expect(eml).toContain('Subject: tradebrief run failed: xinjiang-us all months: DataError');
    // Nothing went to subscribers: the only message written is the alert.
    expect(readdirSync(path.join(setup.out, REPORT))).toEqual(['alerts']);
  }, 30_000);
});

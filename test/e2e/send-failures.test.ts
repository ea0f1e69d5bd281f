/**
 * `tradebrief send` when things go wrong, against a real SMTP server on loopback that misbehaves on cue, a real
 * SQLite ledger and real processes (killed, or two at once): the failure lines of the delivery issue's
 * acceptance list. Each subscriber must get each edition exactly once, or be left in a state that says why not.
 */
import { describe, expect, it } from 'vitest';
import { browsersOf, N, oncePerSubscriber, SUBSCRIBERS, useSendHarness } from './helpers/send-harness.js';
import { behaviours } from './helpers/smtp-sink.js';

const harness = useSendHarness();

describe('tradebrief send, when things go wrong', () => {
  it('records a 550 for one subscriber as failed_permanent, delivers the rest, exits 0 and reports the failure', async () => {
    harness.seed();
    harness.sink.behave(behaviours.rejectRecipient('cy@example.org'));
    const run = await harness.send();
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`sent ${N - 1}, failed 1 (permanent), uncertain 0, skipped 0`);
    expect(run.stderr).toMatch(/failed_permanent: cy@example\.org: 550/);
    expect(harness.stateOf('cy@example.org')).toBe('failed_permanent');
    expect(harness.sink.rcptAttempts('cy@example.org')).toBe(1);
    expect(harness.receivedCounts()).toEqual(Object.fromEntries(SUBSCRIBERS.filter((email) => email !== 'cy@example.org').map((email) => [email, 1])));
    // Never retried, not even by a later run.
    await harness.send();
    expect(harness.sink.rcptAttempts('cy@example.org')).toBe(1);
  }, 60_000);

  it('delivers once a subscriber the server answered 451 twice and then accepted', async () => {
    harness.seed();
    harness.sink.behave(behaviours.deferRecipient('bo@example.org', 2));
    const run = await harness.send();
    expect(run.code).toBe(0);
    expect(harness.sink.rcptAttempts('bo@example.org')).toBe(3);
    expect(harness.receivedCounts()).toEqual(oncePerSubscriber);
    expect(harness.ledger().deliveries.find((row) => row.subscriberEmail === 'bo@example.org')).toMatchObject({ state: 'sent', attempts: 3 });
  }, 60_000);

  it('exits 75 when the server is down, marks nothing sent, and the next run delivers everyone', async () => {
    harness.seed();
    await harness.sink.stop();
    const down = await harness.send();
    expect(down.code).toBe(75);
    expect(down.stderr).toMatch(/seems to be down/);
    expect(harness.ledger().deliveries.filter((row) => row.state === 'sent')).toEqual([]);
    expect(harness.ledger().runs[0]).toMatchObject({ outcome: 'failed', counts: { sent: 0 } });

    await harness.sink.start();
    const next = await harness.send();
    expect(next.code).toBe(0);
    expect(harness.receivedCounts()).toEqual(oncePerSubscriber);
  }, 60_000);

  it('marks a message whose connection closed after the body uncertain, does not re-send it, and --resend uncertain sends it once', async () => {
    harness.seed();
    harness.sink.behave(behaviours.dropAfterBody('di@example.org'));
    const first = await harness.send();
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`sent ${N - 1}, failed 0, uncertain 1, skipped 0`);
    expect(harness.stateOf('di@example.org')).toBe('uncertain');
    expect(harness.sink.receivedBy('di@example.org')).toHaveLength(1);

    await harness.send();
    expect(harness.sink.receivedBy('di@example.org')).toHaveLength(1);

    const resend = await harness.send(['--resend', 'uncertain']);
    expect(resend.code).toBe(0);
    expect(harness.stateOf('di@example.org')).toBe('sent');
    await harness.send(['--resend', 'uncertain']);
    expect(harness.sink.receivedBy('di@example.org')).toHaveLength(2);
    expect(harness.sink.messages).toHaveLength(N + 1);
  }, 90_000);

  it('after being killed (SIGKILL) once k of N were sent, a rerun delivers the other N−k: exactly N in all', async () => {
    harness.seed();
    const k = 2;
    const killed = await harness.send([], { TRADEBRIEF_TEST_CRASH_AFTER_SENT: String(k) });
    expect(killed.signal).toBe('SIGKILL');
    expect(harness.sink.messages).toHaveLength(k);
    // Chromium was closed once the chart was drawn, before the first message: the kill leaves none behind.
    expect(browsersOf(killed.pid)).toEqual([]);

    const rerun = await harness.send();
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toContain(`sent ${N - k}, failed 0, uncertain 0, skipped ${k}`);
    expect(harness.receivedCounts()).toEqual(oncePerSubscriber);
  }, 90_000);

  it("never sends a second copy after a crash between the server's 250 and the ledger write: that one is uncertain", async () => {
    harness.seed();
    const killed = await harness.send([], { TRADEBRIEF_TEST_CRASH_BEFORE_RECORD: '2' });
    expect(killed.signal).toBe('SIGKILL');
    expect(harness.sink.messages).toHaveLength(2);
    expect(harness.stateOf('bo@example.org')).toBe('sending');

    // The rerun finishes the mailing, lists the one it cannot vouch for and exits 75 so the operator looks.
    const rerun = await harness.send();
    expect(rerun.code).toBe(75);
    expect(rerun.stderr).toMatch(/bo@example\.org: left 'sending' by a process that died/);
    expect(rerun.stderr).toMatch(/1 delivery left unfinished by a crashed run is now uncertain: bo@example\.org/);
    // Once listed, it is the operator's: the next send has nothing to do and exits 0.
    const again = await harness.send();
    expect(again.code).toBe(0);
    expect(harness.stateOf('bo@example.org')).toBe('uncertain');
    expect(harness.receivedCounts()).toEqual(oncePerSubscriber);
  }, 90_000);

  it('on SIGTERM finishes the message in flight, leaves the rest planned and exits 75; a rerun delivers the rest', async () => {
    harness.seed();
    let pid = 0;
    // The signal arrives while the server holds the first message body and has not answered yet.
    harness.sink.behave({
      onData: () => {
        if (harness.sink.messages.length === 0) process.kill(pid, 'SIGTERM');
        return 'accept';
      },
    });
    const stopped = await harness.send([], {}, (spawned) => (pid = spawned));
    expect(stopped.code).toBe(75);
    expect(stopped.stderr).toContain('SIGTERM: stopping after the message in flight');
    expect(stopped.stderr).toContain('stopped on request after the message in flight');
    expect(harness.sink.messages).toHaveLength(1);
    const states = harness.ledger().deliveries.map((row) => row.state);
    expect(states.filter((state) => state === 'sent')).toHaveLength(1);
    expect(states.filter((state) => state === 'planned')).toHaveLength(N - 1);
    expect(states).not.toContain('uncertain');

    harness.sink.behave({});
    const rerun = await harness.send();
    expect(rerun.code).toBe(0);
    expect(harness.receivedCounts()).toEqual(oncePerSubscriber);
  }, 90_000);

  it('delivers exactly N when two send processes start together', async () => {
    harness.seed();
    const [first, second] = await Promise.all([harness.send(), harness.send()]);
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(harness.receivedCounts()).toEqual(oncePerSubscriber);
    const { deliveries, runs } = harness.ledger();
    expect(deliveries.map((row) => row.state)).toEqual(SUBSCRIBERS.map(() => 'sent'));
    expect(runs.map((run) => run.counts.sent).reduce((sum, sent) => sum + sent, 0)).toBe(N);
  }, 90_000);
});

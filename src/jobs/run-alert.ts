/**
 * Stage 5 of a `run`: tell the operator that a month failed. The alert goes through the run's own transport
 * (the SMTP server of SMTP_URL), or, with no SMTP settings, is written as alert-<runId>.eml into the outbox of the
 * edition it was about (out/<report>/<month>/edition-<n>/outbox/; the month's outbox/ when no edition was reached). A failure to alert is logged, never thrown: it must not hide the failure
 * it was about, nor change the run's exit code.
 */
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Config } from '../config.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { composeAlertEmail, type AlertInput } from '../mail/alert-email.js';
import { sendErrorSummary } from '../mail/classify-send-error.js';
import type { MailTransport } from '../mail/transport.js';

export interface RunAlertEffects {
  transport: MailTransport;
  /** out/<report>/<month>/edition-<n>/outbox/ (or the month's outbox/), used when the transport is the outbox. */
  outboxDir: string;
  now: () => Date;
  log: (line: string) => void;
  secrets?: readonly string[];
}

export type AlertOutcome = { sentTo: string; via: string } | { skipped: string };

/**
 * @example await sendRunAlert(config, { report, month, runId, step: 'mailing subscribers', error }, { transport, outboxDir, now, log })
 *   // { sentTo: 'ops@example.org', via: 'smtp://mailer:***@127.0.0.1:2525' }
 */
export async function sendRunAlert(
  config: Config,
  failure: Pick<AlertInput, 'report' | 'month' | 'runId' | 'step' | 'error'>,
  effects: RunAlertEffects,
): Promise<AlertOutcome> {
  const operator = config.delivery.operator;
  if (operator === undefined) {
    const skipped = 'no alert could be sent: delivery.operator is not set in the config';
    effects.log(skipped);
    return { skipped };
  }
  try {
    const message = composeAlertEmail({
      ...failure,
      operator,
      from: { address: config.delivery.from.address, name: config.delivery.from.name ?? '' },
      messageIdDomain: config.delivery.messageIdDomain,
      date: effects.now(),
      secrets: effects.secrets,
    });
    if (effects.transport.kind === 'smtp') {
      await effects.transport.send(message);
      effects.log(`alert sent to ${operator} via ${effects.transport.describe()}`);
      return { sentTo: operator, via: effects.transport.describe() };
    }
    // The outbox transport names files after subscriber Message-IDs; an alert gets its own, findable name.
    const file = path.join(effects.outboxDir, `alert-${failure.runId}.eml`);
    const built = await nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' }).sendMail(message);
    await writeFileAtomic(file, built.message as Buffer);
    effects.log(`alert for ${operator} written to ${file} (no SMTP_URL)`);
    return { sentTo: operator, via: file };
  } catch (error) {
    const skipped = `the alert to ${operator} could not be sent: ${sendErrorSummary(error)}`;
    effects.log(skipped);
    return { skipped };
  }
}

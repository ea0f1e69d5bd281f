/**
 * The email an operator gets when a scheduled `run` fails a month (issue 6: bad data, a render failure, SMTP
 * down). It goes to delivery.operator only, never to subscribers, and says what failed, why, and what to do.
 * Pure: the date comes in, nothing is read or sent here. Every text that could quote SMTP_URL is masked first:
 * the password must never travel in an alert.
 */
import type { SendMailOptions } from 'nodemailer';
import { redactSecrets as maskUrlPasswords } from '../store/redact-secrets.js';
import { headerSafe } from './header-safe.js';
import { assertPlainAddress } from './mail-address.js';
import { redactSecrets } from './redact-url.js';

export interface AlertInput {
  report: string;
  month: string;
  /** The `run` row of the runs table that failed (tradebrief history shows it). */
  runId: number;
  /** Which step failed, in words: "generating the report", "mailing subscribers". */
  step: string;
  error: { code: string; message: string; hint?: string | undefined; exitCode: number };
  operator: string;
  from: { address: string; name: string };
  messageIdDomain: string;
  date: Date;
  /** Strings to mask wherever they appear (the SMTP password in its raw and decoded forms). */
  secrets?: readonly string[];
}

/** What to do, by exit code: the operator's next step does not depend on the details. */
function whatToDo(exitCode: number, report: string, month: string): string {
  if (exitCode === 65) {
    return `Fix the input named above (the data files or the config), then run \`tradebrief run --report ${report}\` again. Nothing was sent.`;
  }
  if (exitCode === 75) {
    return `This is temporary. Nothing is lost: the next scheduled \`tradebrief run\` picks ${month} up again and sends only to the subscribers who have not had it. To retry now, run \`tradebrief run --report ${report}\`.`;
  }
  return 'This looks like a bug in tradebrief. Keep the log of this run and report it; the next run tries the month again.';
}

/**
 * @example composeAlertEmail({ report: 'xinjiang-us', month: '2022-09', runId: 12, step: 'mailing subscribers',
 *   error: { code: 'SmtpUnavailable', message: 'stopped after 5 transient failures …', exitCode: 75 },
 *   operator: 'ops@example.org', from: { address: 'reports@example.org', name: 'tradebrief' },
 *   messageIdDomain: 'example.org', date: now }).subject
 *   // "tradebrief run failed: xinjiang-us 2022-09: SmtpUnavailable"
 */
export function composeAlertEmail(input: AlertInput): SendMailOptions {
  const secrets = input.secrets ?? [];
  const clean = (text: string): string => redactSecrets(maskUrlPasswords(text), secrets);
  const to = assertPlainAddress(input.operator, 'delivery.operator');
  const lines = [
    `tradebrief could not finish the scheduled run of report ${input.report} for ${input.month}.`,
    '',
    `What failed: ${input.step}`,
    `Error:       ${input.error.code} (exit code ${input.error.exitCode})`,
    '',
    clean(input.error.message),
    ...(input.error.hint === undefined ? [] : ['', `Hint: ${clean(input.error.hint)}`]),
    '',
    `What to do: ${whatToDo(input.error.exitCode, input.report, input.month)}`,
    '',
    `Run id: ${input.runId} (see \`tradebrief history --report ${input.report}\`)`,
    '',
    '-- ',
    'This alert goes to delivery.operator only; subscribers were not told anything.',
  ];
  // Config ids and "all months" would break the Message-ID's syntax as they are.
  const idPart = (text: string): string => text.replace(/[^A-Za-z0-9._-]/g, '_');
  return {
    from: { address: input.from.address, name: headerSafe(input.from.name) },
    to: { address: to, name: '' },
    envelope: { from: input.from.address, to: [to] },
    subject: headerSafe(`tradebrief run failed: ${input.report} ${input.month}: ${input.error.code}`),
    text: `${lines.join('\n')}\n`,
    messageId: `<alert-${idPart(input.report)}-${idPart(input.month)}-r${input.runId}@${input.messageIdDomain}>`,
    date: input.date,
    headers: { 'Auto-Submitted': 'auto-generated' },
  };
}

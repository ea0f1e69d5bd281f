/**
 * The retry policy of RELIABILITY.md B1, in one function: what a failed send means for the ledger.
 *
 *   permanent  the server refused this recipient or this message (5xx at RCPT TO, DATA or after the body):
 *              record it, never retry
 *   transient  nothing was accepted and trying later may work: 4xx anywhere; a connection that failed before
 *              the body went out (refused, timed out, closed during the envelope); and 5xx at the session level
 *              (greeting, EHLO, AUTH, MAIL FROM), which refuses us rather than the subscriber, as Postal treats
 *              auth errors as soft fails. Marking every subscriber failed_permanent because of a wrong password
 *              would lose the month; the consecutive-failure breaker stops the run instead.
 *   uncertain  the connection was lost after the whole body was sent: the server may have accepted the message
 *              (RFC 1047), so it is not re-sent unless asked.
 *
 * FINDING (test/mail/classify-send-error.test.ts, nodemailer 10.6.1 against smtp-server 3.21.6): when the server
 * reads the whole message and drops the connection before answering the final ".", nodemailer rejects with
 * code ECONNECTION and command "CONN" ("Connection closed unexpectedly"), the same command it reports for a
 * connection refused or dropped before the greeting. RELIABILITY.md's guess (treat CONN as before-the-body) would
 * therefore re-send a message that was probably delivered. The command alone cannot tell the two apart, so our
 * transports record whether the message stream was read to its end (MailSendError.bodySent), and that decides.
 * For an error without that fact, "CONN" counts as before-the-body only when the code says the connection never
 * got going (ECONNREFUSED, EDNS, ETLS, a greeting timeout); any other is uncertain.
 */
import { MailSendError } from './send-error.js';

export type SendFailureKind = 'permanent' | 'transient' | 'uncertain';

interface ErrorFacts {
  code?: unknown;
  command?: unknown;
  responseCode?: unknown;
  message?: unknown;
}

// Steps that end before the message body starts (API: nodemailer refused before talking to the server).
const SESSION_COMMANDS = /^(CONN|EHLO|HELO|LHLO|STARTTLS|AUTH\b.*|XOAUTH2)$/i;
const ENVELOPE_COMMANDS = /^(MAIL FROM|RCPT TO|RSET|API)$/i;
// Codes that mean no connection was ever established.
const NEVER_CONNECTED = /^(ECONNREFUSED|EDNS|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ETLS|EPROXY|EAUTH|ENOAUTH|EOAUTH2|ECONFIG)$/;

/**
 * @example classifySendError({ code: 'EENVELOPE', command: 'RCPT TO', responseCode: 550 }) // "permanent"
 * @example classifySendError({ code: 'EMESSAGE', command: 'DATA', responseCode: 451 }) // "transient"
 * @example classifySendError(new MailSendError('Connection closed unexpectedly', { code: 'ECONNECTION', command: 'CONN', bodySent: true })) // "uncertain"
 */
export function classifySendError(error: unknown): SendFailureKind {
  const facts: ErrorFacts = typeof error === 'object' && error !== null ? (error as ErrorFacts) : {};
  const code = typeof facts.code === 'string' ? facts.code : '';
  const command = typeof facts.command === 'string' ? facts.command.trim() : '';
  const responseCode = typeof facts.responseCode === 'number' ? facts.responseCode : null;

  // A reply from the server is an answer: it says whether the message was taken, whatever the socket did after.
  if (responseCode !== null && responseCode >= 400 && responseCode < 600) {
    if (responseCode < 500) return 'transient';
    const sessionLevel = SESSION_COMMANDS.test(command) || command.toUpperCase() === 'MAIL FROM' || code === 'EAUTH';
    return sessionLevel ? 'transient' : 'permanent';
  }

  if (error instanceof MailSendError) return error.bodySent ? 'uncertain' : 'transient';

  // A raw error (not from our transports): only the command and the code to go on.
  if (ENVELOPE_COMMANDS.test(command)) return 'transient';
  if (SESSION_COMMANDS.test(command)) {
    if (command.toUpperCase() !== 'CONN') return 'transient';
    // nodemailer wraps a failed connect as ESOCKET/CONN and keeps the system error only in the message
    // ("connect ECONNREFUSED 127.0.0.1:2525"); a greeting that never came is ETIMEDOUT "Greeting never received".
    const message = String(facts.message ?? '');
    const failedConnect = /^connect\b|\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH)\b/.test(message);
    const greetingTimeout = code === 'ETIMEDOUT' && /greeting/i.test(message);
    return NEVER_CONNECTED.test(code) || failedConnect || greetingTimeout ? 'transient' : 'uncertain';
  }
  if (command === '' && NEVER_CONNECTED.test(code)) return 'transient';
  return 'uncertain';
}

/**
 * One line for the ledger's "last SMTP response" and the summary: the reply if there is one, else the error.
 * @example sendErrorSummary({ responseCode: 550, response: '550 5.1.1 No such user', command: 'RCPT TO' }) // "550 5.1.1 No such user (RCPT TO)"
 */
export function sendErrorSummary(error: unknown): string {
  const facts: ErrorFacts & { response?: unknown } = typeof error === 'object' && error !== null ? (error as ErrorFacts) : {};
  const command = typeof facts.command === 'string' && facts.command !== '' ? ` (${facts.command})` : '';
  if (typeof facts.response === 'string' && facts.response !== '') return `${facts.response.replace(/\s+/g, ' ').trim()}${command}`;
  const code = typeof facts.code === 'string' ? `${facts.code}: ` : '';
  const message = error instanceof Error ? error.message : String(error);
  return `${code}${message}${command}`.replace(/\s+/g, ' ').trim();
}

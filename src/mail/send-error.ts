/**
 * What the transports throw when a message is not accepted: the SMTP facts the ledger needs (code, command,
 * responseCode, response) with any secret removed, plus whether the whole body had left for the server, which
 * nodemailer's error does not tell (see classify-send-error.ts for why that matters).
 */

export class MailSendError extends Error {
  /** nodemailer's error code: ECONNECTION, ETIMEDOUT, ESOCKET, EENVELOPE, EMESSAGE, EAUTH … */
  readonly code: string | undefined;
  /** The SMTP step nodemailer was at: CONN, EHLO, AUTH PLAIN, MAIL FROM, RCPT TO, DATA, API … */
  readonly command: string | undefined;
  readonly responseCode: number | undefined;
  /** The server's reply line(s), if any. */
  readonly response: string | undefined;
  /**
   * True when the message stream had been read to its end, so the final "." went out (or was about to): from
   * then on a lost connection may hide an accepted message (RFC 1047).
   */
  readonly bodySent: boolean;

  constructor(
    message: string,
    facts: { code?: string | undefined; command?: string | undefined; responseCode?: number | undefined; response?: string | undefined; bodySent: boolean },
  ) {
    super(message);
    this.name = 'MailSendError';
    this.code = facts.code;
    this.command = facts.command;
    this.responseCode = facts.responseCode;
    this.response = facts.response;
    this.bodySent = facts.bodySent;
  }
}

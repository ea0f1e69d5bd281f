/**
 * Deterministic identities of one email: the same (report, month, edition, subscriber) always gets the same
 * Message-ID (RELIABILITY.md B1), so any duplicate that slips through is traceable, and the outbox file name.
 */
import { createHash } from 'node:crypto';

import { badMailSetting } from './mail-errors.js';

/**
 * First 16 hex digits of sha256 of the address, lower-cased and trimmed (the same subscriber however it was typed).
 * @example subscriberHash('Ana@Example.org') === subscriberHash('ana@example.org') // true
 */
export function subscriberHash(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 16);
}

export interface MessageIdParts {
  /** Report id from the config ("xinjiang-us"); two reports to one subscriber in one month must not collide. */
  report: string;
  month: string;
  edition: number;
  email: string;
  domain: string;
}

const DOMAIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/;

/**
 * `<report-YYYY-MM-e<edition>-<subscriberHash>@domain>`.
 * @example reportMessageId({ report: 'xinjiang-us', month: '2022-08', edition: 1, email: 'ana@example.org', domain: 'tradebrief.example' })
 *   // "<xinjiang-us-2022-08-e1-5c0f8f3b2a1d9e7c@tradebrief.example>"
 * @throws TradebriefError BadMailSetting when the domain is not a host name
 */
export function reportMessageId(parts: MessageIdParts): string {
  if (!DOMAIN.test(parts.domain)) throw badMailSetting('messageIdDomain', `${JSON.stringify(parts.domain)} is not a host name`);
  // Report ids come from the config; anything outside the id-left characters would break the header's syntax.
  const report = parts.report.replace(/[^A-Za-z0-9._-]/g, '_');
  return `<${report}-${parts.month}-e${parts.edition}-${subscriberHash(parts.email)}@${parts.domain}>`;
}

/**
 * The outbox file name for a message: `<edition>-<subscriberHash>.eml` when the Message-ID is one of ours, else
 * a hash of the Message-ID (never the raw id, which could carry a path).
 * @example outboxFileName('<xinjiang-us-2022-08-e2-5c0f8f3b2a1d9e7c@tradebrief.example>') // "2-5c0f8f3b2a1d9e7c.eml"
 */
export function outboxFileName(messageId: string): string {
  const ours = /-e(\d+)-([0-9a-f]{16})@[^>]*>?$/.exec(messageId);
  if (ours !== null) return `${ours[1]}-${ours[2]}.eml`;
  return `${createHash('sha256').update(messageId).digest('hex').slice(0, 16)}.eml`;
}

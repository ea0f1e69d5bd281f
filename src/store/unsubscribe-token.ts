/**
 * Unsubscribe tokens for List-Unsubscribe links and `subscribers unsubscribe --token`: the payload
 * (who, which report) in base64url, a dot, and its HMAC-SHA256 under a secret from the environment
 * (TRADEBRIEF_UNSUBSCRIBE_SECRET, read by the command). Without the secret nobody can make a token for an
 * address, so a link cannot be edited to unsubscribe someone else. Tokens do not expire: an unsubscribe link
 * in a two-year-old email must still work.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface UnsubscribeRequest {
  email: string;
  /** The report to stop; absent = every report. */
  report?: string;
}

interface Payload {
  v: 1;
  e: string;
  r?: string;
}

function sign(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest();
}

function requireSecret(secret: string): void {
  if (secret.length === 0) throw new TypeError('unsubscribe tokens need a non-empty secret');
}

/**
 * @example makeUnsubscribeToken(process.env.TRADEBRIEF_UNSUBSCRIBE_SECRET, { email: 'ana@example.org', report: 'xinjiang-us' })
 * // "eyJ2IjoxLCJlIjoiYW5hQGV4YW1wbGUub3JnIiwiciI6InhpbmppYW5nLXVzIn0.Qm9…"
 */
export function makeUnsubscribeToken(secret: string, request: UnsubscribeRequest): string {
  requireSecret(secret);
  const payload: Payload = request.report === undefined ? { v: 1, e: request.email } : { v: 1, e: request.email, r: request.report };
  const encoded = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `${encoded}.${sign(secret, encoded).toString('base64url')}`;
}

/**
 * The request a token carries, or null when it was not made with this secret, was altered or cut short.
 * @example verifyUnsubscribeToken(secret, token) // { email: 'ana@example.org', report: 'xinjiang-us' }
 */
export function verifyUnsubscribeToken(secret: string, token: string): UnsubscribeRequest | null {
  requireSecret(secret);
  const parts = token.trim().split('.');
  if (parts.length !== 2) return null;
  const [encoded = '', signature = ''] = parts;
  // Compared as text, not as decoded bytes: Node's base64 decoder skips characters it does not know, so
  // "<signature>!" would decode to the same bytes. Length first: timingSafeEqual throws on different lengths.
  const expected = Buffer.from(sign(secret, encoded).toString('base64url'), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof payload !== 'object' || payload === null) return null;
  const { v, e, r } = payload as Partial<Payload>;
  if (v !== 1 || typeof e !== 'string' || (r !== undefined && typeof r !== 'string')) return null;
  return r === undefined ? { email: e } : { email: e, report: r };
}

/**
 * The one check every address passes before it reaches a header or the SMTP envelope. Deliberately narrower than
 * RFC 5322 (no quoted local parts, no comments, no IP literals): a subscriber list has no use for them, and each one
 * is a way to smuggle a second recipient or a header past a parser.
 */
import { badMailAddress } from './mail-errors.js';

// local@domain: no whitespace or controls, no specials that start a display name, group or route.
// eslint-disable-next-line no-control-regex
const PLAIN_ADDRESS = /^[^\s@<>()[\]\\,;:"\u0000-\u001F\u007F-\u009F]+@[A-Za-z0-9\u00A0-\uFFFF](?:[A-Za-z0-9\u00A0-\uFFFF-]*[A-Za-z0-9\u00A0-\uFFFF])?(?:\.[A-Za-z0-9\u00A0-\uFFFF](?:[A-Za-z0-9\u00A0-\uFFFF-]*[A-Za-z0-9\u00A0-\uFFFF])?)*$/;

/** @example isPlainAddress('ana@example.org') // true @example isPlainAddress('a@b.test\r\nBcc: c@d') // false */
export function isPlainAddress(address: string): boolean {
  return address.length <= 254 && PLAIN_ADDRESS.test(address);
}

/**
 * Returns the address unchanged, or throws BadMailAddress naming its role ("subscriber", "from").
 * @example assertPlainAddress('ana@example.org', 'subscriber') // "ana@example.org"
 */
export function assertPlainAddress(address: string, role: string): string {
  if (!isPlainAddress(address)) throw badMailAddress(role, address);
  return address;
}

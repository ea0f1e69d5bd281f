/**
 * Makes a data value fit for one line of an email header (RELIABILITY.md B4: CRLF in a subscriber name or a
 * report title must never start a header line of its own). nodemailer encodes header values too, but this is the
 * one place that decides, so a change in a dependency cannot reopen the hole.
 */

// C0 and C1 controls, DEL, and the Unicode line and paragraph separators some clients also break lines on.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g;

/**
 * Replaces every run of control characters (CR, LF, TAB, NUL …) with one space, collapses spaces and trims.
 * @example headerSafe('Eve\r\nBcc: x@evil.test') // "Eve Bcc: x@evil.test" (one line: no Bcc header)
 * @example headerSafe(null) // ""
 */
export function headerSafe(text: string | null | undefined): string {
  if (text === null || text === undefined) return '';
  return text.replace(CONTROL, ' ').replace(/ {2,}/g, ' ').trim();
}

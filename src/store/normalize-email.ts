/**
 * One rule for what an email address is, used by `subscribers add`, the CSV import and the store itself.
 * zod's email check is a deliberately plain pattern (the "practical" subset of RFC 5322): no quoted local parts,
 * no IP literals, no comments, and above all no CR/LF or spaces, so an address can never smuggle a header line.
 */
import { z } from 'zod';

const emailSchema = z.email();

/** RFC 5321 §4.5.3.1.3: a path is at most 256 octets including the angle brackets. */
const MAX_LENGTH = 254;

/**
 * The address trimmed and lower-cased when it is valid, else null. Lower-casing the local part is not what
 * RFC 5321 says, but every mailbox provider our subscribers use treats it so, and it makes
 * "Ana@x.org" and "ana@x.org" the same subscriber instead of two copies of each report.
 * @example normalizeEmail('  Ana@Example.ORG ') // "ana@example.org"
 * @example normalizeEmail('ana@example.org\r\nBcc: x@y.z') // null
 */
export function normalizeEmail(input: string): string | null {
  const email = input.trim().toLowerCase();
  if (email.length === 0 || email.length > MAX_LENGTH) return null;
  return emailSchema.safeParse(email).success ? email : null;
}

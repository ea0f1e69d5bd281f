/**
 * Masks the password of any URL in a text before it is stored. Error messages from the transport can quote
 * SMTP_URL (smtp://user:password@host), and the runs table and the ledger are read by people who must not
 * learn it.
 */
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:@/]*):[^\s@/]*@/gi;

/**
 * @example redactSecrets('connect smtp://ops:hunter2@mail.example:587 failed') // "connect smtp://ops:***@mail.example:587 failed"
 */
export function redactSecrets(text: string): string {
  return text.replace(URL_PASSWORD, '$1:***@');
}

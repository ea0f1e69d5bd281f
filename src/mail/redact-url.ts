/**
 * Keeps the SMTP password out of everything the program prints or stores: describe(), error messages, logs, the
 * runs table. The URL is the only place the password lives (secrets only from the environment: STYLE.md 6).
 */

const SECRET_PARAMETER = /pass|secret|token|key|auth/i;

/**
 * The URL with its password replaced by "***"; an unparsable one is shown as "<invalid URL>" (it could be
 * a password with a typo).
 * @example redactUrl('smtp://mailer:s3cret@mail.example.org:587') // "smtp://mailer:***@mail.example.org:587"
 */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '<invalid URL>';
  }
  if (parsed.password !== '') parsed.password = '***';
  // Query parameters can carry credentials too (nodemailer reads e.g. ?pass=, ?clientSecret=).
  for (const key of [...parsed.searchParams.keys()]) if (SECRET_PARAMETER.test(key)) parsed.searchParams.set(key, '***');
  return parsed.href.replaceAll('%2A%2A%2A', '***');
}

/** Every form the secrets of a URL could appear in: raw, percent-decoded, and as query values. */
export function secretsOf(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [url];
  }
  const secrets = new Set<string>();
  const add = (value: string): void => {
    if (value.length < 3) return; // too short to hide without mangling ordinary text; also too short to matter
    secrets.add(value);
    try {
      secrets.add(decodeURIComponent(value));
    } catch {
      // a malformed escape: the raw form is enough
    }
  };
  add(parsed.password);
  for (const [key, value] of parsed.searchParams) if (SECRET_PARAMETER.test(key)) add(value);
  return [...secrets].sort((a, b) => b.length - a.length);
}

/**
 * Replaces every occurrence of each secret in `text` with "***".
 * @example redactSecrets('AUTH failed for s3cret', ['s3cret']) // "AUTH failed for ***"
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) if (secret !== '') result = result.split(secret).join('***');
  return result;
}

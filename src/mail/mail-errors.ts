/**
 * The mail stage's own errors, one constructor per code (STYLE.md 5); the kind decides the exit code (src/errors.ts):
 *   BadMailAddress, BadMailSetting, BadSmtpUrl  -> user (fix the subscriber list or the config)
 *   ChartRenderTimeout                          -> transient (Chromium stuck; run again)
 */
import { TradebriefError } from '../errors.js';

export function badMailAddress(role: string, address: string): TradebriefError {
  return new TradebriefError('BadMailAddress', 'user', `The ${role} address ${JSON.stringify(address)} is not a plain email address.`, {
    hint: 'Use an address like name@example.org, without spaces, angle brackets or line breaks.',
  });
}

export function badMailSetting(setting: string, problem: string): TradebriefError {
  return new TradebriefError('BadMailSetting', 'user', `delivery.${setting}: ${problem}`, {
    hint: 'Fix the delivery section of tradebrief.config.json.',
  });
}

/** `shown` is the URL with its password already redacted: the real one never goes into a message. */
export function badSmtpUrl(shown: string, problem: string): TradebriefError {
  return new TradebriefError('BadSmtpUrl', 'user', `SMTP_URL (${shown}) ${problem}`, {
    hint: 'Use smtp://user:password@host:587 or smtps://user:password@host:465; percent-encode special characters in the password.',
  });
}

export function chartRenderTimeout(timeoutMs: number): TradebriefError {
  return new TradebriefError('ChartRenderTimeout', 'transient', `Rendering the trend chart for the email did not finish within ${Math.round(timeoutMs / 1000)} s; Chromium was stopped.`, {
    hint: 'Run again; if it keeps happening, Chromium is stuck on this machine.',
  });
}

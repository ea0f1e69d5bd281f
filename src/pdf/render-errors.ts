/**
 * The printer's errors, one constructor per code, so every place that raises one says the same thing and the
 * kind (which decides the exit code, src/errors.ts) is chosen once:
 *   BrowserNotFound, BlockedRequest, ResourceFailed, PageError  -> user (fix the machine or the template)
 *   BrowserLaunchFailed, RenderTimeout, BrowserCrashed          -> transient (try again later, exit 75)
 *   RenderFailed                                                 -> permanent (Chromium refused the document)
 */
import { TradebriefError } from '../errors.js';

export function browserNotFound(tried: readonly string[]): TradebriefError {
  return new TradebriefError('BrowserNotFound', 'user', `No Chrome or Chromium found to print the PDF (tried: ${tried.join(', ')}).`, {
    hint:
      'Install Debian\'s "chromium" package (scripts/ensure-deps.sh --browser does it as root), or set TRADEBRIEF_CHROME ' +
      'to a Chrome/Chromium binary, or install the full "puppeteer" package with its browser on a machine with internet access.',
  });
}

export function browserLaunchFailed(executable: string, cause: unknown): TradebriefError {
  return new TradebriefError('BrowserLaunchFailed', 'transient', `Chromium (${executable}) did not start: ${messageOf(cause)}`, {
    hint: 'Check that the binary runs (`chromium --headless --version`) and that /tmp is writable; then run again.',
    cause,
  });
}

export function blockedRequest(url: string): TradebriefError {
  return new TradebriefError('BlockedRequest', 'user', `The report page tried to load ${shorten(url)}; the PDF printer loads nothing from outside the page.`, {
    hint: 'Inline the resource in the HTML as a data: URL (images, fonts, stylesheets), or remove the reference from the template.',
  });
}

export function resourceFailed(url: string, reason: string): TradebriefError {
  return new TradebriefError('ResourceFailed', 'user', `A resource of the report page failed to load (${reason}): ${shorten(url)}`, {
    hint: 'A broken data: URL in the template or a chart; the PDF would have had a hole where it is.',
  });
}

export function pageError(message: string): TradebriefError {
  return new TradebriefError('PageError', 'user', `The report page raised an error while printing: ${message}`);
}

export function renderTimeout(timeoutMs: number): TradebriefError {
  return new TradebriefError('RenderTimeout', 'transient', `Printing the PDF did not finish within ${Math.round(timeoutMs / 1000)} s; Chromium was stopped.`, {
    hint: 'Run again; if it keeps happening, the report page is too heavy or Chromium is stuck on this machine.',
  });
}

export function browserCrashed(attempts: number, cause: unknown): TradebriefError {
  return new TradebriefError('BrowserCrashed', 'transient', `Chromium crashed while printing the PDF (${attempts} attempt${attempts === 1 ? '' : 's'}): ${messageOf(cause)}`, {
    hint: 'Run again later; check memory (`dmesg` for the OOM killer) if it keeps happening.',
    cause,
  });
}

export function renderFailed(cause: unknown): TradebriefError {
  return new TradebriefError('RenderFailed', 'permanent', `Chromium could not print the report page: ${messageOf(cause)}`, { cause });
}

function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

// A data: URL can be megabytes; the message only needs to say which one.
function shorten(url: string): string {
  return url.length > 200 ? `${url.slice(0, 200)}…` : url;
}

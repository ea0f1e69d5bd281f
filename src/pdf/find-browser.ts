/**
 * Which Chrome/Chromium binary prints the PDF. Puppeteer's own download cannot work offline, so the system's
 * Chromium is the normal case; the order lets a user or CI point elsewhere without editing config.
 */
import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';

import { browserNotFound } from './render-errors.js';

/** Where Debian, Ubuntu and Google put their browsers, in order of preference. */
export const SYSTEM_BROWSERS: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export interface FindBrowserOptions {
  /** An explicit path (config or command line): wins over everything. */
  executablePath?: string;
  env?: Readonly<Record<string, string | undefined>>;
  /** Injected for tests; default: the file exists and is executable. */
  isExecutable?: (file: string) => boolean;
  /** Injected for tests; default: the browser the optional full `puppeteer` package downloaded, if installed. */
  bundledBrowser?: () => string | undefined;
}

/**
 * Resolves the browser: option > TRADEBRIEF_CHROME > PUPPETEER_EXECUTABLE_PATH > /usr/bin/chromium, chromium-browser,
 * google-chrome > the full puppeteer package's browser. Throws BrowserNotFound (kind user) naming what it tried.
 * An explicitly named binary that does not exist is an error too, not a reason to silently use another one.
 * @example findBrowser({ env: { TRADEBRIEF_CHROME: '/opt/chrome/chrome' } }) // '/opt/chrome/chrome' if executable
 */
export function findBrowser(options: FindBrowserOptions = {}): string {
  const env = options.env ?? process.env;
  const isExecutable = options.isExecutable ?? isExecutableFile;
  const explicit = [options.executablePath, env.TRADEBRIEF_CHROME, env.PUPPETEER_EXECUTABLE_PATH].find(
    (candidate): candidate is string => candidate !== undefined && candidate !== '',
  );
  if (explicit !== undefined) {
    if (isExecutable(explicit)) return explicit;
    throw browserNotFound([explicit]);
  }
  const found = SYSTEM_BROWSERS.find(isExecutable);
  if (found !== undefined) return found;
  const bundled = (options.bundledBrowser ?? puppeteerBundledBrowser)();
  if (bundled !== undefined && isExecutable(bundled)) return bundled;
  throw browserNotFound([...SYSTEM_BROWSERS, 'the "puppeteer" package\'s browser']);
}

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

// Only when someone installed the full package (it is not a dependency): its executablePath() names the browser
// it downloaded into ~/.cache/puppeteer.
function puppeteerBundledBrowser(): string | undefined {
  try {
    const required = createRequire(import.meta.url)('puppeteer') as { executablePath?: () => string };
    return required.executablePath?.();
  } catch {
    return undefined;
  }
}

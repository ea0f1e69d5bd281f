import { describe, expect, it } from 'vitest';

import { findBrowser } from '../../src/pdf/find-browser.js';

const only =
  (...present: string[]) =>
  (file: string) =>
    present.includes(file);
const noBundled = () => undefined;

describe('findBrowser()', () => {
  it('prefers the explicit option over the environment', () => {
    const env = { TRADEBRIEF_CHROME: '/env/chrome', PUPPETEER_EXECUTABLE_PATH: '/pptr/chrome' };
    expect(findBrowser({ executablePath: '/opt/chrome', env, isExecutable: only('/opt/chrome', '/env/chrome', '/usr/bin/chromium') })).toBe('/opt/chrome');
  });

  it('prefers TRADEBRIEF_CHROME over PUPPETEER_EXECUTABLE_PATH', () => {
    const env = { TRADEBRIEF_CHROME: '/env/chrome', PUPPETEER_EXECUTABLE_PATH: '/pptr/chrome' };
    expect(findBrowser({ env, isExecutable: only('/env/chrome', '/pptr/chrome'), bundledBrowser: noBundled })).toBe('/env/chrome');
  });

  it('uses PUPPETEER_EXECUTABLE_PATH when TRADEBRIEF_CHROME is unset or empty', () => {
    const env = { TRADEBRIEF_CHROME: '', PUPPETEER_EXECUTABLE_PATH: '/pptr/chrome' };
    expect(findBrowser({ env, isExecutable: only('/pptr/chrome', '/usr/bin/chromium') })).toBe('/pptr/chrome');
  });

  it('fails when an explicitly named browser is missing rather than quietly using another', () => {
    expect(() => findBrowser({ env: { TRADEBRIEF_CHROME: '/gone/chrome' }, isExecutable: only('/usr/bin/chromium') })).toThrow(/\/gone\/chrome/);
  });

  it('falls back to the system browsers in order', () => {
    expect(findBrowser({ env: {}, isExecutable: only('/usr/bin/google-chrome', '/usr/bin/chromium-browser'), bundledBrowser: noBundled })).toBe(
      '/usr/bin/chromium-browser',
    );
  });

  it("uses the full puppeteer package's browser last", () => {
    expect(findBrowser({ env: {}, isExecutable: only('/home/u/.cache/puppeteer/chrome'), bundledBrowser: () => '/home/u/.cache/puppeteer/chrome' })).toBe(
      '/home/u/.cache/puppeteer/chrome',
    );
  });

  it('throws BrowserNotFound (kind user) saying what to install', () => {
    let caught: unknown;
    try {
      findBrowser({ env: {}, isExecutable: only(), bundledBrowser: noBundled });
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'BrowserNotFound', kind: 'user' });
    expect((caught as { hint: string }).hint).toContain('chromium');
    expect((caught as Error).message).toContain('/usr/bin/chromium');
  });
});

import { describe, expect, it } from 'vitest';

import { createBrowserPool } from '../../src/pdf/browser-pool.js';
import { renderPdf, type PrintFunction } from '../../src/pdf/render-pdf.js';
import { inspectPdf, squash } from './helpers/inspect-pdf.js';
import { browserProcesses, eventually, stillPresent } from './helpers/processes.js';
import { killBrowserOf, optionsFor, page, rejectionOf } from './helpers/report-page.js';

describe('renderPdf() when Chromium misbehaves', () => {
  it('fails with RenderTimeout at the deadline and leaves no Chromium process behind', async () => {
    const pool = createBrowserPool();
    try {
      const neverPrints: PrintFunction = () => new Promise<Uint8Array>(() => undefined);
      let pids: number[] = [];
      const started = Date.now();
      const rendering = renderPdf(page('<p>stuck</p>'), optionsFor(pool, {
        timeoutMs: 2_000,
        print: (printed, options) => {
          pids = browserProcesses(pool.pid ?? -1).map((process) => process.pid);
          return neverPrints(printed, options);
        },
      }));
      const error = await rejectionOf(rendering);
      const elapsed = Date.now() - started;

      expect(error.code).toBe('RenderTimeout');
      expect(error.kind).toBe('transient');
      expect(elapsed).toBeGreaterThanOrEqual(1_900);
      expect(elapsed).toBeLessThan(10_000);
      expect(pids.length).toBeGreaterThan(1);
      // Killed by the time the error is thrown; the dead are reaped by init (PID 1) a moment later.
      expect(stillPresent(pids).filter((process) => process.state !== 'Z')).toEqual([]);
      expect(await eventually(() => stillPresent(pids).length === 0, 10_000)).toBe(true);
      expect(pool.pid).toBeUndefined();

      // The pool is not poisoned: the next render gets a fresh browser.
      const { pageCount } = await renderPdf(page('<p>unstuck</p>'), optionsFor(pool));
      expect(pageCount).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it('retries once on a fresh browser when Chromium is killed mid-render', async () => {
    const pool = createBrowserPool();
    try {
      let calls = 0;
      const pidsSeen: (number | undefined)[] = [];
      const killFirstTime: PrintFunction = (printed, options) => {
        calls += 1;
        pidsSeen.push(pool.pid);
        if (calls === 1) killBrowserOf(pool);
        return printed.pdf(options);
      };
      const { bytes, attempts } = await renderPdf(page('<p>survived</p>'), optionsFor(pool, { print: killFirstTime }));

      expect(attempts).toBe(2);
      expect(pool.launches).toBe(2);
      expect(pidsSeen[0]).not.toBe(pidsSeen[1]);
      expect(squash((await inspectPdf(bytes)).pageTexts.join(' '))).toContain('survived');
    } finally {
      await pool.close();
    }
  });

  it('retries once on a fresh browser when the page renderer crashes mid-render', async () => {
    const pool = createBrowserPool();
    try {
      let calls = 0;
      const crashRendererFirstTime: PrintFunction = async (printed, options) => {
        calls += 1;
        if (calls === 1) {
          const session = await printed.createCDPSession();
          session.send('Page.crash').catch(() => undefined); // answers never come: the renderer is gone
        }
        return printed.pdf(options);
      };
      const { attempts } = await renderPdf(page('<p>survived</p>'), optionsFor(pool, { print: crashRendererFirstTime, timeoutMs: 20_000 }));
      expect(attempts).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it('fails with BrowserCrashed (transient) when the retry crashes too', async () => {
    const pool = createBrowserPool();
    try {
      const alwaysKill: PrintFunction = (printed, options) => {
        killBrowserOf(pool);
        return printed.pdf(options);
      };
      const error = await rejectionOf(renderPdf(page('<p>doomed</p>'), optionsFor(pool, { print: alwaysKill })));
      expect(error.code).toBe('BrowserCrashed');
      expect(error.kind).toBe('transient');
      expect(pool.launches).toBe(2);
    } finally {
      await pool.close();
    }
  });
});

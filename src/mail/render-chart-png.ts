/**
 * The trend chart as a PNG for the email: mail clients do not show SVG, and the report already runs a Chromium.
 * The same rules as the PDF printer (RELIABILITY.md B3): a fresh page, JavaScript off, every request but data:
 * and about: aborted, and one deadline for the whole render, after which the browser is killed and replaced.
 */
import type { BrowserPool } from '../pdf/browser-pool.js';
import { DeadlineExceeded, withDeadline } from '../pdf/with-deadline.js';
import { sanitizeSvg } from '../render/sanitize-svg.js';
import { chartRenderTimeout } from './mail-errors.js';

export interface ChartPngOptions {
  /** Width in CSS pixels; the PNG is twice as wide (deviceScaleFactor 2) for high-density screens. */
  width: number;
  /** One deadline for the render (default 20 s). */
  timeoutMs?: number;
}

const ALLOWED_URL = /^(data|about):/i;

/**
 * @example
 *   const png = await renderChartPng(readFileSync('out/xinjiang-us/2022-08/charts/trend.svg', 'utf8'), pool, { width: 600 });
 * @throws TradebriefError UnsafeChart (the SVG could load or run something), ChartRenderTimeout
 */
export async function renderChartPng(svg: string, pool: BrowserPool, options: ChartPngOptions): Promise<Buffer> {
  // The same check the report applies to charts: no script, no external reference, ids scoped.
  const checked = sanitizeSvg(svg, 'email-trend');
  const timeoutMs = options.timeoutMs ?? 20_000;
  return pool.exclusive(async () => {
    const render = { abandoned: false };
    try {
      return await withDeadline(screenshot(checked, pool, options.width, render), timeoutMs);
    } catch (error) {
      if (!(error instanceof DeadlineExceeded)) throw error;
      render.abandoned = true;
      await pool.kill();
      throw chartRenderTimeout(timeoutMs);
    }
  });
}

async function screenshot(svg: string, pool: BrowserPool, width: number, render: { abandoned: boolean }): Promise<Buffer> {
  const { browser } = await pool.lease();
  const page = await browser.newPage();
  try {
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (ALLOWED_URL.test(request.url())) request.continue().catch(() => undefined);
      else request.abort('blockedbyclient').catch(() => undefined);
    });
    await page.setViewport({ width, height: Math.round(width * 0.75), deviceScaleFactor: 2 });
    if (render.abandoned) throw new Error('chart render abandoned after its deadline');
    // The SVG keeps its aspect ratio through its viewBox; width 100 % fits it to the email column.
    const html =
      '<!DOCTYPE html><html><head><meta charset="utf-8"><style>' +
      `html,body{margin:0;padding:0;background:#fff}svg{display:block;width:${width}px;height:auto}` +
      `</style></head><body>${svg}</body></html>`;
    await page.setContent(html, { waitUntil: 'load', timeout: 0 });
    const element = await page.$('svg');
    if (element === null) throw new Error('the chart page has no <svg> element');
    const png = await element.screenshot({ type: 'png', omitBackground: false });
    return Buffer.from(png);
  } finally {
    await page.close().catch(() => undefined);
  }
}

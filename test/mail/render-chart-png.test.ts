import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createBrowserPool, type BrowserPool } from '../../src/pdf/browser-pool.js';
import { renderChartPng } from '../../src/mail/render-chart-png.js';

// A chart as src/charts writes one: fixed size with a viewBox, white background, a few marks.
const TREND_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="240" viewBox="0 0 640 240">' +
  '<rect width="640" height="240" fill="white"/>' +
  '<path d="M40,200L200,150L360,170L520,40" stroke="#1f77b4" stroke-width="3" fill="none"/>' +
  '<text x="40" y="20" font-size="14">US$56.8 million</text></svg>';

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian). */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('renderChartPng()', () => {
  let pool: BrowserPool;
  beforeAll(() => {
    pool = createBrowserPool();
  });
  afterAll(async () => {
    await pool.close();
  });

  it('draws the SVG as a PNG at twice the requested width, keeping the aspect ratio', async () => {
    const png = await renderChartPng(TREND_SVG, pool, { width: 600 });
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    // 600 CSS px wide at deviceScaleFactor 2; 240/640 of that high.
    expect(pngSize(png)).toEqual({ width: 1200, height: 450 });
    expect(png.length).toBeGreaterThan(2000); // a drawn chart, not an empty image
  }, 60_000);

  it('refuses an SVG that could run script or load something, before Chromium sees it', async () => {
    const hostile = TREND_SVG.replace('</svg>', '<image href="http://169.254.169.254/x.png" width="1" height="1"/></svg>');
    await expect(renderChartPng(hostile, pool, { width: 600 })).rejects.toThrow(/chart/i);
    await expect(renderChartPng(TREND_SVG.replace('</svg>', '<script>alert(1)</script></svg>'), pool, { width: 600 })).rejects.toThrow(/script/);
  });

  it('gives up at the deadline with ChartRenderTimeout and replaces the browser', async () => {
    const launches = pool.launches;
    await expect(renderChartPng(TREND_SVG, pool, { width: 600, timeoutMs: 1 })).rejects.toMatchObject({ code: 'ChartRenderTimeout', kind: 'transient' });
    const png = await renderChartPng(TREND_SVG, pool, { width: 300 });
    expect(pngSize(png).width).toBe(600);
    expect(pool.launches).toBeGreaterThan(launches);
  }, 60_000);
});

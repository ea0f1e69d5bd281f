/** A tiny report page and the render options the printer tests share. */
import { TradebriefError } from '../../../src/errors.js';
import type { BrowserPool } from '../../../src/pdf/browser-pool.js';
import { FONT_STACK, fontFaceCss } from '../../../src/pdf/fonts.js';
import type { RenderPdfOptions } from '../../../src/pdf/render-pdf.js';

export const createdAt = new Date('2022-09-20T08:00:00Z');

export function page(body: string, title = 'Test report'): string {
  const css = fontFaceCss({ text: body + title });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>${css} body { font-family: ${FONT_STACK}; font-size: 11pt } .next { break-before: page }</style></head><body>${body}</body></html>`;
}

export function optionsFor(pool: BrowserPool, extra: Partial<RenderPdfOptions> = {}): RenderPdfOptions {
  return {
    pool,
    title: 'Xinjiang exports to the United States',
    month: 'August 2022',
    edition: 'Edition 1',
    metadata: { author: 'tradebrief tests', subject: 'Customs statistics', keywords: ['Xinjiang', 'exports'], creator: 'tradebrief 0.1.0', creationDate: createdAt },
    ...extra,
  };
}

export const twoPages = page(`<h1>Xinjiang exports to the US</h1><p>新疆维吾尔自治区 exported goods to 美国 and 哈萨克斯坦.</p>
<h2>Partners</h2><p>The United States was the fifth biggest partner.</p>
<h1 class="next">Products</h1><p>Christmas goods remained the top product.</p>`);

export async function rejectionOf(promise: Promise<unknown>): Promise<TradebriefError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof TradebriefError)) throw new Error(`expected a TradebriefError, got ${String(error)}`);
  return error;
}

/** Kills the whole browser, as the OOM killer or a crash would. */
export function killBrowserOf(pool: BrowserPool): void {
  const pid = pool.pid;
  if (pid === undefined) throw new Error('no browser running');
  process.kill(-pid, 'SIGKILL');
}

/**
 * Prints a finished, self-contained HTML page to PDF bytes with headless Chromium.
 *
 *   lease a healthy browser ─► fresh page, JavaScript off, every request but data:/about: aborted
 *   ─► setContent ─► fail on any blocked or failed load ─► page.pdf (A4, header, footer, outline, tagged)
 *   ─► fail on any load the print triggered ─► metadata (pdf-lib) ─► bytes
 *
 * All of it runs under ONE deadline (RELIABILITY.md B3): on expiry the browser's process group is SIGKILLed and
 * replaced, and the render fails with RenderTimeout. A browser that dies mid-render (BrowserCrashed) gets one
 * retry on a fresh browser. Nothing the page references is ever fetched: a blocked request fails the render
 * (BlockedRequest) rather than printing a PDF with a hole in it.
 */
import type { Page, PDFOptions } from 'puppeteer-core';

import { TradebriefError } from '../errors.js';
import type { BrowserPool } from './browser-pool.js';
import { pageTemplates, type PageTemplateText } from './page-templates.js';
import { blockedRequest, browserCrashed, pageError, renderFailed, renderTimeout, resourceFailed } from './render-errors.js';
import { setPdfMetadata, type PdfMetadata } from './set-pdf-metadata.js';
import { DeadlineExceeded, withDeadline } from './with-deadline.js';

/** How the page is printed; the default is `page.pdf`. Tests inject one that hangs or kills the browser. */
export type PrintFunction = (page: Page, options: PDFOptions) => Promise<Uint8Array>;

export interface RenderPdfOptions extends PageTemplateText {
  /** The browser to print with (effects are passed in: STYLE.md 4). */
  pool: BrowserPool;
  /** Info dictionary; its `title` defaults to the header's title. */
  metadata: Omit<PdfMetadata, 'title'> & { title?: string };
  /** One deadline for the whole render, retry included (default 60 s). */
  timeoutMs?: number;
  /** Page margins; the header and footer live in the top and bottom ones. */
  margin?: PDFOptions['margin'];
  print?: PrintFunction;
}

export interface RenderedPdf {
  bytes: Uint8Array;
  pageCount: number;
  /** 1 normally, 2 when the first browser crashed. */
  attempts: number;
}

const DEFAULT_MARGIN = { top: '18mm', bottom: '18mm', left: '15mm', right: '15mm' } as const;

/**
 * Renders `html` to PDF.
 * @example
 *   const pool = createBrowserPool();
 *   const { bytes } = await renderPdf(html, { pool, title: 'Xinjiang exports to the US', month: 'August 2022',
 *     edition: 'Edition 1', metadata: { author: 'tradebrief', creationDate: now } });
 *   await writeFileAtomic('out/xj-us/2022-08/report.pdf', bytes);
 */
export function renderPdf(html: string, options: RenderPdfOptions): Promise<RenderedPdf> {
  const { pool } = options;
  const timeoutMs = options.timeoutMs ?? 60_000;
  return pool.exclusive(async () => {
    const render = { abandoned: false };
    try {
      return await withDeadline(renderWithRetry(html, options, render), timeoutMs);
    } catch (error) {
      if (!(error instanceof DeadlineExceeded)) throw error;
      render.abandoned = true;
      await pool.kill();
      throw renderTimeout(timeoutMs);
    }
  });
}

async function renderWithRetry(html: string, options: RenderPdfOptions, render: { abandoned: boolean }): Promise<RenderedPdf> {
  const pdfOptions = printOptions(options);
  let firstCrash: unknown;
  for (const attempt of [1, 2]) {
    const { browser } = await options.pool.lease();
    try {
      const printed = await printOnce(options.pool.newPage(browser), html, pdfOptions, options.print ?? defaultPrint, render);
      const { bytes, pageCount } = await setPdfMetadata(printed, { ...options.metadata, title: options.metadata.title ?? options.title });
      if (pageCount === 0) throw renderFailed(new Error('the PDF has no pages'));
      return { bytes, pageCount, attempts: attempt };
    } catch (error) {
      if (render.abandoned) throw error;
      if (error instanceof TradebriefError) throw error;
      // Any other failure leaves a browser we no longer trust; replace it either way.
      const crashed = !browser.connected || isCrashError(error);
      await options.pool.kill();
      if (!crashed) throw renderFailed(error);
      if (attempt === 2) throw browserCrashed(2, error);
      firstCrash = error;
    }
  }
  throw browserCrashed(2, firstCrash);
}

/** Everything that can go wrong while the page loads or prints, in the order it happened. */
class PageProblems {
  readonly #blocked: string[] = [];
  readonly #failed: { url: string; reason: string }[] = [];
  readonly #errors: string[] = [];

  block(url: string): void {
    if (!this.#blocked.includes(url)) this.#blocked.push(url);
  }

  fail(url: string, reason: string): void {
    if (!this.#blocked.includes(url)) this.#failed.push({ url, reason });
  }

  error(message: string): void {
    this.#errors.push(message);
  }

  throwIfAny(): void {
    const blocked = this.#blocked[0];
    if (blocked !== undefined) throw blockedRequest(blocked);
    const failed = this.#failed[0];
    if (failed !== undefined) throw resourceFailed(failed.url, failed.reason);
    const error = this.#errors[0];
    if (error !== undefined) throw pageError(error);
  }
}

// about:blank is the page itself; data: is how charts, images and fonts are inlined. Nothing else loads.
const ALLOWED_URL = /^(data|about):/i;
// Chromium refuses file: URLs from the page without a request event, and only says so on the console.
const LOCAL_RESOURCE_REFUSED = /Not allowed to load local resource: (\S+)/;

async function printOnce(
  newPage: Promise<Page>,
  html: string,
  pdfOptions: PDFOptions,
  print: PrintFunction,
  render: { abandoned: boolean },
): Promise<Uint8Array> {
  const page = await newPage;
  const problems = new PageProblems();
  // A crashed renderer leaves page.pdf() waiting forever; puppeteer says so only through the page's 'error'
  // event ("Page crashed!"). Race every step against it so a crash is a crash, not a timeout.
  let reportCrash: (error: Error) => void = () => undefined;
  const crashed = new Promise<never>((_resolve, reject) => {
    reportCrash = reject;
  });
  crashed.catch(() => undefined);
  const unlessCrashed = <T>(work: Promise<T>): Promise<T> => Promise.race([work, crashed]);
  page.on('error', (error) => reportCrash(error));
  try {
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      if (ALLOWED_URL.test(url)) {
        request.continue().catch(() => undefined);
      } else {
        problems.block(url);
        request.abort('blockedbyclient').catch(() => undefined);
      }
    });
    page.on('requestfailed', (request) => problems.fail(request.url(), request.failure()?.errorText ?? 'failed'));
    page.on('console', (message) => {
      const refused = LOCAL_RESOURCE_REFUSED.exec(message.text());
      if (message.type() === 'error' && refused?.[1] !== undefined) problems.block(refused[1]);
    });
    page.on('pageerror', (error) => problems.error(error instanceof Error ? error.message : String(error)));
    stopIfAbandoned(render);
    await unlessCrashed(page.setContent(html, { waitUntil: 'load', timeout: 0 }));
    problems.throwIfAny();
    const brokenImage = (await unlessCrashed(page.evaluate(BROKEN_IMAGE_PROBE))) as string | null;
    if (brokenImage !== null) throw resourceFailed(brokenImage, 'the image could not be decoded');
    stopIfAbandoned(render);
    const pdf = await unlessCrashed(print(page, pdfOptions));
    // Print media can pull in resources the screen did not (an @media print background): check again.
    problems.throwIfAny();
    return pdf;
  } finally {
    await page.close().catch(() => undefined);
  }
}

// A data: image that loads but does not decode raises no network event: ask the document. DevTools can still
// evaluate in the page while the page's own scripts are off. (A string, because the program is not typed for the DOM.)
const BROKEN_IMAGE_PROBE = `(() => {
  const broken = Array.from(document.images).find((image) => !image.complete || image.naturalWidth === 0);
  return broken === undefined ? null : broken.currentSrc || broken.getAttribute('src') || '<img> without src';
})()`;

function stopIfAbandoned(render: { abandoned: boolean }): void {
  if (render.abandoned) throw new Error('render abandoned after its deadline');
}

const defaultPrint: PrintFunction = (page, options) => page.pdf(options);

/** The page.pdf() options of a render (exported so bench/render.ts prints the bare page exactly the same way). */
export function printOptions(options: PageTemplateText & { margin?: PDFOptions['margin'] }): PDFOptions {
  return {
    format: 'A4',
    printBackground: true,
    preferCSSPageSize: true,
    displayHeaderFooter: true,
    ...pageTemplates(options),
    margin: options.margin ?? DEFAULT_MARGIN,
    outline: true,
    tagged: true,
    timeout: 0, // the render's one deadline decides
  };
}

// Puppeteer reports a dead browser or renderer in a few ways depending on when it noticed.
function isCrashError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (
    error.name === 'TargetCloseError' ||
    error.name === 'ConnectionClosedError' ||
    /Target closed|Session closed|Connection closed|Page crashed|browser has disconnected|detached/i.test(error.message)
  );
}

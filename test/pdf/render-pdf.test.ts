import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createBrowserPool, type BrowserPool } from '../../src/pdf/browser-pool.js';
import { renderPdf } from '../../src/pdf/render-pdf.js';
import { inspectPdf, squash } from './helpers/inspect-pdf.js';
import { killBrowserOf, optionsFor, page, rejectionOf, twoPages } from './helpers/report-page.js';

describe('renderPdf()', () => {
  let pool: BrowserPool;
  beforeAll(() => {
    pool = createBrowserPool();
  });
  afterAll(async () => {
    await pool.close();
  });

  it('prints the text, header, "Page x of y" footer, outline, tags and metadata', async () => {
    const { bytes, pageCount, attempts } = await renderPdf(twoPages, optionsFor(pool));
    const pdf = await inspectPdf(bytes);

    expect(pageCount).toBe(2);
    expect(attempts).toBe(1);
    expect(pdf.pageTexts).toHaveLength(2);
    const [first = '', second = ''] = pdf.pageTexts.map(squash);
    expect(first).toContain('The United States was the fifth biggest partner.');
    expect(first).toContain('Xinjiang exports to the United States');
    expect(first).toContain('August 2022');
    expect(first).toContain('Page 1 of 2');
    expect(first).toContain('Edition 1');
    expect(second).toContain('Christmas goods remained the top product.');
    expect(second).toContain('Page 2 of 2');
    expect(pdf.outline).toEqual(['Xinjiang exports to the US', 'Partners', 'Products']);
    expect(pdf.tagged).toBe(true);
    expect(pdf.info).toMatchObject({
      Title: 'Xinjiang exports to the United States',
      Author: 'tradebrief tests',
      Subject: 'Customs statistics',
      Keywords: 'Xinjiang exports',
      Creator: 'tradebrief 0.1.0',
      CreationDate: "D:20220920080000Z",
    });
  });

  it('sets Chinese text in the shipped Noto fonts and extracts it back', async () => {
    const { bytes } = await renderPdf(twoPages, optionsFor(pool));
    const pdf = await inspectPdf(bytes);

    const text = pdf.pageTexts.join('\n').replace(/\s+/g, '');
    expect(text).toContain('新疆维吾尔自治区');
    expect(text).toContain('美国');
    expect(text).toContain('哈萨克斯坦');
    // Noto Sans SC's files are named after its variable master ("NotoSansSCThin"); the weight is applied on top.
    expect(pdf.fonts.some((font) => font.startsWith('NotoSans-'))).toBe(true);
    expect(pdf.fonts.some((font) => font.startsWith('NotoSansSC'))).toBe(true);
    expect(pdf.fonts.filter((font) => !font.startsWith('NotoSans'))).toEqual([]);
  });

  it('gives the same bytes for the same page and creation date', async () => {
    const first = await renderPdf(twoPages, optionsFor(pool));
    const second = await renderPdf(twoPages, optionsFor(pool));
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
  });

  it('prints header text as text, not as markup', async () => {
    const { bytes } = await renderPdf(page('<p>Body</p>'), optionsFor(pool, { title: '<b>A & B</b> "quoted"', month: '<i>2022-08</i>' }));
    const [first = ''] = (await inspectPdf(bytes)).pageTexts.map(squash);
    expect(first).toContain('<b>A & B</b> "quoted"');
    expect(first).toContain('<i>2022-08</i>');
  });

  it('reuses one browser across renders', async () => {
    await renderPdf(page('<p>one</p>'), optionsFor(pool));
    const pid = pool.pid;
    const launches = pool.launches;
    await renderPdf(page('<p>two</p>'), optionsFor(pool));
    expect(pool.pid).toBe(pid);
    expect(pool.launches).toBe(launches);
  });

  it('does not run scripts in the page', async () => {
    const html = page(`<p id="target">static text</p><noscript>scripts are off</noscript>
<script>document.getElementById('target').textContent = 'SCRIPT RAN'; document.title = 'SCRIPT RAN';</script>`);
    const { bytes } = await renderPdf(html, optionsFor(pool));
    const text = squash((await inspectPdf(bytes)).pageTexts.join(' '));
    expect(text).toContain('static text');
    expect(text).toContain('scripts are off');
    expect(text).not.toContain('SCRIPT RAN');
  });

  it('starts a new browser when the old one died between renders', async () => {
    await renderPdf(page('<p>before</p>'), optionsFor(pool));
    const before = pool.pid;
    killBrowserOf(pool);
    const { bytes, attempts } = await renderPdf(page('<p>after</p>'), optionsFor(pool));
    expect(attempts).toBe(1);
    expect(pool.pid).not.toBe(before);
    expect(squash((await inspectPdf(bytes)).pageTexts.join(' '))).toContain('after');
  });

  describe('with a local web server the page must not reach', () => {
    let server: Server;
    let origin: string;
    let requests = 0;
    let connections = 0;
    beforeAll(async () => {
      server = createServer((_request, response) => {
        requests += 1;
        response.end('not for you');
      });
      server.on('connection', () => {
        connections += 1;
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await new Promise((resolve) => server.close(resolve));
    });

    it('fails with BlockedRequest on an http image, and the server sees no request', async () => {
      const error = await rejectionOf(renderPdf(page(`<p>chart</p><img src="${origin}/x.png">`), optionsFor(pool)));
      expect(error.code).toBe('BlockedRequest');
      expect(error.message).toContain(`${origin}/x.png`);
      expect(requests).toBe(0);
    });

    it('fails with BlockedRequest on a remote font, stylesheet or preconnect, and the server sees no connection', async () => {
      const html = `<html><head><link rel="preconnect" href="${origin}"><link rel="stylesheet" href="${origin}/style.css">
<style>@font-face { font-family: Remote; src: url(${origin}/font.woff2) } body { font-family: Remote }</style></head><body>x</body></html>`;
      const error = await rejectionOf(renderPdf(html, optionsFor(pool)));
      expect(error.code).toBe('BlockedRequest');
      expect(error.message).toContain(origin);
      expect(requests).toBe(0);
      expect(connections).toBe(0);
    });

    it('fails with BlockedRequest on a resource only print media asks for', async () => {
      const html = page(`<style>@media print { body { background-image: url(${origin}/print-only.png) } }</style><p>x</p>`);
      const error = await rejectionOf(renderPdf(html, optionsFor(pool)));
      expect(error.code).toBe('BlockedRequest');
      expect(error.message).toContain(`${origin}/print-only.png`);
      expect(requests).toBe(0);
    });

    it('fails with BlockedRequest on a file: URL', async () => {
      const error = await rejectionOf(renderPdf(page('<p>x</p><img src="file:///etc/passwd">'), optionsFor(pool)));
      expect(error.code).toBe('BlockedRequest');
      expect(error.kind).toBe('user');
      expect(error.message).toContain('file:///etc/passwd');
    });
  });

  it('fails with ResourceFailed on an inlined image that does not decode, rather than printing a hole', async () => {
    const error = await rejectionOf(renderPdf(page('<p>logo</p><img src="data:image/png;base64,AAAA">'), optionsFor(pool)));
    expect(error.code).toBe('ResourceFailed');
    expect(error.message).toContain('data:image/png;base64,AAAA');
  });

  it('fails with ResourceFailed on a data: URL Chromium cannot parse', async () => {
    const error = await rejectionOf(renderPdf(page('<p>x</p><link rel="stylesheet" href="data:text/css;base64,%%%">'), optionsFor(pool)));
    expect(error.code).toBe('ResourceFailed');
    expect(error.message).toContain('ERR_INVALID_URL');
  });

  it('prints inlined images that decode', async () => {
    const pixel = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
    const { pageCount } = await renderPdf(page(`<p>logo</p><img src="${pixel}" width="20" height="20">`), optionsFor(pool));
    expect(pageCount).toBe(1);
  });
});

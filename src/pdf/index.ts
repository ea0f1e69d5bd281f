/**
 * The PDF printer: self-contained HTML in, PDF bytes out, with headless Chromium that loads nothing from
 * outside the page. What the rest of the program uses:
 *   createBrowserPool()  one Chromium per process; close() it when the job ends
 *   renderPdf(html, …)   print one report (deadline, retry on crash, metadata)
 *   fontFaceCss(…), embedFonts(html), FONT_STACK   the shipped fonts, inlined
 *   findBrowser()        which Chromium would be used (for `tradebrief doctor`-style checks)
 */
export { CHROMIUM_ARGS, BrowserPool, createBrowserPool, type BrowserPoolOptions, type LeasedBrowser } from './browser-pool.js';
export { embedFonts } from './embed-fonts.js';
export { findBrowser, type FindBrowserOptions } from './find-browser.js';
export { DEFAULT_WEIGHTS, FONT_STACK, fontFaceCss, type FontFaceOptions } from './fonts.js';
export { escapeHtml, pageTemplates, type PageTemplateText } from './page-templates.js';
export { renderPdf, type PrintFunction, type RenderedPdf, type RenderPdfOptions } from './render-pdf.js';
export { setPdfMetadata, type PdfMetadata } from './set-pdf-metadata.js';

/**
 * Chromium's running header and footer. They are separate little documents that Chromium fills in on each page
 * (`pageNumber`, `totalPages` classes); they cannot load anything either, so the shipped fonts are inlined here
 * too, limited to the characters the header and footer show.
 */
import { FONT_STACK, fontFaceCss } from './fonts.js';

export interface PageTemplateText {
  /** Report title, plain text (escaped here), e.g. "Xinjiang exports to the United States". */
  title: string;
  /** The month as the reader sees it, plain text, e.g. "August 2022". */
  month: string;
  /** Edition label, plain text, e.g. "Edition 2 (corrected)". Empty for none. */
  edition: string;
}

/**
 * Escapes text for HTML content and attribute values (the same characters Handlebars escapes).
 * @example escapeHtml('<b>"A&B"</b>') // '&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`=]/g, (character) => HTML_ESCAPES[character] ?? character);
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
  '`': '&#x60;',
  '=': '&#x3D;',
};

/**
 * The header ("title · month") and footer ("Page x of y · edition") templates for page.pdf().
 * @example pageTemplates({ title: 'Xinjiang → US', month: 'August 2022', edition: 'Edition 1' }).footerTemplate
 *   // '<style>…</style><div …>Page <span class="pageNumber"></span> of <span class="totalPages"></span> · Edition 1</div>'
 */
export function pageTemplates(text: PageTemplateText): { headerTemplate: string; footerTemplate: string } {
  const shown = `${text.title} ${text.month} ${text.edition} Page of 0123456789 ·`;
  // Chromium prints header and footer at a tiny default size and without the page's margins: set both.
  const style = `<style>${fontFaceCss({ text: shown, weights: [400] })}
.tb-running{font-family:${FONT_STACK};font-size:8pt;color:#555;width:100%;margin:0 15mm;display:flex;justify-content:space-between}</style>`;
  const headerTemplate = `${style}<div class="tb-running"><span class="tb-title">${escapeHtml(text.title)}</span><span class="tb-month">${escapeHtml(text.month)}</span></div>`;
  const edition = text.edition === '' ? '' : `<span class="tb-edition">${escapeHtml(text.edition)}</span>`;
  const footerTemplate = `${style}<div class="tb-running"><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span>${edition}</div>`;
  return { headerTemplate, footerTemplate };
}

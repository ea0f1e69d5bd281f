/**
 * Puts the shipped fonts into a finished HTML page, for templates that do not build their own @font-face rules:
 * the page's own characters decide which font files are inlined (see fonts.ts).
 */
import { fontFaceCss, type FontFaceOptions } from './fonts.js';

/**
 * Returns `html` with a `<style id="tradebrief-fonts">` holding the @font-face rules for every character in it,
 * placed first in <head> so the page's own CSS can still say which family to use (FONT_STACK).
 * @example embedFonts('<html><head><title>x</title></head><body>新疆</body></html>')
 *   // '<html><head><style id="tradebrief-fonts">@font-face{font-family:\'Noto Sans SC\'…}</style><title>x</title>…'
 */
export function embedFonts(html: string, options: Omit<FontFaceOptions, 'text'> = {}): string {
  // Markup, CSS and base64 are ASCII, which the Latin font covers anyway: the whole page is a fine superset.
  const style = `<style id="tradebrief-fonts">${fontFaceCss({ ...options, text: html })}</style>`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head !== null) return html.slice(0, head.index + head[0].length) + style + html.slice(head.index + head[0].length);
  return style + html;
}

/**
 * The CSS that goes into the page's <style> is not escaped (escaping would break it), so it is checked instead:
 * it must not close the <style> element, import anything, or point url() at anything but an inline data: URL or
 * a #fragment. The printer blocks every other request anyway (RELIABILITY.md B4); this makes a bad font CSS fail
 * here, with a clear message, instead of as a BlockedRequest inside Chromium.
 */
import { TradebriefError } from '../errors.js';

/**
 * @example assertInlineCss("@font-face{src:url(data:font/woff2;base64,AAAA)}", 'fonts') // returns the CSS
 * @throws TradebriefError UnsafeCss (kind permanent) naming the CSS and the problem
 */
export function assertInlineCss(css: string, what: string): string {
  const refuse = (problem: string): never => {
    throw new TradebriefError('UnsafeCss', 'permanent', `${what} CSS cannot be inlined: ${problem}`);
  };
  if (/<\/?\s*(style|script)/i.test(css) || css.includes('<!--')) refuse('it contains markup');
  if (/@import/i.test(css)) refuse('it uses @import');
  if (/expression\s*\(|javascript:/i.test(css)) refuse('it contains script');
  for (const match of css.matchAll(/url\(\s*(['"]?)([^'")]*)/gi)) {
    const target = (match[2] ?? '').trim();
    if (!/^data:/i.test(target) && !target.startsWith('#')) refuse(`url(${target.slice(0, 60)}) is not an inline data: URL`);
  }
  return css;
}

/**
 * A URL fit for an href: http(s) and mailto links and same-document "#fragments" pass, anything else (javascript:,
 * data:, vbscript:, file:, relative paths that would resolve against the renderer's about:blank) becomes "#".
 * Escaping alone does not make `href="{{url}}"` safe (RELIABILITY.md B4), so every href from data goes through here.
 * Browsers ignore tabs, newlines and leading control characters inside a scheme ("java\tscript:"), so those are
 * removed before the scheme is read.
 * @example safeUrl('https://stats.customs.gov.cn/') // "https://stats.customs.gov.cn/"
 * @example safeUrl('javascript:alert(1)') // "#"
 */
export function safeUrl(url: unknown): string {
  if (typeof url !== 'string') return '#';
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/[\u0000-\u0020\u007F-\u009F]/g, '');
  if (cleaned.startsWith('#')) return url.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https') return /^https?:\/\/[^/]/i.test(cleaned) ? url.trim() : '#';
  if (scheme === 'mailto') return url.trim();
  return '#';
}

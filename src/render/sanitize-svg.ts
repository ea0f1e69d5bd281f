/**
 * Makes a chart's SVG safe to paste into the page unescaped (the one triple-stash in the templates).
 * The SVG comes from our own renderer (src/charts), but its text carries data (partner and product names), so
 * it is checked anyway, as a second wall behind vega's own escaping:
 *   - only SVG drawing elements are allowed (no <script>, <foreignObject>, <iframe>, <set>/<animate>, and no
 *     HTML element that would close the <svg> and continue in the page);
 *   - no event-handler attributes (on*), no link or source that leaves the document (href/src other than
 *     "#fragment"), no CSS url() other than url(#…), no @import, no DOCTYPE/ENTITY/CDATA;
 * and anything else fails the render (UnsafeChart): a chart is never silently dropped or half-cleaned.
 * Namespace declarations (xmlns, xmlns:xlink) are dropped: the HTML parser does not need them.
 * Then ids are prefixed with the chart id, because several SVGs share one HTML document and vega numbers its
 * clip paths from 1 in each: without the prefix, one chart would clip to another chart's rectangle.
 */
import { TradebriefError } from '../errors.js';

// Lower-cased; the HTML parser lower-cases SVG element names before matching them anyway.
const ALLOWED_ELEMENTS = new Set([
  'svg', 'g', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'tspan', 'textpath',
  'defs', 'clippath', 'mask', 'pattern', 'marker', 'symbol', 'use', 'lineargradient', 'radialgradient', 'stop',
  'title', 'desc', 'style', 'image', 'metadata',
]);

/**
 * Attributes whose value is CSS or may hold a CSS url(): only these are read for url(), @import and script.
 * Others (aria-label, class …) are inert text and may carry data such as a partner called "javascript:x".
 */
const CSS_ATTRIBUTES = new Set([
  'style', 'fill', 'stroke', 'clip-path', 'mask', 'filter', 'marker-start', 'marker-mid', 'marker-end', 'cursor',
]);

/** Attributes whose value the browser follows as a URL. */
const URL_ATTRIBUTES = new Set(['href', 'xlink:href', 'src', 'action', 'formaction', 'srcset', 'poster', 'background']);

// A start or end tag; attribute values may hold ">" inside quotes.
const TAG = /<(\/?)([a-zA-Z][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTRIBUTE = /(\s*)([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function unsafe(chartId: string, what: string): TradebriefError {
  return new TradebriefError('UnsafeChart', 'permanent', `chart "${chartId}": refused to insert its SVG: ${what}`, {
    hint: 'The chart renderer produced markup that could run code or load a resource; this is a bug in src/charts.',
  });
}

/** True for a CSS text that only references the document itself. */
function cssIsLocal(css: string): boolean {
  if (/@import|expression\s*\(|javascript:/i.test(css)) return false;
  for (const match of css.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)/gi)) {
    if (!(match[2] ?? '').startsWith('#')) return false;
  }
  return true;
}

/**
 * Checks an SVG string and returns it with its ids scoped to the chart.
 * @example sanitizeSvg('<svg><defs><clipPath id="clip1"/></defs><g clip-path="url(#clip1)"/></svg>', 'trend')
 *   // '<svg><defs><clipPath id="trend-clip1"/></defs><g clip-path="url(#trend-clip1)"/></svg>'
 * @throws TradebriefError UnsafeChart (kind permanent) naming the chart and what was found
 */
export function sanitizeSvg(svg: string, chartId: string): string {
  const body = svg.trim().replace(/^<\?xml[^>]*\?>\s*/, '');
  if (!/^<svg[\s>]/i.test(body) || !/<\/svg>$/i.test(body)) throw unsafe(chartId, 'it is not a single <svg> element');
  if (/<!(?!--)|<\?/.test(body)) throw unsafe(chartId, 'it contains a DOCTYPE, ENTITY, CDATA or processing instruction');

  const prefix = `${chartId.replace(/[^A-Za-z0-9_-]/g, '_')}-`;
  const ids = new Set<string>();
  for (const match of body.matchAll(/\sid\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) ids.add(match[1] ?? match[2] ?? '');

  const scoped = (reference: string): string => (ids.has(reference) ? `${prefix}${reference}` : reference);
  const scopeUrls = (value: string): string =>
    value.replace(/url\(\s*(['"]?)#([^'")]*)\1\s*\)/g, (_all, quote: string, ref: string) => `url(${quote}#${scoped(ref)}${quote})`);

  const checked = body.replace(TAG, (_tag, slash: string, rawName: string, attributeText: string) => {
    const name = rawName.toLowerCase();
    if (!ALLOWED_ELEMENTS.has(name)) throw unsafe(chartId, `element <${rawName}> is not allowed`);
    if (slash) return `</${rawName}>`;
    const rewritten = attributeText.replace(
      ATTRIBUTE,
      (whole, space: string, rawAttribute: string, double?: string, single?: string, bare?: string) => {
        const attribute = rawAttribute.toLowerCase();
        const value = double ?? single ?? bare;
        if (attribute.startsWith('on')) throw unsafe(chartId, `event handler attribute ${rawAttribute} on <${rawName}>`);
        // Namespace declarations mean nothing to the HTML parser (it knows svg and xlink:href by itself); dropping
        // them leaves no "http://" in the page at all, which makes "no external URL" a one-line check.
        if (attribute === 'xmlns' || attribute.startsWith('xmlns:')) return '';
        if (value === undefined) return whole;
        if (URL_ATTRIBUTES.has(attribute)) {
          if (!value.trim().startsWith('#')) throw unsafe(chartId, `${rawAttribute}="${value}" leaves the document`);
          return `${space}${rawAttribute}="#${scoped(value.trim().slice(1))}"`;
        }
        if (CSS_ATTRIBUTES.has(attribute) && !cssIsLocal(value)) {
          throw unsafe(chartId, `${rawAttribute} on <${rawName}> references something outside the document`);
        }
        const quote = double !== undefined ? '"' : single !== undefined ? "'" : '"';
        if (attribute === 'id') return `${space}${rawAttribute}=${quote}${scoped(value)}${quote}`;
        return `${space}${rawAttribute}=${quote}${scopeUrls(value)}${quote}`;
      },
    );
    return `<${rawName}${rewritten}>`;
  });

  for (const match of checked.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)) {
    if (!cssIsLocal(match[1] ?? '')) throw unsafe(chartId, 'its <style> loads something outside the document');
  }
  return checked.replace(/(<style[^>]*>)([\s\S]*?)(<\/style>)/gi, (_all, open: string, css: string, close: string) => open + scopeUrls(css) + close);
}

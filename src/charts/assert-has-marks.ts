/**
 * The guard that keeps an empty chart out of a PDF: count the data marks in a rendered SVG and fail when a chart
 * drew none. Vega's SVG renderer writes each mark set as `<g class="mark-<type> role-mark …">` holding one element
 * per item; axes, legends and titles use other roles (role-axis-…, role-legend-…), so they never count.
 */
import { TradebriefError } from '../errors.js';

const MARK_GROUP = /<g class="mark-([a-z]+) role-mark([^"]*)"[^>]*>([\s\S]*?)<\/g>/g;
/** Label halos (a white copy under a label, named "…_halo") repeat a label: they are not marks of their own. */
const HALO = /_halo_marks\b/;
const ITEM = /<(path|text|line|rect|circle|image)\b([^>]*)>([^<]*)/g;

/** An item that draws nothing: a path with no geometry (a line whose points were all missing) or an empty text. */
function isBlank(tag: string, attributes: string, content: string): boolean {
  if (tag === 'path') return !/\sd="[^"]+"/.test(attributes);
  if (tag === 'text') return content.trim() === '' && !/<tspan/.test(content);
  return false;
}

/**
 * Drawn items per mark type ("rect" for bars, "symbol" for points, "line", "text", …).
 * @example countMarks(svg) // { rect: 15, text: 15 }
 */
export function countMarks(svg: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const group of svg.matchAll(MARK_GROUP)) {
    const [, type = 'unknown', names = '', body = ''] = group;
    if (HALO.test(names)) continue;
    for (const item of body.matchAll(ITEM)) {
      const [, tag = '', attributes = '', content = ''] = item;
      if (isBlank(tag, attributes, content)) continue;
      counts[type] = (counts[type] ?? 0) + 1;
    }
  }
  return counts;
}

/**
 * Throws unless the chart drew at least one graphical mark (labels alone do not make a chart).
 * Returns the number of graphical marks.
 * @example assertHasMarks(svg, 'partners') // 15
 * @throws TradebriefError code "EmptyChart", kind permanent
 */
export function assertHasMarks(svg: string, chartId: string): number {
  const counts = countMarks(svg);
  const graphical = Object.entries(counts)
    .filter(([type]) => type !== 'text')
    .reduce((sum, [, count]) => sum + count, 0);
  if (graphical === 0) {
    throw new TradebriefError('EmptyChart', 'permanent', `chart "${chartId}" rendered no marks`, {
      hint: 'The chart would print empty: check the stats it is drawn from; the report was not built.',
    });
  }
  return graphical;
}

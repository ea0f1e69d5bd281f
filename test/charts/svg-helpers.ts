/** Reading rendered chart SVGs in tests: the items of one mark type, their fills, the texts they print. */

/** The opening tags (with attributes) and text content of every item in `<g class="mark-<type> role-mark">` groups. */
export function markItems(svg: string, type: string): { tag: string; content: string }[] {
  const items: { tag: string; content: string }[] = [];
  const groups = new RegExp(`<g class="mark-${type} role-mark([^"]*)"[^>]*>([\\s\\S]*?)</g>`, 'g');
  for (const group of svg.matchAll(groups)) {
    // A label's white halo repeats the label.
    if ((group[1] ?? '').includes('_halo_')) continue;
    for (const item of (group[2] ?? '').matchAll(/(<(?:path|text|line)\b[^>]*>)([^<]*)/g)) items.push({ tag: item[1] ?? '', content: item[2] ?? '' });
  }
  return items;
}

export function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

/** Every text a chart prints in its marks (not its axes). */
export function markTexts(svg: string): string[] {
  return markItems(svg, 'text').map((item) => item.content);
}

/** The labels of each axis, one array per axis, in order. */
export function axisLabels(svg: string): string[][] {
  const axes: string[][] = [];
  for (const group of svg.matchAll(/<g class="mark-text role-axis-label"[^>]*>([\s\S]*?)<\/g>/g)) {
    axes.push([...(group[1] ?? '').matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((text) => (text[1] ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim()));
  }
  return axes;
}

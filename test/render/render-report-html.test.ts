import { describe, expect, it } from 'vitest';

import { renderReportHtml } from '../../src/render/render-report-html.js';
import type { PartnerStats } from '../../src/stats/types.js';
import { tinyChart, tinyInput, tinyStats } from './fixtures.js';

const NNBSP = '\u202F';

/** Handlebars' escaping, to find a data string as the page must carry it. */
function escaped(text: string): string {
  const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;', '`': '&#x60;', '=': '&#x3D;' };
  return text.replace(/[&<>"'`=]/g, (char) => entities[char] ?? char);
}

/** Every URL the page would follow: src/href/srcset/xlink:href/action attributes and CSS url(). */
function referencedUrls(html: string): string[] {
  const attributes = [...html.matchAll(/\s(?:src|href|xlink:href|srcset|action|poster|data)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map(
    (m) => m[1] ?? m[2] ?? m[3] ?? '',
  );
  const cssUrls = [...html.matchAll(/url\(\s*['"]?([^'")]*)/gi)].map((m) => m[1] ?? '');
  return [...attributes, ...cssUrls];
}

const hostileNames = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '{{constructor}}',
  "{{#with this}}{{lookup . 'constructor'}}{{/with}}",
  'javascript:alert(1)',
];

function hostilePartners(): PartnerStats[] {
  return hostileNames.map((name, index) => ({
    code: String(600 + index), iso2: null, name, valueUsd: 100 - index, sharePct: 1, rank: index + 1, prevRank: null,
    prevMonthValueUsd: null, yearAgoValueUsd: null, yoyPct: null,
  }));
}

describe('renderReportHtml()', () => {
  it('renders one complete HTML document with the title, region and month', () => {
    const html = renderReportHtml(tinyInput());
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).toContain('<h1>Xinjiang exports to the United States</h1>');
    expect(html).toContain('August 2022');
    expect(html).toContain('Xinjiang');
  });

  it('states every narrative sentence, in order', () => {
    const input = tinyInput();
    const html = renderReportHtml(input);
    const summary = html.slice(html.indexOf('id="summary"'));
    let from = 0;
    for (const sentence of input.stats.narrative) {
      const at = summary.indexOf(escaped(sentence.text), from);
      expect(at, sentence.id).toBeGreaterThanOrEqual(from);
      from = at + 1;
    }
  });

  it('shows every headline figure on the cover', () => {
    const html = renderReportHtml(tinyInput());
    const cover = html.slice(html.indexOf('<header class="cover"'), html.indexOf('</header>'));
    for (const figure of ['US$56.8 million', `+592.8${NNBSP}%`, `+127.0${NNBSP}%`, '5th', 'up from 12th', 'highest in 10 months', 'October 2021', 'August 2021', 'July 2022']) {
      expect(cover, figure).toContain(figure);
    }
    // The lead: the first narrative sentences, on the cover too.
    expect(cover).toContain('the most in 10 months.');
  });

  it('draws the tables from the stats', () => {
    const html = renderReportHtml(tinyInput());
    expect(html).toMatch(/<tr class="focus">\s*<td class="num">5<\/td>\s*<th scope="row">United States/);
    expect(html).toContain('7,912,306 pairs');
    expect(html).toContain('last higher in Oct 2020');
    expect(html).toContain('950510');
    expect(html).toContain('Christmas goods');
    expect(html).toContain('45 items');
    expect(html).toContain('US$3,786');
    expect(html).toContain(`\u22123.8${NNBSP}%`);
    expect(html).toContain('ab'.repeat(32));
    expect(html).toContain('1,834');
  });

  it('shows the synthetic-data notice, on the cover and in the notes, exactly when the data are the sample', () => {
    const real = renderReportHtml(tinyInput());
    expect(real).not.toContain('SYNTHETIC DATA');
    const input = tinyInput();
    const sample = renderReportHtml({ ...input, provenance: { ...input.provenance, isSample: true } });
    expect(sample.match(/SYNTHETIC DATA/g)).toHaveLength(2);
    const cover = sample.slice(0, sample.indexOf('</header>'));
    expect(cover).toContain('SYNTHETIC DATA');
    expect(cover).toContain('synthetic sample shipped with tradebrief');
  });

  it('prints hostile data as inert text', () => {
    const stats = tinyStats({ partners: hostilePartners() });
    stats.narrative = [{ id: 'headline-x', text: '<script>alert(2)</script> "><img src=x onerror=alert(3)>', uses: [] }];
    stats.region = { code: '65', name: '<b onmouseover=alert(4)>X</b>' };
    const html = renderReportHtml(tinyInput({ stats, contactUrl: 'javascript:alert(5)' }));

    for (const name of hostileNames) expect(html).toContain(escaped(name));
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<b onmouseover/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    // {{constructor}} in data stays text: data are never compiled as a template.
    expect(html).toContain('{{constructor}}');
    expect(html).not.toMatch(/function Object|\[native code\]/);
    expect(html).toContain(`<a href="#">${escaped('javascript:alert(5)')}</a>`);
  });

  it('refuses a chart whose SVG carries a script, rather than inserting it', () => {
    const bad = tinyChart('trend', { svg: '<svg><g onload="alert(1)"/></svg>' });
    expect(() => renderReportHtml(tinyInput({ charts: [bad] }))).toThrow(expect.objectContaining({ code: 'UnsafeChart' }));
  });

  it('refuses fonts CSS that would load from the network', () => {
    expect(() => renderReportHtml(tinyInput({ fontsCss: "@font-face{src:url(https://fonts.example/a.woff2)}" }))).toThrow(
      expect.objectContaining({ code: 'UnsafeCss' }),
    );
  });

  it('references no external URL anywhere, and runs no script', () => {
    const html = renderReportHtml(tinyInput({ contactUrl: 'mailto:desk@example.org' }));
    const urls = referencedUrls(html);
    expect(urls.length).toBeGreaterThan(0); // the check sees the fonts' data: URL and the chart's url(#…)
    for (const url of urls) {
      expect(url, url).not.toMatch(/^\s*(https?:|\/\/|file:|ftp:)/i);
      expect(url, url).toMatch(/^(data:|#|mailto:)/);
    }
    expect(html).not.toMatch(/<script|<iframe|<object|<embed|<link\s|@import/i);
    // Stronger still: no absolute URL of any kind anywhere in the page, text included.
    expect(html).not.toMatch(/https?:\/\/|file:\/\//i);
    expect(html).toContain('Content-Security-Policy');
  });

  it('inserts each chart once, with its title and alt text', () => {
    const html = renderReportHtml(tinyInput());
    for (const id of ['trend', 'partners', 'categories', 'products']) {
      expect(html.match(new RegExp(`id="chart-${id}"`, 'g'))).toHaveLength(1);
      expect(html).toContain(`aria-label="The ${id} chart."`);
      expect(html).toContain(`id="${id}-clip1"`);
    }
  });

  it('gives the same bytes for the same input', () => {
    expect(renderReportHtml(tinyInput())).toBe(renderReportHtml(tinyInput()));
  });

  it('changes with the edition and generation time, which come in with the input', () => {
    const input = tinyInput();
    const later = renderReportHtml({ ...input, provenance: { ...input.provenance, generatedAt: '2022-10-01T00:00:00Z' } });
    expect(later).toContain('2022-10-01T00:00:00Z');
    expect(later).not.toBe(renderReportHtml(input));
  });

  it('shows the corrected-edition box only for a corrected edition', () => {
    expect(renderReportHtml(tinyInput())).not.toContain('id="corrections"');
    const input = tinyInput();
    const html = renderReportHtml({
      ...input,
      provenance: { ...input.provenance, edition: 2 },
      changes: [{ field: 'Exports to the US, August 2022', before: 'US$56.8 million', after: 'US$57.1 million', sentenceAfter: 'Xinjiang entities exported US$57.1 million …' }],
    });
    expect(html).toContain('<h2>Corrected edition</h2>');
    expect(html).toContain('This is edition 2 of this report.');
    expect(html).toContain('<del>US$56.8 million</del>');
    expect(html).toContain('<ins>US$57.1 million</ins>');
    expect(html.indexOf('Corrected edition')).toBeLessThan(html.indexOf('id="summary"'));
  });

  it('uses h1 for the title, h2 for sections and h3 within them, so the PDF outline is right', () => {
    const html = renderReportHtml(tinyInput());
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
    const h2 = [...html.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1]);
    expect(h2).toEqual(['Summary', 'Monthly trend', 'Trading partners', 'Product categories', 'Top products', 'E-commerce and national context', 'Methodology and data notes', 'Provenance']);
    expect(html.indexOf('<h3>')).toBeGreaterThan(html.indexOf('Methodology and data notes'));
  });

  it('writes a Chinese report from the same templates', () => {
    const html = renderReportHtml(tinyInput({ locale: 'zh' }));
    expect(html).toContain('<html lang="zh-Hans">');
    expect(html).toContain('2022年8月');
    expect(html).toContain('第5位');
    expect(html).toContain('5680.3万美元');
    expect(html).toContain('<h2>方法与数据说明</h2>');
  });

  it('says how far back the record goes when the month is the highest on record', () => {
    const stats = tinyStats();
    const html = renderReportHtml(tinyInput({ stats: { ...stats, headline: { ...stats.headline, highestInMonths: 33, highestSince: null } } }));
    const cover = html.slice(0, html.indexOf('</header>'));
    expect(cover).toContain('highest on record');
    expect(cover).toContain('in data back to January 2020');
  });

  it('renders a month with no focus-partner trade without inventing figures', () => {
    const stats = tinyStats();
    const empty = tinyStats({
      focusPartner: { ...stats.focusPartner, rank: null, prevRank: 12, sharePct: null },
      headline: { ...stats.headline, valueUsd: null, momPct: null, yoyPct: null, highestInMonths: null, highestSince: null },
      partners: stats.partners.filter((p) => p.code !== '502'),
      narrative: [],
    });
    const html = renderReportHtml(tinyInput({ stats: empty }));
    const cover = html.slice(0, html.indexOf('</header>'));
    expect(cover).toContain('<dd class="big">–</dd>');
    expect(cover).not.toContain('highest in');
    expect(cover).not.toContain('class="lead"');
  });
});

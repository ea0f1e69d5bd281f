import { describe, expect, it } from 'vitest';

import { sanitizeSvg } from '../../src/render/sanitize-svg.js';
import { tinyChart } from './fixtures.js';

const wrap = (inner: string): string => `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">${inner}</svg>`;

describe('sanitizeSvg()', () => {
  it('keeps a vega-like chart and scopes its ids to the chart', () => {
    const out = sanitizeSvg(tinyChart('trend').svg, 'trend');
    expect(out).toContain('<clipPath id="trend-clip1">');
    expect(out).toContain('clip-path="url(#trend-clip1)"');
    expect(out).toContain('<rect class="mark-rect"');
    expect(out).not.toMatch(/"clip1"|#clip1\)/);
  });

  it('gives two charts with the same vega ids different ids', () => {
    const a = sanitizeSvg(tinyChart('a').svg, 'a');
    const b = sanitizeSvg(tinyChart('b').svg, 'b');
    expect(a).toContain('id="a-clip1"');
    expect(b).toContain('id="b-clip1"');
  });

  it('rewrites internal href references and leaves ids it did not define alone', () => {
    const out = sanitizeSvg(wrap('<defs><path id="p1" d="M0 0"/></defs><use href="#p1"/><use xlink:href="#p1"/><g clip-path="url(#other)"/>'), 'c');
    expect(out).toContain('href="#c-p1"');
    expect(out).toContain('xlink:href="#c-p1"');
    expect(out).toContain('url(#other)');
  });

  it('drops namespace declarations, which HTML does not need', () => {
    const out = sanitizeSvg('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="1"><use xlink:href="#a"/></svg>', 'c');
    expect(out).toBe('<svg width="1"><use xlink:href="#a"/></svg>');
  });

  it('drops an XML prolog', () => {
    expect(sanitizeSvg(`<?xml version="1.0"?>\n${wrap('<g/>')}`, 'c')).toMatch(/^<svg /);
  });

  it('lets hostile data through as inert text in labels that are not links or CSS', () => {
    const label = 'name: javascript:alert(1) url(http://evil.example/) &lt;script&gt;';
    expect(sanitizeSvg(wrap(`<path aria-label="${label}" class="mark-rect"/>`), 'c')).toContain(`aria-label="${label}"`);
  });

  it('keeps escaped hostile text inert and intact', () => {
    const text = '&lt;script&gt;alert(1)&lt;/script&gt; javascript:alert(1) onload=x';
    expect(sanitizeSvg(wrap(`<text>${text}</text>`), 'c')).toContain(text);
  });

  it.each([
    ['a <script> element', '<script>alert(1)</script>'],
    ['an upper-case <SCRIPT>', '<SCRIPT>alert(1)</SCRIPT>'],
    ['an event handler', '<rect onload="alert(1)"/>'],
    ['an unquoted event handler', '<rect width=1 onclick=alert(1)>'],
    ['an upper-case event handler', '<rect ONMOUSEOVER="alert(1)"/>'],
    ['an external href', '<image href="http://169.254.169.254/x.png"/>'],
    ['an external xlink:href', '<use xlink:href="https://evil.example/s.svg#a"/>'],
    ['a protocol-relative href', '<image href="//evil.example/x.png"/>'],
    ['a file: href', '<image href="file:///etc/passwd"/>'],
    ['a javascript: link', '<a href="javascript:alert(1)"><text>x</text></a>'],
    ['a data: image', '<image href="data:image/svg+xml;base64,PHN2Zz4="/>'],
    ['a foreignObject', '<foreignObject><div>x</div></foreignObject>'],
    ['an iframe', '<iframe src="about:blank"></iframe>'],
    ['an <set> that turns a link into script', '<set attributeName="href" to="javascript:alert(1)"/>'],
    ['a CSS url() to the network', '<rect style="fill: url(http://evil.example/x)"/>'],
    ['a fill url() to the network', '<rect fill="url(https://evil.example/#g)"/>'],
    ['a <style> that imports', '<style>@import "http://evil.example/x.css";</style>'],
    ['a CDATA section', '<text><![CDATA[x]]></text>'],
  ])('refuses %s', (_what, inner) => {
    expect(() => sanitizeSvg(wrap(inner), 'trend')).toThrow(expect.objectContaining({ code: 'UnsafeChart' }));
  });

  it('refuses markup that leaves the <svg> to continue in the page', () => {
    expect(() => sanitizeSvg(`${wrap('<g/>')}<img src=x onerror=alert(1)>${wrap('<g/>')}`, 'c')).toThrow(/not allowed|event handler/);
    expect(() => sanitizeSvg('<div>no svg</div>', 'c')).toThrow(/single <svg>/);
    expect(() => sanitizeSvg('<!DOCTYPE svg [<!ENTITY x "y">]><svg></svg>', 'c')).toThrow(/single <svg>|DOCTYPE/);
  });

  it('names the chart in its error', () => {
    expect(() => sanitizeSvg(wrap('<script/>'), 'partners')).toThrow(/chart "partners"/);
  });
});

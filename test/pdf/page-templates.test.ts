import { describe, expect, it } from 'vitest';

import { escapeHtml, pageTemplates } from '../../src/pdf/page-templates.js';

describe('escapeHtml()', () => {
  it('escapes the characters Handlebars escapes', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&\`=</a>`)).toBe('&lt;a href&#x3D;&quot;x&quot; onclick&#x3D;&#x27;y&#x27;&gt;&amp;&#x60;&#x3D;&lt;/a&gt;');
  });

  it('leaves Chinese and plain text alone', () => {
    expect(escapeHtml('新疆 exports, August 2022')).toBe('新疆 exports, August 2022');
  });
});

describe('pageTemplates()', () => {
  const templates = pageTemplates({ title: '<script>alert(1)</script>', month: 'August 2022', edition: 'Edition 2 (corrected)' });

  it('puts the escaped title and the month in the header', () => {
    expect(templates.headerTemplate).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(templates.headerTemplate).not.toContain('<script>');
    expect(templates.headerTemplate).toContain('August 2022');
  });

  it("numbers pages with Chromium's pageNumber and totalPages and names the edition", () => {
    expect(templates.footerTemplate).toContain('Page <span class="pageNumber"></span> of <span class="totalPages"></span>');
    expect(templates.footerTemplate).toContain('Edition 2 (corrected)');
  });

  it('inlines the shipped font for the header and footer text', () => {
    expect(templates.footerTemplate).toContain("font-family:'Noto Sans'");
    expect(templates.footerTemplate).toContain('data:font/woff2;base64,');
  });
});

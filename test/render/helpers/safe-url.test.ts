import { describe, expect, it } from 'vitest';

import { safeUrl } from '../../../src/render/helpers/safe-url.js';

describe('safeUrl()', () => {
  it.each([
    'https://stats.customs.gov.cn/',
    'http://comtradeplus.un.org/data',
    'mailto:desk@example.org',
    'MAILTO:Desk@Example.org',
    '#methodology',
  ])('lets %s through', (url) => {
    expect(safeUrl(url)).toBe(url);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0001javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example/x',
    '/etc/passwd',
    'http:/evil',
    '',
  ])('replaces %j with "#"', (url) => {
    expect(safeUrl(url)).toBe('#');
  });

  it('replaces what is not a string', () => {
    expect(safeUrl(undefined)).toBe('#');
    expect(safeUrl({ toString: () => 'https://x' })).toBe('#');
  });
});

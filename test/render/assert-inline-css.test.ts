import { describe, expect, it } from 'vitest';

import { assertInlineCss } from '../../src/render/assert-inline-css.js';

describe('assertInlineCss()', () => {
  it('accepts @font-face rules with data: URLs and fragment references', () => {
    const css = "@font-face{font-family:'Noto Sans';src:url(data:font/woff2;base64,AAAA) format('woff2')} .x{fill:url(#g)}";
    expect(assertInlineCss(css, 'fonts')).toBe(css);
  });

  it.each([
    ['a remote font', "@font-face{src:url('https://fonts.example/a.woff2')}"],
    ['a protocol-relative url', '.x{background:url(//evil.example/a.png)}'],
    ['a file url', '.x{background:url("file:///etc/passwd")}'],
    ['an @import', '@import "x.css";'],
    ['a closing style tag', '.x{} </style><script>alert(1)</script>'],
    ['a script url', '.x{background:url(javascript:alert(1))}'],
  ])('refuses %s', (_what, css) => {
    expect(() => assertInlineCss(css, 'fonts')).toThrow(expect.objectContaining({ code: 'UnsafeCss' }));
  });
});

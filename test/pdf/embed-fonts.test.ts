import { describe, expect, it } from 'vitest';

import { embedFonts } from '../../src/pdf/embed-fonts.js';

describe('embedFonts()', () => {
  it('puts the font rules first in <head>', () => {
    const html = embedFonts('<html><head lang="en"><title>x</title></head><body>Exports</body></html>');
    expect(html).toMatch(/^<html><head lang="en"><style id="tradebrief-fonts">@font-face\{font-family:'Noto Sans'/);
    expect(html).toMatch(/<\/style><title>x<\/title><\/head><body>Exports<\/body><\/html>$/);
  });

  it('adds Noto Sans SC only when the page has Chinese text', () => {
    expect(embedFonts('<head></head><body>Exports</body>')).not.toContain("'Noto Sans SC'");
    expect(embedFonts('<head></head><body>新疆</body>')).toContain("'Noto Sans SC'");
  });

  it('works on a fragment without <head>', () => {
    expect(embedFonts('<p>美国</p>')).toMatch(/^<style id="tradebrief-fonts">.*<\/style><p>美国<\/p>$/s);
  });
});

import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';

import { registerHelpers } from '../../../src/render/helpers/register-helpers.js';
import { en } from '../../../src/render/messages/en.js';
import { zh } from '../../../src/render/messages/zh.js';

function render(source: string, context: unknown, messages = en): string {
  const hbs = Handlebars.create();
  registerHelpers(hbs, messages);
  return hbs.compile(source)(context);
}

describe('registerHelpers()', () => {
  it('formats figures inside a template', () => {
    const out = render('{{money v}} {{percent p}} {{ordinal r}} {{rankChange r prev}} {{month m}} {{month m "short"}} {{number n}}', {
      v: 56_803_412, p: 592.8, r: 5, prev: 12, m: '2022-08', n: 7_912_306,
    });
    expect(out).toBe('US$56.8 million +592.8\u202F% 5th up from 12th August 2022 Aug 2022 7,912,306');
  });

  it('looks up messages, with values for the phrases', () => {
    expect(render('{{t "yoyLabel"}} / {{t "edition" 2}}', {})).toBe('Year on year / Edition 2');
    expect(render('{{t "yoyLabel"}} / {{t "edition" 2}}', {}, zh)).toBe('同比 / 第2版');
  });

  it('fails on a message key that does not exist, instead of printing "undefined"', () => {
    expect(() => render('{{t "noSuchKey"}}', {})).toThrow(/unknown message key/);
    expect(() => render('{{t "constructor"}}', {})).toThrow(/unknown message key/);
  });

  it('escapes what helpers return', () => {
    expect(render('{{t "flowTo" "export" name "May"}}', { name: '<b>X</b>' })).toBe('Exports to &lt;b&gt;X&lt;/b&gt;, May');
  });

  it('replaces a javascript: URL in an href', () => {
    expect(render('<a href="{{safeUrl u}}">', { u: 'javascript:alert(1)' })).toBe('<a href="#">');
  });

  it('leaves the global Handlebars instance untouched', () => {
    render('{{money 1}}', {});
    expect(Handlebars.helpers['money']).toBeUndefined();
  });
});

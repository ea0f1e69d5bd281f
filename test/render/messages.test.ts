import { describe, expect, it } from 'vitest';

import { messagesFor } from '../../src/render/messages/index.js';
import { en } from '../../src/render/messages/en.js';
import { zh } from '../../src/render/messages/zh.js';

describe('messagesFor()', () => {
  it('picks a table by language, regional variants included', () => {
    expect(messagesFor('en')).toBe(en);
    expect(messagesFor('en-GB')).toBe(en);
    expect(messagesFor('zh-CN')).toBe(zh);
    expect(messagesFor('zh_Hans')).toBe(zh);
  });

  it('refuses a language without a table, and never reaches Object.prototype', () => {
    expect(() => messagesFor('fr')).toThrow(expect.objectContaining({ code: 'UnknownLocale', kind: 'user' }));
    expect(() => messagesFor('constructor')).toThrow(expect.objectContaining({ code: 'UnknownLocale' }));
  });

  it('gives the Chinese table every key of the English one', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    expect(zh.sources).toHaveLength(en.sources.length);
    expect(zh.definitions).toHaveLength(en.definitions.length);
  });

  it('names GACC units the way each language reads them', () => {
    expect(en.unitLabel('双', 'Pair')).toBe('pairs');
    expect(en.unitLabel('件', 'Number of item')).toBe('items');
    expect(en.unitLabel('x', 'Gross')).toBe('gross');
    expect(zh.unitLabel('双', 'Pair')).toBe('双');
  });
});

import { describe, expect, it } from 'vitest';

import { headerSafe } from '../../src/mail/header-safe.js';

describe('headerSafe()', () => {
  it('turns CR, LF and the line separators into one space, so no new header line can start', () => {
    expect(headerSafe('Eve\r\nBcc: x@evil.test')).toBe('Eve Bcc: x@evil.test');
    expect(headerSafe('a\rb\nc\u2028d\u2029e')).toBe('a b c d e');
  });

  it('removes other control characters (NUL, TAB, DEL, C1) and trims', () => {
    expect(headerSafe('\t Ana\u0000\u007F Lima\u0085 ')).toBe('Ana Lima');
  });

  it('keeps ordinary text, accents and CJK as they are', () => {
    expect(headerSafe('Zoë 李明, <b>bold</b>')).toBe('Zoë 李明, <b>bold</b>');
  });

  it('gives an empty string for a missing value', () => {
    expect(headerSafe(null)).toBe('');
    expect(headerSafe(undefined)).toBe('');
  });
});

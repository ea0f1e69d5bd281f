import { describe, expect, it } from 'vitest';
import { normalizeEmail } from '../../src/store/normalize-email.js';

describe('normalizeEmail()', () => {
  it('trims and lower-cases a valid address', () => {
    expect(normalizeEmail('  Ana.Li+trade@Example.ORG ')).toBe('ana.li+trade@example.org');
  });

  it('rejects what is not an address', () => {
    for (const input of ['', 'ana', 'ana@', '@example.org', 'ana@example', 'ana li@example.org', 'ana@@example.org', '<ana@example.org>']) {
      expect(normalizeEmail(input), input).toBeNull();
    }
  });

  it('rejects an address carrying a header line', () => {
    expect(normalizeEmail('ana@example.org\r\nBcc: eve@example.org')).toBeNull();
    expect(normalizeEmail('ana@example.org\nX: y')).toBeNull();
  });

  it('rejects an address longer than SMTP allows', () => {
    expect(normalizeEmail(`${'a'.repeat(64)}@${'b'.repeat(186)}.org`)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { partnerName } from '../../../src/data/reference/partner-name.js';
import { tinyReference } from './tiny-reference.js';

const reference = tinyReference();

describe('partnerName()', () => {
  it('gives the name a newspaper uses', () => {
    expect(partnerName(reference, '502', 'en')).toBe('United States');
    expect(partnerName(reference, '344', 'en')).toBe('Russia');
    expect(partnerName(reference, '502', 'zh')).toBe('美国');
  });

  it('falls back to the code for a partner not in the list', () => {
    expect(partnerName(reference, '888', 'en')).toBe('888');
  });
});

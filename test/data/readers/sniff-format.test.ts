import { describe, expect, it } from 'vitest';
import { sniffFormat } from '../../../src/data/readers/sniff-format.js';

describe('sniffFormat()', () => {
  it('recognises Chinese and English GACC headers by their value column', () => {
    expect(sniffFormat(['数据年月', '商品编码', '商品名称', '美元'])).toBe('gacc');
    expect(sniffFormat(['Commodity code', 'Commodity', 'Renminbi Yuan'])).toBe('gacc');
  });

  it('recognises Comtrade and canonical headers', () => {
    expect(sniffFormat(['typeCode', 'freqCode', 'period', 'flowCode', 'primaryValue'])).toBe('comtrade');
    expect(sniffFormat(['month', 'flow', 'region', 'valueUsd'])).toBe('canonical');
  });

  it('recognises none of them in a GACC code list (codes and names, no value)', () => {
    expect(sniffFormat(['贸易伙伴编码', '贸易伙伴名称'])).toBeNull();
  });
});

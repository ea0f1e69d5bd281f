import { describe, expect, it } from 'vitest';

import { emailSubject } from '../../src/mail/email-subject.js';
import { tinyStats } from './fixtures.js';

describe('emailSubject()', () => {
  it('reads "<title>, <Month YYYY>: <value>, <yoy> year on year"', () => {
    expect(emailSubject(tinyStats(), 1)).toBe('Xinjiang exports to the United States, August 2022: US$56.8 million, +592.8 % year on year');
  });

  it('prefixes "Corrected: " from the second edition on', () => {
    expect(emailSubject(tinyStats(), 2)).toMatch(/^Corrected: Xinjiang exports/);
  });

  it('leaves the comparison out when there is no year-earlier base', () => {
    const stats = tinyStats();
    expect(emailSubject({ ...stats, headline: { ...stats.headline, yoyPct: null } }, 1)).toBe(
      'Xinjiang exports to the United States, August 2022: US$56.8 million',
    );
  });

  it('says "no exports recorded" for a month without trade, and "imports" for an import report', () => {
    const stats = tinyStats();
    const empty = { ...stats, headline: { ...stats.headline, valueUsd: null, yoyPct: null } };
    expect(emailSubject(empty, 1)).toBe('Xinjiang exports to the United States, August 2022: no exports recorded');
    expect(emailSubject({ ...empty, flow: 'import' as const }, 1)).toMatch(/: no imports recorded$/);
  });

  it('prints a fall with the typographic minus', () => {
    const stats = tinyStats();
    expect(emailSubject({ ...stats, headline: { ...stats.headline, yoyPct: -3.8 } }, 1)).toMatch(/, \u22123\.8 % year on year$/);
  });

  it('cannot carry a line break from the title into the header', () => {
    const subject = emailSubject(tinyStats({ title: 'Xinjiang\r\nBcc: x@evil.test' }), 1);
    expect(subject).not.toMatch(/[\r\n]/);
    expect(subject).toMatch(/^Xinjiang Bcc: x@evil\.test, August 2022/);
  });

  it('is written in Chinese for a zh report', () => {
    expect(emailSubject(tinyStats({ locale: 'zh', title: '新疆对美国出口' }), 1)).toBe('新疆对美国出口，2022年8月：5680.3万美元，同比+592.8%');
  });
});

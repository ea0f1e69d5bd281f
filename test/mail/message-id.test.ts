import { describe, expect, it } from 'vitest';

import { outboxFileName, reportMessageId, subscriberHash } from '../../src/mail/message-id.js';

const parts = { report: 'xinjiang-us', month: '2022-08', edition: 1, email: 'ana@example.org', domain: 'tradebrief.example' };

describe('subscriberHash()', () => {
  it('is the first 16 hex digits of sha256 of the address, whatever its case or spaces', () => {
    // sha256("ana@example.org"), computed independently with `printf %s ana@example.org | sha256sum`.
    expect(subscriberHash('ana@example.org')).toBe('86b9260a115ceac8');
    expect(subscriberHash(' Ana@Example.ORG ')).toBe('86b9260a115ceac8');
    expect(subscriberHash('ana@example.org')).not.toBe(subscriberHash('bob@example.org'));
  });
});

describe('reportMessageId()', () => {
  it('is <report-month-e<edition>-<subscriberHash>@domain>, the same every time', () => {
    const id = reportMessageId(parts);
    expect(id).toBe(`<xinjiang-us-2022-08-e1-${subscriberHash('ana@example.org')}@tradebrief.example>`);
    expect(reportMessageId(parts)).toBe(id);
  });

  it('differs between editions, reports and subscribers', () => {
    const ids = new Set([
      reportMessageId(parts),
      reportMessageId({ ...parts, edition: 2 }),
      reportMessageId({ ...parts, report: 'xinjiang-eu' }),
      reportMessageId({ ...parts, email: 'bob@example.org' }),
    ]);
    expect(ids.size).toBe(4);
  });

  it('refuses a domain that is not a host name, and keeps the report id within id characters', () => {
    expect(() => reportMessageId({ ...parts, domain: 'x>\r\nBcc: y' })).toThrow(/messageIdDomain/);
    expect(reportMessageId({ ...parts, report: 'a b>c' })).toMatch(/^<a_b_c-2022-08-e1-/);
  });
});

describe('outboxFileName()', () => {
  it('names our messages <edition>-<subscriberHash>.eml', () => {
    expect(outboxFileName(reportMessageId({ ...parts, edition: 3 }))).toBe(`3-${subscriberHash('ana@example.org')}.eml`);
  });

  it('hashes any other Message-ID rather than trusting it as a path', () => {
    expect(outboxFileName('<../../etc/passwd@x>')).toMatch(/^[0-9a-f]{16}\.eml$/);
  });
});

import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeUnsubscribeToken, verifyUnsubscribeToken } from '../../src/store/unsubscribe-token.js';

const SECRET = 'correct horse battery staple';

describe('makeUnsubscribeToken() and verifyUnsubscribeToken()', () => {
  it('round-trips an address and a report, and an address alone', () => {
    const token = makeUnsubscribeToken(SECRET, { email: 'ana@example.org', report: 'xinjiang-us' });
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(verifyUnsubscribeToken(SECRET, token)).toEqual({ email: 'ana@example.org', report: 'xinjiang-us' });
    expect(verifyUnsubscribeToken(SECRET, makeUnsubscribeToken(SECRET, { email: 'ana@example.org' }))).toEqual({ email: 'ana@example.org' });
  });

  it('rejects a token whose payload was changed to another address', () => {
    const token = makeUnsubscribeToken(SECRET, { email: 'ana@example.org', report: 'xinjiang-us' });
    const [, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ v: 1, e: 'ben@example.org', r: 'xinjiang-us' })).toString('base64url');
    expect(verifyUnsubscribeToken(SECRET, `${forged}.${signature}`)).toBeNull();
  });

  it('rejects a token with one character of the payload flipped', () => {
    const token = makeUnsubscribeToken(SECRET, { email: 'ana@example.org' });
    const flipped = `${token[0] === 'A' ? 'B' : 'A'}${token.slice(1)}`;
    expect(verifyUnsubscribeToken(SECRET, flipped)).toBeNull();
  });

  it('rejects a token signed with another secret', () => {
    expect(verifyUnsubscribeToken(SECRET, makeUnsubscribeToken('another secret', { email: 'ana@example.org' }))).toBeNull();
  });

  it('rejects truncated and padded tokens', () => {
    const token = makeUnsubscribeToken(SECRET, { email: 'ana@example.org' });
    for (const bad of [token.slice(0, -1), token.slice(0, token.indexOf('.')), token.slice(0, token.indexOf('.') + 1), `${token}A`, `${token}!`, `${token}.x`, '', '.']) {
      expect(verifyUnsubscribeToken(SECRET, bad), bad).toBeNull();
    }
  });

  it('rejects a correctly signed payload that is not a request', () => {
    // Signed the way the module signs, so only the shape check can reject them.
    const signed = (payload: string) => {
      const encoded = Buffer.from(payload).toString('base64url');
      return `${encoded}.${createHmac('sha256', SECRET).update(encoded).digest('base64url')}`;
    };
    expect(verifyUnsubscribeToken(SECRET, signed(JSON.stringify({ v: 1, e: 'ana@example.org' })))).toEqual({ email: 'ana@example.org' });
    for (const payload of [JSON.stringify({ v: 2, e: 'ana@example.org' }), JSON.stringify({ v: 1, e: 42 }), JSON.stringify({ v: 1, e: 'a@x.org', r: 7 }), 'null', 'not json']) {
      expect(verifyUnsubscribeToken(SECRET, signed(payload)), payload).toBeNull();
    }
  });

  it('refuses to work without a secret', () => {
    expect(() => makeUnsubscribeToken('', { email: 'ana@example.org' })).toThrow('non-empty secret');
    expect(() => verifyUnsubscribeToken('', 'x.y')).toThrow('non-empty secret');
  });
});

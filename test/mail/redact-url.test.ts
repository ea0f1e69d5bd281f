import { describe, expect, it } from 'vitest';

import { redactSecrets, redactUrl, secretsOf } from '../../src/mail/redact-url.js';

describe('redactUrl()', () => {
  it('replaces the password and keeps user, host and port', () => {
    expect(redactUrl('smtp://mailer:s3cret@mail.example.org:587')).toBe('smtp://mailer:***@mail.example.org:587');
  });

  it('hides secret-looking query parameters and keeps the others', () => {
    expect(redactUrl('smtps://mail.example.org?pass=s3cret&pool=true')).toBe('smtps://mail.example.org?pass=***&pool=true');
  });

  it('shows nothing of a URL it cannot parse', () => {
    expect(redactUrl('smtp://user:pa ss@[bad')).toBe('<invalid URL>');
  });
});

describe('secretsOf() and redactSecrets()', () => {
  it('finds the password raw and percent-decoded, and removes both from a text', () => {
    const secrets = secretsOf('smtp://mailer:p%40ss%2Fword@host');
    expect(secrets).toEqual(expect.arrayContaining(['p%40ss%2Fword', 'p@ss/word']));
    expect(redactSecrets('login p@ss/word failed (p%40ss%2Fword)', secrets)).toBe('login *** failed (***)');
  });

  it('leaves ordinary parameter values alone', () => {
    expect(secretsOf('smtp://host?pool=true')).toEqual([]);
  });
});

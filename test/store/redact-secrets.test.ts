import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../src/store/redact-secrets.js';

describe('redactSecrets()', () => {
  it('masks the password of every URL and keeps the user and host', () => {
    expect(redactSecrets('smtp://ops:hunter2@mail.example:587 and smtps://a:b@c')).toBe('smtp://ops:***@mail.example:587 and smtps://a:***@c');
  });

  it('leaves URLs without a password, and plain text, alone', () => {
    for (const text of ['smtp://mail.example:25', 'smtp://ops@mail.example', '550 5.1.1 <ana@example.org>: user unknown', 'time 12:30@noon']) {
      expect(redactSecrets(text)).toBe(text);
    }
  });
});

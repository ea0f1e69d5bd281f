import { describe, expect, it } from 'vitest';

import { DeadlineExceeded, withDeadline } from '../../src/pdf/with-deadline.js';

describe('withDeadline()', () => {
  it('settles like the work when it finishes in time', async () => {
    await expect(withDeadline(Promise.resolve('done'), 1_000)).resolves.toBe('done');
    await expect(withDeadline(Promise.reject(new Error('broken')), 1_000)).rejects.toThrow('broken');
  });

  it('rejects with DeadlineExceeded when the work hangs', async () => {
    const started = Date.now();
    await expect(withDeadline(new Promise(() => undefined), 50)).rejects.toBeInstanceOf(DeadlineExceeded);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });
});

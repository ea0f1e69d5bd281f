/** Promise deadlines: the one tool the printer uses against hangs (RELIABILITY.md B3, jsreport `runWithTimeout`). */

/** Thrown by withDeadline when time runs out. */
export class DeadlineExceeded extends Error {
  readonly timeoutMs: number;

  constructor(timeoutMs: number) {
    super(`deadline of ${timeoutMs} ms exceeded`);
    this.name = 'DeadlineExceeded';
    this.timeoutMs = timeoutMs;
  }
}

/**
 * Settles like `work`, or rejects with DeadlineExceeded after `timeoutMs`, whichever comes first. The work is not
 * cancelled (a promise cannot be): the caller must make it harmless, e.g. kill the browser it waits on.
 * @example await withDeadline(page.pdf(), 60_000) // DeadlineExceeded after a minute of hanging
 */
export function withDeadline<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new DeadlineExceeded(timeoutMs)), timeoutMs);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

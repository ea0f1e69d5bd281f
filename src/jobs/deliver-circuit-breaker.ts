/**
 * Stops a send run when the server is evidently down (listmonk's MaxSendErrors, RELIABILITY.md B1 test 8):
 * after `threshold` transient failures in a row, with no delivery or permanent answer between them, going on
 * would only burn every remaining subscriber's attempts. The rows not reached stay `planned` for the next run.
 *
 * Every failed SMTP attempt counts, retries included: three refused connections for one subscriber are three
 * pieces of evidence. A 250 or a 5xx resets the count, since either proves the server is there and answering.
 * Once tripped, it stays tripped: the run is over.
 */

export interface CircuitBreaker {
  /** A transient failure (4xx, connection refused …); returns true when this one trips the breaker. */
  recordTransient(): boolean;
  /** A delivery or a permanent rejection: the server answered, the streak ends. (An uncertain outcome proves
   *  nothing either way and is recorded with neither.) */
  recordAnswer(): void;
  readonly tripped: boolean;
  /** Transient failures in the current streak. */
  readonly consecutive: number;
}

/**
 * @example
 *   const breaker = createCircuitBreaker(5);
 *   if (breaker.recordTransient()) throw serverDown();
 */
export function createCircuitBreaker(threshold: number): CircuitBreaker {
  if (!Number.isInteger(threshold) || threshold < 1) throw new RangeError(`circuit breaker threshold must be a positive integer, got ${threshold}`);
  let consecutive = 0;
  let tripped = false;
  return {
    recordTransient() {
      consecutive += 1;
      if (consecutive >= threshold) tripped = true;
      return tripped;
    },
    recordAnswer() {
      if (!tripped) consecutive = 0;
    },
    get tripped() {
      return tripped;
    },
    get consecutive() {
      return consecutive;
    },
  };
}

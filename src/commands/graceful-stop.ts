/**
 * Stopping a long command cleanly (send, run): the first SIGTERM or SIGINT asks the job to stop after the
 * message in flight, so that message is settled in the ledger and the rest stay planned for the next run. A
 * second signal stops at once; the ledger then treats the message in flight as uncertain on the next run, which
 * is safe (never a second copy), only less tidy.
 */
export interface GracefulStop {
  signal: AbortSignal;
  /** Removes the handlers; call when the job is over. */
  dispose: () => void;
}

/** @example const stop = gracefulStop(log); try { await deliver(…, { …, signal: stop.signal }) } finally { stop.dispose() } */
export function gracefulStop(log: (line: string) => void): GracefulStop {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    if (!controller.signal.aborted) {
      log(`${signal}: stopping after the message in flight (send ${signal} again to stop at once)`);
      controller.abort();
      return;
    }
    log(`${signal} again: stopping now`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
    },
  };
}

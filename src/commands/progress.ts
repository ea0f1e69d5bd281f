/**
 * A progress bar for long commands (backfills, sending) when stderr is a terminal; plain lines otherwise, so logs
 * and CI output stay readable.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  update: (done: number, total: number, label: string) => void;
  /** A log line that does not tear the bar. */
  log: (line: string) => void;
  stop: () => void;
}

/** @example const progress = startProgress('generating'); progress.update(3, 13, '2021-11'); progress.stop() */
export function startProgress(what: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) {
    return {
      update: (done, total, label) => stream.write(`${what}${label === '' ? '' : ` ${label}`} (${done}/${total})\n`),
      log: (line) => stream.write(`${line}\n`),
      stop: () => undefined,
    };
  }
  const bar = new cliProgress.SingleBar(
    { stream, format: `${what} [{bar}] {value}/{total} {label}`, hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let stopped = false;
  return {
    update: (done, total, label) => {
      if (stopped) return;
      if (!started) {
        bar.start(total, done, { label });
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(done, { label });
      }
    },
    log: (line) => {
      // Clear the bar's line first; the next update draws it again below the message.
      stream.write(started && !stopped ? `\r\x1b[2K${line}\n` : `${line}\n`);
    },
    stop: () => {
      if (started && !stopped) bar.stop();
      stopped = true;
    },
  };
}

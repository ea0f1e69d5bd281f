/**
 * A progress bar for long commands (backfills, sending) when stderr is a terminal; otherwise one log record per
 * step (with done/total fields), so cron mail, the journal and CI get searchable records instead of a bar.
 * While the bar is drawn, log records are written above it without tearing it.
 */
import cliProgress from 'cli-progress';
import type { Logger } from '../io/logger.js';

export interface Progress {
  update: (done: number, total: number, label: string) => void;
  stop: () => void;
}

/** @example const progress = startProgress('generating', logger); progress.update(3, 13, '2021-11'); progress.stop() */
export function startProgress(what: string, logger: Logger, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) {
    // One record per tenth of the work (and the first and last step), not one per message: 10,000 subscribers
    // would otherwise mean 10,000 lines in the journal and measurable time spent writing them.
    let lastTenth = -1;
    return {
      update: (done, total, label) => {
        const tenth = total === 0 ? 10 : Math.floor((done * 10) / total);
        if (done !== 0 && done !== total && tenth === lastTenth) return;
        lastTenth = tenth;
        // Memory on each record: a long send or backfill that grows shows it in the journal.
        const memory = process.memoryUsage();
        logger.log(`${what}${label === '' ? '' : ` ${label}`} (${done}/${total})`, { done, total, rssMiB: mib(memory.rss), heapUsedMiB: mib(memory.heapUsed) });
      },
      stop: () => undefined,
    };
  }
  const bar = new cliProgress.SingleBar(
    { stream, format: `${what} [{bar}] {value}/{total} {label}`, hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let stopped = false;
  // Clear the bar's line before a record; the next update draws the bar again below it.
  const restore = logger.redirect((text) => void stream.write(started && !stopped ? `\r\x1b[2K${text}` : text));
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
    stop: () => {
      if (started && !stopped) bar.stop();
      stopped = true;
      restore();
    },
  };
}

function mib(bytes: number): number {
  return Math.round((bytes / 2 ** 20) * 10) / 10;
}

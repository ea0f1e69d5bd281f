/**
 * The command line's log: pino records, one per line, on stderr. On a terminal they are rendered for people
 * (pino-pretty: time, level, message, fields on the same line); anywhere else (cron mail, systemd journal, CI,
 * a log shipper) they stay JSON so they can be searched by field. stdout is never used for logs: it carries
 * the command's result (paths, tables, --json output).
 *
 *   TRADEBRIEF_LOG_FORMAT = auto (default: pretty on a terminal, json otherwise) | pretty | json
 *   TRADEBRIEF_LOG_LEVEL  = debug | info (default) | warn | error | silent
 *
 * The log is the CLI's edge, like the clock and signals: jobs receive a plain `log(line, fields?)` function.
 */
import { Writable } from 'node:stream';
import { pino, stdTimeFunctions, type Logger as PinoLogger } from 'pino';
import pretty from 'pino-pretty';
import { UsageError } from '../errors.js';

export type LogFormat = 'pretty' | 'json';
export type LogFields = Record<string, unknown>;
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  /** An info record: the jobs' `log` effect. */
  log: (line: string, fields?: LogFields) => void;
  at: (level: LogLevel, line: string, fields?: LogFields) => void;
  /** A logger whose records all carry these fields (e.g. { report, month }). */
  child: (fields: LogFields) => Logger;
  format: LogFormat;
  /**
   * Sends the rendered lines somewhere else for a while (a progress bar that must clear its line first);
   * returns a function that restores the previous writer.
   */
  redirect: (write: (text: string) => void) => () => void;
}

export interface LoggerOptions {
  /** The sub-command, on every record. */
  command: string;
  env?: NodeJS.ProcessEnv;
  stream?: NodeJS.WritableStream & { isTTY?: boolean };
}

const LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;

/** Which format the environment asks for. @throws UsageError on an unknown value */
export function logFormat(env: NodeJS.ProcessEnv, isTTY: boolean): LogFormat {
  const asked = (env.TRADEBRIEF_LOG_FORMAT ?? 'auto').trim().toLowerCase();
  if (asked === 'auto' || asked === '') return isTTY ? 'pretty' : 'json';
  if (asked === 'pretty' || asked === 'json') return asked;
  throw new UsageError(`TRADEBRIEF_LOG_FORMAT must be auto, pretty or json, not ${JSON.stringify(env.TRADEBRIEF_LOG_FORMAT)}`);
}

function logLevel(env: NodeJS.ProcessEnv): (typeof LEVELS)[number] {
  const asked = (env.TRADEBRIEF_LOG_LEVEL ?? 'info').trim().toLowerCase();
  if ((LEVELS as readonly string[]).includes(asked)) return asked as (typeof LEVELS)[number];
  throw new UsageError(`TRADEBRIEF_LOG_LEVEL must be one of ${LEVELS.join(', ')}, not ${JSON.stringify(env.TRADEBRIEF_LOG_LEVEL)}`);
}

/**
 * @example const logger = createLogger({ command: 'run' }); logger.log('xinjiang-us 2022-08: sent 2', { report: 'xinjiang-us' })
 * @throws UsageError when TRADEBRIEF_LOG_FORMAT or TRADEBRIEF_LOG_LEVEL has an unknown value
 */
export function createLogger(options: LoggerOptions): Logger {
  const env = options.env ?? process.env;
  const stream = options.stream ?? process.stderr;
  const format = logFormat(env, stream.isTTY === true);
  const level = logLevel(env);
  let write = (text: string): void => void stream.write(text);
  // Every rendered line passes through `write`, so a progress bar can take over the terminal for a while.
  const sink = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      write(chunk.toString());
      done();
    },
  });
  const destination =
    format === 'pretty'
      ? pretty({
          destination: sink,
          sync: true,
          colorize: stream.isTTY === true && env.NO_COLOR === undefined,
          translateTime: 'SYS:HH:MM:ss',
          ignore: 'pid,hostname,command',
          singleLine: true,
        })
      : sink;
  const root = pino({ level, base: { command: options.command, pid: process.pid }, timestamp: stdTimeFunctions.isoTime }, destination);

  const wrap = (logger: PinoLogger): Logger => ({
    log: (line, fields) => (fields === undefined ? logger.info(line) : logger.info(fields, line)),
    at: (lvl, line, fields) => (fields === undefined ? logger[lvl](line) : logger[lvl](fields, line)),
    child: (fields) => wrap(logger.child(fields)),
    format,
    redirect: (next) => {
      const previous = write;
      write = next;
      return () => {
        write = previous;
      };
    },
  });
  return wrap(root);
}

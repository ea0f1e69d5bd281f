import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, logFormat } from '../../src/io/logger.js';

/** A stderr stand-in that keeps what was written; isTTY decides the automatic format. */
function capture(isTTY: boolean): Writable & { isTTY: boolean; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  }) as Writable & { isTTY: boolean; text: () => string };
  stream.isTTY = isTTY;
  stream.text = () => chunks.join('');
  return stream;
}

describe('createLogger', () => {
  it('writes one JSON record per line when stderr is not a terminal, with the command and the fields', () => {
    const stream = capture(false);
    const logger = createLogger({ command: 'run', env: {}, stream });
    logger.log('xinjiang-us 2022-08: sent 2', { report: 'xinjiang-us', month: '2022-08', sent: 2 });
    logger.child({ report: 'xinjiang-kz' }).at('warn', 'nothing due "yet"');
    const records = stream.text().trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({ level: 30, command: 'run', msg: 'xinjiang-us 2022-08: sent 2', report: 'xinjiang-us', month: '2022-08', sent: 2 });
    expect(records[1]).toMatchObject({ level: 40, command: 'run', report: 'xinjiang-kz', msg: 'nothing due "yet"' });
    expect(new Date(String(records[0]!.time)).toISOString()).toBe(records[0]!.time);
  });

  it('renders records for people on a terminal: time, level and message on one line, no JSON', () => {
    const stream = capture(true);
    const logger = createLogger({ command: 'generate', env: { NO_COLOR: '1' }, stream });
    logger.log('rendered 13 months with 1 browser launch', { months: 13 });
    const text = stream.text();
    expect(text).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: rendered 13 months with 1 browser launch/);
    expect(text).toContain('months');
    expect(text.trim().split('\n')).toHaveLength(1);
    expect(() => JSON.parse(text)).toThrow();
  });

  it('follows TRADEBRIEF_LOG_FORMAT over the terminal test, and drops records below TRADEBRIEF_LOG_LEVEL', () => {
    const stream = capture(true);
    const logger = createLogger({ command: 'send', env: { TRADEBRIEF_LOG_FORMAT: 'json', TRADEBRIEF_LOG_LEVEL: 'warn' }, stream });
    logger.log('an info record');
    logger.at('error', 'an error record');
    const lines = stream.text().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 50, msg: 'an error record' });
  });

  it('lets a progress bar take the output over for a while', () => {
    const stream = capture(false);
    const logger = createLogger({ command: 'send', env: {}, stream });
    const seen: string[] = [];
    const restore = logger.redirect((text) => seen.push(text));
    logger.log('during');
    restore();
    logger.log('after');
    expect(seen.join('')).toContain('"msg":"during"');
    expect(stream.text()).toContain('"msg":"after"');
    expect(stream.text()).not.toContain('during');
  });

  it('refuses unknown settings, naming the variable', () => {
    expect(() => logFormat({ TRADEBRIEF_LOG_FORMAT: 'xml' }, false)).toThrow(/TRADEBRIEF_LOG_FORMAT must be auto, pretty or json/);
    expect(() => createLogger({ command: 'run', env: { TRADEBRIEF_LOG_LEVEL: 'loud' }, stream: capture(false) })).toThrow(/TRADEBRIEF_LOG_LEVEL/);
    expect(logFormat({}, true)).toBe('pretty');
    expect(logFormat({ TRADEBRIEF_LOG_FORMAT: 'auto' }, false)).toBe('json');
  });
});

describe('startProgress() off a terminal', () => {
  it('logs the first and last step and one record per tenth of the work in between', async () => {
    const { startProgress } = await import('../../src/commands/progress.js');
    const stream = capture(false);
    const logger = createLogger({ command: 'send', env: { TRADEBRIEF_LOG_FORMAT: 'json' }, stream });
    const progress = startProgress('sending', logger, stream as unknown as NodeJS.WriteStream);
    for (let done = 0; done <= 1000; done += 1) progress.update(done, 1000, `s${done}@example.org`);
    progress.stop();
    const records = stream.text().trim().split('\n').map((line) => JSON.parse(line) as { done: number; total: number; msg: string });
    expect(records.map((record) => record.done)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
    expect(records.at(-1)).toMatchObject({ total: 1000, msg: 'sending s1000@example.org (1000/1000)' });
  });
});

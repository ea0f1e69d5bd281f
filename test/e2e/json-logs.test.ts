/**
 * What a scheduler's log collector sees: with stderr not a terminal (or TRADEBRIEF_LOG_FORMAT=json) every line the
 * CLI writes to stderr is one JSON record — progress, reasons, and the final error with its problems as fields.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSetup } from './helpers/run-harness.js';
import { tradebrief } from './helpers/send-harness.js';

interface LogRecord {
  level: number;
  time: string;
  command: string;
  msg: string;
  [field: string]: unknown;
}

function records(stderr: string): LogRecord[] {
  return stderr
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      try {
        return JSON.parse(line) as LogRecord;
      } catch {
        throw new Error(`not a JSON record: ${line}`);
      }
    });
}

describe('structured logs', () => {
  it('a first `run` writes only JSON records: what it made, and why September is not due yet', async () => {
    const setup = runSetup();
    const result = await setup.run(['--now', '2022-10-19T12:00:00+08:00', '--report', 'xinjiang-us', '--catch-up', '1'], undefined, { TRADEBRIEF_LOG_FORMAT: 'json' });
    expect(result.code).toBe(0);
    const logged = records(result.stderr);
    expect(logged.length).toBeGreaterThan(0);
    for (const record of logged) {
      expect(record).toMatchObject({ command: 'run' });
      expect(new Date(record.time).toISOString()).toBe(record.time);
    }
    expect(logged.map((record) => record.msg).join('\n')).toContain('2022-09: data present but not published yet; expected after 2022-10-20 Asia/Shanghai');
  }, 240_000);

  it('bad data ends in one error record listing each problem with its file, row and column', async () => {
    const setup = runSetup();
    const bad = path.join(setup.folder, 'xinjiang-exports-202208.csv');
    writeFileSync(bad, '"数据年月","商品编码","贸易伙伴编码","注册地编码","美元",\n"202208","95051000","502","65","12x4",\n');
    const result = await tradebrief(['generate', '--config', setup.configFile, '--out', setup.out, '--report', 'xinjiang-us', '--month', '2022-08', '--stage', 'stats', '--data', bad], {
      TRADEBRIEF_LOG_FORMAT: 'json',
    });
    expect(result.code).toBe(65);
    const logged = records(result.stderr);
    const failure = logged.find((record) => record.level === 50);
    expect(failure).toMatchObject({ command: 'generate', code: 'DataError', exitCode: 65 });
    const problems = failure?.problems as { file: string; row: number; column?: string; text: string }[];
    expect(problems.some((problem) => problem.file === bad && problem.row === 2 && problem.column === '美元')).toBe(true);
  }, 240_000);
});

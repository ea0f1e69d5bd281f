/**
 * `tradebrief import` as a user runs it: the shipped sample into a store, then the same report from the store
 * and from the raw files, byte for byte.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const NOW = '2022-10-21T09:00:00+08:00';

function tradebrief(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 240_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('tradebrief import', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tradebrief-import-'));
  const store = path.join(dir, 'store');
  let first: ReturnType<typeof tradebrief>;

  beforeAll(() => {
    first = tradebrief('import', '--flow', 'export', '--data', 'data/sample/gacc/*.csv', '--store', store, '--now', NOW, '--quiet');
  }, 240_000);

  it('imports every sample file and says so', () => {
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^imported 33 file\(s\) \(\d+ rows\), skipped 0 unchanged, refused 0/);
    expect(existsSync(path.join(store, 'manifest.json'))).toBe(true);
  });

  it('skips the files on a second import, as they have not changed', () => {
    const again = tradebrief('import', '--flow', 'export', '--data', 'data/sample/gacc/*.csv', '--store', store, '--now', NOW, '--quiet');
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/^imported 0 file\(s\) \(0 rows\), skipped 33 unchanged/);
  }, 240_000);

  it('gives exactly the same stats.json from the store as from the raw files', () => {
    const fromFiles = tradebrief('generate', '--report', 'xinjiang-us', '--month', '2022-08', '--stage', 'stats', '--now', NOW, '--out', path.join(dir, 'raw'), '--quiet');
    const fromStore = tradebrief('generate', '--report', 'xinjiang-us', '--month', '2022-08', '--stage', 'stats', '--now', NOW, '--out', path.join(dir, 'stored'), '--data', store, '--quiet');
    expect(fromFiles.status).toBe(0);
    expect(fromStore.status).toBe(0);
    const stats = (out: string) => readFileSync(path.join(dir, out, 'xinjiang-us', '2022-08', 'edition-1', 'stats.json'));
    expect(stats('stored').equals(stats('raw'))).toBe(true);
    expect(JSON.parse(stats('stored').toString()).headline.yoyPct).toBe(592.8);
  }, 240_000);

  it('refuses a bad file with exit 65 and file:row: column, and writes nothing of it', () => {
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, '"数据年月","贸易伙伴编码","美元",\n"202207","502","1,000",\n"202207","145","-5",\n');
    const before = readFileSync(path.join(store, 'manifest.json'), 'utf8');
    const run = tradebrief('import', '--flow', 'export', '--data', bad, '--store', store, '--now', NOW, '--quiet');
    expect(run.status).toBe(65);
    expect(run.stderr).toContain(`${bad}:3: column "美元":`);
    expect(run.stdout).toMatch(/refused 1/);
    expect(readFileSync(path.join(store, 'manifest.json'), 'utf8')).toBe(before);
  }, 240_000);
});

import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const MONTHLY_GB = 'test/fixtures/gacc/gacc-export-85177950-2024-monthly-usd.gb18030.csv';

/** Runs the real CLI from the repo root, as a user would. */
function tradebrief(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } }, (error, stdout, stderr) => {
      const status = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      resolve({ status, stdout, stderr });
    });
  });
}

describe('tradebrief data check', () => {
  it('summarises a valid GB18030 export and exits 0', async () => {
    const { status, stdout, stderr } = await tradebrief('data', 'check', MONTHLY_GB, '--flow', 'export', '--now', '2026-11-27');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toContain(`${MONTHLY_GB}  gacc  gb18030  USD  export  12 rows  2024-01..2024-12`);
    expect(stdout).toContain('Months: 12 (2024-01..2024-12)');
    expect(stdout).toContain('Partners: not broken down');
    expect(stdout).toContain('2024-01  all regions  export  USD 447,062,632  (1 row)');
    expect(stdout).toContain('OK: no problems');
  });

  it('prints warnings in the report and still exits 0', async () => {
    const { status, stdout } = await tradebrief('data', 'check', 'test/fixtures/readers/comtrade-china-us-202208.csv', '--now', '2026-11-27');
    expect(status).toBe(0);
    expect(stdout).toMatch(/comtrade-china-us-202208\.csv: column "flowCode": warning: 1 row\(s\) of flows other than X and M .*\[comtrade\.subflow-skipped\]/);
    expect(stdout).toContain('2022-08  all regions  export  USD 4,800,000');
    expect(stdout).toContain('2022-08  all regions  import  USD 2,500');
  });

  it('exits 65 on a code list given as data, naming the columns it found', async () => {
    const { status, stderr } = await tradebrief('data', 'check', 'test/fixtures/gacc/code-lists-raw/zh-TradingPartner.csv', '--flow', 'export');
    expect(status).toBe(65);
    expect(stderr).toMatch(/zh-TradingPartner\.csv:1: error: the header matches no known data format; columns found: "贸易伙伴编码", "贸易伙伴名称"; .*\[header\.unknown\]/);
  });

  it('exits 65 and asks for --flow when a GACC file is checked without it', async () => {
    const { status, stderr } = await tradebrief('data', 'check', MONTHLY_GB, '--now', '2026-11-27');
    expect(status).toBe(65);
    expect(stderr).toContain('--flow export|import');
    expect(stderr).toContain('[option.flow-missing]');
  });

  it('prints problems as file:row: column "X": error: message [rule]', async () => {
    const { status, stderr } = await tradebrief('data', 'check', MONTHLY_GB, '--flow', 'export', '--now', '2024-10-01');
    expect(status).toBe(65);
    expect(stderr).toContain(`${MONTHLY_GB}:12: column "数据年月": error: month 2024-11 is in the future (today is in 2024-10) [month.future]`);
  });

  it('caps the problems listed with --max-problems and says so', async () => {
    const { status, stderr } = await tradebrief('data', 'check', 'test/fixtures/gacc/*2024-monthly*.csv', '--flow', 'export', '--now', '2026-11-27', '--max-problems', '3');
    expect(status).toBe(65);
    expect(stderr.match(/\[row\.duplicate\]/g)).toHaveLength(3);
    expect(stderr).toContain('more problems not shown');
  });

  it('prints machine-readable JSON with --json', async () => {
    const { status, stdout } = await tradebrief('data', 'check', MONTHLY_GB, '--flow', 'export', '--now', '2026-11-27', '--json');
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as { ok: boolean; months: string[]; files: { encoding: string }[]; totals: { value: number }[]; problems: unknown[] };
    expect(report.ok).toBe(true);
    expect(report.months).toHaveLength(12);
    expect(report.files[0]?.encoding).toBe('gb18030');
    expect(report.totals[0]?.value).toBe(447_062_632);
    expect(report.problems).toEqual([]);
  });

  it('exits 64 on bad options', async () => {
    const [badFlow, badMonth, badNow, badMax, noFile] = await Promise.all([
      tradebrief('data', 'check', MONTHLY_GB, '--flow', 'sideways'),
      tradebrief('data', 'check', MONTHLY_GB, '--flow', 'export', '--month', '2024-13'),
      tradebrief('data', 'check', MONTHLY_GB, '--flow', 'export', '--now', 'yesterday'),
      tradebrief('data', 'check', MONTHLY_GB, '--flow', 'export', '--max-problems', '0'),
      tradebrief('data', 'check'),
    ]);
    expect([badFlow.status, badMonth.status, badNow.status, badMax.status, noFile.status]).toEqual([64, 64, 64, 64, 64]);
    expect(badFlow.stderr).toContain("Allowed choices are export, import");
    expect(badMonth.stderr).toContain('--month "2024-13" is not a month as YYYY-MM');
  });

  it('describes every option in --help', async () => {
    const { status, stdout } = await tradebrief('data', 'check', '--help');
    expect(status).toBe(0);
    for (const option of ['--format', '--flow', '--encoding', '--month', '--now', '--max-problems', '--incomplete-month', '--allow-other-reporters', '--json']) {
      expect(stdout).toContain(option);
    }
    expect(stdout).toContain('数据年月');
  });
});

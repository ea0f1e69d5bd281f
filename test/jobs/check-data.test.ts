import { describe, expect, it } from 'vitest';
import { DataError, type Problem } from '../../src/errors.js';
import type { LoadedData } from '../../src/data/load.js';
import { checkData, formatCheckReport } from '../../src/jobs/check-data.js';
import { summarizeData } from '../../src/data/summarize-data.js';
import { aRecord, originsFor, tinyReference } from '../data/helpers/tiny-reference.js';

const warning: Problem = { file: 'x.csv', row: 3, column: '美元', severity: 'warning', rule: 'file.truncated', message: 'exactly 10,000 rows' };
const error: Problem = { ...warning, severity: 'error', rule: 'value.negative', message: 'value -1 is negative' };
const files: LoadedData['files'] = [{ file: 'x.csv', format: 'gacc', encoding: 'gb18030', currency: 'USD', flow: 'export', dataRows: 2, months: ['2022-08'], sha256: 'ab' }];

function fakeRead(problems: Problem[]): () => Promise<LoadedData> {
  const records = [aRecord(), aRecord({ partner: '145', valueUsd: 2500 })];
  return async () => ({ records, origins: originsFor(2, 'x.csv'), problems, files });
}

async function run(problems: Problem[], json = false): Promise<{ output: string; thrown: unknown }> {
  let output = '';
  const thrown = await checkData([{ path: 'x.csv', flow: 'export' }], { reference: tinyReference(), now: new Date('2026-01-01'), json }, { write: (text) => (output += text), read: fakeRead(problems) }).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  return { output, thrown };
}

describe('checkData()', () => {
  it('prints files, coverage and totals, and resolves when there are only warnings', async () => {
    const { output, thrown } = await run([warning]);
    expect(thrown).toBeUndefined();
    expect(output).toContain('x.csv  gacc  gb18030  USD  export  2 rows  2022-08');
    expect(output).toContain('Partners: 2 (145, 502)');
    expect(output).toContain('2022-08  region 65  export  USD 3,500  (2 rows)');
    expect(output).toContain('x.csv:3: column "美元": warning: exactly 10,000 rows [file.truncated]');
    expect(output).toContain('OK: no errors, 1 warning(s)');
  });

  it('prints the summary, then throws a DataError with every problem (which cli.ts prints)', async () => {
    const { output, thrown } = await run([warning, error]);
    expect(thrown).toBeInstanceOf(DataError);
    expect((thrown as DataError).problems).toEqual([warning, error]);
    expect(output).toContain('Total value per month');
    expect(output).not.toContain('[value.negative]');
  });

  it('prints JSON with --json, problems included, even when it then fails', async () => {
    const { output, thrown } = await run([error], true);
    expect(thrown).toBeInstanceOf(DataError);
    expect(JSON.parse(output)).toMatchObject({ ok: false, rows: 2, months: ['2022-08'], problems: [error], totals: [{ value: 3500 }] });
  });
});

describe('formatCheckReport()', () => {
  it('says when nothing could be read', () => {
    const text = formatCheckReport(summarizeData({ records: [], origins: [], problems: [], files: [] }), [], false);
    expect(text).toContain('(no file could be read)');
    expect(text).toContain('Months: none');
  });
});

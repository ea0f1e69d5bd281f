import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors.js';
import { loadDataFiles, readDataFiles, type LoadedData } from '../../src/data/load.js';
import { loadReference } from '../../src/data/reference/load-reference.js';
import { tinyReference } from './helpers/tiny-reference.js';

const GACC = 'test/fixtures/gacc';
const READERS = 'test/fixtures/readers';
const BREAKDOWN = ['gb18030', 'utf8'].map((encoding) => `${GACC}/gacc-export-85177950-202601-breakdown-excerpt-usd.${encoding}.csv`);
const MONTHLY = ['gb18030', 'utf8'].map((encoding) => `${GACC}/gacc-export-85177950-2024-monthly-usd.${encoding}.csv`);
const now = new Date('2026-11-27T12:00:00Z');
const reference = loadReference();

const totalUsd = (data: LoadedData, keep: (record: LoadedData['records'][number]) => boolean): number =>
  data.records.filter(keep).reduce((sum, record) => sum + (record.valueUsd ?? 0), 0);
const rules = (data: LoadedData): string[] => data.problems.map((problem) => problem.rule);

describe('loadDataFiles() on the real GACC exports', () => {
  for (const path of BREAKDOWN) {
    const encoding = path.includes('gb18030') ? 'gb18030' : 'utf8';
    describe(`the 2026-01 breakdown excerpt (${encoding})`, () => {
      it('detects the encoding and reads all 96 rows without a problem', async () => {
        const data = await loadDataFiles([{ path, flow: 'export' }], { reference, now });
        expect(data.problems).toEqual([]);
        expect(data.records).toHaveLength(96);
        expect(data.files).toEqual([expect.objectContaining({ format: 'gacc', encoding, currency: 'USD', flow: 'export', dataRows: 96, months: ['2026-01'] })]);
        expect(data.files[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
      });

      it('totals US$29,632,939 for partner 502 and US$107,085 for registration place 65', async () => {
        const data = await loadDataFiles([{ path, flow: 'export' }], { reference, now });
        expect(totalUsd(data, (record) => record.partner === '502')).toBe(29_632_939);
        expect(totalUsd(data, (record) => record.region === '65')).toBe(107_085);
        expect(data.records.filter((record) => record.partner === '502').every((record) => record.partnerIso2 === 'US')).toBe(true);
      });

      it('reads partner names with embedded newlines as single records with the right code, numbered by CSV record', async () => {
        const data = await loadDataFiles([{ path, flow: 'export' }], { reference, now });
        const rows = (code: string) => data.records.flatMap((record, index) => (record.partner === code ? [data.origins[index]?.row] : []));
        // The first 玻利维亚 record spans text lines 64–65; the next one starts on line 66 but is row 65.
        expect(rows('408')).toEqual([64, 65]);
        expect(rows('417')).toEqual([67]);
        expect(rows('418')).toEqual([68, 69]);
        expect(rows('449')).toEqual([71]);
        expect(data.records.find((record) => record.partner === '449')).toMatchObject({ region: '44', regime: '10', valueUsd: 788 });
      });
    });
  }

  it('reads both encodings of the excerpt into the same records', async () => {
    const [gb, utf] = await Promise.all(BREAKDOWN.map((path) => loadDataFiles([{ path, flow: 'export' }], { reference, now })));
    expect(gb?.records).toEqual(utf?.records);
  });

  it('reads the 2024 monthly file as 12 export months, not broken down by partner, region or regime', async () => {
    for (const path of MONTHLY) {
      const data = await loadDataFiles([{ path, flow: 'export' }], { reference, now });
      expect(data.files[0]?.months).toHaveLength(12);
      expect(data.records.every((record) => record.flow === 'export' && record.partner === null && record.region === null && record.regime === null)).toBe(true);
      expect(data.records[0]).toMatchObject({ month: '2024-01', hsCode: '85177950', valueUsd: 447_062_632, qty1: 257_644, unit1: '千克', qty2: null, unit2: null });
    }
  });

  it('rejects the raw GB18030 code lists as unknown headers, naming their columns', async () => {
    const data = await readDataFiles([{ path: `${GACC}/code-lists-raw/*.csv`, flow: 'export' }], { reference, now });
    expect(data.problems.map((problem) => [problem.rule, problem.file.split('/').pop()])).toEqual([
      ['header.unknown', 'china_customs_provinces.csv'],
      ['header.unknown', 'zh-TradingPartner.csv'],
    ]);
    expect(data.problems[0]?.message).toContain('"收发货人注册地编码", "收发货人注册地名称"');
    expect(data.problems[1]?.message).toContain('"贸易伙伴编码", "贸易伙伴名称"');
  });

  it('reports the same month loaded twice (both copies by a glob) as duplicates naming the first row', async () => {
    const data = await readDataFiles([{ path: `${GACC}/*2024-monthly*.csv`, flow: 'export' }], { reference, now });
    expect(data.files).toHaveLength(2);
    expect(rules(data)).toEqual(Array(12).fill('row.duplicate'));
    expect(data.problems[0]).toMatchObject({ file: MONTHLY[1], row: 2 });
    expect(data.problems[0]?.message).toContain(`${MONTHLY[0]}:2`);
  });

  it('reports months after `now` as in the future', async () => {
    const data = await readDataFiles([{ path: MONTHLY[1] ?? '', flow: 'export' }], { reference, now: new Date('2024-10-15T00:00:00Z') });
    expect(data.problems.map((problem) => [problem.rule, problem.row, problem.column])).toEqual([
      ['month.future', 12, '数据年月'],
      ['month.future', 13, '数据年月'],
    ]);
  });
});

describe('loadDataFiles() encodings', () => {
  it('reports a GB18030 file forced through UTF-8 as a wrong encoding and names --encoding gb18030', async () => {
    const data = await readDataFiles([{ path: BREAKDOWN[0] ?? '', flow: 'export', encoding: 'utf8' }], { reference, now });
    expect(data.problems).toEqual([expect.objectContaining({ rule: 'encoding.wrong', file: BREAKDOWN[0], severity: 'error' })]);
    expect(data.problems[0]?.message).toContain('--encoding gb18030');
  });

  it('reports a UTF-8 file forced through GB18030 as a wrong encoding and names --encoding utf8', async () => {
    const data = await readDataFiles([{ path: BREAKDOWN[1] ?? '', flow: 'export', encoding: 'gb18030' }], { reference, now });
    expect(data.problems).toEqual([expect.objectContaining({ rule: 'encoding.wrong' })]);
    expect(data.problems[0]?.message).toContain('--encoding utf8');
  });

  it('reports mojibake (a GB18030 name inside a UTF-8 file) whichever encoding is used', async () => {
    for (const encoding of ['auto', 'utf8'] as const) {
      const data = await readDataFiles([{ path: `${READERS}/gacc-mixed-encoding.csv`, flow: 'export', encoding }], { reference, now });
      expect(rules(data)).toEqual(['encoding.wrong']);
    }
  });

  it('accepts a UTF-8 BOM and CRLF line ends (an Excel re-save)', async () => {
    const data = await loadDataFiles([{ path: `${READERS}/gacc-bom-crlf.utf8.csv`, flow: 'export' }], { reference, now });
    expect(data.files[0]).toMatchObject({ format: 'gacc', encoding: 'utf8' });
    expect(data.records.map((record) => [record.hsCode, record.valueUsd])).toEqual([
      ['61159600', 1_250_000],
      ['95051000', 4_800_000],
    ]);
    expect(data.records[1]?.unit1).toBeNull();
  });
});

describe('loadDataFiles() problems', () => {
  it('throws a DataError carrying every problem when there is an error', async () => {
    const error = await loadDataFiles([{ path: `${READERS}/empty.csv` }, { path: `${READERS}/gacc-header-only.csv`, flow: 'export' }], { reference, now }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).problems.map((problem) => [problem.rule, problem.file.split('/').pop()])).toEqual([
      ['file.empty', 'empty.csv'],
      ['file.header-only', 'gacc-header-only.csv'],
    ]);
  });

  it('reports a glob that matches nothing and a missing file', async () => {
    const data = await readDataFiles([{ path: `${READERS}/nothing-*.csv` }, { path: `${READERS}/missing.csv` }], { reference, now });
    expect(data.problems.map((problem) => [problem.rule, problem.file])).toEqual([
      ['file.not-found', `${READERS}/nothing-*.csv`],
      ['file.not-found', `${READERS}/missing.csv`],
    ]);
  });

  it('reports a USD file and a CNY file loaded together as mixed currencies', async () => {
    const data = await readDataFiles(
      [{ path: `${READERS}/gacc-bom-crlf.utf8.csv`, flow: 'export' }, { path: `${READERS}/gacc-cny.gb18030.csv`, flow: 'export' }],
      { reference, now },
    );
    expect(data.problems).toEqual([expect.objectContaining({ rule: 'currency.mixed', file: `${READERS}/gacc-cny.gb18030.csv`, row: 2, column: '人民币' })]);
    expect(data.files.map((file) => file.currency)).toEqual(['USD', 'CNY']);
  });

  it('reads a Comtrade file and reports rows of the other flow when the flow is given', async () => {
    const path = `${READERS}/comtrade-china-us-202208.csv`;
    const all = await readDataFiles([{ path }], { reference, now });
    expect(all.records.map((record) => [record.flow, record.partner, record.hsCode, record.valueUsd])).toEqual([
      ['export', '502', '9505', 4_800_000],
      ['import', '502', '9505', 2500],
    ]);
    expect(rules(all)).toEqual(['comtrade.subflow-skipped']);
    expect(all.files[0]).toMatchObject({ format: 'comtrade', flow: null });
    const exportsOnly = await readDataFiles([{ path, flow: 'export' }], { reference, now });
    expect(exportsOnly.problems).toContainEqual(expect.objectContaining({ rule: 'flow.mixed', row: 3, column: 'flowCode' }));
  });

  it('reads a canonical file, keeping leading zeros, and reports the import row in an export file', async () => {
    const path = `${READERS}/canonical-xinjiang-202208.csv`;
    const data = await readDataFiles([{ path, flow: 'export' }], { reference, now });
    expect(data.records.map((record) => record.hsCode)).toEqual(['95051000', '61159600', '0702']);
    expect(data.problems).toEqual([expect.objectContaining({ rule: 'flow.mixed', row: 4 })]);
  });

  it('names the column as the file calls it when a record rule fails', async () => {
    const data = await readDataFiles([{ path: `${READERS}/gacc-bom-crlf.utf8.csv`, flow: 'export' }], { reference: { ...tinyReference(), partners: new Map() }, now });
    expect(data.problems.map((problem) => [problem.rule, problem.row, problem.column])).toEqual([
      ['partner.unknown', 2, '贸易伙伴编码'],
      ['partner.unknown', 3, '贸易伙伴编码'],
    ]);
  });

  it('keeps at most maxProblems problems and says more were found', async () => {
    const data = await readDataFiles([{ path: `${GACC}/*2024-monthly*.csv`, flow: 'export' }], { reference, now, maxProblems: 5 });
    expect(data.problems).toHaveLength(5);
    expect(data.truncated).toBe(true);
  });

  it('sniffs the format unless told, and reads with the reader it is told to use', async () => {
    const data = await readDataFiles([{ path: `${READERS}/canonical-xinjiang-202208.csv`, format: 'gacc', flow: 'export' }], { reference, now });
    expect(rules(data)).toEqual(['header.unknown']);
  });
});

import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReference } from '../../../src/data/reference/load-reference.js';
import { importFiles } from '../../../src/data/store/import-files.js';
import { readManifest } from '../../../src/data/store/manifest.js';

const reference = loadReference();
const now = new Date('2026-11-27T12:00:00Z');
const HEADER = '"数据年月","商品编码","商品名称","贸易伙伴编码","贸易伙伴名称","贸易方式编码","贸易方式名称","注册地编码","注册地名称","第一数量","第一计量单位","第二数量","第二计量单位","美元",';
const row = (month: string, partner: string, region: string, value: string) =>
  `"${month}","95051000","圣诞节用品","${partner}","x","10","一般贸易","${region}","y","100","千克","0","?","${value}",`;

function fixture(dir: string, name: string, lines: string[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, `${[HEADER, ...lines].join('\n')}\n`);
  return file;
}

function partitionFiles(store: string): string[] {
  if (!existsSync(path.join(store, 'parts'))) return [];
  return readdirSync(path.join(store, 'parts'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.arrow')).sort();
}

describe('importFiles()', () => {
  const quiet = { reference, now, log: () => {} };

  it('writes one Arrow file per flow, month and region, and a manifest with the source sha256', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'store-'));
    const file = fixture(dir, 'a.csv', [row('202207', '502', '65', '1,000'), row('202207', '502', '44', '2,000'), row('202208', '145', '65', '300')]);
    const store = path.join(dir, 'store');
    const result = await importFiles([{ path: file, flow: 'export' }], store, quiet);
    expect(result).toMatchObject({ imported: [file], skipped: [], failed: [], rows: 3 });
    expect(partitionFiles(store).map((name) => name.split(path.sep).slice(0, 3).join('/'))).toEqual(['export/2022-07/44', 'export/2022-07/65', 'export/2022-08/65']);
    const [source] = (await readManifest(store)).sources;
    expect(source).toMatchObject({ file, format: 'gacc', encoding: 'utf8', currency: 'USD', flow: 'export', dataRows: 3, months: ['2022-07', '2022-08'] });
    expect(source?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(source?.monthTotals).toContainEqual({ month: '2022-07', flow: 'export', currency: 'USD', partners: [['502', 3000]] });
  });

  it('skips a file imported before with the same content, and replaces one whose content changed', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'store-'));
    const store = path.join(dir, 'store');
    const file = fixture(dir, 'a.csv', [row('202207', '502', '65', '1,000')]);
    await importFiles([{ path: file, flow: 'export' }], store, quiet);
    expect(await importFiles([{ path: file, flow: 'export' }], store, quiet)).toMatchObject({ imported: [], skipped: [file] });
    fixture(dir, 'a.csv', [row('202208', '502', '65', '1,500')]);
    expect(await importFiles([{ path: file, flow: 'export' }], store, quiet)).toMatchObject({ imported: [file] });
    const manifest = await readManifest(store);
    expect(manifest.sources.map((source) => source.months)).toEqual([['2022-08']]);
    expect(partitionFiles(store)).toHaveLength(1);
  });

  it('imports nothing of a file with an error, reports it at file:row:column, and still imports the good files', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'store-'));
    const store = path.join(dir, 'store');
    const good = fixture(dir, 'good.csv', [row('202207', '502', '65', '1,000')]);
    const bad = fixture(dir, 'bad.csv', [row('202208', '502', '65', '1,000'), row('202208', '145', '65', '12x')]);
    const result = await importFiles([{ path: path.join(dir, '*.csv'), flow: 'export' }], store, quiet);
    expect(result).toMatchObject({ imported: [good], failed: [bad] });
    expect(result.problems).toContainEqual(expect.objectContaining({ file: bad, row: 3, column: '美元', severity: 'error', rule: 'value.not-numeric' }));
    expect((await readManifest(store)).sources.map((source) => source.file)).toEqual([good]);
    expect(partitionFiles(store).every((name) => name.includes('2022-07'))).toBe(true);
  });

  it('refuses rows that repeat rows already in the store (an overlapping second download), naming the first', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'store-'));
    const store = path.join(dir, 'store');
    const first = fixture(dir, 'first.csv', [row('202207', '502', '65', '1,000')]);
    const second = fixture(dir, 'second.csv', [row('202207', '145', '65', '5'), row('202207', '502', '65', '1,000')]);
    await importFiles([{ path: first, flow: 'export' }], store, quiet);
    const result = await importFiles([{ path: second, flow: 'export' }], store, quiet);
    expect(result.failed).toEqual([second]);
    expect(result.problems).toEqual([expect.objectContaining({ file: second, row: 3, rule: 'row.duplicate', message: expect.stringContaining(`${first}:2`) })]);
  });

  it('leaves no temporary file behind', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'store-'));
    const store = path.join(dir, 'store');
    await importFiles([{ path: fixture(dir, 'a.csv', [row('202207', '502', '65', '1')]), flow: 'export' }], store, quiet);
    const all = readdirSync(store, { recursive: true, encoding: 'utf8' });
    expect(all.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(JSON.parse(readFileSync(path.join(store, 'manifest.json'), 'utf8'))).toHaveProperty('storeVersion', 1);
  });
});

import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGeneratedMonth } from '../../src/jobs/deliver-inputs.js';

const pdf = '%PDF-1.7 tiny\n%%EOF\n';
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** An edition folder as generate writes it, with only the parts deliver reads; edition 2 comes with its changes.json. */
function writeEdition(
  out: string,
  options: { edition?: number; pdf?: string | null; manifestPdfSha?: string; statsSha?: string; changesSha?: string; withManifest?: boolean; withTrend?: boolean } = {},
): string {
  const edition = options.edition ?? 1;
  const dir = path.join(out, 'xinjiang-us', '2022-08', `edition-${edition}`);
  mkdirSync(path.join(dir, 'charts'), { recursive: true });
  const statsText = JSON.stringify({ report: 'xinjiang-us', month: '2022-08', headline: { valueUsd: 56_800_000 + edition } });
  writeFileSync(path.join(dir, 'stats.json'), statsText);
  if (options.pdf !== null) writeFileSync(path.join(dir, 'report.pdf'), options.pdf ?? pdf);
  if (options.withTrend !== false) writeFileSync(path.join(dir, 'charts', 'trend.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  const outputs = [
    { file: 'report.pdf', bytes: 1, sha256: options.manifestPdfSha ?? sha(pdf) },
    { file: 'stats.json', bytes: 1, sha256: options.statsSha ?? sha(statsText) },
  ];
  if (edition > 1) {
    const changes = [{ kind: 'figure', key: 'headline.valueUsd', field: 'Exports to the United States, August 2022', before: 'US$56.8 million', after: 'US$61.2 million', beforeValue: 1, afterValue: 2 }];
    const changesText = JSON.stringify({ schemaVersion: 1, report: 'xinjiang-us', month: '2022-08', edition, comparedWith: edition - 1, changes });
    writeFileSync(path.join(dir, 'changes.json'), changesText);
    outputs.push({ file: 'changes.json', bytes: 1, sha256: options.changesSha ?? sha(changesText) });
  }
  if (options.withManifest !== false) {
    const manifest = { schemaVersion: 1, report: 'xinjiang-us', month: '2022-08', edition, sampleData: true, outputs };
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  }
  return out;
}

function generatedMonth(options: Parameters<typeof writeEdition>[1] = {}): string {
  return writeEdition(mkdtempSync(path.join(tmpdir(), 'tradebrief-deliver-inputs-')), options);
}

describe('readGeneratedMonth()', () => {
  it('returns the manifest, the stats, the PDF path and the trend chart of a complete month', async () => {
    const out = generatedMonth();
    const month = await readGeneratedMonth(out, 'xinjiang-us', '2022-08');
    expect(month.manifest.edition).toBe(1);
    expect(month.edition).toBe(1);
    expect(month.stats.headline.valueUsd).toBe(56_800_001);
    expect(month.pdfPath).toBe(path.join(out, 'xinjiang-us', '2022-08', 'edition-1', 'report.pdf'));
    expect(month.trendSvg).toContain('<svg');
    expect(month.changes).toBeUndefined();
  });

  it('reads the latest complete edition, with its changes.json, unless an edition is named', async () => {
    const out = writeEdition(generatedMonth({ edition: 1 }), { edition: 2 });
    // An interrupted edition 3 (no manifest) is not a candidate.
    writeEdition(out, { edition: 3, withManifest: false });
    const latest = await readGeneratedMonth(out, 'xinjiang-us', '2022-08');
    expect(latest.edition).toBe(2);
    expect(latest.dir).toBe(path.join(out, 'xinjiang-us', '2022-08', 'edition-2'));
    expect(latest.changes?.map((change) => [change.field, change.before, change.after])).toEqual([['Exports to the United States, August 2022', 'US$56.8 million', 'US$61.2 million']]);
    const first = await readGeneratedMonth(out, 'xinjiang-us', '2022-08', 1);
    expect(first.stats.headline.valueUsd).toBe(56_800_001);
    await expect(readGeneratedMonth(out, 'xinjiang-us', '2022-08', 3)).rejects.toMatchObject({ code: 'EditionNotGenerated', kind: 'user', hint: expect.stringContaining('Editions on disk: 1, 2') });
  });

  it('refuses a changes.json edited after the manifest was written', async () => {
    const out = writeEdition(generatedMonth({ edition: 1 }), { edition: 2, changesSha: sha('[]') });
    await expect(readGeneratedMonth(out, 'xinjiang-us', '2022-08')).rejects.toThrow(/changes\.json is not the file its manifest describes/);
  });

  it('tells the user to generate the month first when it was never generated', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'tradebrief-deliver-inputs-'));
    await expect(readGeneratedMonth(out, 'xinjiang-us', '2022-08')).rejects.toMatchObject({
      code: 'MonthNotGenerated',
      kind: 'user',
      hint: expect.stringContaining('tradebrief generate --report xinjiang-us --month 2022-08'),
    });
  });

  it('refuses a folder without its manifest: generate did not finish', async () => {
    await expect(readGeneratedMonth(generatedMonth({ withManifest: false }), 'xinjiang-us', '2022-08')).rejects.toThrow(/no complete edition/);
  });

  it('refuses a PDF that is not the one the manifest describes', async () => {
    await expect(readGeneratedMonth(generatedMonth({ pdf: '%PDF- something else' }), 'xinjiang-us', '2022-08')).rejects.toThrow(/report\.pdf is not the file its manifest describes/);
    await expect(readGeneratedMonth(generatedMonth({ pdf: null }), 'xinjiang-us', '2022-08')).rejects.toThrow(/report\.pdf is missing/);
  });

  it('refuses a stats.json edited after the manifest was written', async () => {
    const out = generatedMonth({ statsSha: sha('{"something":"else"}') });
    await expect(readGeneratedMonth(out, 'xinjiang-us', '2022-08')).rejects.toThrow(/stats\.json is not the file its manifest describes/);
  });

  it('goes on without a trend chart', async () => {
    const month = await readGeneratedMonth(generatedMonth({ withTrend: false }), 'xinjiang-us', '2022-08');
    expect(month.trendSvg).toBeNull();
    expect(month.trendPng).toBeNull();
  });

  it("uses the email picture generate drew only while it is the file the manifest lists", async () => {
    const out = generatedMonth();
    const dir = path.join(out, 'xinjiang-us', '2022-08', 'edition-1');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    writeFileSync(path.join(dir, 'charts', 'trend.png'), png);
    // Not listed in the manifest (a month generated before the PNG was written): drawn again at send time.
    expect((await readGeneratedMonth(out, 'xinjiang-us', '2022-08')).trendPng).toBeNull();
    const manifestFile = path.join(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { outputs: { file: string; bytes: number; sha256: string }[] };
    manifest.outputs.push({ file: 'charts/trend.png', bytes: png.length, sha256: createHash('sha256').update(png).digest('hex') });
    writeFileSync(manifestFile, JSON.stringify(manifest));
    expect((await readGeneratedMonth(out, 'xinjiang-us', '2022-08')).trendPng).toEqual(png);
    // Changed on disk since: not trusted.
    writeFileSync(path.join(dir, 'charts', 'trend.png'), Buffer.concat([png, Buffer.from([4])]));
    expect((await readGeneratedMonth(out, 'xinjiang-us', '2022-08')).trendPng).toBeNull();
  });
});

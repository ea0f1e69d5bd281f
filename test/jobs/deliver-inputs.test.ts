import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGeneratedMonth } from '../../src/jobs/deliver-inputs.js';

const pdf = '%PDF-1.7 tiny\n%%EOF\n';
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** A month folder as generate writes it, with only the parts deliver reads. */
function generatedMonth(options: { pdf?: string | null; manifestPdfSha?: string; statsSha?: string; withManifest?: boolean; withTrend?: boolean } = {}): string {
  const out = mkdtempSync(path.join(tmpdir(), 'tradebrief-deliver-inputs-'));
  const dir = path.join(out, 'xinjiang-us', '2022-08');
  mkdirSync(path.join(dir, 'charts'), { recursive: true });
  const statsText = JSON.stringify({ report: 'xinjiang-us', month: '2022-08', headline: { valueUsd: 56_800_000 } });
  writeFileSync(path.join(dir, 'stats.json'), statsText);
  if (options.pdf !== null) writeFileSync(path.join(dir, 'report.pdf'), options.pdf ?? pdf);
  if (options.withTrend !== false) writeFileSync(path.join(dir, 'charts', 'trend.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  if (options.withManifest !== false) {
    const manifest = { schemaVersion: 1, report: 'xinjiang-us', month: '2022-08', edition: 2, sampleData: true, outputs: [
        { file: 'report.pdf', bytes: 1, sha256: options.manifestPdfSha ?? sha(pdf) },
        { file: 'stats.json', bytes: 1, sha256: options.statsSha ?? sha(statsText) },
      ],
    };
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  }
  return out;
}

describe('readGeneratedMonth()', () => {
  it('returns the manifest, the stats, the PDF path and the trend chart of a complete month', async () => {
    const out = generatedMonth();
    const month = await readGeneratedMonth(out, 'xinjiang-us', '2022-08');
    expect(month.manifest.edition).toBe(2);
    expect(month.stats.headline.valueUsd).toBe(56_800_000);
    expect(month.pdfPath).toBe(path.join(out, 'xinjiang-us', '2022-08', 'report.pdf'));
    expect(month.trendSvg).toContain('<svg');
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
    await expect(readGeneratedMonth(generatedMonth({ withManifest: false }), 'xinjiang-us', '2022-08')).rejects.toThrow(/manifest\.json does not exist/);
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
    expect((await readGeneratedMonth(generatedMonth({ withTrend: false }), 'xinjiang-us', '2022-08')).trendSvg).toBeNull();
  });
});

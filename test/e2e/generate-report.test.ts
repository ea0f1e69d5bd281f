/**
 * The whole `generate` command on the shipped sample, as a user runs it: real files, real Chromium, and the PDF
 * read back with pdfjs-dist the way a subscriber's viewer reads it.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StatsJson } from '../../src/stats/types.js';
import { inspectPdf, squash, type InspectedPdf } from '../pdf/helpers/inspect-pdf.js';
import { listProcesses } from '../pdf/helpers/processes.js';

const root = path.resolve(import.meta.dirname, '../..');

function tradebrief(...args: string[]): { status: number | null; stdout: string; stderr: string; pid: number } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 240_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, pid: result.pid };
}

/**
 * Live Chromium processes started by the tradebrief process `pid`: the pool names each browser's profile
 * folder after the pid that launched it, so other tests' browsers running at the same time do not count.
 */
function browsersOf(pid: number): number[] {
  return listProcesses()
    .filter((process) => process.state !== 'Z')
    .filter((process) => {
      try {
        return readFileSync(`/proc/${process.pid}/cmdline`, 'utf8').includes(`tradebrief-chromium-${pid}-`);
      } catch {
        return false; // exited while we looked
      }
    })
    .map((process) => process.pid);
}

describe('tradebrief generate (PDF)', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'tradebrief-e2e-'));
  const dir = path.join(out, 'xinjiang-us', '2022-08', 'edition-1');
  let stats: StatsJson;
  let pdf: InspectedPdf;
  let pdfBytes: Buffer;
  let cliPid: number;

  beforeAll(async () => {
    const run = tradebrief('generate', '--report', 'xinjiang-us', '--month', '2022-08', '--out', out, '--now', '2022-09-21T09:00:00+08:00');
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.status).toBe(0);
    cliPid = run.pid;
    stats = JSON.parse(readFileSync(path.join(dir, 'stats.json'), 'utf8')) as StatsJson;
    pdfBytes = readFileSync(path.join(dir, 'report.pdf'));
    pdf = await inspectPdf(pdfBytes);
  }, 240_000);

  it('writes stats, charts, HTML, PDF and a manifest that names them with their checksums', () => {
    expect(readdirSync(dir).sort()).toEqual(['charts', 'manifest.json', 'report.html', 'report.pdf', 'stats.json']);
    expect(readdirSync(path.join(dir, 'charts')).sort()).toEqual(['categories.svg', 'partners.svg', 'products.svg', 'rank-history.svg', 'trend.png', 'trend.svg']);
    // The email's picture of the trend: a PNG at twice the email's 600 px, listed with its checksum.
    const png = readFileSync(path.join(dir, 'charts', 'trend.png'));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(1200);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
      outputs: { file: string; sha256: string; pages?: number }[];
      inputs: { sha256: string }[];
      sampleData: boolean;
      timingsMs: Record<string, number>;
    };
    const pdfEntry = manifest.outputs.find((entry) => entry.file === 'report.pdf');
    expect(pdfEntry?.sha256).toBe(createHash('sha256').update(pdfBytes).digest('hex'));
    expect(pdfEntry?.pages).toBe(pdf.pageTexts.length);
    expect(manifest.inputs.length).toBe(34); // 33 monthly GACC files + the Comtrade national series
    expect(manifest.sampleData).toBe(true);
    expect(manifest.outputs.find((entry) => entry.file === 'charts/trend.png')?.sha256).toBe(createHash('sha256').update(png).digest('hex'));
    expect(Object.keys(manifest.timingsMs)).toEqual(expect.arrayContaining(['load', 'stats', 'charts', 'html', 'pdf', 'email-chart']));
  });

  it('prints every narrative sentence and the headline numbers of stats.json into the PDF', () => {
    const text = squash(pdf.pageTexts.join(' '));
    for (const sentence of stats.narrative) expect(text).toContain(squash(sentence.text));
    expect(text).toContain('US$56.8 million');
    expect(text).toContain(`+${stats.headline.yoyPct?.toFixed(1)}`);
    expect(stats.headline.yoyPct).toBeCloseTo(592.8, 1);
  });

  it('says on the cover that the data are synthetic', () => {
    expect(squash(pdf.pageTexts[0] ?? '')).toMatch(/synthetic/i);
  });

  it('has a page for the cover and one per chart section at least, with running header and footer on each', () => {
    const sections = ['Monthly trend', 'Trading partners', 'Product categories', 'Top products'];
    expect(pdf.pageTexts.length).toBeGreaterThanOrEqual(sections.length + 1);
    pdf.pageTexts.forEach((page, index) => {
      expect(squash(page)).toContain(`Page ${index + 1} of ${pdf.pageTexts.length}`);
      expect(squash(page)).toContain('August 2022');
    });
    for (const section of sections) expect(pdf.outline).toContain(section);
  });

  it('embeds only the fonts shipped with the project, and sets the document metadata', () => {
    expect(pdf.fonts.length).toBeGreaterThan(0);
    for (const font of pdf.fonts) expect(font).toMatch(/^NotoSans/);
    expect(pdf.info.Title).toBe('Xinjiang exports to the United States, August 2022');
    expect(pdf.info.Author).toBe('tradebrief');
    expect(pdf.tagged).toBe(true);
  });

  it('leaves no Chromium process behind', () => {
    expect(browsersOf(cliPid)).toEqual([]);
  });
});

describe('tradebrief generate --from --to (a backfill)', () => {
  it('renders every month with one browser and reports progress', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'tradebrief-backfill-'));
    const run = tradebrief('generate', '--report', 'xinjiang-us', '--from', '2021-09', '--to', '2022-09', '--out', out, '--now', '2022-10-21T00:00:00Z');
    expect(run.status).toBe(0);
    const months = readdirSync(path.join(out, 'xinjiang-us')).sort();
    expect(months).toHaveLength(13);
    expect(months[0]).toBe('2021-09');
    for (const month of months) expect(readdirSync(path.join(out, 'xinjiang-us', month, 'edition-1'))).toContain('report.pdf');
    expect(run.stderr).toContain('generating 2022-09 (13/13)');
    expect(run.stderr).toContain('rendered 13 months with 1 browser launch');
  }, 300_000);
});

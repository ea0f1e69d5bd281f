/**
 * The acceptance test of corrected editions, as an operator lives it: August 2022 generated and mailed to two
 * subscribers from a copy of the shipped sample, the customs data then revised (the US rows of the August file,
 * in the GB18030 download layout), and `tradebrief regenerate` run. Real files, real Chromium, a real SQLite
 * ledger and a real SMTP server on loopback; the PDF is read back with pdfjs-dist.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangesFile } from '../../src/jobs/generate.js';
import type { StatsJson } from '../../src/stats/types.js';
import { openStore, type Store } from '../../src/store/index.js';
import { inspectPdf, squash } from '../pdf/helpers/inspect-pdf.js';
import { tradebrief, type CliResult } from './helpers/send-harness.js';
import { startSmtpSink, type SmtpSink } from './helpers/smtp-sink.js';

const root = path.resolve(import.meta.dirname, '../..');
const REPORT = 'xinjiang-us';
const MONTH = '2022-08';
const FIRST_RECIPIENTS = ['ana@example.org', 'bo@example.org'];
const LATECOMER = 'cy@example.org';
/** What the revision adds to one US row of the August file. */
const DELTA_USD = 4_321_987;
const AUGUST_FILE = 'xinjiang-exports-202208.csv';

let folder: string;
let out: string;
let data: string;
let configFile: string;
let db: string;
let sink: SmtpSink;

function withStore<T>(work: (store: Store) => T): T {
  const store = openStore(db);
  try {
    return work(store);
  } finally {
    store.close();
  }
}

function cli(args: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  return tradebrief([...args, '--report', REPORT, '--month', MONTH, '--config', configFile, '--out', out], { TRADEBRIEF_DB: db, SMTP_URL: sink.url, ...env });
}

const editionDir = (edition: number): string => path.join(out, REPORT, MONTH, `edition-${edition}`);

/** sha256 of every file under a folder, by relative path. */
function checksums(dir: string): Record<string, string> {
  const sums: Record<string, string> = {};
  const walk = (current: string): void => {
    for (const name of readdirSync(current).sort()) {
      const file = path.join(current, name);
      if (statSync(file).isDirectory()) walk(file);
      else sums[path.relative(dir, file)] = createHash('sha256').update(readFileSync(file)).digest('hex');
    }
  };
  walk(dir);
  return sums;
}

/** The US total of a GACC download, summed straight from the file (not through tradebrief's reader). */
function usTotal(file: string): number {
  const rows = parse(iconv.decode(readFileSync(file), 'gb18030'), { columns: true, relax_column_count: true }) as Record<string, string>[];
  return rows.filter((row) => row['贸易伙伴编码'] === '502').reduce((sum, row) => sum + Number((row['美元'] ?? '').replace(/,/g, '')), 0);
}

/** Revises the August file as a later download would: one US row worth DELTA_USD more. Returns that row's HS code. */
function reviseAugust(): string {
  const file = path.join(data, AUGUST_FILE);
  const lines = iconv.decode(readFileSync(file), 'gb18030').split('\n');
  const index = lines.findIndex((line) => /^"202208","\d{8}","[^"]*","502",.*,"[\d,]+",\r?$/.test(line));
  const line = lines[index];
  if (line === undefined) throw new Error(`no one-line US row in ${file}`);
  const match = /,"([\d,]+)",(\r?)$/.exec(line);
  if (match === null) throw new Error(`no value in ${line}`);
  const revised = (Number((match[1] ?? '').replace(/,/g, '')) + DELTA_USD).toLocaleString('en-US');
  lines[index] = `${line.slice(0, match.index)},"${revised}",${match[2] ?? ''}`;
  writeFileSync(file, iconv.encode(lines.join('\n'), 'gb18030'));
  return /^"202208","(\d{8})"/.exec(line)?.[1] ?? '';
}

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'tradebrief-regenerate-e2e-'));
  out = path.join(folder, 'out');
  data = path.join(folder, 'gacc');
  db = path.join(folder, 'tradebrief.db');
  mkdirSync(data);
  cpSync(path.join(root, 'data/sample/gacc'), data, { recursive: true });
  const shipped = JSON.parse(readFileSync(path.join(root, 'tradebrief.config.json'), 'utf8')) as {
    reports: { id: string; data: { path: string }[]; national?: { data: { path: string }[] } }[];
    delivery: Record<string, unknown>;
  };
  const reports = shipped.reports.filter((report) => report.id === REPORT);
  for (const report of reports) {
    for (const source of report.data) source.path = path.join(data, 'xinjiang-exports-*.csv');
    for (const source of report.national?.data ?? []) source.path = path.resolve(root, source.path);
  }
  configFile = path.join(folder, 'tradebrief.test.json');
  const delivery = { ...shipped.delivery, rateLimit: { messages: 1000, perSeconds: 1 }, retry: { maxAttempts: 2, backoffMs: 20, giveUpAfterHours: 96 } };
  writeFileSync(configFile, JSON.stringify({ ...shipped, reports, outDir: out, delivery }, null, 2));
  sink = await startSmtpSink();
});

afterAll(async () => {
  await sink.close();
});

describe('tradebrief regenerate after a data revision', () => {
  let edition1Stats: StatsJson;
  let edition1Sums: Record<string, string>;
  let revisedHsCode: string;

  it('starts from edition 1 of August 2022, mailed to two subscribers', async () => {
    withStore((store) => {
      for (const email of FIRST_RECIPIENTS) store.addSubscriber({ email, reports: [REPORT] }, new Date('2022-09-01T00:00:00Z'));
    });
    const generated = await cli(['generate', '--now', '2022-09-21T09:00:00+08:00']);
    expect(generated.stderr).not.toMatch(/internal error/);
    expect(generated.code).toBe(0);
    const sent = await cli(['send', '--now', '2022-09-21T10:00:00+08:00']);
    expect(sent.code).toBe(0);
    expect(sent.stdout).toContain('sent 2, failed 0, uncertain 0, skipped 0');
    expect(sink.messages.map((message) => message.to[0]).sort()).toEqual(FIRST_RECIPIENTS);

    edition1Stats = JSON.parse(readFileSync(path.join(editionDir(1), 'stats.json'), 'utf8')) as StatsJson;
    expect(edition1Stats.headline.valueUsd).toBe(usTotal(path.join(data, AUGUST_FILE)));
    edition1Sums = checksums(editionDir(1));
    // Someone subscribes after edition 1 went out: a correction of a report they never had is not for them.
    withStore((store) => store.addSubscriber({ email: LATECOMER, reports: [REPORT] }, new Date('2022-09-25T00:00:00Z')));
  }, 240_000);

  it('refuses to rewrite the mailed edition with generate, pointing to regenerate', async () => {
    const refused = await cli(['generate', '--now', '2022-10-02T09:00:00+08:00']);
    expect(refused.code).toBe(65);
    expect(refused.stderr).toContain(`tradebrief regenerate --report ${REPORT} --month ${MONTH}`);
    expect(checksums(editionDir(1))).toEqual(edition1Sums);
  }, 120_000);

  it('makes edition 2 with the true before/after headline in changes.json, leaves edition 1 alone and sends nothing', async () => {
    revisedHsCode = reviseAugust();
    const expectedAfter = usTotal(path.join(data, AUGUST_FILE));
    expect(expectedAfter).toBe((edition1Stats.headline.valueUsd ?? 0) + DELTA_USD);
    const ledgerBefore = withStore((store) => store.deliveriesFor({ report: REPORT, month: MONTH, edition: 1 }));

    const result = await cli(['regenerate', '--now', '2022-10-02T09:00:00+08:00']);
    expect(result.stderr).not.toMatch(/internal error/);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`edition 2 of ${REPORT} ${MONTH}: ${editionDir(2)}`);
    expect(result.stdout).toMatch(/\d+ changes since edition 1/);
    expect(result.stdout).toContain(`not sent. To mail it to 2 subscribers: tradebrief send --report ${REPORT} --month ${MONTH} --edition 2`);

    expect(readdirSync(editionDir(2)).sort()).toEqual(['changes.json', 'charts', 'manifest.json', 'report.html', 'report.pdf', 'stats.json']);
    const changes = JSON.parse(readFileSync(path.join(editionDir(2), 'changes.json'), 'utf8')) as ChangesFile;
    expect(changes).toMatchObject({ report: REPORT, month: MONTH, edition: 2, comparedWith: 1 });
    const headline = changes.changes.find((change) => change.key === 'headline.valueUsd');
    expect(headline).toMatchObject({
      field: 'Exports to the United States, August 2022',
      beforeValue: edition1Stats.headline.valueUsd,
      afterValue: expectedAfter,
      before: 'US$56.8 million',
      after: 'US$61.1 million',
    });
    expect(changes.changes.map((change) => change.key)).toEqual(expect.arrayContaining(['headline.yoyPct', `products[${revisedHsCode.slice(0, 6)}].valueUsd`, 'narrative[headline-value]']));
    // Nothing but the US figures moved: no other partner's value is listed.
    expect(changes.changes.filter((change) => /^partners\[/.test(change.key) && change.key.endsWith('.valueUsd'))).toEqual([]);

    expect(checksums(editionDir(1))).toEqual(edition1Sums);
    expect(sink.messages).toHaveLength(2);
    expect(existsSync(path.join(editionDir(2), 'outbox'))).toBe(false);
    withStore((store) => {
      expect(store.deliveriesFor({ report: REPORT, month: MONTH, edition: 2 })).toEqual([]);
      expect(store.deliveriesFor({ report: REPORT, month: MONTH, edition: 1 })).toEqual(ledgerBefore);
      expect(store.listRuns({ report: REPORT })[0]).toMatchObject({ kind: 'regenerate', edition: 2, outcome: 'ok', counts: { sent: 0 } });
    });
  }, 240_000);

  it('mails edition 2 only to the two earlier recipients, as a correction listing the changes, and only once', async () => {
    const dryRun = await cli(['send', '--dry-run']);
    expect(dryRun.code).toBe(0);
    expect(dryRun.stdout).toMatch(/^dry run, edition 2: "Corrected: /m);
    expect(dryRun.stdout).not.toContain(LATECOMER);

    const sent = await cli(['send', '--now', '2022-10-02T10:00:00+08:00']);
    expect(sent.stderr).not.toMatch(/internal error/);
    expect(sent.code).toBe(0);
    expect(sent.stdout).toContain('sent 2, failed 0, uncertain 0, skipped 0');
    const corrections = sink.messages.slice(2);
    expect(corrections.map((message) => message.to[0]).sort()).toEqual(FIRST_RECIPIENTS);
    expect(sink.receivedBy(LATECOMER)).toEqual([]);
    const parsed = corrections[0]?.parsed;
    expect(parsed?.subject).toMatch(/^Corrected: Xinjiang exports to the United States, August 2022: US\$61\.1 million/);
    expect(parsed?.messageId).toMatch(new RegExp(`^<${REPORT}-${MONTH}-e2-`));
    const text = squash(parsed?.text ?? '');
    expect(text).toContain('What changed in this edition');
    expect(text).toContain('Exports to the United States, August 2022: Before US$56.8 million / After US$61.1 million');
    const pdf = parsed?.attachments.find((attachment) => attachment.contentType === 'application/pdf');
    expect(pdf?.filename).toBe(`${REPORT}-${MONTH}-e2.pdf`);
    expect(createHash('sha256').update(pdf?.content ?? Buffer.alloc(0)).digest('hex')).toBe(createHash('sha256').update(readFileSync(path.join(editionDir(2), 'report.pdf'))).digest('hex'));

    const pages = (await inspectPdf(readFileSync(path.join(editionDir(2), 'report.pdf')))).pageTexts.map(squash);
    const box = pages.find((page) => page.includes('Corrected edition')) ?? '';
    expect(box).toContain('This is edition 2 of this report.');
    expect(box).toContain('Exports to the United States, August 2022 US$56.8 million US$61.1 million');
    expect(pages.some((page) => page.includes('Edition 2'))).toBe(true);

    const again = await cli(['send', '--now', '2022-10-02T11:00:00+08:00']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('sent 0, failed 0, uncertain 0, skipped 2');
    expect(sink.messages).toHaveLength(4);
    expect(checksums(editionDir(1))).toEqual(edition1Sums);
  }, 240_000);

  it('with --send, makes edition 3 and mails it to the same two at once; a rerun of send mails nothing more', async () => {
    const result = await cli(['regenerate', '--send', '--now', '2022-10-03T09:00:00+08:00']);
    expect(result.stderr).not.toMatch(/internal error/);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('no figure changed since edition 2');
    expect(result.stdout).toContain('sent edition 3: sent 2, failed 0, uncertain 0, skipped 0');
    expect(sink.messages.slice(4).map((message) => message.to[0]).sort()).toEqual(FIRST_RECIPIENTS);
    const pages = (await inspectPdf(readFileSync(path.join(editionDir(3), 'report.pdf')))).pageTexts.map(squash);
    expect(pages.join(' ')).toContain('No figure or sentence changed from the earlier edition.');

    const again = await cli(['send']);
    expect(again.stdout).toContain('sent 0, failed 0, uncertain 0, skipped 2');
    expect(sink.messages).toHaveLength(6);
    expect(readdirSync(path.join(out, REPORT, MONTH)).sort()).toEqual(['edition-1', 'edition-2', 'edition-3']);
  }, 240_000);
});

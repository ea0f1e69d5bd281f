import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resumableEdition } from '../../src/jobs/run-edition.js';

function outWithManifest(edition: number | null): string {
  const out = mkdtempSync(path.join(tmpdir(), 'tradebrief-run-edition-'));
  if (edition !== null) {
    const dir = path.join(out, 'xinjiang-us', '2022-09', `edition-${edition}`);
    mkdirSync(dir, { recursive: true });
    // An interrupted later edition (no manifest) does not count.
    mkdirSync(path.join(out, 'xinjiang-us', '2022-09', `edition-${edition + 1}`, 'charts'), { recursive: true });
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ report: 'xinjiang-us', month: '2022-09', edition }));
  }
  return out;
}

describe('resumableEdition()', () => {
  it('generates edition 1 of a month never generated', async () => {
    expect(await resumableEdition(outWithManifest(null), 'xinjiang-us', '2022-09', () => true)).toEqual({ edition: 1, resume: false });
  });

  it('regenerates the edition on disk when its mailing has not begun', async () => {
    expect(await resumableEdition(outWithManifest(2), 'xinjiang-us', '2022-09', () => false)).toEqual({ edition: 2, resume: false });
  });

  it('resumes from the files on disk when the ledger already has rows for that edition', async () => {
    const asked: number[] = [];
    const choice = await resumableEdition(outWithManifest(2), 'xinjiang-us', '2022-09', (edition) => (asked.push(edition), true));
    expect(choice).toEqual({ edition: 2, resume: true });
    expect(asked).toEqual([2]);
  });
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeSample } from '../../scripts/make-sample.js';
import { SAMPLE_DIR } from './sample-files.js';

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'tradebrief-sample-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('makeSample()', () => {
  it('writes byte-identical files on every run, identical to the committed data/sample', () => {
    const first = tempDir();
    const second = tempDir();
    const { files } = makeSample(first);
    expect(makeSample(second).files).toEqual(files);
    expect(files).toHaveLength(34);
    for (const file of files) {
      const bytes = readFileSync(join(first, file));
      expect(readFileSync(join(second, file)).equals(bytes), file).toBe(true);
      expect(readFileSync(join(SAMPLE_DIR, file)).equals(bytes), `data/sample/${file} is stale: run npx tsx scripts/make-sample.ts`).toBe(true);
    }
  });

  it('makes a different sample from a different seed', () => {
    const dir = tempDir();
    makeSample(dir, { seed: 'another-seed' });
    const file = 'gacc/xinjiang-exports-202103.csv';
    expect(readFileSync(join(dir, file)).equals(readFileSync(join(SAMPLE_DIR, file)))).toBe(false);
  });
});

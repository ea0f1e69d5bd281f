import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { writeFileAtomic } from '../../src/io/atomic-write.js';

describe('writeFileAtomic()', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 'atomic-write-'));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('writes the file, creating its directory, and leaves no temporary file', async () => {
    const file = path.join(directory, 'out', '2022-08', 'report.pdf');
    await writeFileAtomic(file, new Uint8Array([0x25, 0x50, 0x44, 0x46]));
    expect(await readFile(file, 'latin1')).toBe('%PDF');
    expect(await readdir(path.dirname(file))).toEqual(['report.pdf']);
  });

  it('replaces an existing file so a reader sees the old or the new content, never a part', async () => {
    const file = path.join(directory, 'report.pdf');
    const before = Buffer.alloc(1 << 20, 'a');
    const after = Buffer.alloc(16 << 20, 'b');
    await writeFile(file, before);
    const seen = new Set<number>();
    let writing = true;
    const reading = (async () => {
      while (writing) seen.add((await readFile(file)).length);
    })();
    await writeFileAtomic(file, after);
    writing = false;
    await reading;
    seen.add((await readFile(file)).length);
    expect([...seen].every((length) => length === before.length || length === after.length)).toBe(true);
    expect(seen.has(after.length)).toBe(true);
  });

  it('keeps the old file and removes its temporary file when the rename fails', async () => {
    // A non-empty directory where the file should go: rename() refuses to replace it.
    const target = path.join(directory, 'report.pdf');
    await mkdir(target);
    await writeFile(path.join(target, 'keep'), 'old');
    await expect(writeFileAtomic(target, 'new')).rejects.toThrow();
    expect(await readdir(directory)).toEqual(['report.pdf']);
    expect(await readFile(path.join(target, 'keep'), 'utf8')).toBe('old');
  });
});

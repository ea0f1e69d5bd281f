import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { createBrowserPool, sweepStaleProfiles } from '../../src/pdf/browser-pool.js';
import { browserProcesses, eventually, stillPresent } from './helpers/processes.js';

/** The --user-data-dir Chromium was started with, read from its command line. */
function profileDirOf(pid: number): string {
  const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  const flag = argv.find((argument) => argument.startsWith('--user-data-dir='));
  if (flag === undefined) throw new Error('no --user-data-dir');
  return flag.slice('--user-data-dir='.length);
}

describe('BrowserPool', () => {
  it('starts no browser until a render asks for one', async () => {
    const pool = createBrowserPool();
    expect(pool.pid).toBeUndefined();
    expect(pool.launches).toBe(0);
    await pool.close();
  });

  it('close() leaves no Chromium process and no profile directory behind', async () => {
    const pool = createBrowserPool();
    const { browser, pid } = await pool.lease();
    const page = await browser.newPage();
    await page.setContent('<p>a renderer process exists now</p>');
    const pids = browserProcesses(pid).map((process) => process.pid);
    const profileDir = profileDirOf(pid);
    expect(pids.length).toBeGreaterThan(1);
    expect(existsSync(profileDir)).toBe(true);

    await pool.close();

    expect(stillPresent(pids).filter((process) => process.state !== 'Z')).toEqual([]);
    expect(await eventually(() => stillPresent(pids).length === 0, 10_000)).toBe(true);
    expect(existsSync(profileDir)).toBe(false);
    expect(pool.pid).toBeUndefined();
  });

  it('replaces the browser after restartAfter renders', async () => {
    const pool = createBrowserPool({ restartAfter: 2 });
    try {
      const first = await pool.lease();
      const second = await pool.lease();
      const third = await pool.lease();
      expect(second.pid).toBe(first.pid);
      expect(third.pid).not.toBe(first.pid);
      expect(pool.launches).toBe(2);
      expect(await eventually(() => stillPresent([first.pid]).length === 0, 10_000)).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('replaces a browser that stopped answering, even though its process still exists', async () => {
    const pool = createBrowserPool({ probeTimeoutMs: 500 });
    try {
      const first = await pool.lease();
      // SIGSTOP: the process is there but answers nothing, the gotenberg#1599 case a liveness probe must catch.
      process.kill(first.pid, 'SIGSTOP');
      const second = await pool.lease();
      expect(second.pid).not.toBe(first.pid);
      expect(await second.browser.version()).toMatch(/Chrom/);
      expect(await eventually(() => stillPresent([first.pid]).length === 0, 10_000)).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('warm() starts the browser and a page ahead of the render, which then uses both', async () => {
    const pool = createBrowserPool();
    try {
      pool.warm();
      pool.warm(); // a second call while the first is under way starts nothing more
      const { browser } = await pool.lease();
      expect(pool.launches).toBe(1);
      // Chromium's own first tab, and the page warm() opened (it may still be on its way when lease() returns).
      let pagesBefore = (await browser.pages()).length;
      for (let waited = 0; pagesBefore < 2 && waited < 10_000; waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        pagesBefore = (await browser.pages()).length;
      }
      expect(pagesBefore).toBe(2);
      const page = await pool.newPage(browser);
      expect((await browser.pages()).length).toBe(pagesBefore);
      await page.setContent('<p>warm</p>');
      expect(await page.evaluate('document.body.textContent')).toBe('warm');
      // No spare left: the next page is a new one.
      const next = await pool.newPage(browser);
      expect(next).not.toBe(page);
      expect((await browser.pages()).length).toBe(pagesBefore + 1);
    } finally {
      await pool.close();
    }
  });

  it('newPage() does not hand out a page warm() made in a browser that was replaced since', async () => {
    const pool = createBrowserPool();
    try {
      pool.warm();
      const first = await pool.lease();
      await pool.kill();
      pool.warm();
      await pool.kill(); // the page warmed here dies with this browser
      const second = await pool.lease();
      expect(second.pid).not.toBe(first.pid);
      const page = await pool.newPage(second.browser);
      expect(page.browser()).toBe(second.browser);
      await page.setContent('<p>fresh</p>');
      expect(await page.evaluate('document.body.textContent')).toBe('fresh');
    } finally {
      await pool.close();
    }
  });

  it('warm() swallows a launch failure; the render\'s own lease() reports it', async () => {
    const pool = createBrowserPool({ executablePath: '/bin/false' });
    pool.warm();
    await expect(pool.lease()).rejects.toMatchObject({ code: 'BrowserLaunchFailed' });
    await pool.close();
  });

  it('fails with BrowserLaunchFailed (transient) when the binary does not start', async () => {
    const pool = createBrowserPool({ executablePath: '/bin/false' });
    await expect(pool.lease()).rejects.toMatchObject({ code: 'BrowserLaunchFailed', kind: 'transient' });
    await pool.close();
  });
});

describe('BrowserPool when it is stopped while Chromium starts', () => {
  it('does not keep the browser that finishes starting after kill()', async () => {
    const pool = createBrowserPool();
    const leasing = pool.lease().then(
      (leased) => leased.pid,
      (error: unknown) => error,
    );
    await pool.kill();
    const outcome = await leasing;
    expect(outcome).toMatchObject({ code: 'BrowserLaunchFailed' });
    expect(pool.pid).toBeUndefined();
    expect(pool.launches).toBe(1);
    await pool.close();
  });
});

describe('BrowserPool when its process is stopped without close()', () => {
  it('leaves no Chromium behind after SIGTERM to the program', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./helpers/lease-and-wait.ts', import.meta.url))], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const pid = await new Promise<number>((resolve, reject) => {
      child.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
      child.once('exit', (code) => reject(new Error(`helper exited with ${code}`)));
    });
    const pids = browserProcesses(pid).map((process) => process.pid);
    const profileDir = profileDirOf(pid);
    expect(pids.length).toBeGreaterThan(1);

    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;

    // Chromium talks to the program over a pipe (pipe: true) and quits when the pipe closes.
    // Exited processes may linger as zombies until whatever init the machine runs reaps them (puppeteer#1825):
    // that is the environment's job, so only live processes count here.
    expect(await eventually(() => stillPresent(pids).filter((process) => process.state !== 'Z').length === 0, 10_000)).toBe(true);
    // Its profile is left behind (the program had no chance to clean up) until the next launch sweeps it.
    expect(existsSync(profileDir)).toBe(true);
    sweepStaleProfiles(path.dirname(profileDir));
    expect(existsSync(profileDir)).toBe(false);
  });
});

describe('sweepStaleProfiles()', () => {
  it("removes the profiles of programs that are gone and keeps this program's", async () => {
    const directory = await mkdtemp(path.join(os.tmpdir(), 'sweep-'));
    try {
      // No pid is this large (Linux's pid_max is at most 2^22).
      await mkdir(path.join(directory, 'tradebrief-chromium-2147483646-abc123'));
      await mkdir(path.join(directory, `tradebrief-chromium-${process.pid}-def456`));
      await mkdir(path.join(directory, 'unrelated-2147483646-xyz'));
      sweepStaleProfiles(directory);
      expect((await readdir(directory)).sort()).toEqual([`tradebrief-chromium-${process.pid}-def456`, 'unrelated-2147483646-xyz']);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});

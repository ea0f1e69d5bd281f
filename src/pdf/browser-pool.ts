/**
 * One Chromium for the whole process, the way gotenberg runs it (RELIABILITY.md B3): launched lazily on the
 * first render, probed before each render (a liveness check, not just "did the process exit": gotenberg#1599),
 * replaced after `restartAfter` renders (memory grows: gotenberg#96, #642) and whenever it crashed or hung.
 *
 * Chromium is started as the leader of its own process group, so killing `-pid` takes the renderer, GPU and
 * utility processes with it; `close()` and `kill()` always end with SIGKILL to the group, then remove the
 * temporary profile. Renders run one at a time (`exclusive`): a report job prints a month after another, and
 * serialising them is what makes restarting the browser between two renders safe.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import puppeteer, { type Browser, type Page } from 'puppeteer-core';

import { findBrowser } from './find-browser.js';
import { browserLaunchFailed } from './render-errors.js';
import { withDeadline } from './with-deadline.js';

/**
 * Flags that work as root in a container without a GPU, and that keep Chromium from talking to anyone:
 * no sandbox (root, no user namespaces), no zygote (one fewer process level to orphan: puppeteer#1825),
 * no background networking, updates or sync, and a proxy that does not exist for anything that slips past
 * request interception (e.g. a preconnect), loopback included (`<-loopback>`).
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--no-zygote',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--proxy-server=http://127.0.0.1:9',
  '--proxy-bypass-list=<-loopback>',
];

export interface BrowserPoolOptions {
  /** Chrome/Chromium binary; default: findBrowser() (TRADEBRIEF_CHROME, PUPPETEER_EXECUTABLE_PATH, /usr/bin/chromium …). */
  executablePath?: string;
  /** Replace the browser after this many renders (default 100, gotenberg's `--chromium-restart-after`). */
  restartAfter?: number;
  /** Give up starting Chromium after this long (default 20 s, gotenberg's `--chromium-start-timeout`). */
  launchTimeoutMs?: number;
  /** The liveness probe must answer within this long (default 5 s). */
  probeTimeoutMs?: number;
  /** Extra Chromium flags, after CHROMIUM_ARGS. */
  extraArgs?: readonly string[];
}

/** The browser a render got, with its process-group id so the render can have it killed. */
export interface LeasedBrowser {
  browser: Browser;
  pid: number;
}

interface Running {
  browser: Browser;
  pid: number;
  profileDir: string;
  renders: number;
  exited: Promise<void>;
}

/**
 * Creates a pool holding at most one browser. Nothing starts until the first `lease()`.
 * @example
 *   const pool = createBrowserPool();
 *   try { for (const month of months) await renderPdf(htmlOf(month), { pool, … }); } finally { await pool.close(); }
 */
export function createBrowserPool(options: BrowserPoolOptions = {}): BrowserPool {
  return new BrowserPool(options);
}

export class BrowserPool {
  readonly #options: Required<Omit<BrowserPoolOptions, 'executablePath'>> & { executablePath: string | undefined };
  #running: Running | undefined;
  #launching: Promise<Running> | undefined;
  // Bumped by kill(): a launch that started before it (say, one a timed-out render was waiting for) must not
  // install its browser afterwards, or two could run at once and one would never be closed.
  #generation = 0;
  #queue: Promise<unknown> = Promise.resolve();
  #launches = 0;
  #onProcessExit = (): void => this.#killGroup();
  // A blank page made ahead of the next render by warm(), with the browser it belongs to (undefined if it failed).
  #spare: Promise<{ browser: Browser; page: Page } | undefined> | undefined;
  #browserVersion: string | undefined;

  constructor(options: BrowserPoolOptions = {}) {
    this.#options = {
      executablePath: options.executablePath,
      restartAfter: options.restartAfter ?? 100,
      launchTimeoutMs: options.launchTimeoutMs ?? 20_000,
      probeTimeoutMs: options.probeTimeoutMs ?? 5_000,
      extraArgs: options.extraArgs ?? [],
    };
  }

  /** Pid (and process-group id) of the running browser, undefined when none runs. */
  get pid(): number | undefined {
    return this.#running?.pid;
  }

  /** The browser's own version string ("Chrome/156.0.8078.73"), known once one has started; for manifests. */
  get browserVersion(): string | undefined {
    return this.#browserVersion;
  }

  /** How many browsers this pool has started so far (restarts included). */
  get launches(): number {
    return this.#launches;
  }

  /** Runs `task` when no other exclusive task runs; tasks run in call order. */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(task, task);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  /**
   * A healthy browser for one render: the running one if it answers the probe and has not reached `restartAfter`,
   * otherwise a new one. Call inside `exclusive`.
   */
  async lease(): Promise<LeasedBrowser> {
    const running = this.#running;
    if (running !== undefined) {
      if (running.renders >= this.#options.restartAfter) {
        await this.#retire(running);
      } else if (!(await this.#answers(running))) {
        await this.kill();
      }
    }
    const current = this.#running ?? (await this.#launchOnce());
    current.renders += 1;
    return { browser: current.browser, pid: current.pid };
  }

  /**
   * Gets a browser and a blank page ready in the background, so the next render does not wait for them: a report
   * job calls it before drawing its charts (Node's work) and Chromium starts, or opens the page, on the other core
   * meanwhile. Returns at once and never throws: a failure here is met again, and reported, by the render's lease().
   * @example pool.warm(); const charts = await buildCharts(stats); … await renderPdf(html, { pool, … })
   */
  warm(): void {
    if (this.#spare !== undefined) return;
    const generation = this.#generation;
    // The running browser even when lease() is about to replace it (then the page is wasted): launching a second
    // one here would leave two running.
    const running = this.#running;
    const browser = running !== undefined ? Promise.resolve(running) : this.#launchOnce();
    this.#spare = browser
      .then(async (ready) => {
        if (generation !== this.#generation) return undefined;
        return { browser: ready.browser, page: await ready.browser.newPage() };
      })
      .catch(() => undefined);
  }

  /**
   * A blank page of `browser` (the leased one): the page warm() made when it belongs to this browser, else a new one.
   * @example const { browser } = await pool.lease(); const page = await pool.newPage(browser);
   */
  async newPage(browser: Browser): Promise<Page> {
    const spare = await this.#spare;
    this.#spare = undefined;
    if (spare !== undefined) {
      if (spare.browser === browser && !spare.page.isClosed()) return spare.page;
      await spare.page.close().catch(() => undefined);
    }
    return browser.newPage();
  }

  /**
   * Kills the browser now: SIGKILL to its whole process group, wait for it to exit, remove its profile.
   * Used on a hang or a crash; the next `lease()` starts a fresh one.
   */
  async kill(): Promise<void> {
    this.#generation += 1;
    this.#launching = undefined;
    this.#spare = undefined; // its page dies with the browser
    const running = this.#running;
    if (running === undefined) return;
    this.#running = undefined;
    this.#killGroup(running.pid);
    await withDeadline(running.exited, 5_000).catch(() => undefined);
    this.#forget(running);
  }

  /** Closes the browser (politely, then SIGKILL to the group so nothing is left behind). Safe to call twice. */
  async close(): Promise<void> {
    this.#generation += 1;
    this.#launching = undefined;
    this.#spare = undefined; // its page dies with the browser
    const running = this.#running;
    if (running === undefined) return;
    await this.#retire(running);
  }

  async #retire(running: Running): Promise<void> {
    this.#running = undefined;
    await withDeadline(running.browser.close(), 5_000).catch(() => undefined);
    // browser.close() ends the main process; helpers that outlive it for a moment go with the group.
    this.#killGroup(running.pid);
    await withDeadline(running.exited, 5_000).catch(() => undefined);
    this.#forget(running);
  }

  async #answers(running: Running): Promise<boolean> {
    if (!running.browser.connected) return false;
    try {
      await withDeadline(running.browser.version(), this.#options.probeTimeoutMs);
      return true;
    } catch {
      return false;
    }
  }

  // One launch at a time, shared by whoever asks while it runs.
  #launchOnce(): Promise<Running> {
    if (this.#launching !== undefined) return this.#launching;
    const launching = this.#launch(this.#generation).finally(() => {
      if (this.#launching === launching) this.#launching = undefined;
    });
    this.#launching = launching;
    return launching;
  }

  async #launch(generation: number): Promise<Running> {
    const executablePath = this.#options.executablePath ?? findBrowser();
    sweepStaleProfiles(os.tmpdir());
    const profileDir = mkdtempSync(path.join(os.tmpdir(), `${PROFILE_PREFIX}${process.pid}-`));
    let browser: Browser;
    try {
      browser = await puppeteer.launch({
        executablePath,
        headless: true,
        pipe: true, // DevTools over a pipe: no debugging port on localhost for anyone else to connect to
        userDataDir: profileDir,
        args: [...CHROMIUM_ARGS, ...this.#options.extraArgs],
        // cli.ts owns the signals; the 'exit' hook below (and puppeteer's own) still kill the group on the way out.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
        timeout: this.#options.launchTimeoutMs,
        protocolTimeout: 0, // the render's own deadline decides, not a per-call timeout
      });
    } catch (error) {
      rmSync(profileDir, { recursive: true, force: true });
      throw browserLaunchFailed(executablePath, error);
    }
    const child = browser.process();
    const pid = child?.pid;
    if (child === null || pid === undefined) {
      await browser.close().catch(() => undefined);
      rmSync(profileDir, { recursive: true, force: true });
      throw browserLaunchFailed(executablePath, new Error('no browser process'));
    }
    const exited = new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve();
      else child.once('exit', () => resolve());
    });
    this.#launches += 1;
    this.#browserVersion = await browser.version().catch(() => this.#browserVersion);
    const running: Running = { browser, pid, profileDir, renders: 0, exited };
    if (generation !== this.#generation) {
      // kill() or close() was called while Chromium was starting: nobody wants this browser any more.
      this.#killGroup(pid);
      await withDeadline(exited, 5_000).catch(() => undefined);
      rmSync(profileDir, { recursive: true, force: true });
      throw browserLaunchFailed(executablePath, new Error('the pool was stopped while Chromium was starting'));
    }
    process.on('exit', this.#onProcessExit);
    this.#running = running;
    return running;
  }

  #forget(running: Running): void {
    process.off('exit', this.#onProcessExit);
    rmSync(running.profileDir, { recursive: true, force: true });
  }

  #killGroup(pid: number | undefined = this.#running?.pid): void {
    if (pid === undefined) return;
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // ESRCH: the group is already gone.
    }
  }
}

const PROFILE_PREFIX = 'tradebrief-chromium-';

/**
 * Removes the profiles of programs that died without closing their browser (kill -9, a power cut): each is named
 * after the pid of the program that made it, and one whose program is gone belongs to nobody.
 * @example sweepStaleProfiles('/tmp') // removes /tmp/tradebrief-chromium-4242-Ab12Cd if pid 4242 is not running
 */
export function sweepStaleProfiles(directory: string): void {
  let entries: string[];
  try {
    entries = readdirSync(directory);
  } catch {
    return;
  }
  for (const entry of entries) {
    const owner = new RegExp(`^${PROFILE_PREFIX}(\\d+)-`).exec(entry)?.[1];
    if (owner === undefined || isRunning(Number(owner))) continue;
    rmSync(path.join(directory, entry), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

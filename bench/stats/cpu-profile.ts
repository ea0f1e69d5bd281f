/**
 * Where `generate --stage stats` spends its time: runs it once under `node --cpu-prof` and sums the V8 profile
 * into the functions with the most self time and the most inclusive time (a function counted once per
 * sample however deep it recurses), and the source files with the most self time, for the whole process and
 * for the load + stats code alone (what the ratio measures; the rest is start-up and code lists). For the
 * "show the profile that says why" part of a missed target.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runChild } from '../lib/child-rss.js';
import { REPO } from '../lib/results.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Samples with a frame from `files` on their stack and none of `excludeFunctions`. */
export interface Focus {
  label: string;
  files: RegExp;
  excludeFunctions?: readonly string[];
}

export interface ProfileLine {
  name: string;
  ms: number;
  pct: number;
}

export interface ProfileSummary {
  totalMs: number;
  selfTop: ProfileLine[];
  inclusiveTop: ProfileLine[];
  filesTop: ProfileLine[];
  /** The same for the samples with a frame of the focus code on their stack (load + stats: what the ratio measures). */
  focus?: { label: string; totalMs: number; selfTop: ProfileLine[]; inclusiveTop: ProfileLine[] };
}

function where(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url === '' ? '' : url.replace(/^file:\/\//, '').replace(`${REPO}/`, '');
  return `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}` : ''}`;
}

function fileOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  return url.replace(/^file:\/\//, '').replace(`${REPO}/`, '');
}

/**
 * Self and inclusive time per function, and self time per file, top `limit` each; with `focus`, the same again
 * for the samples that have a frame from a file it matches on their stack. (A file, not a function: an async
 * function resumed after an await has only itself on the stack, not its caller.)
 * @example summarizeProfile(profile, { focus: { label: 'stats', files: /dist\/stats\// } }).focus?.selfTop[0] // { name: 'fromArray …', ms: 108, pct: 7.5 }
 */
export function summarizeProfile(profile: CpuProfile, options: { limit?: number; focus?: Focus } = {}): ProfileSummary {
  const limit = options.limit ?? 15;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const all = new Tally();
  const inside = new Tally();
  profile.samples.forEach((id, index) => {
    // timeDeltas[i] is the time before sample i; the time a sample stands for is the next delta.
    const ms = (profile.timeDeltas[index + 1] ?? 0) / 1000;
    const node = byId.get(id);
    if (node === undefined) return;
    const stack: ProfileNode[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at);
      if (frame === undefined) break;
      stack.push(frame);
    }
    all.add(node, stack, ms);
    const focus = options.focus;
    const inFocus = focus !== undefined
      && stack.some((frame) => focus.files.test(frame.callFrame.url))
      && !stack.some((frame) => (focus.excludeFunctions ?? []).includes(frame.callFrame.functionName));
    if (inFocus) inside.add(node, stack, ms);
  });
  return {
    totalMs: Math.round(all.totalMs),
    selfTop: all.top(all.self, limit),
    inclusiveTop: all.top(all.inclusive, limit),
    filesTop: all.top(all.files, limit),
    ...(options.focus === undefined
      ? {}
      : { focus: { label: options.focus.label, totalMs: Math.round(inside.totalMs), selfTop: inside.top(inside.self, limit), inclusiveTop: inside.top(inside.inclusive, limit) } }),
  };
}

class Tally {
  totalMs = 0;
  readonly self = new Map<string, number>();
  readonly inclusive = new Map<string, number>();
  readonly files = new Map<string, number>();

  add(node: ProfileNode, stack: readonly ProfileNode[], ms: number): void {
    this.totalMs += ms;
    bump(this.self, where(node), ms);
    bump(this.files, fileOf(node), ms);
    // A recursive function is counted once per sample.
    for (const name of new Set(stack.map(where))) bump(this.inclusive, name, ms);
  }

  top(map: Map<string, number>, limit: number): ProfileLine[] {
    return [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([name, ms]) => ({ name, ms: Math.round(ms), pct: Math.round((ms / this.totalMs) * 1000) / 10 }));
  }
}

function bump(map: Map<string, number>, key: string, ms: number): void {
  map.set(key, (map.get(key) ?? 0) + ms);
}

/** What the ratio measures: the job, the stats and the data loading, not start-up or the code lists. */
const LOAD_AND_STATS: Focus = {
  label: 'load + stats (dist/jobs, dist/stats, dist/data; not loadReference)',
  files: /\/dist\/(jobs|stats|data)\//,
  excludeFunctions: ['loadReference'],
};

/**
 * Runs `node --cpu-prof dist/cli.js generate … --stage stats` once and summarizes its profile.
 * @example const summary = await profileGenerate({ configFile, reportId: 'xinjiang-us', month: '2022-12', outDir })
 */
export async function profileGenerate(options: { configFile: string; reportId: string; month: string; outDir: string }): Promise<ProfileSummary> {
  const dir = await mkdtemp(path.join(tmpdir(), 'stats-prof-'));
  try {
    await runChild(process.execPath, [
      '--cpu-prof', '--cpu-prof-dir', dir,
      path.join(REPO, 'dist', 'cli.js'),
      'generate', '--report', options.reportId, '--month', options.month, '--stage', 'stats',
      '--config', options.configFile, '--out', options.outDir, '--quiet',
    ], { cwd: REPO });
    const file = (await readdir(dir)).find((name) => name.endsWith('.cpuprofile'));
    if (file === undefined) throw new Error('node --cpu-prof wrote no profile');
    return summarizeProfile(JSON.parse(await readFile(path.join(dir, file), 'utf8')) as CpuProfile, { focus: LOAD_AND_STATS });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The summary as lines for the console. */
export function formatProfile(label: string, summary: ProfileSummary): string {
  const block = (title: string, lines: ProfileLine[]): string =>
    [`  ${title}:`, ...lines.map((line) => `    ${String(line.ms).padStart(7)} ms ${String(line.pct).padStart(5)} %  ${line.name}`)].join('\n');
  const lines = [
    `[${label}] cpu profile of generate --stage stats: ${summary.totalMs} ms sampled`,
    block('self time by function', summary.selfTop),
    block('self time by file', summary.filesTop),
  ];
  if (summary.focus !== undefined) {
    lines.push(
      `  within ${summary.focus.label}: ${summary.focus.totalMs} ms`,
      block('self time by function, within it', summary.focus.selfTop),
      block('inclusive time by function, within it', summary.focus.inclusiveTop),
    );
  }
  return lines.join('\n');
}

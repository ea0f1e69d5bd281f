/**
 * Keeps a long mailing's heap from growing with the number of subscribers. Each message leaves a few KB that
 * outlive two scavenges (the subscriber's composed HTML and headers live for the whole SMTP transaction, while
 * encoding the 380 KB attachment fills the young generation many times over), so they are promoted, and V8 lets the
 * old generation grow for thousands of messages before its first full collection: measured, heap used went from
 * 35 to 106 MiB over 8,000 messages, then back to 36 MiB. A full collection every 2,000 messages keeps the
 * peak near where 1,000 subscribers leave it. Every 500 kept it flatter (1.1x) but cost throughput at 10,000
 * (0.73 of the bare pool instead of ~0.9): a forced collection also shrinks the heap V8 then grows again.
 *
 * V8's `gc` is exposed at run time (the documented v8.setFlagsFromString route) rather than by a node flag, so
 * `tradebrief` keeps running as a plain `node` script. Where it cannot be exposed this does nothing.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** @example const trim = heapTrimmer(500); for (…) trim(); // collects on every 500th call */
export function heapTrimmer(every: number): () => void {
  let collect: (() => void) | undefined;
  if (every <= 0) return () => undefined;
  try {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  } catch {
    collect = undefined;
  }
  let calls = 0;
  return () => {
    calls += 1;
    if (collect !== undefined && every > 0 && calls % every === 0) collect();
  };
}

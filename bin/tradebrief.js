#!/usr/bin/env node
// Entry point of the installed CLI: runs the compiled program (npm run build writes dist/).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
if (!existsSync(compiled)) {
  console.error('tradebrief: dist/cli.js is missing; run `npm run build` (or `bash scripts/ensure-deps.sh`) first.');
  process.exit(1);
}
await import(compiled);

/**
 * Versions of the program and of the libraries that shape a report, for manifest.json: the same inputs and the
 * same versions give the same report.
 */
import { readFileSync } from 'node:fs';
import { version as toolVersion } from '../version.js';

const LIBRARIES = ['arquero', 'vega', 'vega-lite', 'handlebars', 'puppeteer-core', 'pdf-lib'] as const;

function packageVersion(name: string): string {
  try {
    const file = new URL(`../../node_modules/${name}/package.json`, import.meta.url);
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** @example softwareVersions('Chromium 156.0') // { tradebrief: '0.1.0', node: 'v20.20.2', arquero: '8.0.3', …, browser: 'Chromium 156.0' } */
export function softwareVersions(browser?: string): Record<string, string> {
  const versions: Record<string, string> = { tradebrief: toolVersion, node: process.version };
  for (const name of LIBRARIES) versions[name] = packageVersion(name);
  if (browser !== undefined) versions.browser = browser;
  return versions;
}

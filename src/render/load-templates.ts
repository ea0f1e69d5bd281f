/**
 * Reads the report templates from the repository's templates/ folder: the only templates ever compiled
 * (RELIABILITY.md B4: templates are code; data is never compiled).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { TradebriefError } from '../errors.js';

export interface TemplateSources {
  /** templates/report.hbs */
  report: string;
  /** templates/partials/<name>.hbs by name, sorted by name. */
  partials: Readonly<Record<string, string>>;
  /** templates/styles/report.css */
  css: string;
}

/**
 * The templates/ folder of the installation: the first ancestor of this module holding templates/report.hbs,
 * so it is found from src/render/ (tsx) and from dist/src/render/ (built) alike.
 */
export function defaultTemplatesDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'templates');
    if (existsSync(path.join(candidate, 'report.hbs'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new TradebriefError('TemplatesNotFound', 'permanent', 'templates/report.hbs not found above the program');
    dir = parent;
  }
}

const cache = new Map<string, TemplateSources>();

/**
 * Reads report.hbs, partials/*.hbs and styles/report.css once per folder (a backfill renders many months).
 * @example const sources = loadTemplates(); Object.keys(sources.partials) // ["changes", "cover", …]
 */
export function loadTemplates(dir: string = defaultTemplatesDir()): TemplateSources {
  const cached = cache.get(dir);
  if (cached !== undefined) return cached;
  const partialsDir = path.join(dir, 'partials');
  const partials: Record<string, string> = {};
  for (const file of readdirSync(partialsDir).filter((name) => name.endsWith('.hbs')).sort()) {
    partials[file.slice(0, -'.hbs'.length)] = readFileSync(path.join(partialsDir, file), 'utf8');
  }
  const sources: TemplateSources = {
    report: readFileSync(path.join(dir, 'report.hbs'), 'utf8'),
    partials,
    css: readFileSync(path.join(dir, 'styles', 'report.css'), 'utf8'),
  };
  cache.set(dir, sources);
  return sources;
}

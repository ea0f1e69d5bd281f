/**
 * Config file -> validated, frozen Config (STYLE.md 6: unknown in, validated and frozen out, defaults in one
 * place: src/config/schema.ts DEFAULTS). Relative paths resolve against the config file's folder, so a
 * config works the same from any working directory. Secrets never live in the file; stages that need one
 * read it from the environment.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { ConfigError, UsageError } from './errors.js';
import type { Category, Reference } from './data/reference/types.js';
import { configSchema, dataSourceSchema, reportSchema } from './config/schema.js';

export { DEFAULTS } from './config/schema.js';

export type DataSourceConfig = Readonly<z.output<typeof dataSourceSchema>>;
export type ReportConfig = z.output<typeof reportSchema>;
/** `delivery` with its defaults filled in and dbPath absolute. */
export type DeliveryConfig = Config['delivery'];
export type Config = z.output<typeof configSchema> & { readonly configFile: string | null };

/** The config file used when --config is not given, relative to the working directory. */
export const DEFAULT_CONFIG_FILE = 'tradebrief.config.json';

/**
 * Validates a parsed config, fills the defaults, resolves data paths against `baseDir` and deep-freezes it.
 * Every problem is reported at once, each naming its key.
 * @example parseConfig(JSON.parse(text), { baseDir: '/srv/reports', configFile: '/srv/reports/tradebrief.config.json' }).reports[0].id
 * @throws ConfigError e.g. `reports[0].focusPartner: expected a 3-digit GACC partner code, got "US"`
 */
export function parseConfig(input: unknown, options: { baseDir: string; configFile?: string | null }): Config {
  const parsed = configSchema.safeParse(input);
  const where = options.configFile ? `${options.configFile}: ` : '';
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
    throw new ConfigError(`${where}invalid config\n  ${lines.join('\n  ')}`, {
      hint: 'Fix the keys named above; see tradebrief.config.json for a working example.',
    });
  }
  const config = parsed.data;
  const ids = new Set<string>();
  config.reports.forEach((report, index) => {
    if (ids.has(report.id)) throw new ConfigError(`${where}reports[${index}].id: "${report.id}" is defined twice`);
    ids.add(report.id);
  });
  const resolvePath = <T extends { path: string }>(source: T): T => ({ ...source, path: path.resolve(options.baseDir, source.path) });
  const resolved: Config = {
    ...config,
    outDir: path.resolve(options.baseDir, config.outDir),
    delivery: { ...config.delivery, dbPath: path.resolve(options.baseDir, config.delivery.dbPath) },
    reports: config.reports.map((report) => ({
      ...report,
      data: report.data.map(resolvePath),
      national: report.national === undefined ? undefined : { ...report.national, data: report.national.data.map(resolvePath) },
    })),
    configFile: options.configFile ?? null,
  };
  return deepFreeze(resolved);
}

/**
 * Reads and validates a config file (the only I/O here).
 * @example await loadConfig('tradebrief.config.json')
 */
export async function loadConfig(file: string = DEFAULT_CONFIG_FILE): Promise<Config> {
  const absolute = path.resolve(file);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read config file ${absolute}: ${(error as Error).message}`, {
      hint: 'Pass --config <file>, or run from the folder holding tradebrief.config.json.',
      cause: error,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${absolute}: not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  return parseConfig(json, { baseDir: path.dirname(absolute), configFile: absolute });
}

/**
 * The report definition with this id.
 * @example findReport(config, 'xinjiang-us').focusPartner // "502"
 * @throws UsageError naming the ids that exist
 */
export function findReport(config: Config, id: string): ReportConfig {
  const report = config.reports.find((candidate) => candidate.id === id);
  if (report === undefined) {
    throw new UsageError(`unknown report "${id}"`, {
      hint: `Reports in ${config.configFile ?? 'the config'}: ${config.reports.map((r) => r.id).join(', ')}.`,
    });
  }
  return report;
}

/**
 * The basket as categories: ids looked up in the reference (data/reference/categories.json), inline rules
 * taken as they are.
 * @example resolveBasket(report, reference).map((c) => c.id) // ["christmas", "toys", …]
 * @throws ConfigError naming the key and the known ids
 */
export function resolveBasket(report: ReportConfig, reference: Reference, reportIndex = 0): Category[] {
  return report.basket.map((entry, index) => {
    if (typeof entry !== 'string') return { ...entry, prefixes: [...entry.prefixes], exclude: entry.exclude ? [...entry.exclude] : undefined };
    return lookupCategory(reference, entry, `reports[${reportIndex}].basket[${index}]`);
  });
}

/**
 * The e-commerce channel's category, or null when the report turns it off (`"ecommerce": false`).
 * @throws ConfigError when the id is not a known category
 */
export function resolveEcommerce(report: ReportConfig, reference: Reference, reportIndex = 0): Category | null {
  if (report.ecommerce === false) return null;
  const inline = report.basket.find((entry): entry is Exclude<typeof entry, string> => typeof entry !== 'string' && entry.id === report.ecommerce);
  if (inline !== undefined) return { ...inline, prefixes: [...inline.prefixes] };
  return lookupCategory(reference, report.ecommerce, `reports[${reportIndex}].ecommerce`);
}

function lookupCategory(reference: Reference, id: string, key: string): Category {
  const category = reference.categories.get(id);
  if (category === undefined) {
    throw new ConfigError(`${key}: unknown category "${id}"`, {
      hint: `Known categories: ${[...reference.categories.keys()].join(', ')}; or write an inline rule {"id", "label", "prefixes"}.`,
    });
  }
  return category;
}

function formatPath(segments: readonly PropertyKey[]): string {
  if (segments.length === 0) return '(top level)';
  return segments
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`))
    .join('');
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

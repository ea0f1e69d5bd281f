/**
 * The shape of tradebrief.config.json, and every default in ONE place (DEFAULTS). The schema is the only
 * documentation of a key that can not go stale: each key says what it expects in its error message.
 */
import { z } from 'zod';
import { MONTH_PATTERN } from '../data/record.js';
import { DEFAULT_INCOMPLETE_MONTH_RULE } from '../data/validate/check-incomplete-months.js';

/** Every default of the config file. Change them here and nowhere else. */
export const DEFAULTS = {
  outDir: 'out',
  timeZone: 'Asia/Shanghai',
  productHsLevel: 6,
  historyMonths: 25,
  top: { partners: 10, products: 10 },
  locale: 'en',
  ecommerce: 'ecommerce-b2c',
  nationalLabel: 'China',
  dataFormat: 'auto',
  dataEncoding: 'auto',
  // The data checks own their thresholds; the config only lets a user override them.
  validation: { incompleteMonth: DEFAULT_INCOMPLETE_MONTH_RULE },
} as const;

/** A string matching `pattern`, whose error names what was expected and echoes what was given. */
function code(pattern: RegExp, expected: string) {
  const message = (issue: { input?: unknown }) => `expected ${expected}, got ${JSON.stringify(issue.input)}`;
  return z.string({ error: message }).regex(pattern, { error: message });
}

const partnerCode = code(/^\d{3}$/, 'a 3-digit GACC partner code');
const regionCode = code(/^\d{2}$/, 'a 2-digit GACC registration-place code (65 = Xinjiang)');
const hsPrefix = code(/^\d{2,8}$/, 'an HS code prefix of 2 to 8 digits');
const monthKey = code(MONTH_PATTERN, 'a month as YYYY-MM');
const flow = z.enum(['export', 'import'], { error: (issue) => `expected "export" or "import", got ${JSON.stringify(issue.input)}` });

export const dataSourceSchema = z.strictObject({
  path: z.string().min(1, 'expected a file path or glob'),
  format: z.enum(['gacc', 'comtrade', 'canonical', 'auto']).default(DEFAULTS.dataFormat),
  flow: flow.optional(),
  encoding: z.enum(['utf8', 'gb18030', 'auto']).default(DEFAULTS.dataEncoding),
  month: monthKey.optional(),
});

export const categoryRuleSchema = z.strictObject({
  id: code(/^[a-z0-9][a-z0-9-]*$/, 'a category id of lower-case letters, digits and dashes'),
  label: z.string().min(1),
  labelZh: z.string().min(1).optional(),
  prefixes: z.array(hsPrefix).min(1, 'expected at least one HS prefix'),
  exclude: z.array(hsPrefix).optional(),
  note: z.string().optional(),
});

/** A basket entry: the id of a category in data/reference/categories.json, or an inline rule. */
const basketEntry = z.union([z.string().min(1), categoryRuleSchema], {
  error: 'expected a category id (string) or an inline rule {id, label, prefixes}',
});

const incompleteMonthSchema = z.union([
  z.literal(false),
  z.strictObject({
    minShareOfMedian: z.number().min(0).max(1).default(DEFAULTS.validation.incompleteMonth.minShareOfMedian),
    minPartnerShare: z.number().min(0).max(1).default(DEFAULTS.validation.incompleteMonth.minPartnerShare),
    lookbackMonths: z.number().int().min(1).max(120).default(DEFAULTS.validation.incompleteMonth.lookbackMonths),
    severity: z.enum(['error', 'warning']).default(DEFAULTS.validation.incompleteMonth.severity),
  }),
]);

export const validationSchema = z.strictObject({
  incompleteMonth: incompleteMonthSchema.default({ ...DEFAULTS.validation.incompleteMonth }),
});

export const reportSchema = z.strictObject({
  id: code(/^[a-z0-9][a-z0-9-]*$/, 'a report id of lower-case letters, digits and dashes'),
  title: z.string().min(1),
  flow,
  regions: z.array(regionCode).min(1, 'expected at least one region code'),
  focusPartner: partnerCode,
  data: z.array(dataSourceSchema).min(1, 'expected at least one data file'),
  basket: z.array(basketEntry).default([]),
  /** Category id of the e-commerce channel, or false for none. */
  ecommerce: z.union([z.string().min(1), z.literal(false)]).default(DEFAULTS.ecommerce),
  productHsLevel: z
    .union([z.literal(2), z.literal(4), z.literal(6), z.literal(8)], {
      error: (issue) => `expected 2, 4, 6 or 8, got ${JSON.stringify(issue.input)}`,
    })
    .default(DEFAULTS.productHsLevel),
  historyMonths: z.number().int().min(13, 'expected at least 13 months (a year-ago month is needed)').max(240).default(DEFAULTS.historyMonths),
  top: z
    .strictObject({
      partners: z.number().int().min(1).default(DEFAULTS.top.partners),
      products: z.number().int().min(1).default(DEFAULTS.top.products),
    })
    .default({ ...DEFAULTS.top }),
  locale: z.enum(['en', 'zh']).default(DEFAULTS.locale),
  /** National series for context: data files, the partner (default: the focus partner) and who it is about. */
  national: z
    .strictObject({
      data: z.array(dataSourceSchema).min(1, 'expected at least one data file'),
      partner: partnerCode.optional(),
      label: z.string().min(1).default(DEFAULTS.nationalLabel),
    })
    .optional(),
  /** How the narrative names the region's traders and the region ("Xinjiang entities", "the far-west region"). */
  wording: z
    .strictObject({
      exporters: z.string().min(1).optional(),
      importers: z.string().min(1).optional(),
      region: z.string().min(1).optional(),
    })
    .optional(),
  validation: validationSchema.optional(),
});

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  outDir: z.string().min(1).default(DEFAULTS.outDir),
  /** IANA zone for month boundaries and schedules. */
  timeZone: z
    .string()
    .refine(isTimeZone, { error: (issue) => `expected an IANA time zone such as "Asia/Shanghai", got ${JSON.stringify(issue.input)}` })
    .default(DEFAULTS.timeZone),
  validation: validationSchema.default({ incompleteMonth: { ...DEFAULTS.validation.incompleteMonth } }),
  reports: z.array(reportSchema).min(1, 'expected at least one report definition'),
  // Owned by the scheduling and delivery stages, which validate their own parts; accepted here as objects.
  schedule: z.record(z.string(), z.unknown()).optional(),
  delivery: z.record(z.string(), z.unknown()).optional(),
});

export type ConfigInput = z.input<typeof configSchema>;

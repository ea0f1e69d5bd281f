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
  top: { partners: 15, products: 10 },
  locale: 'en',
  ecommerce: 'ecommerce-b2c',
  nationalLabel: 'China',
  dataFormat: 'auto',
  dataEncoding: 'auto',
  // The data checks own their thresholds; the config only lets a user override them.
  validation: { incompleteMonth: DEFAULT_INCOMPLETE_MONTH_RULE },
  delivery: {
    /** Relative to the config file's folder; TRADEBRIEF_DB overrides it. */
    dbPath: '.tradebrief/tradebrief.db',
    // RFC 2606 reserves .invalid: a fresh checkout writes .eml files that plainly say "configure me".
    from: 'tradebrief <reports@tradebrief.invalid>',
    rateLimit: { messages: 10, perSeconds: 1 },
    // RFC 5321 §4.5.4.1: keep retrying for "at least 4-5 days" before giving up.
    retry: { maxAttempts: 3, backoffMs: 2000, giveUpAfterHours: 96 },
    maxConsecutiveTransientFailures: 5,
  },
  schedule: {
    /** 09:00 on the 21st: the day after GACC's usual release day. */
    cron: '0 9 21 * *',
    // timeZone: the top-level timeZone unless set.
    /** Month M counts as published from this day of M+1 (GACC publishes around the 20th). */
    releaseDay: 20,
    catchUp: 3,
    maxSendLatenessDays: 45,
    /** lockFile: unless set, "run.lock" in the folder of the database in use (delivery.dbPath or TRADEBRIEF_DB). */
    lockFileName: 'run.lock',
    leaseMinutes: 10,
  },
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

/**
 * A data file or glob, or (format "store") the folder of a store made by `tradebrief import`; the shorthand
 * `{ "store": "<dir>" }` means `{ "path": "<dir>", "format": "store" }`.
 */
export const dataSourceSchema = z.preprocess(
  (input) => {
    if (typeof input !== 'object' || input === null || !('store' in input)) return input;
    const { store, ...rest } = input as { store: unknown };
    return { ...rest, path: store, format: 'store' };
  },
  z.strictObject({
    path: z.string().min(1, 'expected a file path or glob'),
    format: z.enum(['gacc', 'comtrade', 'canonical', 'auto', 'store']).default(DEFAULTS.dataFormat),
    flow: flow.optional(),
    encoding: z.enum(['utf8', 'gb18030', 'auto']).default(DEFAULTS.dataEncoding),
    month: monthKey.optional(),
  }),
);

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

/** Header values come from here, so no line breaks or other control characters (they could start a new header). */
const headerText = z
  .string()
  .min(1)
  .refine((text) => !/[\u0000-\u001f\u007f]/.test(text), { error: 'expected text without line breaks or control characters' });

const emailAddress = z.email({ error: (issue) => `expected an email address, got ${JSON.stringify(issue.input)}` });

/** "Name <address>", a bare address, or {address, name}: always {address, name} out. */
const mailbox = z.union(
  [
    z.string().transform((text, context) => {
      const match = /^\s*(?:(.*?)\s*<([^<>]*)>|([^<>]*?))\s*$/.exec(text);
      const name = (match?.[1] ?? '').replace(/^"(.*)"$/, '$1');
      const address = (match?.[2] ?? match?.[3] ?? '').trim();
      if (!emailAddress.safeParse(address).success || !headerText.or(z.literal('')).safeParse(name).success) {
        context.addIssue({ code: 'custom', message: `expected "Name <address@example.org>" or an address, got ${JSON.stringify(text)}` });
        return z.NEVER;
      }
      return { address, name: name === '' ? undefined : name };
    }),
    z.strictObject({ address: emailAddress, name: headerText.optional() }),
  ],
  { error: 'expected "Name <address@example.org>", an address, or {"address", "name"}' },
);

/** Where List-Unsubscribe may point: https (RFC 8058 one-click), or http on this machine for tests. */
const unsubscribeBaseUrl = z.string().refine(
  (text) => {
    try {
      const url = new URL(text);
      return url.protocol === 'https:' || (url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname));
    } catch {
      return false;
    }
  },
  { error: (issue) => `expected an https:// URL, got ${JSON.stringify(issue.input)}` },
);

/**
 * `delivery`: where the store lives and how reports are mailed. Every key is optional. Secrets (SMTP_URL,
 * TRADEBRIEF_UNSUBSCRIBE_SECRET) come from the environment, never from here.
 */
export const deliverySchema = z
  .strictObject({
    /** The SQLite file with subscribers, runs and the delivery ledger; relative to the config file's folder. */
    dbPath: z.string().min(1).default(DEFAULTS.delivery.dbPath),
    /** Sender: "Name <address>" or {address, name}. */
    from: mailbox.prefault(DEFAULTS.delivery.from),
    /** Reply-To address, when replies should not go to `from`. */
    replyTo: emailAddress.optional(),
    unsubscribe: z
      .strictObject({
        /** List-Unsubscribe mailto address (default: the `from` address). */
        mailto: emailAddress.optional(),
        /** With it, List-Unsubscribe also carries <baseUrl>?token=<signed token> and List-Unsubscribe-Post (RFC 8058). */
        baseUrl: unsubscribeBaseUrl.optional(),
      })
      .default({}),
    /** Right-hand side of Message-IDs (default: the domain of `from`). */
    messageIdDomain: z
      .string()
      .regex(/^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/, { error: (issue) => `expected a domain name, got ${JSON.stringify(issue.input)}` })
      .optional(),
    /** At most `messages` per `perSeconds` seconds (SMTP servers throttle or block senders that go faster). */
    rateLimit: z
      .strictObject({
        messages: z.number().int().min(1).default(DEFAULTS.delivery.rateLimit.messages),
        perSeconds: z.number().positive().default(DEFAULTS.delivery.rateLimit.perSeconds),
      })
      .default({ ...DEFAULTS.delivery.rateLimit }),
    retry: z
      .strictObject({
        /** SMTP attempts per subscriber within one run for 4xx and connection errors before the body. */
        maxAttempts: z.number().int().min(1).default(DEFAULTS.delivery.retry.maxAttempts),
        /** Wait before the second attempt; later waits grow from it. */
        backoffMs: z.number().int().min(0).default(DEFAULTS.delivery.retry.backoffMs),
        /** A later run stops retrying a failed_transient delivery this long after it was planned. */
        giveUpAfterHours: z.number().positive().default(DEFAULTS.delivery.retry.giveUpAfterHours),
      })
      .default({ ...DEFAULTS.delivery.retry }),
    /** After this many transient failures in a row the server is taken to be down: stop, exit 75. */
    maxConsecutiveTransientFailures: z.number().int().min(1).default(DEFAULTS.delivery.maxConsecutiveTransientFailures),
    /** Who hears about permanent failures and uncertain deliveries. */
    operator: emailAddress.optional(),
  })
  .transform((delivery) => ({
    ...delivery,
    unsubscribe: { ...delivery.unsubscribe, mailto: delivery.unsubscribe.mailto ?? delivery.from.address },
    messageIdDomain: delivery.messageIdDomain ?? delivery.from.address.slice(delivery.from.address.lastIndexOf('@') + 1),
  }));

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * `schedule`: when `tradebrief schedule` wakes up and how `tradebrief run` picks months (DESIGN.md "Scheduling
 * semantics"). Every key is optional; timeZone falls back to the top-level one (see configSchema).
 */
export const scheduleSchema = z.strictObject({
  /** Five (or six, with seconds) cron fields, read in `timeZone`. */
  cron: z
    .string()
    .refine((text) => [5, 6].includes(text.trim().split(/\s+/).length), { error: (issue) => `expected a cron expression of 5 or 6 fields such as "0 9 21 * *", got ${JSON.stringify(issue.input)}` })
    .default(DEFAULTS.schedule.cron),
  timeZone: z
    .string()
    .refine(isTimeZone, { error: (issue) => `expected an IANA time zone such as "Asia/Shanghai", got ${JSON.stringify(issue.input)}` })
    .optional(),
  // 28 at most: every month has that day.
  releaseDay: z.number().int().min(1).max(28).default(DEFAULTS.schedule.releaseDay),
  catchUp: z.number().int().min(1).default(DEFAULTS.schedule.catchUp),
  maxSendLatenessDays: z.number().int().min(0).default(DEFAULTS.schedule.maxSendLatenessDays),
  /** Relative to the config file's folder. */
  lockFile: z.string().min(1).optional(),
  leaseMinutes: z.number().positive().default(DEFAULTS.schedule.leaseMinutes),
});

const configObjectSchema = z.strictObject({
  $schema: z.string().optional(),
  outDir: z.string().min(1).default(DEFAULTS.outDir),
  /** IANA zone for month boundaries and schedules. */
  timeZone: z
    .string()
    .refine(isTimeZone, { error: (issue) => `expected an IANA time zone such as "Asia/Shanghai", got ${JSON.stringify(issue.input)}` })
    .default(DEFAULTS.timeZone),
  validation: validationSchema.default({ incompleteMonth: { ...DEFAULTS.validation.incompleteMonth } }),
  reports: z.array(reportSchema).min(1, 'expected at least one report definition'),
  schedule: scheduleSchema.prefault({}),
  delivery: deliverySchema.prefault({}),
});

export const configSchema = configObjectSchema.transform((config) => ({
  ...config,
  // The release calendar and the cron read the same clock as month boundaries unless told otherwise.
  schedule: { ...config.schedule, timeZone: config.schedule.timeZone ?? config.timeZone },
}));

export type ConfigInput = z.input<typeof configSchema>;

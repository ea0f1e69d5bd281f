/**
 * Builds data/reference/partners.csv: one row per GACC partner code with its ISO 3166-1 alpha-2, its UN
 * Comtrade partner code and its English and Chinese names.
 *
 *   npx tsx scripts/build-partners.ts          # rewrite the committed file
 *   npx tsx scripts/build-partners.ts --check  # exit 1 if the committed file is not what this script makes
 *
 * Inputs: data/reference/gacc/{en,zh}-TradingPartner-cleaned-manually.csv (GACC's list, names cleaned by
 * the chinautils author) and the i18n-iso-countries package. Deterministic: same inputs, same bytes (rows
 * sorted by code, "\n" line ends), so test/data/reference checks the committed file against a fresh run.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import countries from 'i18n-iso-countries';
import { cleanLabel, readCsvTable } from '../src/data/reference/csv-table.js';
import { PARTNER_COLUMNS } from '../src/data/reference/parse-partners.js';

const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/en.json') as countries.LocaleData);

/**
 * GACC codes whose English name i18n-iso-countries does not recognise, or must not be trusted with.
 * `null` = deliberately no ISO code.
 */
const ISO2_OVERRIDES: Readonly<Record<string, string | null>> = {
  // The brief's named cases (i18n matches these names today; pinned so a package update cannot move them).
  '109': 'KP', // North Korea
  '110': 'HK', // Hong Kong (GACC 中国香港)
  '143': 'TW', // Taiwan (GACC 中国台湾)
  '344': 'RU', // Russia (GACC 俄罗斯联邦)
  '502': 'US', // United States
  // Short or older names i18n does not know.
  '105': 'BN', // Brunei (Brunei Darussalam)
  '119': 'LA', // Laos (Lao People's Democratic Republic)
  '121': 'MO', // Macau (Macao)
  '135': 'SY', // Syria (Syrian Arab Republic)
  '144': 'TL', // East Timor (Timor-Leste)
  '237': 'RE', // Réunion (i18n spells it "Reunion")
  '239': 'ST', // São Tomé and Príncipe (i18n: "Sao Tome and Principe")
  '343': 'MD', // Moldova (Republic of Moldova)
  '356': 'VA', // Vatican City State (Holy See)
  '446': 'VG', // British Virgin Islands (Virgin Islands, British)
  '620': 'FM', // Federated States of Micronesia (Micronesia, Federated States of)
  // Bonaire and Saba are two of the three BES islands, which share ISO BQ; GACC lists no BES total, so
  // mapping both to BQ cannot double-count (Sint Eustatius has no GACC code).
  '409': 'BQ',
  '436': 'BQ',
  // Parts of a country with no ISO code of their own.
  '207': null, // Canary Islands (Spain; IC is only "exceptionally reserved", not an ISO 3166-1 code)
  '210': null, // Ceuta (Spain; EA is only exceptionally reserved)
  '256': null, // Melilla (Spain; EA)
  // Island groups of French Polynesia. GACC 623 French Polynesia already takes PF, and it includes four of
  // these five groups (see the source comment), so giving them PF too would double-count on an ISO join.
  '604': null, // Gambier Islands
  '605': null, // Marquesas Islands
  '612': null, // Society Islands
  '615': null, // Tuamotus
  '616': null, // Tubuai
  '438': null, // Saint Martin Islands: split between MF (French part) and SX (Dutch part); no single code
  // Entities that no longer exist: their alpha-2 codes were deleted from ISO 3166-1.
  '349': null, // Serbia and Montenegro (CS, deleted 2006)
  '449': null, // Netherlands Antilles (AN, deleted 2010)
  '999': null, // "Countries from the Neutral Package" (abolished 2008; not a country)
  // Not countries.
  '199': null, // Other Asia nes
  '299': null, // Other Africa nes
  '399': null, // Other Europe nes
  '499': null, // Other Latin America nes
  '599': null, // Other North America nes
  '699': null, // Other Oceania nes
  '701': null, // Countries (regions) unknown
  '702': null, // UN and other international organizations
};

/**
 * UN Comtrade partner codes are UN M49-like and usually equal ISO 3166 numeric, except where Comtrade keeps
 * a code of its own for a country's customs territory. Sources:
 *  - [A] data/reference/FORMATS.md §2b ("USA 842 (ISO 840) … France 251, India 699"; "Switzerland is 757",
 *        quoted from xippios-comtrade).
 *  - [B] Comtrade's partner list partnerAreas.json (legacy API cache, copy in sashakrasnov/uncomtrade):
 *        "842 USA", "251 France", "381 Italy", "699 India" next to "356 India, excl. Sikkim", "579 Norway",
 *        "757 Switzerland", "490 Other Asia, nes"; it has no entry 158, 438, 630, and 492 is "Europe EU, nes".
 *  - [C] koala73/worldmonitor pull request #2984 (2026): Comtrade uses FR 251, IT 381, US 842, not M49.
 *  - [D] Vizzuality/trase pull request #1887: "the ComTrade API uses 842 to denote USA after 1981".
 * Keys are ISO alpha-2; `null` = Comtrade has no partner code for it (reported under another country).
 */
const COMTRADE_BY_ISO2: Readonly<Record<string, string | null>> = {
  US: '842', // [A][B][C][D] USA incl. Puerto Rico and US Virgin Islands; 840 is unused in Comtrade data
  FR: '251', // [A][B][C] France incl. Monaco
  IT: '381', // [B][C] Italy
  IN: '699', // [A][B] India; 356 is Comtrade's historical "India, excl. Sikkim"
  CH: '757', // [A][B] Switzerland incl. Liechtenstein
  NO: '579', // [B] Norway incl. Svalbard and Jan Mayen
  TW: '490', // [B] Comtrade publishes Taiwan as "Other Asia, nes"; there is no 158
  MC: null, // [B] in France (251); Comtrade's 492 is "Europe EU, nes", not Monaco: never join on it
  LI: null, // [B] in Switzerland (757)
  PR: null, // [B] in USA (842)
};

/** GACC codes of former entities that have a Comtrade code but no ISO alpha-2 any more. [B] */
const COMTRADE_BY_GACC: Readonly<Record<string, string>> = {
  '349': '891', // Serbia and Montenegro
  '449': '530', // Neth. Antilles
};

export interface PartnerRow {
  code: string;
  iso2: string | null;
  comtradeCode: string | null;
  nameEn: string;
  nameZh: string;
}

/**
 * Joins the two GACC lists on the code and adds the ISO and Comtrade codes.
 *
 * @example buildPartners('code,en,comment\n502,United States,\n', 'code,zh\n502,美国\n')
 *   // [{ code: '502', iso2: 'US', comtradeCode: '842', nameEn: 'United States', nameZh: '美国' }]
 */
export function buildPartners(enText: string, zhText: string): PartnerRow[] {
  const namesZh = new Map(readCsvTable(zhText, 'zh').rows.map(({ cells }) => [(cells[0] ?? '').trim(), cleanLabel(cells[1] ?? '')]));
  const rows: PartnerRow[] = [];
  for (const { cells } of readCsvTable(enText, 'en').rows) {
    const code = (cells[0] ?? '').trim();
    const nameEn = cleanLabel(cells[1] ?? '');
    const nameZh = namesZh.get(code);
    if (nameZh === undefined) throw new Error(`GACC partner ${code} (${nameEn}) has no Chinese name`);
    const iso2 = code in ISO2_OVERRIDES ? (ISO2_OVERRIDES[code] ?? null) : (countries.getAlpha2Code(nameEn, 'en') ?? null);
    rows.push({ code, iso2, comtradeCode: comtradeCode(code, iso2), nameEn, nameZh });
  }
  return rows.sort((a, b) => a.code.localeCompare(b.code));
}

function comtradeCode(gaccCode: string, iso2: string | null): string | null {
  const historic = COMTRADE_BY_GACC[gaccCode];
  if (historic !== undefined) return historic;
  if (iso2 === null) return null;
  if (iso2 in COMTRADE_BY_ISO2) return COMTRADE_BY_ISO2[iso2] ?? null;
  const numeric = countries.alpha2ToNumeric(iso2);
  // Comtrade writes its codes as plain integers ("4" for Afghanistan), not zero-padded like ISO ("004").
  return numeric === undefined ? null : String(Number(numeric));
}

/** Renders the rows as the committed CSV: header, one row per code, quoting only where CSV needs it. */
export function formatPartnersCsv(rows: readonly PartnerRow[]): string {
  const field = (value: string | null): string => {
    const text = value ?? '';
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = rows.map((row) => PARTNER_COLUMNS.map((column) => field(row[column])).join(','));
  return `${[PARTNER_COLUMNS.join(','), ...lines].join('\n')}\n`;
}

export const REFERENCE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'reference');

/** Reads the GACC lists from `dir` and returns the CSV text partners.csv should hold. */
export function renderPartnersCsv(dir: string = REFERENCE_DIR): string {
  const read = (file: string): string => readFileSync(join(dir, 'gacc', file), 'utf8');
  return formatPartnersCsv(buildPartners(read('en-TradingPartner-cleaned-manually.csv'), read('zh-TradingPartner-cleaned-manually.csv')));
}

function main(argv: readonly string[]): number {
  const target = join(REFERENCE_DIR, 'partners.csv');
  const csv = renderPartnersCsv();
  if (argv.includes('--check')) {
    const same = readFileSync(target, 'utf8') === csv;
    process.stdout.write(same ? 'partners.csv is up to date\n' : 'partners.csv differs from a fresh build: run npx tsx scripts/build-partners.ts\n');
    return same ? 0 : 1;
  }
  const temporary = `${target}.${process.pid}`;
  writeFileSync(temporary, csv);
  renameSync(temporary, target);
  const rows = csv.trimEnd().split('\n').length - 1;
  process.stdout.write(`wrote ${target} (${rows} partners)\n`);
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}

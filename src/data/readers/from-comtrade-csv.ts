import type { Flow, RecordOrigin, TradeRecord } from '../record.js';
import type { Partner, Reference } from '../reference/types.js';
import { RULES } from '../validate/rule-ids.js';
import { ProblemList } from '../validate/problem-list.js';
import { normalizeMonth, quantityWithUnit } from './cells.js';
import { indexColumns, parseCsvTable } from './csv-table.js';
import { describeHeaders, readerResult } from './reader-result.js';
import { RowCells, quote, type Column } from './row-cells.js';
import type { ReaderOptions, ReaderResult } from './types.js';

/** Columns without which a Comtrade row cannot become a record. */
export const COMTRADE_REQUIRED = ['freqCode', 'period', 'reporterCode', 'flowCode', 'partnerCode', 'cmdCode', 'primaryValue'] as const;
const COMTRADE_OPTIONAL = ['qty', 'qtyUnitAbbr', 'altQty', 'altQtyUnitAbbr', 'customsCode', 'motCode', 'partner2Code'] as const;

/** Where each record field comes from, for messages about records. */
const COMTRADE_FIELD_COLUMNS = {
  month: 'period',
  flow: 'flowCode',
  partner: 'partnerCode',
  hsCode: 'cmdCode',
  valueUsd: 'primaryValue',
  qty1: 'qty',
  unit1: 'qtyUnitAbbr',
  qty2: 'altQty',
  unit2: 'altQtyUnitAbbr',
} as const;

const CHINA = '156';
const WORLD = '0';
const FLOWS: Record<string, Flow> = { X: 'export', M: 'import' };
// Comtrade's "no unit" spellings: qtyUnitCode -1 is "N/A", code 1 is "-" (no quantity).
const NO_UNIT = new Set(['', 'n/a', 'na', '-']);

const partnerIndexes = new WeakMap<Reference, Map<string, Partner>>();

/** Comtrade partner code -> GACC partner, built once per reference. */
function partnersByComtradeCode(reference: Reference): Map<string, Partner> {
  let index = partnerIndexes.get(reference);
  if (index === undefined) {
    index = new Map();
    for (const partner of reference.partners.values()) {
      if (partner.comtradeCode !== null && !index.has(partner.comtradeCode)) index.set(partner.comtradeCode, partner);
    }
    partnerIndexes.set(reference, index);
  }
  return index;
}

function unitOf(raw: string | null): string | null {
  return raw === null || NO_UNIT.has(raw.toLowerCase()) ? null : raw;
}

/** Comtrade codes quantities it does not know as -1 (FORMATS.md §2b). */
function knownQuantity(qty: number | null): number | null {
  return qty === -1 ? null : qty;
}

/**
 * Reads a UN Comtrade "TradeData" CSV (FORMATS.md §2b): monthly rows of reporter China, flows X/M, the
 * aggregate slice only (customsCode C00, motCode 0, partner2Code 0 when those columns exist). Partners are
 * mapped to GACC codes through `reference.partners[].comtradeCode`; partner 0 (World) becomes null.
 * Rows that are outside what tradebrief reads are skipped and counted in one warning per kind.
 *
 * @example
 * fromComtradeCsv('freqCode,period,reporterCode,flowCode,partnerCode,cmdCode,primaryValue\nM,202208,156,X,842,9505,4800000\n',
 *   { file: 'c.csv', reference }) // records[0]: { month: '2022-08', flow: 'export', partner: '502', hsCode: '9505', valueUsd: 4800000, … }
 */
export function fromComtradeCsv(text: string, options: ReaderOptions): ReaderResult {
  const { file, reference } = options;
  const problems = new ProblemList(options.maxProblems);
  const table = parseCsvTable(text, file);
  const records: TradeRecord[] = [];
  const origins: RecordOrigin[] = [];
  const meta = { format: 'comtrade' as const, encoding: options.encoding ?? 'utf8', currency: 'USD' as const, columns: table.header, dataRows: table.rows.length };
  if (table.problem) {
    problems.add(table.problem);
    return readerResult(records, origins, problems, { ...meta, currency: null });
  }
  const index = indexColumns(table.header);
  if (!index.has('flowCode') || !index.has('period')) {
    problems.error(RULES.headerUnknown, { file, row: 1 }, `not a UN Comtrade header: ${describeHeaders(table.header, [...COMTRADE_REQUIRED, ...COMTRADE_OPTIONAL])}`);
    return readerResult(records, origins, problems, { ...meta, currency: null });
  }
  const column = (name: string): Column | undefined => {
    const at = index.get(name);
    return at === undefined ? undefined : { index: at, name };
  };
  for (const name of COMTRADE_REQUIRED) {
    if (!index.has(name)) problems.error(RULES.headerMissingColumn, { file, row: 1, column: name }, `column ${name} is missing from the Comtrade file`);
  }
  if (problems.errors > 0) return readerResult(records, origins, problems, meta);
  if (table.rows.length === 0) problems.error(RULES.fileHeaderOnly, { file }, 'the file has a header but no data rows');

  const skipped = { annual: [] as number[], subflow: 0, slice: 0 };
  const byComtradeCode = partnersByComtradeCode(reference);
  for (const { cells, row } of table.rows) {
    const cell = new RowCells(cells, file, row, problems);
    const freq = cell.text(column('freqCode'));
    if (freq !== 'M') {
      skipped.annual.push(row);
      continue;
    }
    const flowCode = cell.text(column('flowCode')) ?? '';
    const flow = FLOWS[flowCode];
    if (flow === undefined) {
      skipped.subflow += 1;
      continue;
    }
    const customs = cell.text(column('customsCode'));
    const mot = cell.text(column('motCode'));
    const partner2 = cell.text(column('partner2Code'));
    if ((customs !== null && customs !== 'C00') || (mot !== null && mot !== '0') || (partner2 !== null && partner2 !== WORLD)) {
      skipped.slice += 1;
      continue;
    }
    const reporter = cell.text(column('reporterCode'));
    if (reporter !== CHINA && !options.allowOtherReporters) {
      cell.fail(RULES.comtradeReporter, column('reporterCode'), `reporter is ${quote(reporter ?? '')}: expected 156 (China); mirror data needs the option to allow other reporters`);
    }
    const periodRaw = cell.raw(column('period')) ?? '';
    const month = normalizeMonth(periodRaw);
    if (month === null) cell.fail(RULES.monthInvalid, column('period'), `expected a monthly period as YYYYMM, found ${quote(periodRaw)}`);
    const partnerCode = cell.code(column('partnerCode'));
    let partner: Partner | null = null;
    if (partnerCode !== null && partnerCode !== WORLD) {
      partner = byComtradeCode.get(partnerCode) ?? null;
      if (partner === null) cell.fail(RULES.partnerUnknown, column('partnerCode'), `Comtrade partner ${quote(partnerCode)} has no GACC partner code in the reference list`);
    }
    const cmdCode = cell.code(column('cmdCode'));
    const value = cell.number(column('primaryValue'), { required: true });
    const first = quantityWithUnit(knownQuantity(cell.number(column('qty'), { required: false })), unitOf(cell.text(column('qtyUnitAbbr'))));
    const second = quantityWithUnit(knownQuantity(cell.number(column('altQty'), { required: false })), unitOf(cell.text(column('altQtyUnitAbbr'))));
    if (!cell.ok || month === null) continue;
    records.push({
      month,
      flow,
      region: null,
      partner: partner?.code ?? null,
      partnerIso2: partner?.iso2 ?? null,
      hsCode: cmdCode === null || cmdCode.toUpperCase() === 'TOTAL' ? null : cmdCode,
      regime: null,
      valueUsd: value,
      valueCny: null,
      qty1: first.qty,
      unit1: first.unit,
      qty2: second.qty,
      unit2: second.unit,
    });
    origins.push({ file, row });
  }
  if (skipped.annual.length > 0) {
    problems.error(
      RULES.comtradeNotMonthly,
      { file, row: skipped.annual[0] ?? 2, column: 'freqCode' },
      `${skipped.annual.length} row(s) are not monthly (freqCode other than M): tradebrief reads monthly data; download with freqCode M`,
    );
  }
  if (skipped.subflow > 0) {
    problems.warning(RULES.comtradeSubflowSkipped, { file, column: 'flowCode' }, `${skipped.subflow} row(s) of flows other than X and M (re-exports, re-imports …) were not read`);
  }
  if (skipped.slice > 0) {
    problems.warning(RULES.comtradeSliceSkipped, { file }, `${skipped.slice} row(s) outside the aggregate slice (customsCode C00, motCode 0, partner2Code 0) were not read`);
  }
  return readerResult(records, origins, problems, meta, COMTRADE_FIELD_COLUMNS);
}

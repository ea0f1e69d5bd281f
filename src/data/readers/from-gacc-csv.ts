import type { RecordOrigin, TradeRecord } from '../record.js';
import { MONTH_PATTERN } from '../record.js';
import { RULES } from '../validate/rule-ids.js';
import { ProblemList } from '../validate/problem-list.js';
import { normalizeMonth, quantityWithUnit } from './cells.js';
import { parseCsvTable } from './csv-table.js';
import { GACC_EXAMPLE_HEADER, gaccFieldOf, gaccHeaderOf, looksLikeGaccHeader, type GaccField } from './gacc-columns.js';
import { describeHeaders, GACC_ROW_LIMIT, readerResult } from './reader-result.js';
import { RowCells, quote, type Column } from './row-cells.js';
import type { ReaderMeta, ReaderOptions, ReaderResult, RecordField } from './types.js';

// A name column is useless without its code column (names are never joined on), and a quantity is
// useless without its unit column.
const COLUMN_NEEDS: [GaccField, GaccField][] = [
  ['partnerName', 'partner'],
  ['regimeName', 'regime'],
  ['regionName', 'region'],
  ['hsName', 'hsCode'],
  ['qty1', 'unit1'],
  ['unit1', 'qty1'],
  ['qty2', 'unit2'],
  ['unit2', 'qty2'],
];

/**
 * Reads a GACC query-platform export (FORMATS.md §2a) from decoded text. The flow is not in the file and
 * comes from `options.flow`; the month comes from 数据年月 or, when that column is absent, `options.month`.
 * Dimensions the query did not break down by (no column) become null; the currency is the value column's
 * (美元 -> valueUsd, 人民币 -> valueCny).
 *
 * @example
 * fromGaccCsv('"数据年月","贸易伙伴编码","美元",\n"202601","502","2,709",\n', { file: 'f.csv', flow: 'export', reference })
 * // records[0]: { month: '2026-01', flow: 'export', partner: '502', partnerIso2: 'US', valueUsd: 2709, region: null, … }
 */
export function fromGaccCsv(text: string, options: ReaderOptions): ReaderResult {
  const { file, reference } = options;
  const problems = new ProblemList(options.maxProblems);
  const table = parseCsvTable(text, file);
  const records: TradeRecord[] = [];
  const origins: RecordOrigin[] = [];
  const baseMeta = { format: 'gacc' as const, encoding: options.encoding ?? 'utf8', columns: table.header, dataRows: table.rows.length };
  if (table.problem) {
    problems.add(table.problem);
    return readerResult(records, origins, problems, { ...baseMeta, currency: null });
  }

  const columns = new Map<GaccField, Column>();
  table.header.forEach((name, index) => {
    const field = gaccFieldOf(name);
    if (field === undefined) {
      if (looksLikeGaccHeader(table.header)) {
        problems.warning(RULES.headerExtraColumn, { file, row: 1, column: name }, 'column not part of the GACC export layout; ignored');
      }
    } else if (!columns.has(field)) {
      columns.set(field, { index, name });
    }
  });
  if (!looksLikeGaccHeader(table.header)) {
    problems.error(RULES.headerUnknown, { file, row: 1 }, `not a GACC export header: ${describeHeaders(table.header, GACC_EXAMPLE_HEADER)}`);
    return readerResult(records, origins, problems, { ...baseMeta, currency: null });
  }
  const usd = columns.get('valueUsd');
  const cny = columns.get('valueCny');
  const currency = usd ? 'USD' : 'CNY';
  if (usd && cny) {
    problems.error(RULES.currencyMixed, { file, row: 1, column: cny.name }, `the file has both ${usd.name} and ${cny.name} columns: expected one currency per file`);
  }
  for (const [present, needed] of COLUMN_NEEDS) {
    if (columns.has(present) && !columns.has(needed)) {
      problems.error(
        RULES.headerMissingColumn,
        { file, row: 1, column: gaccHeaderOf(needed) },
        `column ${gaccHeaderOf(needed)} is missing: it must come with ${columns.get(present)?.name ?? gaccHeaderOf(present)}`,
      );
    }
  }
  if (options.flow === undefined) {
    problems.error(RULES.optionFlowMissing, { file }, 'GACC exports do not record the trade flow: give it (--flow export|import, or "flow" in the report config)');
  }
  const monthColumn = columns.get('month');
  if (monthColumn === undefined && options.month === undefined) {
    problems.error(RULES.optionMonthMissing, { file, column: gaccHeaderOf('month') }, 'the file has no 数据年月 column (a single-month download): give the month (--month YYYY-MM)');
  }
  if (options.month !== undefined && !MONTH_PATTERN.test(options.month)) {
    problems.error(RULES.monthInvalid, { file }, `the month given for the file is ${quote(options.month)}: expected YYYY-MM`);
  }
  if (problems.errors > 0) return readerResult(records, origins, problems, { ...baseMeta, currency });
  if (table.rows.length === 0) {
    problems.error(RULES.fileHeaderOnly, { file }, 'the file has a header but no data rows');
  } else if (table.rows.length === GACC_ROW_LIMIT) {
    problems.warning(RULES.fileTruncated, { file }, `exactly ${GACC_ROW_LIMIT.toLocaleString('en-US')} data rows: the GACC platform truncates downloads there, so rows are probably missing; split the query`);
  }

  const flow = options.flow ?? 'export';
  const valueColumn = usd ?? cny;
  for (const { cells, row } of table.rows) {
    const cell = new RowCells(cells, file, row, problems);
    let month = options.month ?? null;
    if (monthColumn) {
      const raw = cell.raw(monthColumn) ?? '';
      month = normalizeMonth(raw);
      if (month === null) cell.fail(RULES.monthInvalid, monthColumn, `expected a month as YYYYMM, found ${quote(raw)}`);
      else if (options.month !== undefined && month !== options.month) {
        cell.fail(RULES.monthMismatch, monthColumn, `the row is for ${month} but the file was given as ${options.month}`);
      }
    }
    const hsCode = cell.code(columns.get('hsCode'));
    const partner = cell.code(columns.get('partner'));
    const regime = cell.code(columns.get('regime'));
    const region = cell.code(columns.get('region'));
    const value = cell.number(valueColumn, { required: true });
    const first = quantityWithUnit(cell.number(columns.get('qty1'), { required: false }), cell.text(columns.get('unit1')));
    const second = quantityWithUnit(cell.number(columns.get('qty2'), { required: false }), cell.text(columns.get('unit2')));
    if (!cell.ok || month === null) continue;
    records.push({
      month,
      flow,
      region,
      partner,
      partnerIso2: partner === null ? null : (reference.partners.get(partner)?.iso2 ?? null),
      hsCode,
      regime,
      valueUsd: currency === 'USD' ? value : null,
      valueCny: currency === 'CNY' ? value : null,
      qty1: first.qty,
      unit1: first.unit,
      qty2: second.qty,
      unit2: second.unit,
    });
    origins.push({ file, row });
  }
  return readerResult(records, origins, problems, { ...baseMeta, currency }, fieldColumnsOf(columns));
}

/** Record field -> the file's header, for problems found on records later. */
function fieldColumnsOf(columns: ReadonlyMap<GaccField, Column>): ReaderMeta['fieldColumns'] {
  const names: ReaderMeta['fieldColumns'] = {};
  const fields: RecordField[] = ['month', 'hsCode', 'partner', 'regime', 'region', 'qty1', 'unit1', 'qty2', 'unit2', 'valueUsd', 'valueCny'];
  for (const field of fields) {
    const column = columns.get(field as GaccField);
    if (column) names[field] = column.name;
  }
  return names;
}

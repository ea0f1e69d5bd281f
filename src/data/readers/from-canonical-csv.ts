import type { Flow, RecordOrigin, TradeRecord } from '../record.js';
import { FLOWS } from '../record.js';
import { RULES } from '../validate/rule-ids.js';
import { ProblemList } from '../validate/problem-list.js';
import { quantityWithUnit } from './cells.js';
import { indexColumns, parseCsvTable } from './csv-table.js';
import { describeHeaders, readerResult } from './reader-result.js';
import { RowCells, quote, type Column } from './row-cells.js';
import type { ReaderOptions, ReaderResult } from './types.js';

/** The canonical header: TradeRecord's field names (valueCny and partnerIso2 may be left out). */
export const CANONICAL_COLUMNS = ['month', 'flow', 'region', 'partner', 'hsCode', 'regime', 'valueUsd', 'qty1', 'unit1', 'qty2', 'unit2'] as const;
const CANONICAL_OPTIONAL = ['valueCny', 'partnerIso2'] as const;
const KNOWN = new Set<string>([...CANONICAL_COLUMNS, ...CANONICAL_OPTIONAL]);
const CANONICAL_MONTH = /^\d{4}-\d{2}$/;

/** Empty cell = null; codes are kept as written (leading zeros matter). */
function optionalCode(raw: string | undefined): string | null {
  const text = (raw ?? '').trim();
  return text === '' ? null : text;
}

/**
 * Reads the canonical CSV (UTF-8, header = TradeRecord field names, "" = null). partnerIso2 is filled from
 * the reference when the partner is known there. A row must carry exactly one of valueUsd / valueCny.
 *
 * @example
 * fromCanonicalCsv('month,flow,region,partner,hsCode,regime,valueUsd,qty1,unit1,qty2,unit2\n2022-08,export,65,502,0702,10,5,,,,\n',
 *   { file: 'c.csv', reference }) // records[0].hsCode === '0702'
 */
export function fromCanonicalCsv(text: string, options: ReaderOptions): ReaderResult {
  const { file, reference } = options;
  const problems = new ProblemList(options.maxProblems);
  const table = parseCsvTable(text, file);
  const records: TradeRecord[] = [];
  const origins: RecordOrigin[] = [];
  const baseMeta = { format: 'canonical' as const, encoding: options.encoding ?? 'utf8', columns: table.header, dataRows: table.rows.length };
  if (table.problem) {
    problems.add(table.problem);
    return readerResult(records, origins, problems, { ...baseMeta, currency: null });
  }
  const index = indexColumns(table.header);
  if (!index.has('month') || !index.has('flow')) {
    problems.error(RULES.headerUnknown, { file, row: 1 }, `not a canonical header: ${describeHeaders(table.header, [...CANONICAL_COLUMNS, ...CANONICAL_OPTIONAL])}`);
    return readerResult(records, origins, problems, { ...baseMeta, currency: null });
  }
  for (const name of CANONICAL_COLUMNS) {
    if (!index.has(name)) problems.error(RULES.headerMissingColumn, { file, row: 1, column: name }, `column ${name} is missing: the canonical header is ${CANONICAL_COLUMNS.join(',')}[,valueCny][,partnerIso2]`);
  }
  for (const name of table.header) {
    if (!KNOWN.has(name)) problems.warning(RULES.headerExtraColumn, { file, row: 1, column: name }, 'not a canonical column; ignored');
  }
  if (problems.errors > 0) return readerResult(records, origins, problems, { ...baseMeta, currency: null });
  if (table.rows.length === 0) problems.error(RULES.fileHeaderOnly, { file }, 'the file has a header but no data rows');

  const column = (name: string): Column | undefined => {
    const at = index.get(name);
    return at === undefined ? undefined : { index: at, name };
  };
  const currencyCounts = { USD: 0, CNY: 0 };
  for (const { cells, row } of table.rows) {
    const cell = new RowCells(cells, file, row, problems);
    const month = (cell.raw(column('month')) ?? '').trim();
    if (!CANONICAL_MONTH.test(month)) cell.fail(RULES.monthInvalid, column('month'), `expected a month as YYYY-MM, found ${quote(month)}`);
    const flowRaw = (cell.raw(column('flow')) ?? '').trim();
    if (!FLOWS.includes(flowRaw as Flow)) cell.fail(RULES.flowInvalid, column('flow'), `expected export or import, found ${quote(flowRaw)}`);
    const valueUsd = cell.number(column('valueUsd'), { required: false });
    const valueCny = cell.number(column('valueCny'), { required: false });
    if (cell.ok && valueUsd === null && valueCny === null) {
      cell.fail(RULES.valueMissing, column('valueUsd'), 'expected a value in valueUsd (or valueCny), found none');
    } else if (valueUsd !== null && valueCny !== null) {
      cell.fail(RULES.currencyMixed, column('valueCny'), 'the row has both valueUsd and valueCny: expected one currency (values are never converted)');
    }
    const first = quantityWithUnit(cell.number(column('qty1'), { required: false }), optionalCode(cell.raw(column('unit1'))));
    const second = quantityWithUnit(cell.number(column('qty2'), { required: false }), optionalCode(cell.raw(column('unit2'))));
    if (!cell.ok) continue;
    const partner = optionalCode(cell.raw(column('partner')));
    currencyCounts[valueUsd !== null ? 'USD' : 'CNY'] += 1;
    records.push({
      month,
      flow: flowRaw as Flow,
      region: optionalCode(cell.raw(column('region'))),
      partner,
      partnerIso2: partner === null ? null : (reference.partners.get(partner)?.iso2 ?? optionalCode(cell.raw(column('partnerIso2')))),
      hsCode: optionalCode(cell.raw(column('hsCode'))),
      regime: optionalCode(cell.raw(column('regime'))),
      valueUsd,
      valueCny,
      qty1: first.qty,
      unit1: first.unit,
      qty2: second.qty,
      unit2: second.unit,
    });
    origins.push({ file, row });
  }
  // A file's currency is its rows' (USD when it has none); a file with both is caught by the validator.
  const currency = currencyCounts.CNY > currencyCounts.USD ? 'CNY' : 'USD';
  const fieldColumns = Object.fromEntries(table.header.filter((name) => KNOWN.has(name)).map((name) => [name, name]));
  return readerResult(records, origins, problems, { ...baseMeta, currency }, fieldColumns);
}

/**
 * The catalogue of data-check rule ids (STYLE.md 5). Ids are stable: tests, logs and users' scripts match on
 * them, so add new ones rather than renaming. The text says what each rule catches.
 */
export const RULES = {
  fileNotFound: 'file.not-found', // a path or glob that names no file
  fileEmpty: 'file.empty', // 0 bytes (or only blank lines)
  fileHeaderOnly: 'file.header-only', // a header and no data rows
  fileTruncated: 'file.truncated', // exactly 10,000 data rows: the GACC platform cuts downloads there
  csvMalformed: 'csv.malformed', // unbalanced quotes and the like
  encodingWrong: 'encoding.wrong', // the bytes are not in the encoding used (mojibake)
  headerUnknown: 'header.unknown', // matches none of the known formats
  headerMissingColumn: 'header.missing-column', // a required column is absent
  headerExtraColumn: 'header.extra-column', // a column the reader does not know (ignored)
  optionFlowMissing: 'option.flow-missing', // GACC files do not record the flow: it must be given
  optionMonthMissing: 'option.month-missing', // a GACC file without 数据年月 needs the month given
  monthInvalid: 'month.invalid', // not YYYYMM / YYYY-MM
  monthOutOfRange: 'month.out-of-range', // month 13, year 1899 …
  monthFuture: 'month.future', // after the month of `now`
  monthMismatch: 'month.mismatch', // rows of another month than the one given for the file
  monthIncomplete: 'month.incomplete', // far below the recent median: probably a partial download
  flowInvalid: 'flow.invalid', // not export/import (canonical)
  flowMixed: 'flow.mixed', // rows of another flow than the one expected
  currencyMixed: 'currency.mixed', // USD and CNY values in one dataset
  valueMissing: 'value.missing', // no value in a row
  valueNotNumeric: 'value.not-numeric', // "abc", "1,2,3"
  valueNotFinite: 'value.not-finite', // NaN, Infinity
  valueNegative: 'value.negative',
  qtyNegative: 'qty.negative',
  qtyUnitMissing: 'qty.unit-missing', // a quantity with no unit cannot be summed
  codeMissing: 'code.missing', // "?" or empty in a code column of a broken-down file
  partnerUnknown: 'partner.unknown', // not in the GACC partner list
  regionUnknown: 'region.unknown', // not in the registration-place list
  regimeUnknown: 'regime.unknown', // not in the trade-mode list
  hsCodeInvalid: 'hs.invalid', // not 2, 4, 6 or 8 digits
  rowDuplicate: 'row.duplicate', // same month, flow, region, partner, HS code and regime as an earlier row
  comtradeReporter: 'comtrade.reporter', // reporter other than China (156)
  comtradeNotMonthly: 'comtrade.not-monthly', // freqCode other than M
  comtradeSubflowSkipped: 'comtrade.subflow-skipped', // re-exports, processing flows …: not read
  comtradeSliceSkipped: 'comtrade.slice-skipped', // non-aggregate customs/transport/partner2 rows: not read
} as const;

export type RuleId = (typeof RULES)[keyof typeof RULES];

import type { RecordOrigin, TradeRecord } from '../record.js';
import type { ProblemList } from '../validate/problem-list.js';
import type { ReaderMeta, ReaderResult } from './types.js';

/** Assembles a reader's result; months are derived from the records so they cannot disagree. */
export function readerResult(
  records: TradeRecord[],
  origins: RecordOrigin[],
  problems: ProblemList,
  meta: Omit<ReaderMeta, 'months' | 'fieldColumns'>,
  fieldColumns: ReaderMeta['fieldColumns'] = {},
): ReaderResult {
  const months = [...new Set(records.map((record) => record.month))].sort();
  return { records, origins, problems: problems.items, meta: { ...meta, months, fieldColumns } };
}

/** "found: a, b; expected e.g.: x, y" — the message for a header nobody recognises. */
export function describeHeaders(found: readonly string[], expected: readonly string[]): string {
  const shown = found.length === 0 ? '(none)' : found.map((name) => JSON.stringify(name)).join(', ');
  return `columns found: ${shown}; expected: ${expected.join(', ')}`;
}

/** GACC's platform cuts downloads at this many rows (FORMATS.md §2a). */
export const GACC_ROW_LIMIT = 10_000;

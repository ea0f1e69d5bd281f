import type { Problem } from '../../errors.js';
import type { Currency, Flow, RecordOrigin, TradeRecord } from '../record.js';
import type { Reference } from '../reference/types.js';

export type ReaderFormat = 'gacc' | 'comtrade' | 'canonical';

/** What a reader found out about a file besides its records. */
export interface ReaderMeta {
  format: ReaderFormat;
  /** 'utf8' or 'gb18030' (as decoded by the loader; readers fed a string report what they were told). */
  encoding: string;
  /** USD unless the file's values are in yuan; null when the header did not say (unreadable file). */
  currency: Currency | null;
  /** Header as found (trimmed, trailing empty column dropped). */
  columns: string[];
  /** Data rows in the file (blank lines not counted), read or not. */
  dataRows: number;
  /** Distinct months of the records, sorted. */
  months: string[];
  /**
   * The file's own name for each record field it has (e.g. partner -> "贸易伙伴编码"), so problems found
   * later on records can name the column as the user sees it.
   */
  fieldColumns: Partial<Record<RecordField, string>>;
}

export type RecordField = keyof TradeRecord;

/** Every reader returns this: records and origins are parallel arrays. */
export interface ReaderResult {
  records: TradeRecord[];
  origins: RecordOrigin[];
  problems: Problem[];
  meta: ReaderMeta;
}

export interface ReaderOptions {
  /** Name used in problems and origins (the path as the user gave it). */
  file: string;
  reference: Reference;
  /** The flow of the file. Required for GACC files (the flow is not in them); a check for the others. */
  flow?: Flow;
  /** "YYYY-MM": the month of a GACC file without 数据年月; a check for files that have it. */
  month?: string;
  /** For meta only: the encoding the text was decoded from. */
  encoding?: string;
  /** Comtrade: accept reporters other than China (156). */
  allowOtherReporters?: boolean;
  /** Stop collecting problems after this many (they are still counted). */
  maxProblems?: number;
}

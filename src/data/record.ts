/**
 * The canonical trade record (DESIGN.md "Data model"): one row per (month, flow, region, partner, HS code,
 * trade regime). Every reader turns its format into these; everything after the readers works on them only.
 */
export type Flow = 'export' | 'import';
export const FLOWS: readonly Flow[] = ['export', 'import'];

export type Currency = 'USD' | 'CNY';

export interface TradeRecord {
  /** "YYYY-MM". */
  month: string;
  flow: Flow;
  /**
   * GACC registration-place (收发货人注册地) code, e.g. "65" for Xinjiang. null when the file is not broken
   * down by region (e.g. a national series): the row then covers all regions.
   */
  region: string | null;
  /** GACC 3-digit partner code, e.g. "502" (US). null when the file is not broken down by partner. */
  partner: string | null;
  /** ISO 3166-1 alpha-2 of the partner, from the reference table; null when unknown or not a country. */
  partnerIso2: string | null;
  /** HS / CN code as a string of 2–8 digits, leading zeros kept. null when the file is a total over all goods. */
  hsCode: string | null;
  /** GACC trade-mode (贸易方式) code, e.g. "10"; null when the file is not broken down by regime. */
  regime: string | null;
  /** Value in whole US dollars; null when the source is in another currency (never converted silently). */
  valueUsd: number | null;
  /** Value in whole yuan, when the source file is in RMB (人民币). */
  valueCny: number | null;
  /** First statistical quantity and its unit (GACC unit name such as "千克", or a canonical unit id). */
  qty1: number | null;
  unit1: string | null;
  /** Second statistical quantity and its unit. */
  qty2: number | null;
  unit2: string | null;
}

/** Where a record came from, for error messages: the file and the 1-based spreadsheet row (header = row 1). */
export interface RecordOrigin {
  file: string;
  row: number;
}

/** "YYYY-MM" pattern. */
export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

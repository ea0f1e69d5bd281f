/**
 * Trade rows as columns, one array per TradeRecord field: what the store reader hands the stats, so the rows
 * of a report (hundreds of thousands at full-China scale) never become one object each. The raw-file readers
 * keep giving records; `TradeRows` is either, and `rowsToRecords` turns columns back into records where a
 * caller needs them.
 */
import type { Flow, TradeRecord } from './record.js';

/** Every field, in the readers' order (a table built from columns gets the same column order as from records). */
export const RECORD_FIELDS = ['month', 'flow', 'region', 'partner', 'partnerIso2', 'hsCode', 'regime', 'valueUsd', 'valueCny', 'qty1', 'unit1', 'qty2', 'unit2'] as const;

export interface TradeColumns {
  /** Number of rows. */
  readonly length: number;
  readonly columns: {
    readonly month: ArrayLike<string>;
    readonly flow: ArrayLike<Flow>;
    readonly region: ArrayLike<string | null>;
    readonly partner: ArrayLike<string | null>;
    readonly partnerIso2: ArrayLike<string | null>;
    readonly hsCode: ArrayLike<string | null>;
    readonly regime: ArrayLike<string | null>;
    readonly valueUsd: ArrayLike<number | null>;
    readonly valueCny: ArrayLike<number | null>;
    readonly qty1: ArrayLike<number | null>;
    readonly unit1: ArrayLike<string | null>;
    readonly qty2: ArrayLike<number | null>;
    readonly unit2: ArrayLike<string | null>;
  };
}

/** Rows as records (raw files) or as columns (a store). Both have a `length`. */
export type TradeRows = readonly TradeRecord[] | TradeColumns;

/** @example isColumns(data.records) // true for rows read from a store */
export function isColumns(rows: TradeRows): rows is TradeColumns {
  return !Array.isArray(rows);
}

/**
 * The rows as records, in the same order (a no-op for records).
 * @example rowsToRecords(columns)[0].partner // "502"
 */
export function rowsToRecords(rows: TradeRows): TradeRecord[] {
  if (!isColumns(rows)) return rows as TradeRecord[];
  const { columns } = rows;
  const records: TradeRecord[] = new Array(rows.length);
  for (let index = 0; index < rows.length; index += 1) {
    records[index] = {
      month: columns.month[index] as string,
      flow: columns.flow[index] as Flow,
      region: columns.region[index] ?? null,
      partner: columns.partner[index] ?? null,
      partnerIso2: columns.partnerIso2[index] ?? null,
      hsCode: columns.hsCode[index] ?? null,
      regime: columns.regime[index] ?? null,
      valueUsd: columns.valueUsd[index] ?? null,
      valueCny: columns.valueCny[index] ?? null,
      qty1: columns.qty1[index] ?? null,
      unit1: columns.unit1[index] ?? null,
      qty2: columns.qty2[index] ?? null,
      unit2: columns.unit2[index] ?? null,
    };
  }
  return records;
}

/**
 * Several column sets end to end, in the order given.
 * @example concatColumns([storeA, storeB]).length
 */
export function concatColumns(parts: readonly TradeColumns[]): TradeColumns {
  if (parts.length === 1 && parts[0] !== undefined) return parts[0];
  const joined: Record<string, unknown[]> = {};
  for (const field of RECORD_FIELDS) {
    const values: unknown[] = [];
    for (const part of parts) {
      const column = part.columns[field];
      for (let index = 0; index < part.length; index += 1) values.push(column[index]);
    }
    joined[field] = values;
  }
  return { length: parts.reduce((sum, part) => sum + part.length, 0), columns: joined as unknown as TradeColumns['columns'] };
}

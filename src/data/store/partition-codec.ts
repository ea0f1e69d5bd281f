/**
 * One partition's rows <-> Arrow IPC bytes (flechette, arquero's Arrow library). The partition's flow, month
 * and region are in its manifest entry, not repeated per row; codes and units are dictionary-encoded strings,
 * values and quantities float64 (the readers' numbers, exactly), and `row` keeps each record's row in its
 * source file so problems can still name file:row and records can be put back in file order.
 */
import { dictionary, float64, tableFromArrays, tableFromIPC, tableToIPC, uint32, utf8, type Column } from '@uwdata/flechette';
import type { Flow, TradeRecord } from '../record.js';

const CODE_COLUMNS = ['partner', 'partnerIso2', 'hsCode', 'regime', 'unit1', 'unit2'] as const;
const NUMBER_COLUMNS = ['valueUsd', 'valueCny', 'qty1', 'qty2'] as const;

/** A record with its row in the source file. */
export interface StoredRow {
  record: TradeRecord;
  row: number;
}

/**
 * @example encodePartition([{ record, row: 2 }]) // Uint8Array (Arrow IPC file format)
 */
export function encodePartition(rows: readonly StoredRow[]): Uint8Array {
  const columns: Record<string, unknown[] | Uint32Array> = { row: Uint32Array.from(rows, (stored) => stored.row) };
  for (const name of CODE_COLUMNS) columns[name] = rows.map((stored) => stored.record[name]);
  for (const name of NUMBER_COLUMNS) columns[name] = rows.map((stored) => stored.record[name]);
  const types = {
    row: uint32(),
    ...Object.fromEntries(CODE_COLUMNS.map((name) => [name, dictionary(utf8())])),
    ...Object.fromEntries(NUMBER_COLUMNS.map((name) => [name, float64()])),
  };
  return tableToIPC(tableFromArrays(columns as Record<string, unknown[]>, { types }), { format: 'file' }) as Uint8Array;
}

/** A code column as stored: dictionary keys per row, the dictionary, and the null bitmap (null: no nulls). */
export interface CodeColumn {
  keys: ArrayLike<number>;
  dictionary: ArrayLike<string | null>;
  validity: Uint8Array | null;
}

/** A number column as stored: the values and the null bitmap (null: no nulls). */
export interface NumberColumn {
  values: ArrayLike<number | null>;
  validity: Uint8Array | null;
}

/** A partition's stored columns, read in place (no object, and no string array, per row), with source rows. */
export interface DecodedColumns {
  length: number;
  codes: Record<(typeof CODE_COLUMNS)[number], CodeColumn>;
  numbers: Record<(typeof NUMBER_COLUMNS)[number], NumberColumn>;
  rows: ArrayLike<number>;
}

/** Whether row `index` of a column holds a value (Arrow's validity bitmap, least significant bit first). */
export function isValid(validity: Uint8Array | null, index: number): boolean {
  return validity === null || ((validity[index >> 3] as number) & (1 << (index & 7))) !== 0;
}

/** The code at `index`, or null. @example codeAt(decoded.codes.partner, 0) // "502" */
export function codeAt(column: CodeColumn, index: number): string | null {
  return isValid(column.validity, index) ? (column.dictionary[column.keys[index] as number] ?? null) : null;
}

/** The number at `index`, or null. @example numberAt(decoded.numbers.valueUsd, 0) // 4803215 */
export function numberAt(column: NumberColumn, index: number): number | null {
  return isValid(column.validity, index) ? (column.values[index] ?? null) : null;
}

/**
 * The stored columns of a partition, with no object per row (the store reader copies rows from them).
 * @example codeAt(decodePartitionColumns(bytes, { flow: 'export', month: '2022-08', region: '65' }).codes.partner, 0) // "502"
 */
export function decodePartitionColumns(bytes: Uint8Array, where: { flow: Flow; month: string; region: string | null }): DecodedColumns {
  const table = tableFromIPC(bytes);
  const column = (name: string): Column<unknown> => {
    const child = table.getChild(name);
    if (child === undefined || child === null) throw new Error(`store partition ${where.flow}/${where.month}/${where.region ?? '-'} has no column ${name}`);
    return child;
  };
  return {
    length: table.numRows,
    codes: Object.fromEntries(CODE_COLUMNS.map((name) => [name, codeColumn(column(name))])) as DecodedColumns['codes'],
    numbers: Object.fromEntries(NUMBER_COLUMNS.map((name) => [name, numberColumn(column(name))])) as DecodedColumns['numbers'],
    rows: column('row').toArray() as ArrayLike<number>,
  };
}

/** A partition is written as one record batch; read that batch's keys and dictionary in place. */
function codeColumn(column: Column<unknown>): CodeColumn {
  const [batch] = column.data;
  const dictionaryBatch = batch as (typeof batch & { cache?: ArrayLike<string | null> }) | undefined;
  if (column.data.length === 1 && batch !== undefined && dictionaryBatch?.cache !== undefined) {
    return { keys: batch.values as ArrayLike<number>, dictionary: dictionaryBatch.cache, validity: batch.nullCount > 0 ? batch.validity : null };
  }
  // Any other layout (several batches): the values themselves, each its own key.
  const values = column.toArray() as ArrayLike<string | null>;
  return { keys: Int32Array.from({ length: values.length }, (_, index) => index), dictionary: values, validity: null };
}

function numberColumn(column: Column<unknown>): NumberColumn {
  const [batch] = column.data;
  if (column.data.length === 1 && batch !== undefined && batch.values instanceof Float64Array) {
    return { values: batch.values.subarray(0, column.length), validity: batch.nullCount > 0 ? batch.validity : null };
  }
  return { values: column.toArray() as ArrayLike<number | null>, validity: null };
}

/**
 * The records of a partition, in their stored order, with the same fields (and field order) the readers give.
 * @example decodePartition(bytes, { flow: 'export', month: '2022-08', region: '65' }).records[0].partner // "502"
 */
export function decodePartition(bytes: Uint8Array, where: { flow: Flow; month: string; region: string | null }): { records: TradeRecord[]; rows: Uint32Array } {
  const { length, codes, numbers, rows } = decodePartitionColumns(bytes, where);
  const records: TradeRecord[] = new Array(length);
  for (let index = 0; index < length; index += 1) {
    records[index] = {
      month: where.month,
      flow: where.flow,
      region: where.region,
      partner: codeAt(codes.partner, index),
      partnerIso2: codeAt(codes.partnerIso2, index),
      hsCode: codeAt(codes.hsCode, index),
      regime: codeAt(codes.regime, index),
      valueUsd: numberAt(numbers.valueUsd, index),
      valueCny: numberAt(numbers.valueCny, index),
      qty1: numberAt(numbers.qty1, index),
      unit1: codeAt(codes.unit1, index),
      qty2: numberAt(numbers.qty2, index),
      unit2: codeAt(codes.unit2, index),
    };
  }
  return { records, rows: Uint32Array.from(rows) };
}

/**
 * One partition's rows <-> Arrow IPC bytes (flechette, arquero's Arrow library). The partition's flow, month
 * and region are in its manifest entry, not repeated per row; codes and units are dictionary-encoded strings,
 * values and quantities float64 (the readers' numbers, exactly), and `row` keeps each record's row in its
 * source file so problems can still name file:row and records can be put back in file order.
 */
import { dictionary, float64, tableFromArrays, tableFromIPC, tableToIPC, uint32, utf8 } from '@uwdata/flechette';
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

/**
 * The records of a partition, in their stored order, with the same fields (and field order) the readers give.
 * @example decodePartition(bytes, { flow: 'export', month: '2022-08', region: '65' }).records[0].partner // "502"
 */
export function decodePartition(bytes: Uint8Array, where: { flow: Flow; month: string; region: string | null }): { records: TradeRecord[]; rows: Uint32Array } {
  const table = tableFromIPC(bytes);
  const column = (name: string): ArrayLike<unknown> => {
    const child = table.getChild(name);
    if (child === undefined || child === null) throw new Error(`store partition ${where.flow}/${where.month}/${where.region ?? '-'} has no column ${name}`);
    return child.toArray() as ArrayLike<unknown>;
  };
  const [partner, partnerIso2, hsCode, regime, unit1, unit2] = CODE_COLUMNS.map(column) as ArrayLike<string | null>[];
  const [valueUsd, valueCny, qty1, qty2] = NUMBER_COLUMNS.map(column) as ArrayLike<number | null>[];
  const rows = Uint32Array.from(column('row') as ArrayLike<number>);
  const records: TradeRecord[] = new Array(table.numRows);
  for (let index = 0; index < table.numRows; index += 1) {
    records[index] = {
      month: where.month,
      flow: where.flow,
      region: where.region,
      partner: partner![index] ?? null,
      partnerIso2: partnerIso2![index] ?? null,
      hsCode: hsCode![index] ?? null,
      regime: regime![index] ?? null,
      valueUsd: valueUsd![index] ?? null,
      valueCny: valueCny![index] ?? null,
      qty1: qty1![index] ?? null,
      unit1: unit1![index] ?? null,
      qty2: qty2![index] ?? null,
      unit2: unit2![index] ?? null,
    };
  }
  return { records, rows };
}

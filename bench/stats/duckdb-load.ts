/**
 * The reference engine's load step: DuckDB reads the same GACC export files (UTF-8) into its own table
 * `trade`, with the cells parsed the way src/data/readers/cells.ts parses them ("?" and "" are missing,
 * thousands separators dropped, "0" with unit "?" means no quantity, 202208 -> 2022-08). Header cells are
 * mapped with the reader's own header table (gaccFieldOf), so both sides agree on which column is what.
 * Timed on its own: the benchmark compares queries with queries and reports this load separately.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { gaccFieldOf, type GaccField } from '../../src/data/readers/gacc-columns.js';

/** The columns `trade` holds; the flow is not in GACC files and every file of a report has the report's flow. */
const NEEDED: readonly GaccField[] = ['month', 'hsCode', 'partner', 'regime', 'region', 'qty1', 'unit1', 'qty2', 'unit2', 'valueUsd'];

/** SQL string literal. */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

const missing = (cell: string): string => `(${cell} IS NULL OR trim(${cell}) IN ('', '?'))`;
const codeCell = (cell: string): string => `CASE WHEN ${missing(cell)} THEN NULL ELSE trim(${cell}) END`;
const numberCell = (cell: string): string => `CASE WHEN ${missing(cell)} THEN NULL ELSE CAST(replace(trim(${cell}), ',', '') AS DOUBLE) END`;

/**
 * Creates (or replaces) table `trade(month, mi (year * 12 + month - 1), region, partner, hs_code, regime, value_usd, qty1, unit1, qty2, unit2)`
 * from the files, and returns its row count.
 * @example await loadTrade(connection, ['bench/data/1M/gacc/exports-202201.csv']) // 1000000
 * @throws Error when a file lacks a column the stats need (the bench data must be full GACC exports in USD)
 */
export async function loadTrade(connection: DuckDBConnection, files: readonly string[]): Promise<number> {
  if (files.length === 0) throw new Error('loadTrade: no files');
  const fileList = `[${files.map(sqlString).join(', ')}]`;
  const csv = `read_csv(${fileList}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"', union_by_name = true)`;
  const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${csv}`);
  const columnOf = new Map<GaccField, string>();
  for (const row of described.getRowObjectsJS()) {
    const name = String(row.column_name);
    const field = gaccFieldOf(name);
    if (field !== undefined && !columnOf.has(field)) columnOf.set(field, ident(name));
  }
  const absent = NEEDED.filter((field) => !columnOf.has(field));
  if (absent.length > 0) throw new Error(`loadTrade: ${files[0]} … lacks the GACC columns for ${absent.join(', ')}`);
  const col = (field: GaccField): string => columnOf.get(field) ?? 'NULL';

  // quantityWithUnit(): a missing unit with a missing or zero quantity is "no quantity recorded".
  const quantity = (qty: GaccField, unit: GaccField): [string, string] => {
    const none = `(${missing(col(unit))} AND (${missing(col(qty))} OR ${numberCell(col(qty))} = 0))`;
    return [`CASE WHEN ${none} THEN NULL ELSE ${numberCell(col(qty))} END`, `CASE WHEN ${none} THEN NULL ELSE ${codeCell(col(unit))} END`];
  };
  const [qty1, unit1] = quantity('qty1', 'unit1');
  const [qty2, unit2] = quantity('qty2', 'unit2');
  const month = `regexp_replace(trim(${col('month')}), '^(\\d{4})-?(\\d{2})$', '\\1-\\2')`;
  await connection.run(`
    CREATE OR REPLACE TABLE trade AS
    SELECT
      ${month} AS month,
      CAST(substr(${month}, 1, 4) AS INTEGER) * 12 + CAST(substr(${month}, 6, 2) AS INTEGER) - 1 AS mi,
      ${codeCell(col('region'))} AS region,
      ${codeCell(col('partner'))} AS partner,
      ${codeCell(col('hsCode'))} AS hs_code,
      ${codeCell(col('regime'))} AS regime,
      ${numberCell(col('valueUsd'))} AS value_usd,
      ${qty1} AS qty1, ${unit1} AS unit1,
      ${qty2} AS qty2, ${unit2} AS unit2
    FROM ${csv}`);
  const counted = await connection.runAndReadAll('SELECT CAST(count(*) AS INTEGER) AS n FROM trade');
  return Number(counted.getRowObjectsJS()[0]?.n ?? 0);
}

/**
 * The small lookup tables the queries join on, from the reference (not timed: they are code lists, not data):
 * `category_rule(category_id, prefix, is_exclude)` and `unit_name(unit, unit_name)`.
 */
export async function loadLookups(
  connection: DuckDBConnection,
  categories: readonly { id: string; prefixes: readonly string[]; exclude?: readonly string[] }[],
  unitNameOf: (unit: string) => string,
): Promise<void> {
  await connection.run('CREATE OR REPLACE TABLE category_rule (category_id VARCHAR, prefix VARCHAR, is_exclude BOOLEAN)');
  const rules = categories.flatMap((category) => [
    ...category.prefixes.map((prefix) => `(${sqlString(category.id)}, ${sqlString(prefix)}, false)`),
    ...(category.exclude ?? []).map((prefix) => `(${sqlString(category.id)}, ${sqlString(prefix)}, true)`),
  ]);
  if (rules.length > 0) await connection.run(`INSERT INTO category_rule VALUES ${rules.join(', ')}`);

  const units = await connection.runAndReadAll('SELECT DISTINCT unit FROM (SELECT unit1 AS unit FROM trade UNION SELECT unit2 FROM trade) WHERE unit IS NOT NULL');
  const names = units.getRowObjectsJS().map((row) => String(row.unit));
  await connection.run('CREATE OR REPLACE TABLE unit_name (unit VARCHAR, unit_name VARCHAR)');
  if (names.length > 0) await connection.run(`INSERT INTO unit_name VALUES ${names.map((unit) => `(${sqlString(unit)}, ${sqlString(unitNameOf(unit))})`).join(', ')}`);
}

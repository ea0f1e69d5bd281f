/**
 * The check of the stats benchmark: our figures and DuckDB's, field by field. Strings, nulls, ranks and counts
 * must be equal; money and quantities are sums of doubles, which two engines may add in a different order, so
 * they may differ by a relative 1e-9 (far below a dollar at any size here) and no more.
 */

export interface Difference {
  /** Where, as a stats.json path: "partners[4].rank". */
  path: string;
  ours: unknown;
  duckdb: unknown;
}

export interface Comparison {
  /** Leaf values compared. */
  checked: number;
  differences: Difference[];
}

const RELATIVE_TOLERANCE = 1e-9;

function sameNumber(a: number, b: number): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Walks both values in step and lists every leaf that differs (an array of another length is one difference).
 * @example compareFigures({ a: [1, 2] }, { a: [1, 3] }) // { checked: 2, differences: [{ path: 'a[1]', ours: 2, duckdb: 3 }] }
 */
export function compareFigures(ours: unknown, duckdb: unknown, path = ''): Comparison {
  const result: Comparison = { checked: 0, differences: [] };
  walk(ours, duckdb, path, result);
  return result;
}

function walk(ours: unknown, duckdb: unknown, path: string, result: Comparison): void {
  if (Array.isArray(ours) && Array.isArray(duckdb)) {
    if (ours.length !== duckdb.length) {
      result.checked += 1;
      result.differences.push({ path: `${path}.length`, ours: ours.length, duckdb: duckdb.length });
    }
    for (let index = 0; index < Math.min(ours.length, duckdb.length); index += 1) walk(ours[index], duckdb[index], `${path}[${index}]`, result);
    return;
  }
  if (isObject(ours) && isObject(duckdb)) {
    for (const key of new Set([...Object.keys(ours), ...Object.keys(duckdb)])) {
      walk(ours[key], duckdb[key], path === '' ? key : `${path}.${key}`, result);
    }
    return;
  }
  result.checked += 1;
  const same = typeof ours === 'number' && typeof duckdb === 'number' ? sameNumber(ours, duckdb) : ours === duckdb;
  if (!same) result.differences.push({ path, ours, duckdb });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

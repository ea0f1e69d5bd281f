import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';

/**
 * A deliberately naive reader of the committed sample, for the tests only: iconv-lite + csv-parse and plain
 * loops, no code from src/ or scripts/, so the checks do not depend on what they check.
 */
export const SAMPLE_DIR = join(import.meta.dirname, '../../data/sample');
export const GACC_DIR = join(SAMPLE_DIR, 'gacc');
export const COMTRADE_FILE = join(SAMPLE_DIR, 'comtrade/china-exports-us-2019-2022.csv');

export interface GaccRow {
  month: string;
  hsCode: string;
  partner: string;
  regime: string;
  region: string;
  qty1: number;
  unit1: string;
  qty2: number;
  unit2: string;
  valueUsd: number;
}

export function gaccFiles(): string[] {
  return readdirSync(GACC_DIR).filter((name) => name.endsWith('.csv')).sort();
}

const parsed = new Map<string, GaccRow[]>();

export function readGaccRows(file: string): GaccRow[] {
  const cached = parsed.get(file);
  if (cached) return cached;
  const rows = parseGaccFile(file);
  parsed.set(file, rows);
  return rows;
}

function parseGaccFile(file: string): GaccRow[] {
  const text = iconv.decode(readFileSync(join(GACC_DIR, file)), 'gb18030');
  const records: string[][] = parse(text);
  return records.slice(1).map((fields) => ({
    month: fields[0] ?? '',
    hsCode: fields[1] ?? '',
    partner: fields[3] ?? '',
    regime: fields[5] ?? '',
    region: fields[7] ?? '',
    qty1: Number(fields[9]),
    unit1: fields[10] ?? '',
    qty2: Number(fields[11]),
    unit2: fields[12] ?? '',
    valueUsd: Number((fields[13] ?? '').replaceAll(',', '')),
  }));
}

export function readAllGaccRows(): GaccRow[] {
  const rows: GaccRow[] = [];
  for (const file of gaccFiles()) rows.push(...readGaccRows(file));
  return rows;
}

export function readComtrade(): Array<Record<string, string>> {
  return parse(readFileSync(COMTRADE_FILE, 'utf8'), { columns: true });
}

/**
 * How far a bar chart's value axis must reach so that the label printed after each bar ends inside the plot:
 * a label that runs past the edge would be cut or, under Vega's "fit" sizing, shrink the whole chart.
 */
import { labelWidth } from './text-width.js';

export interface LabelRoomOptions {
  /** Overall chart width in px. */
  width: number;
  fontSize: number;
  /** Width in px taken left of the plot by the category axis (labels and padding). */
  axisWidth: number;
  /** Gap between a bar's end and its label, px. */
  gap?: number;
}

/**
 * The smallest domain maximum at which every `value` bar plus its `label` fits the plot.
 * @example roomForLabels([{ valueUsd: 100, label: 'US$100' }], { width: 640, fontSize: 11, axisWidth: 100 }) // ≈ 108
 */
export function roomForLabels(rows: readonly { valueUsd: number; label: string; bold?: boolean }[], options: LabelRoomOptions): number {
  const gap = options.gap ?? 4;
  // Chart padding (theme: 4 left, 8 right) and a little slack for rounding.
  const plotWidth = options.width - options.axisWidth - 16;
  let domainMax = Math.max(0, ...rows.map((row) => row.valueUsd));
  for (const row of rows) {
    const room = plotWidth - gap - labelWidth(row.label, options.fontSize, { bold: row.bold ?? false });
    if (room <= 0) continue;
    domainMax = Math.max(domainMax, (row.valueUsd * plotWidth) / room);
  }
  return domainMax === 0 ? 1 : domainMax;
}

/** Width a category axis needs for its labels: the widest label plus the tick padding. */
export function categoryAxisWidth(labels: readonly string[], fontSize: number, padding = 6): number {
  return Math.ceil(Math.max(0, ...labels.map((label) => labelWidth(label, fontSize, { bold: true })))) + padding;
}

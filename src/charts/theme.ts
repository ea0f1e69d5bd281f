/**
 * The consistent look of every chart. Greyscale-safe by construction: the accent (focus partner, report month)
 * is the darkest fill, the rest are light greys, and every highlighted element also carries a direct text label,
 * so a reader of a black-and-white print still finds the focus without relying on hue.
 */
import type { Config } from 'vega-lite';

export interface Theme {
  /** CSS font-family list; the first family is the report font the PDF ships. */
  font: string;
  /** Overall chart width in px (the SVG scales to the ~170 mm A4 column). */
  width: number;
  fontSize: number;
  /** Focus partner, report month: dark enough to stand out in greyscale (relative luminance ~0.1). */
  accent: string;
  /** Everything else in a bar chart (relative luminance ~0.5). */
  grey: string;
  /** A second comparison level (a year ago), lighter still. */
  lightGrey: string;
  /** Text and labels. */
  ink: string;
  /** Axis labels, secondary text. */
  muted: string;
  grid: string;
}

export const DEFAULT_THEME: Readonly<Theme> = Object.freeze({
  font: '"Noto Sans", "Noto Sans SC", "Helvetica Neue", Arial, sans-serif',
  width: 640,
  fontSize: 11,
  accent: '#1f5f9e',
  grey: '#a6a6a6',
  lightGrey: '#d4d4d4',
  ink: '#222222',
  muted: '#555555',
  grid: '#e8e8e8',
});

/**
 * Vega-Lite `config` for a theme: fonts, colours, axis and legend defaults.
 * @example const spec = { ...body, config: themeConfig(DEFAULT_THEME) }
 */
export function themeConfig(theme: Theme): Config {
  return {
    font: theme.font,
    background: 'white',
    // "fit" makes the whole SVG (axes and labels included) exactly theme.width wide, so it lines up in the column.
    autosize: { type: 'fit', contains: 'padding' },
    padding: { left: 4, right: 8, top: 8, bottom: 4 },
    view: { stroke: null },
    // Per-mark aria labels would spell raw field names ("isFocus: true"); the figure carries the alt text instead.
    aria: false,
    axis: {
      labelFont: theme.font,
      labelFontSize: theme.fontSize,
      labelColor: theme.muted,
      titleFont: theme.font,
      titleFontSize: theme.fontSize,
      titleFontWeight: 'normal',
      titleColor: theme.muted,
      domainColor: theme.muted,
      tickColor: theme.muted,
      gridColor: theme.grid,
    },
    legend: {
      labelFont: theme.font,
      labelFontSize: theme.fontSize,
      labelColor: theme.ink,
      titleFontSize: theme.fontSize,
      orient: 'top',
      direction: 'horizontal',
    },
    text: { font: theme.font, fontSize: theme.fontSize, color: theme.ink },
    bar: { discreteBandSize: { band: 0.75 } },
  };
}

/**
 * A Vega expression formatting `datum.value` (US dollars) the newsroom way for axis labels:
 * 20000000 -> "US$20m", 2500000 -> "US$2.5m", 1.2e9 -> "US$1.2bn", 85000 -> "US$85k".
 * @example axis: { labelExpr: moneyLabelExpr() }
 */
export function moneyLabelExpr(): string {
  const scaled = (divisor: string, suffix: string): string => `'US$' + format(datum.value / ${divisor}, '~r') + '${suffix}'`;
  return [
    `abs(datum.value) >= 1e9 ? ${scaled('1e9', 'bn')}`,
    `abs(datum.value) >= 1e6 ? ${scaled('1e6', 'm')}`,
    `abs(datum.value) >= 1e3 ? ${scaled('1e3', 'k')}`,
    `datum.value === 0 ? '0' : 'US$' + format(datum.value, '~r')`,
  ].join(' : ');
}

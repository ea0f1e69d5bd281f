/**
 * What the HTML report is made from: the month's stats.json, the charts already rendered to SVG, where the
 * data came from, and the fonts. Everything is passed in, nothing is read from the clock or the network, so
 * the same input gives the same bytes.
 */
import type { StatsJson } from '../stats/types.js';

/** A chart as src/charts renders it; only what the page needs (the charts module may carry more, e.g. the spec). */
export interface ReportChart {
  /** Stable id ("trend", "partners", "focus-rank", "categories", "products"); decides the section it goes in. */
  id: string;
  title: string;
  /** One <svg> element from our own renderer. Still sanitised before it is inserted (sanitizeSvg). */
  svg: string;
  /** One sentence describing the chart, with its numbers, for screen readers and for the caption. */
  altText: string;
}

export interface InputFileProvenance {
  path: string;
  sha256: string;
  rows: number;
}

export interface Provenance {
  /** 1 for the first edition of a month, 2 … for each regeneration that was published. */
  edition: number;
  /** ISO 8601 timestamp of the run, passed in (the renderer never reads the clock). */
  generatedAt: string;
  /** When the input data were downloaded or published, as the operator states it ("2022-09-20"). */
  dataAsOf: string;
  inputFiles: InputFileProvenance[];
  toolVersion: string;
  /** True when the figures come from the shipped synthetic sample: the report then says so on the cover. */
  isSample: boolean;
}

/** One figure that changed between editions (filled when a month is regenerated; see the corrected-edition box). */
export interface EditionChange {
  /** Which figure, as a reader would name it ("Exports to the US, August 2022", or a stats path). */
  field: string;
  before: string;
  after: string;
  sentenceBefore?: string;
  sentenceAfter?: string;
}

export interface ReportInput {
  stats: StatsJson;
  charts: readonly ReportChart[];
  provenance: Provenance;
  /** @font-face rules (src/pdf/fonts.ts fontFaceCss), data: URLs only; "" to rely on installed fonts. */
  fontsCss: string;
  /** Overrides stats.locale ("en", "zh"). */
  locale?: string;
  /** Present only for a corrected edition: the figures that changed. */
  changes?: readonly EditionChange[];
  /** Where readers send corrections: a mailto: or https: URL (anything else is replaced by "#"). */
  contactUrl?: string;
}

/**
 * The presentation half of `generate` for one month: stats.json -> charts (SVG) -> report.html -> report.pdf,
 * each stage timed for the manifest. Pure apart from the browser, which comes in as an effect.
 */
import { performance } from 'node:perf_hooks';
import { buildCharts } from '../charts/build-charts.js';
import type { Chart } from '../charts/types.js';
import { monthYear } from '../narrative/format.js';
import { embedFonts } from '../pdf/embed-fonts.js';
import type { BrowserPool } from '../pdf/browser-pool.js';
import { renderPdf, type RenderedPdf } from '../pdf/render-pdf.js';
import { renderReportHtml } from '../render/render-report-html.js';
import type { EditionChange, Provenance } from '../render/types.js';
import type { StatsJson } from '../stats/types.js';

/** How far a run goes: `stats` writes stats.json only; `html` adds charts and report.html; `pdf` adds the PDF. */
export type OutputStage = 'stats' | 'html' | 'pdf';

export interface ReportFiles {
  charts: Chart[];
  html: string;
  pdf: RenderedPdf | null;
  /** Milliseconds per stage. */
  timings: Record<string, number>;
}

export interface ReportFilesEffects {
  log: (line: string) => void;
  /** Needed for the `pdf` stage; one pool serves every month of a backfill. */
  browser?: BrowserPool;
  /** PDF CreationDate and the `generatedAt` of the provenance: the run's clock, passed in. */
  now: Date;
}

/**
 * `changes` (a corrected edition, even an empty list) puts the "Corrected edition" box at the top of the report.
 * @example const files = await buildReportFiles(stats, provenance, 'pdf', { log, browser: pool, now })
 * @throws TradebriefError EmptyChart, BlockedRequest, RenderTimeout, BrowserCrashed …
 */
export async function buildReportFiles(
  stats: StatsJson,
  provenance: Provenance,
  stage: Exclude<OutputStage, 'stats'>,
  effects: ReportFilesEffects,
  changes?: readonly EditionChange[],
): Promise<ReportFiles> {
  const timings: Record<string, number> = {};
  const timed = async <T>(name: string, work: () => Promise<T> | T): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      timings[name] = Math.round(performance.now() - started);
    }
  };

  // Chromium gets its page ready on the other core while Node draws the charts and the HTML.
  if (stage === 'pdf') effects.browser?.warm();
  const charts = await timed('charts', () => buildCharts(stats, { log: effects.log }));
  // The page is rendered without fonts first, then gets exactly the font files its characters need.
  const html = await timed('html', () => embedFonts(renderReportHtml({ stats, charts, provenance, fontsCss: '', ...(changes === undefined ? {} : { changes }) })));
  if (stage === 'html') return { charts, html, pdf: null, timings };
  const browser = effects.browser;
  if (browser === undefined) throw new Error('buildReportFiles: the pdf stage needs a browser pool');
  const month = monthYear(stats.month);
  const pdf = await timed('pdf', () =>
    renderPdf(html, {
      pool: browser,
      title: stats.title,
      month,
      edition: `Edition ${provenance.edition}`,
      metadata: {
        title: `${stats.title}, ${month}`,
        author: 'tradebrief',
        subject: `${stats.title}: monthly customs statistics for ${month}${provenance.isSample ? ' (synthetic sample data)' : ''}`,
        keywords: ['customs', 'trade', stats.region.name, stats.focusPartner.name, stats.month],
        creator: `tradebrief ${provenance.toolVersion}`,
        creationDate: effects.now,
      },
    }),
  );
  return { charts, html, pdf, timings };
}

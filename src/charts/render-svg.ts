/**
 * Vega-Lite spec -> SVG string, in Node, with no browser, canvas or network: compile to Vega, run a headless
 * View (renderer "none") and serialise its scenegraph. Without the canvas package Vega estimates text widths
 * from the font size, which is deterministic and close enough for layout; the browser that prints the PDF draws
 * the text in the real font named by the theme.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { labelWidth } from './text-width.js';

export interface RenderOptions {
  /** Receives Vega-Lite and Vega warnings (a spec that compiles with warnings is usually not what was meant). */
  onWarning?: (message: string) => void;
}

interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
}

/**
 * Vega measures text through `textMetrics.width`, a hook it leaves open for exactly this (vl-convert replaces it
 * too); the typings do not declare it. Replaced once per process with the report font's real widths.
 */
function useReportFontMetrics(): void {
  const metrics = (vega as unknown as { textMetrics?: { width: (item: TextItem, text?: unknown) => number } }).textMetrics;
  if (metrics === undefined) throw new Error('vega.textMetrics is missing: the vega version changed its text measuring hook');
  metrics.width = (item, text) => {
    // Vega passes one line at a time (as its own estimator reads it: missing means empty, trimmed).
    const line = text === undefined || text === null ? '' : String(text).trim();
    const weight = item.fontWeight;
    const bold = weight === 'bold' || weight === 'bolder' || (typeof weight === 'number' && weight >= 600);
    return labelWidth(line, item.fontSize ?? 11, { bold });
  };
}

/** Charts carry their data inline: any attempt to load a URL is a bug and must not reach the network or disk. */
const noLoading = {
  ...vega.loader(),
  load: (uri: string): Promise<string> => Promise.reject(new Error(`charts take inline data only; refused to load "${uri}"`)),
  sanitize: (uri: string): Promise<{ href: string }> => Promise.reject(new Error(`charts take inline data only; refused "${uri}"`)),
};

/** A Vega logger that passes warnings on and keeps errors, which Vega would otherwise only log (a failed load). */
function collectingLogger(onWarning: (message: string) => void, errors: string[]) {
  let level = vega.Warn;
  const text = (args: readonly unknown[]) => args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(' ');
  const logger = {
    level(value?: number) {
      if (value === undefined) return level;
      level = value;
      return logger;
    },
    error(...args: readonly unknown[]) {
      errors.push(text(args));
      return logger;
    },
    warn(...args: readonly unknown[]) {
      const message = text(args);
      // Vega reports a failed load as a warning and draws the chart without the data: for us that is an error.
      if (/^(Loading|Data ingestion) failed/.test(message)) errors.push(message);
      else onWarning(message);
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  return logger;
}

/**
 * @example const svg = await renderChartSvg(buildTrendSpec(stats, DEFAULT_THEME)) // "<svg xmlns=…"
 */
export async function renderChartSvg(spec: TopLevelSpec, options: RenderOptions = {}): Promise<string> {
  const onWarning = options.onWarning ?? (() => undefined);
  useReportFontMetrics();
  const errors: string[] = [];
  const logger = collectingLogger(onWarning, errors);
  const { spec: vegaSpec } = compile(spec, { logger });
  const view = new vega.View(vega.parse(vegaSpec), { renderer: 'none', loader: noLoading, logger });
  try {
    const svg = await view.toSVG();
    if (errors.length > 0) throw new Error(`chart failed to render: ${errors.join('; ')}`);
    return svg;
  } finally {
    view.finalize();
  }
}

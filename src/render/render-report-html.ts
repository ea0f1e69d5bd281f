/**
 * The HTML report: one self-contained document (inline CSS, inline SVG, no script, no external URL) that reads
 * well in a browser and prints to PDF with JavaScript off and every request but data: blocked.
 *
 *   1. words     the locale's message table (input.locale, else stats.locale)
 *   2. view      buildView: cover, narrative, sections, tables; chart SVGs sanitised (pure)
 *   3. styles    fonts CSS and templates/styles/report.css, checked for anything that would load or break out
 *   4. template  templates/report.hbs with its partials, compiled once per locale on an isolated Handlebars
 *
 * Deterministic: the same input gives the same bytes (no clock; generatedAt comes in with the provenance).
 */
import Handlebars from 'handlebars';

import { assertInlineCss } from './assert-inline-css.js';
import { buildView } from './build-view.js';
import { registerHelpers } from './helpers/register-helpers.js';
import { loadTemplates, type TemplateSources } from './load-templates.js';
import { messagesFor } from './messages/index.js';
import type { Messages } from './messages/types.js';
import type { ReportInput } from './types.js';

export interface RenderOptions {
  /** Templates to use instead of the repository's (tests); still repository-owned text, never data. */
  templates?: TemplateSources;
}

type CompiledReport = (context: unknown) => string;

const compiled = new WeakMap<TemplateSources, Map<Messages, CompiledReport>>();

function compileReport(sources: TemplateSources, messages: Messages): CompiledReport {
  let byLocale = compiled.get(sources);
  if (byLocale === undefined) compiled.set(sources, (byLocale = new Map()));
  const existing = byLocale.get(messages);
  if (existing !== undefined) return existing;

  const hbs = Handlebars.create();
  registerHelpers(hbs, messages);
  for (const [name, source] of Object.entries(sources.partials)) hbs.registerPartial(name, hbs.compile(source, { strict: false }));
  const template = hbs.compile(sources.report);
  // Prototype access stays denied (the 4.6+ default, spelled out): a template cannot reach constructor or __proto__.
  const render: CompiledReport = (context) =>
    template(context, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  byLocale.set(messages, render);
  return render;
}

/**
 * @example
 *   const html = renderReportHtml({ stats, charts, provenance, fontsCss: fontFaceCss({ text }) });
 *   await writeFileAtomic('out/xinjiang-us/2022-08/edition-1/report.html', html);
 * @throws TradebriefError UnknownLocale, UnsafeChart or UnsafeCss
 */
export function renderReportHtml(input: ReportInput, options: RenderOptions = {}): string {
  const messages = messagesFor(input.locale ?? input.stats.locale ?? 'en');
  const view = buildView(input, messages);
  const sources = options.templates ?? loadTemplates();
  const css = `${assertInlineCss(input.fontsCss, 'fonts')}\n${assertInlineCss(sources.css, 'report')}`;
  // The CSS is checked above and must not be HTML-escaped (quotes in font names): a SafeString, like the SVGs.
  const styles = new Handlebars.SafeString(css);
  return compileReport(sources, messages)({ ...view, styles });
}

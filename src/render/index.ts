/** The HTML report stage: stats + charts + provenance in, one self-contained HTML document out. */
export { renderReportHtml, type RenderOptions } from './render-report-html.js';
export type { EditionChange, InputFileProvenance, Provenance, ReportChart, ReportInput } from './types.js';
export { sanitizeSvg } from './sanitize-svg.js';
export { safeUrl } from './helpers/safe-url.js';
export { messagesFor, type Messages } from './messages/index.js';

/**
 * The mail stage: compose a subscriber's report email, render its chart, send it through SMTP or the outbox,
 * and say what a failure means for the delivery ledger.
 */
export { composeReportEmail, EMAIL_CHART_WIDTH, type ReportEmailInput } from './compose-report-email.js';
export { emailSubject } from './email-subject.js';
export { headerSafe } from './header-safe.js';
export { isPlainAddress, assertPlainAddress } from './mail-address.js';
export { reportMessageId, subscriberHash, outboxFileName } from './message-id.js';
export { renderChartPng, type ChartPngOptions } from './render-chart-png.js';
export { createMailTransport, type MailTransport, type MailTransportOptions, type RateLimit, type SentMessage } from './transport.js';
export { classifySendError, sendErrorSummary, type SendFailureKind } from './classify-send-error.js';
export { MailSendError } from './send-error.js';
export { redactUrl } from './redact-url.js';

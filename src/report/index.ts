/** The review report (审核意见) of one document or a batch: the model, and its XLSX and HTML layouts. */
export { buildReviewReport, countsInWords, KIND_ZH, SEVERITY_ZH, type ReportInput, type ReportOptions, type ReviewReport, type ReportDocument, type ReportItem } from './model.js';
export { reviewReportXlsx } from './xlsx.js';
export { reviewReportHtml, escapeHtml } from './html.js';

export const REPORT_FORMATS = ['xlsx', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_MIME: Record<ReportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
};

/** The report's bytes in a format (pdf: the HTML printed by a headless Chromium, for the CLI). */
export async function renderReviewReport(report: import('./model.js').ReviewReport, format: ReportFormat | 'pdf'): Promise<Uint8Array> {
  if (format === 'xlsx') return (await import('./xlsx.js')).reviewReportXlsx(report);
  const html = (await import('./html.js')).reviewReportHtml(report);
  if (format === 'pdf') return (await import('./pdf.js')).htmlToPdf(html);
  return new TextEncoder().encode(html);
}

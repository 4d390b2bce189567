/** The compose input as an Excel workbook: the empty template, a filled one, and reading one back. */
export { writeTemplateXlsx, REASON_KEYS } from './template.js';
export { readComposeWorkbook, cellText, type ReadWorkbookResult } from './read.js';
export { writeInputWorkbook } from './fill.js';

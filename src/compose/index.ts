/**
 * Compose a complete, consistent disclosure from figures: the input (leaf figures, prior-year
 * figures, reasons, performance evaluations) → the model (every parent row, total, share, change
 * and score computed) → HTML / DOCX / XLSX / PDF / text.
 */
export { composeDisclosure, composeDocument, parseComposeInput, ComposeValidationError, type Composed, type AnyComposeInput, type AnyComposeInputDraft } from './compose.js';
export { BudgetInputSchema, isBudgetInput, type BudgetInput, type BudgetInputDraft } from './budget/input-schema.js';
export { composeBudgetDocument } from './budget/compose.js';
export { writeBudgetTemplateXlsx, writeBudgetInputWorkbook } from './budget/workbook.js';
export { ComposeInputSchema, COMPOSE_INPUT_SCHEMA_ID, type ComposeInput, type ComposeInputDraft } from './input-schema.js';
export { validateComposeInput, formatProblems, type ComposeProblem, type ValidationResult, type Locate } from './validate.js';
export { composeToFiles, renderFormat, COMPOSE_FORMATS, type ComposeFormat, type ComposeResult } from './output.js';
export { renderText } from './writers/text.js';
export { renderHtml } from './writers/html.js';
export { writeDocx } from './writers/docx.js';
export { writeXlsx } from './writers/xlsx.js';
export { convertDocxToPdf, findSoffice, SofficeMissingError } from './writers/pdf.js';
export { writeTemplateXlsx, readComposeWorkbook, writeInputWorkbook } from './workbook/index.js';
export { inputFromDisclosure, priorFromDisclosure } from './from-disclosure.js';
export { loadComposeInput, type LoadedInput } from './load.js';
export type { ComposedDocument } from './blocks.js';

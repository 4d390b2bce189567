/**
 * A compose input from a file's bytes: a JSON document, or an input workbook (.xlsx, detected by
 * its zip signature) read with the sheet and cell of every value.
 */
import { InputError } from '../ingest/raw.js';
import type { ComposeProblem, Locate } from './validate.js';
import { readComposeWorkbook } from './workbook/read.js';
import { isBudgetWorkbook, loadWorkbook, readBudgetWorkbook } from './budget/workbook.js';

export interface LoadedInput {
  input: unknown;
  /** For a workbook: JSON path → sheet and cell. */
  locate?: Locate;
  /** Problems met while reading a workbook (cells that are not what their column expects). */
  problems: ComposeProblem[];
}

export async function loadComposeInput(bytes: Uint8Array, name = 'input'): Promise<LoadedInput> {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    const wb = await loadWorkbook(bytes).catch(() => undefined);
    if (wb && isBudgetWorkbook(wb)) return readBudgetWorkbook(wb);
    return readComposeWorkbook(bytes);
  }
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  try {
    return { input: JSON.parse(text), problems: [] };
  } catch (e) {
    throw new InputError(`${name} is neither a JSON compose input nor an input workbook: ${(e as Error).message}`, 'give the JSON document (see schemas/compose-input.schema.json) or the workbook of `juesuan template`, filled in');
  }
}

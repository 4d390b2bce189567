/** The composer: input → model (Disclosure) and printable document. */
import type { Disclosure } from '../model/index.js';
import { InputError } from '../ingest/raw.js';
import type { ComposedDocument } from './blocks.js';
import { composeParts } from './document.js';
import { ComposeInputSchema, type ComposeInput, type ComposeInputDraft } from './input-schema.js';
import { assembleDisclosure } from './assemble.js';
import { formatProblems, validateComposeInput, type ComposeProblem } from './validate.js';
import { composeBudgetDocument } from './budget/compose.js';
import { BudgetInputSchema, isBudgetInput, type BudgetInput, type BudgetInputDraft } from './budget/input-schema.js';

/** Any compose input: final accounts (the default, no `kind`) or a budget (`kind: "budget"`). */
export type AnyComposeInput = ComposeInput | BudgetInput;
export type AnyComposeInputDraft = ComposeInputDraft | BudgetInputDraft;

/** The input failed validation: `problems` says what to fix and where. */
export class ComposeValidationError extends InputError {
  constructor(readonly problems: ComposeProblem[]) {
    super(`the compose input has ${problems.filter((p) => p.severity === 'error').length} problem(s):\n${formatProblems(problems)}`, 'fix the input where each problem points and compose again');
    this.name = 'ComposeValidationError';
  }
}

/** Applies the schema's defaults; a malformed input → ComposeValidationError. A budget input (kind: "budget") gives a BudgetInput. */
export function parseComposeInput(input: ComposeInput | ComposeInputDraft): ComposeInput;
export function parseComposeInput(input: unknown): AnyComposeInput;
export function parseComposeInput(input: unknown): AnyComposeInput {
  if (isBudgetInput(input)) {
    const b = BudgetInputSchema.safeParse(input);
    if (b.success) return b.data;
    throw new ComposeValidationError(validateComposeInput(input).problems);
  }
  const r = ComposeInputSchema.safeParse(input);
  if (r.success) return r.data;
  throw new ComposeValidationError(validateComposeInput(input).problems);
}

export interface Composed {
  disclosure: Disclosure;
  document: ComposedDocument;
}

/** The model and the printable document, from an input (schema defaults applied, not semantically validated). */
export function composeDocument(raw: AnyComposeInput | AnyComposeInputDraft): Composed {
  if (isBudgetInput(raw)) return composeBudgetDocument(raw as BudgetInput | BudgetInputDraft);
  const input = parseComposeInput(raw as ComposeInput | ComposeInputDraft);
  return assembleDisclosure(composeParts(input), {
    entity: input.entity, year: input.year, kind: 'final-accounts', scope: input.scope, unit: input.unit, region: input.variant,
  });
}

/** `(input: ComposeInput) => Disclosure`: the composed model. */
export function composeDisclosure(input: AnyComposeInput | AnyComposeInputDraft): Disclosure {
  return composeDocument(input).disclosure;
}

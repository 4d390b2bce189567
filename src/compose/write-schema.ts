/**
 * Writes schemas/compose-input.schema.json, the JSON Schema of the compose input, from the zod
 * schema (z.toJSONSchema). Run: `npx tsx src/compose/write-schema.ts`. A test fails when the file
 * in the repository is stale.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { COMPOSE_INPUT_SCHEMA_ID, ComposeInputSchema } from './input-schema.js';
import { BudgetInputSchema } from './budget/input-schema.js';

export const SCHEMA_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'schemas', 'compose-input.schema.json');

/** The schema document as written (the input form: fields with defaults are optional). */
export function composeInputJsonSchema(): string {
  const schema = z.toJSONSchema(ComposeInputSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  const budget = z.toJSONSchema(BudgetInputSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  // An input with kind "budget" is checked against $defs.budget; any other (no kind, or
  // kind "final-accounts": every input written before budgets existed) against $defs.finalAccounts.
  const { $schema: _s, ...budgetBody } = budget;
  const { $schema: _f, $defs: finalDefs, ...finalBody } = schema;
  const doc = {
    $schema: schema.$schema,
    $id: COMPOSE_INPUT_SCHEMA_ID,
    title: 'juesuan compose input',
    description: 'The figures of one 部门决算 disclosure ($defs.finalAccounts, the default) or, with kind "budget", of one 部门预算/单位预算 disclosure ($defs.budget): leaf rows of the nine tables, prior-year figures, reasons for changes and (final accounts) performance self-evaluations. Every parent row, total, share, change and score is computed by `juesuan compose`. Amounts are decimal strings in `unit`.',
    if: { type: 'object', properties: { kind: { const: 'budget' } }, required: ['kind'] },
    then: { $ref: '#/$defs/budget' },
    else: { $ref: '#/$defs/finalAccounts' },
    $defs: { ...((finalDefs as Record<string, unknown> | undefined) ?? {}), finalAccounts: finalBody, budget: budgetBody },
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_PATH, composeInputJsonSchema());
  console.log(`wrote ${SCHEMA_PATH}`);
}

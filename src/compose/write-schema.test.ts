import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { composeInputJsonSchema, SCHEMA_PATH } from './write-schema.js';

test('schemas/compose-input.schema.json is up to date (run `npx tsx src/compose/write-schema.ts`)', () => {
  assert.equal(readFileSync(SCHEMA_PATH, 'utf8'), composeInputJsonSchema(), 'stale: regenerate with npx tsx src/compose/write-schema.ts');
});

test('the published schema describes the input: required fields and amount pattern', () => {
  const doc = JSON.parse(composeInputJsonSchema());
  assert.equal(doc.$id, 'juesuan.compose-input/1');
  assert.deepEqual(doc.else, { $ref: '#/$defs/finalAccounts' }, 'an input without kind is a final-accounts input');
  const schema = doc.$defs.finalAccounts;
  assert.deepEqual(schema.required, ['entity', 'year']);
  assert.ok(schema.properties.income.items.properties.fiscal.pattern.includes('[0-9]'));
  assert.deepEqual(schema.properties.unit.enum, ['元', '万元']);
});

test('the published schema describes the budget input under $defs.budget (kind: "budget")', () => {
  const doc = JSON.parse(composeInputJsonSchema());
  assert.deepEqual(doc.if.properties.kind, { const: 'budget' });
  assert.deepEqual(doc.then, { $ref: '#/$defs/budget' });
  const budget = doc.$defs.budget;
  assert.deepEqual(budget.required, ['kind', 'entity', 'year']);
  assert.ok(budget.properties.income.items.properties.generalBudget.pattern.includes('[0-9]'));
  assert.ok(budget.properties.prior.properties.threePublic);
});

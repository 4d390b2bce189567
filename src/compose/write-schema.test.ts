import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { composeInputJsonSchema, SCHEMA_PATH } from './write-schema.js';

test('schemas/compose-input.schema.json is up to date (run `npx tsx src/compose/write-schema.ts`)', () => {
  assert.equal(readFileSync(SCHEMA_PATH, 'utf8'), composeInputJsonSchema(), 'stale: regenerate with npx tsx src/compose/write-schema.ts');
});

test('the published schema describes the input: required fields and amount pattern', () => {
  const schema = JSON.parse(composeInputJsonSchema());
  assert.equal(schema.$id, 'juesuan.compose-input/1');
  assert.deepEqual(schema.required, ['entity', 'year']);
  assert.ok(schema.properties.income.items.properties.fiscal.pattern.includes('[0-9]'));
  assert.deepEqual(schema.properties.unit.enum, ['元', '万元']);
});

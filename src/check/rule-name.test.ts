import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PRINTED_RULE_PATTERN, printedRuleName, ruleMatches } from './rule-name.js';
import { checkDisclosure, selectRules } from './engine.js';
import { listRules } from './rules-list.js';
import { renderRulesDoc } from './rules-doc.js';
import { RULES } from '../rules/index.js';
import { disclosure } from '../rules/utils/fixtures.js';

test('printed name drops the family prefix of the file id', () => {
  assert.equal(printedRuleName({ family: 'narrative', id: 'narrative-completion-rate' }), 'narrative.completion-rate');
  assert.equal(printedRuleName({ family: 'intratable', id: 'intratable-t01-balance' }), 'intratable.t01-balance');
  assert.equal(printedRuleName({ family: 'crosstable', id: 'crosstable-perf-task-vs-project' }), 'crosstable.perf-task-vs-project');
  assert.equal(printedRuleName({ family: 'intratable', id: 'boom' }), 'intratable.boom');
  assert.equal(printedRuleName({ family: 'text', id: 'text' }), 'text.text');
});

test('every registered rule prints a unique name matching the contract pattern', () => {
  const names = RULES.map((r) => printedRuleName(r.meta));
  for (const n of names) assert.match(n, PRINTED_RULE_PATTERN, n);
  assert.equal(new Set(names).size, names.length);
  for (const n of names) assert.ok(!/^([a-z]+)\.\1-/.test(n), `${n} repeats its family`);
});

test('selectors: file id, printed name, family.file-id and family all pick the rule', () => {
  const meta = { family: 'narrative' as const, id: 'narrative-share' };
  for (const sel of ['narrative-share', 'narrative.share', 'narrative.narrative-share', 'narrative']) assert.ok(ruleMatches(meta, sel), sel);
  for (const sel of ['share', 'narrative.completion-rate', 'text']) assert.ok(!ruleMatches(meta, sel), sel);
  const byName = selectRules({ only: ['narrative.share'] }).map((r) => r.meta.id);
  const byId = selectRules({ only: ['narrative-share'] }).map((r) => r.meta.id);
  assert.deepEqual(byName, ['narrative-share']);
  assert.deepEqual(byId, byName);
  assert.ok(!selectRules({ disable: ['narrative.share'] }).some((r) => r.meta.id === 'narrative-share'));
  assert.throws(() => selectRules({ only: ['narrative.nope'] }), /unknown rule/);
});

test('engine, rules list and docs all print the same name', () => {
  const report = checkDisclosure(disclosure({ entity: '某局', year: 2023, unit: '万元', tables: [], sections: [] }), { only: ['completeness'] });
  assert.ok(report.rules.length > 0);
  for (const o of report.rules) assert.match(o.rule, /^completeness\.(?!completeness-)/);
  const entry = listRules().find((e) => e.id === 'completeness-tables-present')!;
  assert.equal(entry.rule, 'completeness.tables-present');
  assert.ok(renderRulesDoc().includes('`completeness.tables-present`'));
  assert.ok(!renderRulesDoc().includes('`completeness.completeness-'));
});

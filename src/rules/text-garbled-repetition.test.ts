import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './text-garbled-repetition.js';
import { lineOf, oneSection, runRule } from './utils/narrative-fixtures.js';

test('text-garbled-repetition: must trigger on a date pasted twice into a clause', () => {
  const d = oneSection('一、收入支出决算总体情况说明', ['收、支总计各减少 92.61 万元，主要是2024年5-12月2024年医疗费5-12月费用未结算。']);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.evidence, '2024年5-12月2024年');
  assert.ok(lineOf(d, findings[0]!).includes(findings[0]!.evidence!));
});

test('text-garbled-repetition: must not trigger on ranges and separate clauses', () => {
  const d = oneSection('一、收入支出决算总体情况说明', [
    '统计期间为2023年1月至2023年12月。',
    '2022年-2024年离休人员医疗费未结算；2021年-2024年查体费用未结算。',
    '截至2023年12月31日，本部门共有车辆0辆，2023年新增0辆。',
    '2023年收入较2022年增加，2023年支出与2022年持平。',
  ]);
  assert.deepEqual(runRule(rule, d).findings, []);
});

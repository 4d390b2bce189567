import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './text-duplicated-words.js';
import { lineOf, oneSection, runRule } from './utils/narrative-fixtures.js';

test('text-duplicated-words: must trigger on 年度年度, 费费 and a doubled year', () => {
  const d = oneSection('（二）绩效自评结果', [
    '本局2024年度年度预算绩效自评的8个项目中，7个项目自评等级为优。',
    '离休人员未与医院进行医疗费费的结算。',
    '主要是2024年2024年的费用未结算。',
  ]);
  const { findings } = runRule(rule, d);
  assert.deepEqual(findings.map((f) => f.evidence), ['年度年度', '费费', '2024年2024年']);
  for (const f of findings) assert.ok(lineOf(d, f).includes(f.evidence!));
});

test('text-duplicated-words: must not trigger on legitimate reduplication or word boundaries', () => {
  const d = oneSection('一、主要职能', [
    '人人参保，常常检查，万万不可，年年增长，层层落实。',
    '要研究研究方案，一个一个落实，为了了解情况，达到目的的手段。',
    '局局长主持会议，缴费费率调整，**卫生健康支出**年初预算数为 2485.62 万元。',
  ]);
  assert.deepEqual(runRule(rule, d).findings, []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './narrative-reason-direction.js';
import { lineOf, oneSection, runRule } from './utils/narrative-fixtures.js';

const HEAD = '（三）一般公共预算财政拨款支出决算具体情况';

test('narrative-reason-direction: must trigger on a decrease explained by something that increased', () => {
  const d = oneSection(HEAD, ['7. 医疗保障经办事务支出决算数为 25.60 万元，比上年决算减少 12.80 万元，下降 33.33%，主要原因是：本单位参保补助项目经费较上一年有所增加。']);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.evidence, '有所增加');
  assert.equal(findings[0]!.severity, undefined);
  assert.ok(lineOf(d, findings[0]!).includes('有所增加'));
});

test('narrative-reason-direction: must trigger when the reason is the next sentence', () => {
  const d = oneSection(HEAD, ['公用经费支出 20.00 万元，较上年增加 5.00 万元，增长 33.33%。主要原因是办公费较上年减少。']);
  assert.equal(runRule(rule, d).findings.length, 1);
});

test('narrative-reason-direction: must not trigger when the reason points the same way or makes no comparison', () => {
  const d = oneSection(HEAD, [
    '信息化建设支出决算数为 452.06 万元，比上年决算增加 428.59 万元，增长 1,826.12%，主要原因是补助项目较上一年有所增加。',
    '公用经费 24.24 万元，较上年决算数减少 28.40 万元，下降 53.95%，主要原因是咨询服务费减少。',
    '卫生健康支出年初预算数为 2485.62 万元，支出决算为 2451.63 万元，决算数小于预算数的主要原因是人数较上年底增加 1 人。',
  ]);
  assert.deepEqual(runRule(rule, d).findings, []);
});

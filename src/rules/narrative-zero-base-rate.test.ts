import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './narrative-zero-base-rate.js';
import { oneSection, runRule } from './utils/narrative-fixtures.js';

const HEAD = '（三）一般公共预算财政拨款支出决算具体情况';

test('narrative-zero-base-rate: must trigger (info) on 增长 100.00% from a zero prior', () => {
  const d = oneSection(HEAD, ['6. 医疗保障政策管理支出决算数为 10.00 万元，比上年决算增加 10.00 万元，增长 100.00%，主要原因是新增项目。']);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.severity, 'info');
  assert.equal(findings[0]!.messageId, 'zero-base');
  assert.equal(findings[0]!.evidence, '增长 100.00%');
});

test('narrative-zero-base-rate: must trigger (info) on a rate stated against a zero prior-year figure', () => {
  const d = oneSection(HEAD, ['奖励经费支出 0.13 万元，上年决算数为 0.00 万元，增长 100%。']);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.severity, 'info');
});

test('narrative-zero-base-rate: must not trigger on a rate from a non-zero base', () => {
  const d = oneSection(HEAD, ['支出决算数为 1.12 万元，比上年决算增加 0.55 万元，增长 96.49%。', '培训费支出 0.00 万元，较上年决算数减少 0.36 万元，下降 100.0%。']);
  assert.deepEqual(runRule(rule, d).findings, []);
});

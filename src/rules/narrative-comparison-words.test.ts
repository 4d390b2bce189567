import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './narrative-comparison-words.js';
import { lineOf, oneSection, runRule } from './utils/narrative-fixtures.js';

const HEAD = '（二）“三公”经费财政拨款支出决算具体情况说明';

test('narrative-comparison-words: must trigger on 决算数小于预算数 where both are 0.00', () => {
  const d = oneSection(HEAD, ['1. 因公出国（境）费全年预算数为 0.00 万元，支出决算为 0.00 万元，决算数小于预算数的主要原因是未安排出访。']);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.evidence, '决算数小于预算数');
  assert.equal(findings[0]!.messageId, 'less-contradicted');
  assert.ok(lineOf(d, findings[0]!).includes('决算数小于预算数'));
});

test('narrative-comparison-words: must trigger on 大于 where actual is below budget, and 一致 where they differ', () => {
  const d = oneSection(HEAD, [
    '公务接待费全年预算数为 3.00 万元，支出决算为 2.00 万元，决算数大于预算数的主要原因是接待增加。',
    '公务用车运行维护费全年预算数为 5.00 万元，支出决算为 4.00 万元，决算数与预算数一致。',
  ]);
  assert.deepEqual(runRule(rule, d).findings.map((f) => f.messageId), ['more-contradicted', 'equal-contradicted']);
});

test('narrative-comparison-words: must trigger when the figures stand in the previous sentence', () => {
  const d = oneSection('（三）一般公共预算财政拨款支出决算具体情况', ['本年度年初预算数为 200.00 万元，支出决算数为 238.67 万元。决算数小于年初预算数，主要原因是结算延后。']);
  assert.equal(runRule(rule, d).findings.length, 1);
});

test('narrative-comparison-words: must not trigger when the words agree with the figures', () => {
  const d = oneSection(HEAD, [
    '公务接待费全年预算数为 1.06 万元，支出决算为 1.06 万元，决算数相同于预算数的主要原因是严格执行预算。',
    '卫生健康支出年初预算数为 2485.62 万元，支出决算为 2451.63 万元，决算数小于预算数的主要原因是资金直接拨付。',
    '年初预算数为 13.06 万元，支出决算数为 13.00 万元，完成年初预算的 99.54%。决算数与年初预算数基本持平。',
  ]);
  assert.deepEqual(runRule(rule, d).findings, []);
});

test('narrative-comparison-words: must trigger on 增加 where the value is below the stated prior', () => {
  const d = oneSection('（一）“三公”经费总体情况', ['本年公务接待费支出 0.90 万元，比上年度的 1.20 万元增加 0.30 万元。']);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.messageId, 'direction-contradicted');
  assert.equal(findings[0]!.expected, '减少');
  assert.ok(lineOf(d, findings[0]!).includes(findings[0]!.evidence!));
});

test('narrative-comparison-words: must not trigger on 减少 where the value is below the stated prior', () => {
  const d = oneSection('（一）“三公”经费总体情况', ['本年公务接待费支出 0.90 万元，比上年度的 1.20 万元减少 0.30 万元。']);
  assert.deepEqual(runRule(rule, d).findings, []);
});

test('narrative-comparison-words: must not trigger on 大于 between two printed figures one cent apart', () => {
  const d = oneSection(HEAD, ['公务接待费全年预算数为 0.04 万元，支出决算为 0.05 万元，决算数大于预算数的主要原因是接待批次增加。']);
  assert.deepEqual(runRule(rule, d).findings, []);
});

test('narrative-comparison-words: must trigger on 与上年预算持平 beside a change or a different prior (budget)', () => {
  const d = oneSection('（一）“三公”经费预算情况说明', [
    '2025年“三公”经费预算10.00万元，比上年预算减少2.00万元，与上年预算持平。',
    '2025年会议费预算8.00万元，上年预算数为9.50万元，与上年预算一致。',
  ], { year: 2025 });
  d.meta.kind = 'budget';
  const { findings } = runRule(rule, d);
  assert.deepEqual(findings.map((f) => [f.messageId, f.evidence]), [['flat-contradicted', '与上年预算持平'], ['flat-contradicted', '与上年预算一致']]);
});

test('narrative-comparison-words: must not trigger on 与上年数一致 with no figure against it, nor 基本持平 within a tenth', () => {
  const d = oneSection('五、财政拨款支出预算情况说明', [
    '4.政协事务（款）委员视察（项）429.30万元，与上年数一致。',
    '2025年培训费预算10.00万元，上年预算数为10.50万元，与上年预算基本持平。',
  ], { year: 2025 });
  d.meta.kind = 'budget';
  assert.deepEqual(runRule(rule, d).findings, []);
});

test('narrative-comparison-words: must not read 本年数小于上年预算数 x 万元 as a prior of x (figures of a 2017 provincial budget)', () => {
  const d = oneSection('十一、“三公”经费、会议费、培训费支出预算表情况说明', [
    '省人大常委会办公厅2017年度一般公共预算拨款安排的会议费预算支出1305.25万元，本年数小于上年预算数403.75万元，原因是从会议费预算中调减403.75万元用于培训费开支。',
  ], { year: 2017 });
  d.meta.kind = 'budget';
  assert.deepEqual(runRule(rule, d).findings, []);
});

test('narrative-comparison-words: must not trigger on 与上年数一致 said of another subject than the change before it (figures of a 2017 provincial budget)', () => {
  const d = oneSection('一、收支预算总表情况说明', ['按支出用途分类，基本支出增加498.72万元，项目支出、单位预留机动经费与上年数一致。'], { year: 2017 });
  d.meta.kind = 'budget';
  assert.deepEqual(runRule(rule, d).findings, []);
});

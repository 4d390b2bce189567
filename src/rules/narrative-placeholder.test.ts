import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './narrative-placeholder.js';
import { lineOf, oneSection, runRule } from './utils/narrative-fixtures.js';

test('narrative-placeholder: must trigger on a percentage with no number', () => {
  const d = oneSection('（二）“三公”经费具体情况', ['因公出国（境）费支出决算为 0.00 万元，较上年减少 0.0 万元，下降%，原因是未发生出国业务。']);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.evidence, '下降%');
  assert.ok(lineOf(d, findings[0]!).includes('下降%'));
});

test('narrative-placeholder: must trigger on XX, ××× , **, 某某 and empty brackets', () => {
  const d = oneSection('一、部门职责', [
    'XX局负责全县医疗保障工作。',
    '本部门共有车辆×××辆。',
    '会议费支出为**万元。',
    '由某某同志负责。',
    '编制人数[ ]人。',
    '较上年增加万元。',
  ]);
  const ids = runRule(rule, d).findings.map((f) => f.messageId).sort();
  assert.deepEqual(ids, ['empty-amount', 'empty-brackets', 'letters', 'letters', 'someone', 'stars']);
});

test('narrative-placeholder: must not trigger on filled figures, bold markup or Latin acronyms', () => {
  const d = oneSection('一、收入支出决算总体情况说明', [
    '**卫生健康支出**年初预算数为 2485.62 万元，完成年初预算的 98.63%。',
    'DRG 付费改革、XXL 尺码与 DIP 支付方式改革持续推进，较上年下降 5.00%。',
    '单价 100 万元以上设备 0 台。',
  ]);
  assert.deepEqual(runRule(rule, d).findings, []);
});

test('narrative-placeholder: must not trigger on a unit statement (金额单位为万元)', () => {
  const d = oneSection('二、收入决算情况说明', ['本说明金额单位为万元，占比保留两位小数。']);
  assert.deepEqual(runRule(rule, d).findings, []);
});

test('narrative-placeholder: must trigger on template residue 增加（减少） in a budget, not on a chosen word', () => {
  const d = oneSection('（一）“三公”经费预算情况说明', ['2025年“三公”经费预算10.00万元，比上年预算增加（减少）2.00万元。'], { year: 2025 });
  d.meta.kind = 'budget';
  const { findings } = runRule(rule, d);
  assert.deepEqual(findings.map((f) => [f.messageId, f.evidence]), [['template-choice', '增加（减少）']]);
  const ok = oneSection('（一）“三公”经费预算情况说明', ['2025年“三公”经费预算10.00万元，比上年预算减少2.00万元（主要是压减公务接待）。']);
  assert.deepEqual(runRule(rule, ok).findings, []);
});

test('narrative-placeholder: must not report as an error an unchosen 增加（减少） before a zero (figures of a 2019 provincial budget)', () => {
  const d = oneSection('一、收支预算总表情况说明', ['（2）政府性基金收入预算0万元，与上年相比增加（减少）0万元，增长（减少）0%。'], { year: 2019 });
  d.meta.kind = 'budget';
  const { findings } = runRule(rule, d);
  assert.deepEqual(findings.map((f) => f.severity), ['warning', 'warning']);
});

test('narrative-placeholder: an unchosen 增加（减少） whose zero a page break moved to the next paragraph is a warning', () => {
  const d = oneSection('一、收支预算总表情况说明', ['4．上年结转资金预算数为0万元。与上年相比增加（减少）', '0万元，增长（减少）0%。主要原因是本部门无此项收入。'], { year: 2019 });
  d.meta.kind = 'budget';
  assert.deepEqual(runRule(rule, d).findings.map((f) => f.severity), ['warning', 'warning']);
});

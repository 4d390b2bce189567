import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './crosstable-perf-task-vs-project.js';
import { disclosure, evaluation } from './utils/fixtures.js';
import { lineOf, runRule } from './utils/narrative-fixtures.js';
import { departmentEvaluation } from './utils/perf-consistency-fixtures.js';

const HEADER = ['任务名称', '项目级次', '主要内容', '批复金额（万元）', '', '', '实际支出金额（万元）', '预算执行率'];
const SUB = ['总额', '', '', '', '财政拨款', '其他资金'];

function tasks(...rows: (readonly string[])[]) {
  return departmentEvaluation({
    year: 2021,
    extra: [['二、部门年度重点工作任务'], HEADER, SUB, ['', '', '', '1,000.00', '1,000.00', '', '500.00'], ...rows, ['三、部门整体支出绩效指标']],
  });
}

const project = (name: string, initial: string, annual: string, executed: string) =>
  evaluation({ project: name, funding: [['total', '年度资金总额', initial, annual, executed, '10', '', '']] });

test('crosstable-perf-task-vs-project: must trigger when 批复金额 equals neither the 全年 nor the 年初 budget', () => {
  const d = disclosure({
    performance: [
      tasks(['救助补助', '本级', '保障困难群众', '991.08', '991.08', '', '325.04', '32.80']),
      project('救助补助资金', '50.40', '940.68', '325.04'),
    ],
  });
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  const f = findings[0]!;
  assert.equal(f.messageId, 'task-budget-mismatch');
  assert.equal(f.severity, 'error');
  assert.equal(f.evidence, '991.08');
  assert.equal(f.expected, '940.68');
  assert.equal(f.at.cell, 3);
  assert.ok(lineOf(d, f).includes('991.08'));
  assert.match(f.message, /差额 50\.40 恰为年初预算数/);
  assert.equal(f.related?.[0]?.evidence, '940.68');
});

test('crosstable-perf-task-vs-project: must trigger on 实际支出金额, as a warning when the name only nearly matches', () => {
  const d = disclosure({
    performance: [
      tasks(['城乡居民医保业务', '本级', '参保扩面', '10.00', '10.00', '', '8.00', '80.00']),
      project('城乡居民医疗保险业务经费', '10.00', '10.00', '6.00'),
    ],
  });
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.messageId, 'task-executed-mismatch');
  assert.equal(findings[0]!.severity, 'warning');
  assert.equal(findings[0]!.evidence, '8.00');
});

test('crosstable-perf-task-vs-project: must not trigger when a task sums its batches or states the 年初 budget', () => {
  const d = disclosure({
    performance: [
      tasks(
        ['中央财政服务能力提升补助资金', '本级', '队伍建设', '9.00', '9.00', '', '4.28', '47.56'],
        ['业务经费', '本级', '经办', '10.00', '10.00', '', '', ''],
        ['人员工资及公用经费', '本级', '工资', '530.52', '530.52', '', '336.99', '63.52'],
      ),
      project('中央财政服务能力提升补助资金', '5.00', '5.00', '4.28'),
      project('第二批中央服务能力提升补助资金', '4.00', '4.00', ''),
      project('业务经费', '10.00', '12.00', ''),
    ],
  });
  assert.deepEqual(runRule(rule, d).findings, []);
});

test('crosstable-perf-task-vs-project: must not trigger (skipped) without a department-wide table', () => {
  const r = runRule(rule, disclosure({ performance: [project('甲项目', '1.00', '1.00', '1.00')] }));
  assert.deepEqual(r.findings, []);
  assert.match(r.skipped ?? '', /部门整体/);
});

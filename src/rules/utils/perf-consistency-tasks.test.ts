import { test } from 'node:test';
import assert from 'node:assert/strict';
import { departmentTasks } from './perf-consistency-tasks.js';
import { departmentEvaluation } from './perf-consistency-fixtures.js';

test('perf-consistency tasks: reads task rows under their header, by the header cells\' positions, up to the next block', () => {
  const ev = departmentEvaluation({
    extra: [
      ['部门总体目标', '部门职责', '职责描述'],
      ['二、部门年度重点工作任务'],
      ['任务名称', '项目级次', '主要内容', '批复金额（万元）', '', '', '实际支出金额（万元）', '预算执行率', '预算执行偏低原因及改进措施'],
      ['总额', '', '', '', '财政拨款', '其他资金'],
      ['', '', '', '1,540.60', '1,540.60', '', '666.31'],
      ['甲任务', '本级', '内容', '991.08', '991.08', '', '325.04', '32.80', '原因'],
      ['乙任务', '本级', '内容', '10.00', '10.00'],
      ['三、部门整体支出绩效指标'],
      ['丙', '本级', '内容', '5.00', '5.00', '', '5.00'],
    ],
  });
  const tasks = departmentTasks(ev);
  assert.deepEqual(tasks.map((t) => [t.name, t.approved?.cell.text, t.executed?.cell.text, t.rate?.text]), [
    ['甲任务', '991.08', '325.04', '32.80'],
    ['乙任务', '10.00', undefined, undefined],
  ]);
  assert.equal(tasks[0]!.approved!.amount.fen, 991_080_000);
});

test('perf-consistency tasks: other header wordings (预算数 / 执行数, unit in 元) and no header at all', () => {
  const ev = departmentEvaluation({
    unit: '万元',
    extra: [['项目名称', '全年预算数（元）', '执行数（元）', '执行率'], ['丁项目', '12,000.00', '6,000.00', '50%']],
  });
  const [t] = departmentTasks(ev);
  assert.equal(t?.approved?.amount.unit, '元');
  assert.equal(t?.executed?.amount.fen, 600_000);
  assert.deepEqual(departmentTasks(departmentEvaluation({ extra: [['丁项目', '12.00', '6.00']] })), []);
});

/**
 * A consistent disclosure (text written for this test, figures that agree with each other and with
 * the tables) raises no error or warning from any narrative or text rule.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDisclosure } from '../../check/engine.js';
import { table } from './fixtures.js';
import { narrativeDoc } from './narrative-fixtures.js';

const tables = () => [
  table('T03', { columns: ['total', 'basic', 'project'], rows: [['total', '合计', '1,180.00', '700.00', '480.00']] }),
  table('T05', {
    columns: ['total', 'basic', 'project'],
    rows: [['total', '合计', '1,000.00', '600.00', '400.00'], ['208', '社会保障和就业支出', '100.00', '100.00', ''], ['210', '卫生健康支出', '850.00', '450.00', '400.00'], ['221', '住房保障支出', '50.00', '50.00', '']],
  }),
  table('T06', { columns: ['amount'], rows: [{ key: 'personnelTotal', name: '人员经费合计', cells: ['520.00'] }, { key: 'publicTotal', name: '公用经费合计', cells: ['80.00'] }] }),
  table('T09', { columns: ['budget.total', 'budget.abroad', 'budget.reception', 'actual.total', 'actual.abroad', 'actual.reception'], rows: [['', '', '10.00', '0.00', '6.00', '8.00', '0.00', '6.00']] }),
];

type Edit = [from: string, to: string];

function consistentDoc(edit?: Edit) {
  const fix = (t: string): string => (edit ? t.replace(edit[0], edit[1]) : t);
  const parts: [string, string[]][] = [
    ['一、收入支出决算总体情况说明', ['某局2023年度收入总计 1,200.00 万元。与2022年度相比，收入总计增加 100.00 万元，增长 9.09%，主要原因是人员增加。']],
    ['二、收入决算情况说明', ['本年收入合计 1,200.00 万元，其中：财政拨款收入 1,000.00 万元，占 83.33%；事业收入 150.00 万元，占 12.50%；其他收入 50.00 万元，占 4.17%。']],
    ['三、支出决算情况说明', ['本年支出合计 1,180.00 万元，其中：基本支出 700.00 万元，占 59.32%；项目支出 480.00 万元，占 40.68%。']],
    ['（一）一般公共预算财政拨款支出决算总体情况', ['2023年度一般公共预算财政拨款支出 1,000.00 万元，占本年支出合计的 84.75%。']],
    ['（二）一般公共预算财政拨款支出决算结构情况', ['一般公共预算财政拨款支出 1,000.00 万元，主要用于以下方面：社会保障和就业支出 100.00 万元，占 10.00%；卫生健康支出 850.00 万元，占 85.00%；住房保障支出 50.00 万元，占 5.00%。']],
    ['（三）一般公共预算财政拨款支出决算具体情况', [
      '2023年度一般公共预算财政拨款支出年初预算为 980.00 万元，支出决算为 1,000.00 万元，完成年初预算的 102.04%。其中：',
      '1. 社会保障和就业支出年初预算为 95.00 万元，支出决算为 100.00 万元，完成年初预算的 105.26%，决算数大于预算数的主要原因是缴费基数调整。',
      '2. 卫生健康支出年初预算为 840.00 万元，支出决算为 850.00 万元，完成年初预算的 101.19%。',
      '3. 住房保障支出年初预算为 45.00 万元，支出决算为 50.00 万元，完成年初预算的 111.11%。',
    ]],
    ['六、一般公共预算财政拨款基本支出决算情况说明', ['2023年度一般公共预算财政拨款基本支出 600.00 万元。其中：人员经费 520.00 万元，较上年增加 20.00 万元，增长 4.00%，主要原因是工资调整。公用经费 80.00 万元，较上年减少 10.00 万元，下降 11.11%，主要原因是压减会议费。']],
    ['九、财政拨款“三公”经费支出决算情况说明', [
      '2023年度“三公”经费支出全年预算数为 10.00 万元，支出决算为 8.00 万元，完成全年预算的 80.00%，决算数小于预算数的主要原因是厉行节约；较上年减少 2.00 万元，下降 20.00%。',
      '因公出国（境）费全年预算数为 0.00 万元，支出决算为 0.00 万元，决算数与预算数一致。',
      '公务接待费全年预算数为 6.00 万元，支出决算为 6.00 万元，决算数与预算数持平。',
    ]],
    ['十一、政府采购支出情况说明', ['2023年度政府采购支出总额 100.00 万元，其中：政府采购货物支出 30.00 万元、政府采购工程支出 0.00 万元、政府采购服务支出 70.00 万元。授予中小企业合同金额 90.00 万元，占政府采购支出总额的 90.00%。']],
    ['十三、预算绩效情况说明', ['本部门对 2 个项目开展绩效自评，共涉及资金 150.00 万元。']],
    ['（二）绩效自评结果', ['1. 甲项目全年预算数为 100.00 万元，执行数为 95.00 万元，执行率为 95.00%。', '2. 乙项目全年预算数为 55.00 万元，执行数为 55.00 万元，执行率为 100.00%。']],
  ];
  return narrativeDoc(parts.map(([h, ps]) => [h, ps.map(fix)] as const), { year: 2023, entity: '安宁县医疗保障局', tables: tables() });
}

function problems(edit?: Edit): string[] {
  const report = checkDisclosure(consistentDoc(edit), { only: ['narrative', 'text'] });
  assert.equal(report.rules.filter((r) => r.status === 'crashed').length, 0);
  return report.findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule}: ${f.evidence}`);
}

test('narrative consistent: must not trigger any error or warning on a consistent disclosure', () => {
  const report = checkDisclosure(consistentDoc(), { only: ['narrative', 'text'] });
  const problems = report.findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule}: ${f.evidence} (${f.message})`);
  assert.deepEqual(problems, []);
  assert.equal(report.rules.filter((r) => r.status === 'crashed').length, 0);
});

test('narrative consistent: must trigger exactly the rule whose figure is changed', () => {
  assert.deepEqual(problems(['完成年初预算的 111.11%', '完成年初预算的 111.01%']), ['narrative.completion-rate: 完成年初预算的 111.01%']);
  assert.deepEqual(problems(['增长 4.00%', '增长 4.40%']), ['narrative.change-rate: 增长 4.40%']);
  assert.deepEqual(problems(['占 85.00%', '占 58.00%']), ['narrative.share: 占 58.00%']);
  assert.deepEqual(problems(['共涉及资金 150.00 万元', '共涉及资金 160.00 万元']), ['narrative.project-funds: 160.00 万元']);
  // 502.00 also breaks its own change rate: 20.00 / 482.00 = 4.15%.
  assert.deepEqual(problems(['人员经费 520.00 万元', '人员经费 502.00 万元']), ['narrative.amount-vs-table: 502.00 万元', 'narrative.change-rate: 增长 4.00%']);
  assert.deepEqual(problems(['下降 20.00%', '下降%']), ['narrative.placeholder: 下降%']);
  assert.deepEqual(problems(['事业收入 150.00 万元', '事业收入 160.00 万元']).sort(), ['narrative.parts-sum: 1,200.00 万元', 'narrative.share: 占 12.50%']);
  assert.deepEqual(problems(['决算数与预算数持平', '决算数大于预算数']), ['narrative.comparison-words: 决算数大于预算数']);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './narrative-project-funds.js';
import { evaluation } from './utils/fixtures.js';
import { narrativeDoc, runRule } from './utils/narrative-fixtures.js';

const projectSentences = [
  '1. 甲项目绩效自评情况：自评得分为 100 分。项目全年预算数为 66 万元，执行数为 66 万元，完成预算的 100%。',
  '2. 乙项目绩效自评情况：自评得分为 97 分。项目全年预算数为 202.4 万元，执行数为 198.24 万元，完成预算的 97.94%。',
  '3. 丙项目绩效自评情况：自评得分为 100 分。项目全年预算数为 13.12 万元，执行数为 13.12 万元，完成预算的 100%。',
];

test('narrative-project-funds: must trigger when the stated funds match neither the executed nor the budget sum', () => {
  const d = narrativeDoc([
    ['第四部分 预算绩效情况说明', ['本部门对本年度项目支出开展绩效自评，其中二级项目 3 个，共涉及资金 277.56 万元，占项目支出总额的 100%。']],
    ['二、绩效自评结果', projectSentences],
  ]);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.evidence, '277.56 万元');
  assert.match(findings[0]!.expected!, /全年执行数合计 277\.36万元/);
  assert.match(findings[0]!.expected!, /全年预算数合计 281\.52万元/);
});

test('narrative-project-funds: must trigger against the self-evaluation tables, with a project listed apart', () => {
  const ev = (project: string, budget: string, executed: string) =>
    evaluation({ project, funding: [['total', '年度资金总额', budget, budget, executed, '10', '', '']] });
  const d = narrativeDoc([
    ['十三、预算绩效情况说明', ['本单位组织对本年度预算项目全面开展绩效自评，涵盖项目2个，涉及预算资金 900.00 万元。中央对地方转移支付项目1个，涉及预算资金 16.67 万元。']],
  ], { performance: [ev('甲', '15.00', '11.44'), ev('乙', '25.00', '19.99'), ev('丙', '16.67', '16.67')] });
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.evidence, '900.00 万元');
});

test('narrative-project-funds: must not trigger when the sums agree', () => {
  const ev = (project: string, budget: string, executed: string) =>
    evaluation({ project, funding: [['total', '年度资金总额', budget, budget, executed, '10', '', '']] });
  const d = narrativeDoc([
    ['十一、预算绩效的情况说明', ['本单位预算绩效评价项目 2 个，全年预算数 75.20 万元，全年执行数 60.19 万元。']],
    ['第四部分 预算绩效情况说明', ['本部门二级项目 3 个，共涉及资金 277.36 万元。']],
    ['二、绩效自评结果', projectSentences],
  ], { performance: [ev('甲', '35.20', '25.19'), ev('乙', '40.00', '35.00')] });
  const r = runRule(rule, d);
  assert.deepEqual(r.findings, []);
});

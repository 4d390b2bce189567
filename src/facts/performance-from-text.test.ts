import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assembleDisclosure } from '../ingest/index.js';
import { readText } from '../ingest/text/read-text.js';
import { performanceFromText } from './performance-from-text.js';

const doc = (text: string) => assembleDisclosure(readText(new TextEncoder().encode(text), 't.txt'), { format: 'text' });

test('project results stated in the narrative become performance facts; generic headings do not', () => {
  const d = doc([
    '2024 年度示例县民政局部门决算',
    '第四部分 预算绩效情况说明',
    '二、绩效自评结果',
    '本部门对 2 个项目开展绩效自评，自评得分均在 90 分以上。',
    '1. “养老服务补贴”项目绩效自评情况：根据年初设定的绩效目标，项目绩效自评得分为 96.5 分。项目全年预算数为 120.5 万元，执行数为 110.2 万元，完成预算的 91.45%。',
    '2. 社区治理经费项目绩效自评综述：项目自评得分为90分，自评等级为优。全年预算数为8万元，执行数为8万元，完成预算的100%。',
  ].join('\n'));
  const p = performanceFromText(d);
  assert.deepEqual(p.map((x) => x.project), ['养老服务补贴', '社区治理经费']);
  assert.deepEqual(p[0], { project: '养老服务补贴', annualBudget: '1205000.00', executed: '1102000.00', executionRate: '91.45', totalScore: '96.5' });
  assert.equal(p[1]!.grade, '优');
  assert.equal(p[1]!.annualBudget, '80000.00');
});

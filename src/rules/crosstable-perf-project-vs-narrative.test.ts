import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './crosstable-perf-project-vs-narrative.js';
import { evaluation } from './utils/fixtures.js';
import { lineOf, narrativeDoc, runRule } from './utils/narrative-fixtures.js';

const table = (project: string, annual: string, executed: string, totalScore: string) =>
  evaluation({ project, funding: [['total', '年度资金总额', annual, annual, executed, '10', '', '']], totalScore, totalWeight: '100' });

test('crosstable-perf-project-vs-narrative: must trigger when a project\'s stated 执行数 and 得分 differ from its table', () => {
  const d = narrativeDoc([
    ['十一、预算绩效情况说明', [
      '1.“城乡居民医保补助资金”项目绩效自评情况：根据年初设定的绩效目标，项目绩效自评得分为95分。项目全年预算数为202.4万元，执行数为190.24万元，完成预算的93.99%。',
    ]],
  ], { performance: [table('城乡居民医保补助资金', '202.40', '198.24', '97.00')] });
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 2);
  const funds = findings.find((f) => f.messageId === 'project-funds-mismatch')!;
  assert.equal(funds.severity, 'error');
  assert.equal(funds.evidence, '190.24万元');
  assert.equal(funds.expected, '198.24');
  assert.ok(lineOf(d, funds).includes('190.24万元'));
  assert.equal(funds.related?.[0]?.evidence, '198.24');
  const score = findings.find((f) => f.messageId === 'project-score-mismatch')!;
  assert.equal(score.evidence, '95分');
});

test('crosstable-perf-project-vs-narrative: must trigger as a warning when the project is named by its heading and only as another batch', () => {
  const heading = '1. 医疗服务与保障能力提升补助资金（上级）项目绩效自评综述';
  const d = narrativeDoc([
    ['十一、预算绩效情况说明', []],
    [heading, ['该项目全年预算数为16.67万元，执行数为15.00万元。']],
  ], { performance: [table('2024年医疗服务与保障能力提升补助资金', '16.67', '16.67', '')] });
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.severity, 'warning');
  assert.equal(findings[0]!.evidence, '15.00万元');
});

test('crosstable-perf-project-vs-narrative: must not trigger when the text agrees, or names no single table', () => {
  const d = narrativeDoc([
    ['十一、预算绩效情况说明', [
      '本部门二级项目 2 个，共涉及资金 900.00 万元。',
      '1.“基层医保工作站经费”项目绩效自评综述：项目自评得分为91.1分。全年预算数为49万元，执行数为5.6万元，完成预算的11.43%。',
      '2.“特殊群体医疗费”项目绩效自评综述：全年预算数为1.00万元，执行数为1.00万元。',
    ]],
  ], {
    performance: [
      table('基层医保工作站项目', '49.00', '5.60', '91.14'),
      table('特殊群体医疗费（一）', '505.12', '19.15', '90.40'),
      table('特殊群体医疗费（二）', '524.80', '8.44', '90.20'),
    ],
  });
  assert.deepEqual(runRule(rule, d).findings, []);
});

test('crosstable-perf-project-vs-narrative: must not trigger (skipped) without project tables', () => {
  const r = runRule(rule, narrativeDoc([['一、说明', ['项目全年预算数为66万元。']]]));
  assert.deepEqual(r.findings, []);
  assert.match(r.skipped ?? '', /项目支出绩效自评表/);
});

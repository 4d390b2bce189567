import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './completeness-narrative-sections.js';
import { requiredTopics } from '../catalog/sections.js';
import { disclosure, run } from './utils/catalog-fixtures.js';
import { section, table } from './utils/fixtures.js';
import { sectionTopic } from '../catalog/sections.js';

const requiredTopicsModule = { sectionTopic, table };

const BODY: Record<string, string> = {
  'three-public': '2023年度因公出国（境）团组0个；公务接待12批次、86人次；公务用车保有量2辆。',
  procurement: '政府采购支出总额10.70万元，其中授予中小企业合同金额10.70万元，占100%。',
};

function docWithout(omit: string[], body: Record<string, string> = BODY) {
  const topics = requiredTopics('final-accounts').filter((t) => !omit.includes(t.topic));
  const sections = topics.map((t, i) => section(`${i + 1}. ${t.title}`, [body[t.topic] ?? `${t.title}的说明文字。`], { topic: t.topic }));
  return disclosure({ sections });
}

test('completeness-narrative-sections: must trigger once per missing required part', () => {
  const { findings } = run(rule, docWithout(['procurement', 'glossary']));
  assert.deepEqual(findings.map((f) => f.data?.topic).sort(), ['glossary', 'procurement']);
  assert.ok(findings.every((f) => f.messageId === 'section-missing'));
});

test('completeness-narrative-sections: must trigger on 三公 without counts and 政府采购 without 中小企业', () => {
  const d = docWithout([], { 'three-public': '三公经费支出决算数为0.19万元。', procurement: '政府采购支出总额10.70万元。' });
  const ids = run(rule, d).findings.map((f) => f.messageId).sort();
  assert.deepEqual(ids, ['procurement-sme', 'three-public-counts']);
});

test('completeness-narrative-sections: must trigger one finding when there is no narrative, or most parts are absent', () => {
  const { findings } = run(rule, disclosure({ sections: [] }));
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.messageId, 'no-narrative');
  const few = requiredTopics('final-accounts').map((t) => t.topic).filter((t) => !['duties', 'organization', 'performance'].includes(t));
  const r = run(rule, docWithout(few));
  assert.deepEqual(r.findings.map((f) => f.messageId), ['no-narrative']);
  assert.match(r.findings[0]!.message, /名词解释/);
});

test('completeness-narrative-sections: must not trigger on a complete narrative; skips other kinds', () => {
  assert.deepEqual(run(rule, docWithout([])).findings, []);
  const r = run(rule, disclosure({ kind: 'performance-self-evaluation', sections: [] }));
  assert.deepEqual(r.findings, []);
  assert.ok(r.skipped);
});

test('completeness-narrative-sections: must not trigger for the fund tables when the text says there is nothing', () => {
  const d = docWithout(['government-fund', 'state-capital']);
  d.sections[0]!.paragraphs[0]!.text += '本部门无政府性基金预算财政拨款收入支出，无国有资本经营预算财政拨款支出。';
  assert.deepEqual(run(rule, d).findings, []);
});

test('completeness-narrative-sections: must not trigger on 三公 counts when the legacy table prints them', async () => {
  const { table } = await import('./utils/fixtures.js');
  const d = docWithout([], { ...BODY, 'three-public': '三公经费支出决算数为0.19万元。' });
  d.tables.push(table('T09', { columns: ['actual'], rows: [{ key: 'count.receptionBatches', name: '国内公务接待批次', cells: ['3'] }] }));
  assert.deepEqual(run(rule, d).findings, []);
});

/** A 上海 决算 document: 主要职能 and 部门决算单位构成, 机关运行经费 / 政府采购 / 国有资产 told under 其他重要事项说明. */
test('completeness-narrative-sections: must not trigger on the 上海 template (主要职能, 部门决算单位构成, parts inside 其他重要事项)', () => {
  const topics = ['income-expenditure-overview', 'income', 'expenditure', 'fiscal-overview', 'general-budget-expenditure', 'general-budget-basic', 'government-fund', 'state-capital'];
  const { sectionTopic } = requiredTopicsModule;
  const sections = [
    section('一、主要职能', ['负责本区商务工作。']),
    section('二、部门决算单位构成', ['本部门由机关本级和2家事业单位组成。']),
    ...topics.map((t, i) => section(`${i + 1}、${sectionTopic(t)!.title}`, [`${sectionTopic(t)!.title}的说明文字。`])),
    section('九、财政拨款“三公”经费支出决算情况说明', [BODY['three-public']!]),
    section('十、预算绩效管理情况', ['本部门开展了绩效自评。']),
    section('十一、其他重要事项说明', ['（一）机关运行经费支出情况：机关运行经费支出12.00万元。', '（二）政府采购支出情况：政府采购支出总额10.70万元，其中授予中小企业合同金额10.70万元。', '（三）国有资产占用情况：车辆2辆。']),
    section('名词解释', ['财政拨款收入：指本年度从本级财政部门取得的财政拨款。']),
  ];
  assert.deepEqual(run(rule, disclosure({ sections })).findings, []);
});

test('completeness-narrative-sections: must trigger on a budget part its own 目录 lists but the body lacks; skips a tables-only budget file', () => {
  const sections = [
    section('目录', ['一、部门主要职能', '二、部门机构设置', '三、名词解释', '四、部门预算编制说明', '五、国有资产占有使用情况']),
    section('一、部门主要职能', ['负责本区商务工作。']),
    section('二、部门机构设置', ['本部门由机关本级组成。']),
    section('三、名词解释', ['财政拨款收入：指本级财政拨款。']),
    section('四、部门预算编制说明', ['2025年收入预算37151.47万元。“三公”经费预算10.00万元。机关运行经费预算20.00万元。政府采购预算30.00万元。绩效目标已设置。']),
  ];
  const { findings } = run(rule, disclosure({ kind: 'budget', sections }));
  assert.deepEqual(findings.map((f) => [f.data?.topic, f.severity]), [['state-assets', undefined]]);
  assert.match(findings[0]!.message, /目录列有/);
  const { table } = requiredTopicsModule;
  const tablesOnly = disclosure({ kind: 'budget', tables: [table('T03', { columns: ['total'], rows: [['total', '合计', '18,330.37']] })] });
  const r = run(rule, tablesOnly);
  assert.deepEqual(r.findings, []);
  assert.ok(r.skipped);
});

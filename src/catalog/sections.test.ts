import { test } from 'node:test';
import assert from 'node:assert/strict';
import { narrativeTemplate, normalizeHeading, requiredTopics, SECTION_TOPICS, sectionTopic, topicOfHeading } from './sections.js';

test('topicOfHeading: headings of different years and regions map to one topic', () => {
  const cases: [string, string | undefined][] = [
    ['部门概况', 'overview'],
    ['单位基本情况', 'overview'],
    ['部门职责', 'duties'],
    ['主要职能', 'duties'],
    ['主要职责职能', 'duties'],
    ['机构设置及人员情况', 'organization'],
    ['人员编制情况', 'organization'],
    ['2022 年度部门决算表', 'tables'],
    ['部门决算报表（见附表）', 'tables'],
    ['2022年度单位决算情况说明', 'explanations'],
    ['收入支出决算总体情况说明', 'income-expenditure-overview'],
    ['收支决算总体情况说明', 'income-expenditure-overview'],
    ['收入决算情况说明', 'income'],
    ['支出决算情况说明', 'expenditure'],
    ['财政拨款收入支出决算总体情况说明', 'fiscal-overview'],
    ['财政拨款收支决算总体情况', 'fiscal-overview'],
    ['一般公共预算财政拨款支出决算情况说明', 'general-budget-expenditure'],
    ['一般公共预算支出情况', 'general-budget-expenditure'],
    ['一般公共预算财政拨款基本支出决算情况说明', 'general-budget-basic'],
    ['政府性基金预算财政拨款收支决算情况说明', 'government-fund'],
    ['国有资本经营预算财政拨款支出情况说明', 'state-capital'],
    ['财政拨款“三公”经费支出决算情况说明', 'three-public'],
    ['"三公"经费使用和管理情况', 'three-public'],
    ['机关运行经费支出情况', 'operating-expense'],
    ['政府采购支出说明', 'procurement'],
    ['国有资产占用情况说明', 'state-assets'],
    ['预算绩效的情况说明', 'performance'],
    ['预算绩效管理工作开展情况', 'performance'],
    ['其他需要说明的情况', 'other-matters'],
    ['其他需说明的事项', 'other-matters'],
    ['其他重要事项的情况说明', 'important-matters'],
    ['专业名词解释', 'glossary'],
    ['名词解释', 'glossary'],
    ['部门整体支出绩效情况', 'performance'],
    ['一般公共预算财政拨款支出决算表', undefined],
    ['工作亮点', undefined],
  ];
  for (const [heading, topic] of cases) assert.equal(topicOfHeading(heading), topic, heading);
});

test('normalizeHeading drops blanks, quotes, markup and trailing punctuation', () => {
  assert.equal(normalizeHeading(' **财政拨款“三公”经费 支出决算情况说明：**'), '财政拨款三公经费支出决算情况说明');
  assert.equal(normalizeHeading('使用非财政拨款结余（含专用结余）'), '使用非财政拨款结余含专用结余');
});

test('the catalogue: unique topics, every table explained once, required topics for a final-accounts disclosure', () => {
  const topics = SECTION_TOPICS.map((t) => t.topic);
  assert.equal(new Set(topics).size, topics.length);
  const tables = SECTION_TOPICS.flatMap((t) => (t.table ? [t.table] : [])).sort();
  assert.deepEqual(tables, ['T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T07', 'T08', 'T09']);
  const required = requiredTopics('final-accounts').map((t) => t.topic);
  for (const t of ['duties', 'organization', 'three-public', 'operating-expense', 'procurement', 'state-assets', 'performance', 'other-matters', 'glossary']) {
    assert.ok(required.includes(t), t);
  }
  assert.equal(sectionTopic('procurement')?.title, '政府采购支出情况说明');
  assert.equal(sectionTopic('nope'), undefined);
});

test('topicOfHeading: budget and regional headings (上海 决算 and 预算, 江苏 预算)', () => {
  const cases: [string, string | undefined][] = [
    ['部门决算单位构成', 'organization'],
    ['部门预算单位构成', 'organization'],
    ['部门主要职能', 'duties'],
    ['部门预算编制说明', 'budget-explanations'],
    ['江苏省高级人民法院 2018 年度预算安排情况说明', 'budget-explanations'],
    ['江苏省政协办公厅 2017 年度部门预算情况说明', 'budget-explanations'],
    ['2025年“三公”经费预算情况说明', 'three-public'],
    ['机关运行经费预算', 'operating-expense'],
    ['政府采购预算情况', 'procurement'],
    ['绩效目标设置情况', 'performance'],
    ['国有资产占有使用情况', 'state-assets'],
    ['其他相关情况说明', 'other-matters'],
  ];
  for (const [heading, topic] of cases) assert.equal(topicOfHeading(heading), topic, heading);
});

test('narrativeTemplate: a document is judged by the template its headings announce', () => {
  assert.equal(narrativeTemplate('final-accounts', ['主要职能', '部门决算单位构成'])?.id, 'shanghai-final-accounts');
  assert.equal(narrativeTemplate('final-accounts', ['部门职责', '机构设置'])?.id, 'national-final-accounts');
  assert.equal(narrativeTemplate('budget', ['部门主要职能'])?.id, 'national-budget');
  assert.equal(narrativeTemplate('other', []), undefined);
});

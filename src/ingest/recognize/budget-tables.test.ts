import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Table, TableKey } from '../../model/index.js';
import { readTextString } from '../text/read-text.js';
import { recognizeTables } from './tables.js';
import { matchOtherBudgetTitleText, matchTitleText } from './table-titles.js';
import { assembleDisclosure, checklistEvidence } from '../index.js';
import { factsOf } from '../../facts/facts.js';
import { isBudgetVariant, tableDef } from '../../catalog/tables.js';
import { entityParts } from './meta-identity.js';
import { isRegionOnly } from './meta-title.js';

const tab = (...rows: string[][]): string => rows.map((r) => r.join('\t')).join('\n');
const recognize = (text: string) => recognizeTables(readTextString(text));
const byKey = (tables: Table[], key: TableKey): Table => tables.find((t) => t.key === key)!;

test('budget titles: the national, Shanghai and Jiangsu names map to T01–T09 as budget tables', () => {
  const cases: [string, TableKey][] = [
    ['2025年部门财务收支预算总表', 'T01'], ['公开01表 收支预算总表', 'T01'], ['部门收支总表', 'T01'],
    ['2025年预算单位收入预算总表', 'T02'], ['三、支出预算总表', 'T03'], ['表四 财政拨款收支预算总表', 'T04'],
    ['5．2025年部门一般公共预算支出功能分类预算表', 'T05'], ['八、一般公共预算支出预算表', 'T05'],
    ['2025年部门一般公共预算基本支出部门预算经济分类预算表', 'T06'], ['一般公共预算基本支出预算表', 'T06'],
    ['财政拨款政府性基金支出预算表', 'T07'], ['2025年部门政府性基金预算支出功能分类预算表', 'T07'],
    ['2025年部门国有资本经营预算支出功能分类预算表', 'T08'],
    ['2025年单位“三公”经费和机关运行经费预算表', 'T09'], ['十一、一般公共预算“三公”经费、会议费、培训费支出预算表', 'T09'],
    ['九、2018 年江苏省高级人民法院“三公”经费、会议费、培训费支出预算表', 'T09'],
  ];
  for (const [title, key] of cases) {
    const m = matchTitleText(title);
    assert.equal(m?.key, key, title);
    assert.ok(isBudgetVariant(m!.variant), title);
    assert.equal(tableDef(key, m!.variant).kind, 'budget');
  }
  assert.equal(matchTitleText('收入支出决算总表')?.variant, 'national');
  for (const other of ['财政拨款支出预算表', '一般公共预算机关运行经费支出预算表', '2018年政府采购预算表', '财政项目支出绩效目标填报表']) {
    assert.equal(matchTitleText(other), null, other);
    assert.ok(matchOtherBudgetTitleText(other), other);
  }
});

const JIANGSU = [
  '江苏省某某厅2019年度部门预算公开',
  '收支预算总表',
  '公开表一',
  '部门：江苏省某某厅\t单位：万元',
  tab(['收入', '', '支出', ''], ['项目名称', '金额', '项目名称', '金额'],
    ['一、财政拨款', '100.00', '一、基本支出', '60.00'], ['1.一般公共预算', '100.00', '二、项目支出', '30.00'],
    ['', '', '三、单位预留机动经费', '10.00'], ['当年收入小计', '100.00', '当年支出小计', '100.00'],
    ['上年结转资金', '', '结转下年资金', ''], ['收入合计', '100.00', '支出合计', '100.00']),
  '支出预算总表',
  '部门：江苏省某某厅\t单位：万元',
  tab(['合计', '基本支出', '项目支出', '单位预留机动经费', '结转下年资金'], ['100.00', '60.00', '30.00', '10.00', '']),
  '“三公”经费、会议费、培训费支出预',
  '算表',
  '部门：江苏省某某厅\t单位：万元',
  tab(['合计', '“三公”经费', '', '', '', '', '', '会议费', '培训费'],
    ['', '小计', '因公出国（境）费', '公务用车购置及运行维护费', '', '', '公务接待费', '', ''],
    ['', '', '', '小计', '公务用车购置费', '公务用车运行维护费', '', '', ''],
    ['15.00', '9.00', '2.00', '4.00', '', '4.00', '3.00', '5.00', '1.00']),
  '一般公共预算机关运行经费支出预算表',
  '部门：江苏省某某厅\t单位：万元',
  tab(['科目编码', '科目名称', '机关运行经费支出'], ['', '合计', '12.00'], ['302', '商品和服务支出', '12.00']),
].join('\n');

test('a Jiangsu budget: balancing totals, a third spending category, 三公 beside 会议费/培训费, other tables kept without a key', () => {
  const raw = readTextString(JIANGSU);
  const d = assembleDisclosure(raw, { format: 'text' });
  assert.deepEqual([d.meta.kind, d.meta.entity, d.meta.year], ['budget', '江苏省某某厅', 2019]);
  assert.equal(byKey(d.tables, 'T01').ordinal, '公开表一');
  const t03 = byKey(d.tables, 'T03');
  assert.deepEqual(t03.columns.map((c) => c.key), ['total', 'basic', 'project', 'reserve', 'carryoverEnd']);
  const t09 = byKey(d.tables, 'T09');
  assert.equal(t09.title, '“三公”经费、会议费、培训费支出预算表');
  const other = d.tables.find((t) => !t.key);
  assert.equal(other?.title, '一般公共预算机关运行经费支出预算表');
  const f = factsOf(d);
  assert.equal(f.unit, '万元');
  assert.deepEqual(f.threePublic, { budget: { total: '90000.00', abroad: '20000.00', vehicle: '40000.00', vehicleOperation: '40000.00', reception: '30000.00' } });
  assert.equal(f.amounts.incomeTotal, '1000000.00');
  assert.equal(f.amounts.grandTotal, '1000000.00');
  assert.equal(f.amounts.basicExpenditure, '600000.00');
  assert.equal(f.amounts.projectExpenditure, '300000.00');
  assert.equal(f.amounts.operatingExpense, '120000.00');
  assert.equal(f.tables.T01, 'present');
  assert.equal(f.tables.T02, 'absent');
});

test('a Shanghai 三公 table in 万元 beside 元 tables: budget figures converted to 元, no actual side', () => {
  const text = [
    '上海市某某区2025年区级单位预算',
    '预算单位：上海市某某区某某中心',
    '2025年单位支出预算总表',
    '编制单位：上海市某某区某某中心\t单位：元',
    tab(['项目', '', '', '', '支出预算', '', ''], ['功能分类科目编码', '', '', '功能分类科目名称', '合计', '基本支出', '项目支出'], ['类', '款', '项', '', '', '', ''],
      ['201', '', '', '一般公共服务支出', '1,000.00', '600.00', '400.00'], ['合计', '', '', '', '1,000.00', '600.00', '400.00']),
    '2025年单位“三公”经费和机关运行经费预算表',
    '编制单位：上海市某某区某某中心\t单位:万元',
    tab(['“三公”经费预算数', '', '', '', '', '', '机关运行经费预算数'], ['合计', '因公出国(境)费', '公务接待费', '公务用车购置及运行费', '', '', ''],
      ['', '', '', '小计', '购置费', '运行费', ''], ['1.50', '', '1.00', '0.50', '', '0.50', '171.01']),
  ].join('\n');
  const d = assembleDisclosure(readTextString(text), { format: 'text' });
  assert.deepEqual([d.meta.entity, d.meta.scope, d.meta.region, d.meta.departmentType], ['上海市某某区某某中心', 'unit', '上海市某某区', '某某中心']);
  const f = factsOf(d);
  assert.equal(f.unit, '元');
  assert.deepEqual(f.threePublic, { budget: { total: '15000.00', reception: '10000.00', vehicle: '5000.00', vehicleOperation: '5000.00' } });
  assert.equal(f.amounts.operatingExpense, '1710100.00');
  assert.equal(f.amounts.expenditureTotal, '1000.00');
});

test('identity helpers: a region is no entity; region and department type from the printed name', () => {
  assert.ok(isRegionOnly('上海市普陀区区级'));
  assert.ok(isRegionOnly('江苏省省级'));
  assert.ok(!isRegionOnly('上海市普陀区财政局'));
  assert.deepEqual(entityParts('上海市普陀区社会福利院'), { region: '上海市普陀区', departmentType: '社会福利院' });
  assert.deepEqual(entityParts('中共江苏省委办公厅'), { region: '江苏省', departmentType: '省委办公厅' });
  assert.deepEqual(entityParts('上海市普陀区人民政府万里街道办事处'), { region: '上海市普陀区', departmentType: '街道办事处' });
});

test('a reviewer\'s checklist is no disclosure; a tables-only budget is one', () => {
  const checklist = tab(['序号', '审核要点', '是否符合', '存在问题'],
    ['1', '是否公开部门预算收支总表', '是', ''], ['2', '是否公开“三公”经费预算', '是', ''], ['3', '是否说明机关运行经费', '否', '未说明'],
    ['4', '普陀区部门预算公开是否完整', '是', '']);
  assert.match(checklistEvidence(readTextString(checklist)) ?? '', /审核要点/);
  assert.throws(() => assembleDisclosure(readTextString(checklist), { format: 'text', name: 'checklist.xlsx' }), /not a disclosure.*checklist/);
  assert.equal(checklistEvidence(readTextString(JIANGSU)), undefined);
});

test('a Jiangsu 收支预算总表 with expenditure by function and by purpose side by side', () => {
  const text = [
    '收支预算总表',
    '部门：江苏省某某厅\t单位：万元',
    tab(['收入', '', '支出', '', '', ''], ['项目名称', '金额', '功能分类', '', '支出用途', ''], ['', '', '功能科目名称', '金额', '项目名称', '金额'],
      ['一、财政拨款', '100.00', '一、一般公共服务支出', '80.00', '一、基本支出', '60.00'],
      ['1.一般公共预算', '100.00', '二、外交支出', '', '二、项目支出', '30.00'],
      ['2.政府性基金预算', '', '三、住房保障支出', '20.00', '三、单位预留机动经费', '10.00'],
      ['当年收入小计', '100.00', '当年支出小计', '', '', '100.00'],
      ['收入合计', '100.00', '支出合计', '', '', '100.00']),
  ].join('\n');
  const t = byKey(recognize(text).tables, 'T01');
  const amount = (key: string) => t.rows.find((r) => r.key === key && r.side === 'expenditure')?.cells.amount?.text;
  assert.equal(amount('fn:201'), '80.00');
  assert.equal(amount('expenditure:basic'), '60.00');
  assert.equal(amount('expenditure:reserve'), '10.00');
  assert.equal(amount('expenditureTotal'), '100.00');
  assert.equal(amount('grandTotal'), '100.00');
  assert.deepEqual(t.columns.map((c) => c.key), ['amount']);
});

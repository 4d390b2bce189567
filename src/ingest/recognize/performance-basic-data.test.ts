import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PerformanceEvaluation } from '../../model/index.js';
import { performanceFacts } from '../../facts/performance.js';
import { departmentQuantities } from '../../rules/utils/perf-consistency-quantities.js';
import { readTextString } from '../text/read-text.js';
import { basicDataTitleAt } from './performance-basic-data.js';
import { recognizePerformance } from './performance.js';
import { rawFromText } from './performance-raw.js';
import { HUNAN } from './performance-fixtures.test-data.js';
import {
  BASIC_DATA_LED, BASIC_DATA_TABS, BASIC_DATA_TITLE_ONLY, BASIC_DATA_UNTITLED,
} from './performance-basic-data.test-data.js';

function read(text: string, via: 'raw' | 'readText' = 'readText'): PerformanceEvaluation[] {
  const raw = via === 'raw' ? rawFromText(text) : readTextString(text);
  return recognizePerformance(raw, new Set()).evaluations;
}

const basic = (evs: PerformanceEvaluation[]): PerformanceEvaluation[] => evs.filter((e) => e.basicData);
const row = (ev: PerformanceEvaluation, label: string) => ev.extraRows?.find((r) => r.label === label);
const texts = (ev: PerformanceEvaluation, label: string): string[] | undefined => row(ev, label)?.cells.map((c) => c.text);

test('basic data: one-cell-per-line form under 附件1-1 — title, ordinal, date, unit assumed, rows as printed', () => {
  const [ev, ...rest] = basic(read(BASIC_DATA_LED));
  assert.ok(ev);
  assert.equal(rest.length, 0, 'the attachment list above is not a table');
  assert.equal(ev.kind, 'department');
  assert.equal(ev.title, '部门整体支出绩效评价基础数据表');
  assert.equal(ev.ordinal, '附件1-1');
  assert.equal(ev.project, '部门整体支出');
  assert.equal(ev.year, 2023);
  assert.deepEqual([ev.unit, ev.unitSource], ['万元', 'assumed']);
  assert.deepEqual([ev.filledDate?.text, ev.filledDate?.year, ev.filledDate?.month, ev.filledDate?.day], ['2024.3.15', 2024, 3, 15]);
  assert.deepEqual([ev.funding.length, ev.indicators.length, ev.totalScore], [0, 0, undefined]);
  assert.deepEqual(texts(ev, '经费控制情况'), ['2022年决算数', '2023年预算数', '2023年决算数']);
  assert.deepEqual(texts(ev, '2、三公经费'), ['5.10', '6', '4.30']);
  assert.deepEqual(texts(ev, '五、公用经费'), ['120.00', '110.50', '118.75']);
  assert.deepEqual(texts(ev, '1、业务工作专项(一个项目一行)'), []);
  assert.deepEqual(texts(ev, '厉行节约保障措施'), ['建立内控制度']);
  assert.deepEqual(texts(ev, ''), ['40', '38', '95%']);
  assert.equal(ev.remarks.length, 2);
  assert.match(ev.remarks[0]!, /^说明：/);
});

test('basic data: each cell keeps its line and cell index; amounts parse in the unit, staff counts are numbers', () => {
  const [ev] = basic(read(BASIC_DATA_LED));
  const three = row(ev!, '2、三公经费')!;
  assert.deepEqual(three.prov, { line: 31, cell: 0 });
  assert.deepEqual(three.cells.map((c) => [c.prov.line, c.prov.cell]), [[31, 1], [31, 2], [31, 3]]);
  const budget = three.cells[1]!.value;
  assert.equal(budget.kind, 'amount');
  assert.equal(budget.kind === 'amount' && budget.amount.fen, 6_000_000);
  assert.deepEqual(row(ev!, '')!.cells.map((c) => c.value.kind), ['number', 'number', 'number']);
  assert.equal(row(ev!, '经费控制情况')!.cells[0]!.value.kind, 'text');
  assert.equal(ev!.endLine, 67);
});

test('basic data: the tab form with a printed unit 元 and a date in 年月日', () => {
  const [ev] = basic(read(BASIC_DATA_TABS));
  assert.ok(ev);
  assert.equal(ev.title, '部门整体支出绩效评价基础数据表');
  assert.equal(ev.ordinal, undefined);
  assert.deepEqual([ev.unit, ev.unitSource], ['元', 'printed']);
  assert.deepEqual([ev.filledDate?.year, ev.filledDate?.month, ev.filledDate?.day], [2024, 2, 28]);
  const cell = row(ev, '五、公用经费')!.cells[2]!;
  assert.equal(cell.value.kind === 'amount' && cell.value.amount.fen, 205_400_000);
  assert.deepEqual(ev.remarks, ['注：项目支出按一个项目一行填列。']);
  assert.equal(ev.extraRows?.length, 10);
});

test('basic data: the same in the raw tab layout (no reader folding needed)', () => {
  const [ev] = basic(read(BASIC_DATA_TABS, 'raw'));
  assert.deepEqual(texts(ev!, '公务接待'), ['30,000.00', '35,000.00', '29,000.00']);
});

test('basic data: the year columns reach the department-vs-narrative quantities', () => {
  const [ev] = basic(read(BASIC_DATA_LED));
  const qs = departmentQuantities(ev!).map((q) => `${q.concept}|${q.year}|${q.stage}|${q.cell.text}`);
  assert.ok(qs.includes('threePublic.total|2023|budget|6'), qs.join(' '));
  assert.ok(qs.includes('publicExpense|2023|actual|118.75'), qs.join(' '));
  assert.ok(qs.includes('threePublic.reception|2022|actual|1.10'), qs.join(' '));
});

test('basic data: beside a 部门整体支出绩效自评表 — both read, the regions kept apart, one facts entry', () => {
  const evs = read(`${BASIC_DATA_LED}\n${HUNAN}`);
  assert.equal(evs.length, 2);
  const [data, evaluation] = evs;
  assert.equal(data!.basicData, true);
  assert.equal(evaluation!.title, '部门整体支出绩效自评表');
  assert.equal(evaluation!.ordinal, '附件1-2');
  assert.equal(evaluation!.funding[0]?.executed?.text, '320.00');
  assert.ok(data!.endLine < evaluation!.prov.line);
  assert.deepEqual(evs.map((e) => e.id), ['perf-2', 'perf-1']);
  const facts = performanceFacts(evs);
  assert.equal(facts.length, 1);
  assert.equal(facts[0]!.executed, '3200000.00');
});

test('basic data: printed untitled, found by its content', () => {
  const [ev] = basic(read(BASIC_DATA_UNTITLED));
  assert.ok(ev);
  assert.equal(ev.title, '');
  assert.equal(ev.prov.line, 4);
  assert.equal(ev.filledDate?.text, '2024.1.20');
  assert.deepEqual(texts(ev, '2、三公经费'), ['1.20', '1.50', '1.10']);
});

test('basic data: a title with no such table under it, and documents without one, give nothing', () => {
  assert.deepEqual(read(BASIC_DATA_TITLE_ONLY), []);
  assert.deepEqual(basic(read(HUNAN, 'raw')), []);
  assert.deepEqual(read('', 'raw'), []);
});

test('basic data: titles — ordinal beside it, a bracketed year, sentences and other tables rejected', () => {
  const at = (...cells: string[]) => basicDataTitleAt([{ line: 1, text: cells.join('\t'), cells, tabular: cells.length > 1 }], 0);
  assert.deepEqual(at('附表3', '2023年度部门整体支出绩效评价基础数据表'), {
    index: 0, text: '2023年度部门整体支出绩效评价基础数据表', printed: '2023年度部门整体支出绩效评价基础数据表', ordinal: '附表3',
  });
  assert.equal(at('单位整体支出绩效评价基础数据表（2024年度）')?.text, '单位整体支出绩效评价基础数据表');
  assert.equal(at('附件1：部门整体支出绩效评价基础数据表')?.ordinal, '附件1');
  assert.equal(at('具体数据详见附件1-1部门整体支出绩效评价基础数据表。'), undefined);
  assert.equal(at('部门整体支出绩效自评表'), undefined);
  assert.equal(at('部门整体支出绩效评价基础数据表', '填报单位：某局'), undefined);
});

test('basic data: a bracketed year in the title is the year; the 填报单位 row is not a data row', () => {
  const text = BASIC_DATA_TABS.replace('部门整体支出绩效评价基础数据表', '部门整体支出绩效评价基础数据表（2022年度）');
  const [ev] = basic(read(text));
  assert.equal(ev?.year, 2022);
  assert.ok(!ev?.extraRows?.some((r) => /填报/.test(r.label)));
});

test('basic data: after a 部门整体支出绩效自评表, its title beside an ordinal cell ends the evaluation above', () => {
  const text = `${HUNAN}\n${BASIC_DATA_TABS.replace('部门整体支出绩效评价基础数据表', '附件2\t部门整体支出绩效评价基础数据表')}`;
  const evs = read(text);
  assert.deepEqual(evs.map((e) => [e.title, !!e.basicData]), [['部门整体支出绩效自评表', false], ['部门整体支出绩效评价基础数据表', true]]);
  assert.equal(evs[1]!.ordinal, '附件2');
  assert.ok(evs[0]!.endLine < evs[1]!.prov.line);
  assert.ok(!evs[0]!.extraRows?.some((r) => /三公|公用经费/.test(r.label)));
  assert.equal(basic(read(text, 'raw')).length, 1);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findFigures } from './figures.js';
import { describeSentence, type DescribedFigure } from './figures-describe.js';
import { cleanSubject, readCue } from './figures-cues.js';

const named = (figs: DescribedFigure[]) => figs.filter((f) => f.kind !== 'year');
const brief = (f: DescribedFigure) => [f.printed, f.subject, f.role, f.direction].filter(Boolean).join(' | ');

test('findFigures: amounts with their printed unit, thousands separators, full-width digits', () => {
  const figs = findFigures('本年收入 1,234.50 万元，会议费１２．５０万元，全年收入总计 88.8元，单价 2 亿元。');
  assert.deepEqual(figs.map((f) => [f.kind, f.printed, f.unitText]), [
    ['amount', '1,234.50 万元', '万元'],
    ['amount', '１２．５０万元', '万元'],
    ['amount', '88.8元', '元'],
    ['amount', '2 亿元', '亿元'],
  ]);
  assert.equal(figs[0]!.amount?.fen, 12_345_000_00);
  assert.equal(figs[0]!.amount?.decimals, 2);
  assert.equal(figs[1]!.amount?.fen, 125_000_00);
  assert.deepEqual([figs[2]!.amount?.unit, figs[2]!.amount?.fen], ['元', 8880]);
  assert.equal(figs[3]!.amount, undefined, '亿元 is not a unit of the model');
  assert.equal(figs[3]!.value, '2');
});

test('findFigures: percentages (signed, with decimals), counts, years and placeholders', () => {
  const figs = findFigures('预决算差异率-20.00%，增长 1,826.12%，下降%，接待 5 批次 46 人次，车辆 0 辆，截至 2022 年 12 月 31 日，5-12月。');
  assert.deepEqual(figs.map((f) => [f.kind, f.printed, f.value ?? '']), [
    ['percent', '-20.00%', '-20.00'],
    ['percent', '1,826.12%', '1826.12'],
    ['placeholder', '下降%', ''],
    ['count', '5 批次', '5'],
    ['count', '46 人次', '46'],
    ['count', '0 辆', '0'],
    ['year', '2022 年', '2022'],
  ]);
  assert.equal(figs[0]!.decimals, 2);
});

test('findFigures: a measure word that starts another word is no count; 单位为万元 is no placeholder', () => {
  assert.deepEqual(findFigures('特殊群体医疗费2023项目，5人员调整，金额单位为万元。'), []);
  assert.deepEqual(findFigures('较上年减少万元，完成年初预算的%，执行率%，占比 5%。').map((f) => [f.kind, f.printed]), [
    ['placeholder', '减少万元'],
    ['placeholder', '的%'],
    ['placeholder', '率%'],
    ['percent', '5%'],
  ]);
});

test('describeSentence: budget, value and completion share the subject named first', () => {
  const figs = named(describeSentence('2022年度农林水支出年初预算为 40.00 万元,支出决算为 36.80 万元,完成年初预算的 92.00%,决算数小于预算数的主要原因是项目结余 3.2 万元。', {}));
  assert.deepEqual(figs.map(brief), [
    '40.00 万元 | 农林水支出 | budget',
    '36.80 万元 | 农林水支出 | value',
    '92.00% | 农林水支出 | completion',
    '3.2 万元 | 项目结余 | value',
  ]);
  assert.equal(figs[2]!.cue, '完成年初预算的');
});

test('describeSentence: changes carry their direction; the rate of change its role', () => {
  const figs = named(describeSentence('**公用经费** 12.30 万元,较上年决算数减少 4.5 万元,下降 26.79%,主要原因是压减会议费。', {}));
  assert.deepEqual(figs.map(brief), [
    '12.30 万元 | 公用经费 | value',
    '4.5 万元 | 公用经费 | change | decrease',
    '26.79% | 公用经费 | change-rate | decrease',
  ]);
  const up = named(describeSentence('人员经费比上年决算增加 0.55 万元，增长 96.49%。', {}));
  assert.deepEqual(up.map(brief), ['0.55 万元 | 人员经费 | change | increase', '96.49% | 人员经费 | change-rate | increase']);
});

test('describeSentence: shares after 其中, each item its own subject', () => {
  const figs = named(describeSentence('2022 年度支出合计 800.00 万元，其中：基本支出 300.00 万元，占 37.50%；', {}));
  assert.deepEqual(figs.map(brief), ['800.00 万元 | 支出合计 | value', '300.00 万元 | 基本支出 | value', '37.50% | 基本支出 | share']);
  const list = named(describeSentence('政府采购货物支出 8.00 万元、政府采购工程支出 0.00 万元、政府采购服务支出 2.00 万元。', {}));
  assert.deepEqual(list.map((f) => f.subject), ['政府采购货物支出', '政府采购工程支出', '政府采购服务支出']);
  const whole = named(describeSentence('授予中小企业合同金额 10.00 万元，占政府采购支出总额的 100.00%。', {}));
  assert.equal(whole[1]!.cue, '占政府采购支出总额的');
});

test('describeSentence: a 类/款/项 item named before a colon is the subject of what follows', () => {
  const figs = named(describeSentence('3. 教育支出(类)普通教育(款)小学教育(项):支出决算数为 21.00 万元,比上年决算增加 1.05 万元，增长 5.26%。', {}));
  assert.ok(figs.every((f) => f.subject === '教育支出(类)普通教育(款)小学教育(项)'), figs.map(brief).join('\n'));
  assert.deepEqual(figs.map((f) => f.role), ['value', 'change', 'change-rate']);
});

test('describeSentence: the paragraph subject carries into the next sentence', () => {
  const ctx = {};
  describeSentence('2022 年度一般公共预算财政拨款支出 580.00 万元，占本年支出合计的 96.67%。', ctx);
  const next = named(describeSentence('与年初预算相比，年初预算数 600.00 万元，决算数 580.00 万元，预决算差异率-3.33%，主要原因是厉行节约。', ctx));
  assert.deepEqual(next.map(brief), [
    '600.00 万元 | 一般公共预算财政拨款支出 | budget',
    '580.00 万元 | 一般公共预算财政拨款支出 | value',
    '-3.33% | 一般公共预算财政拨款支出 | other',
  ]);
  assert.equal(next[2]!.value, '-3.33');
  const item = {};
  describeSentence('1、住房保障支出（类）住房改革支出（款）住房公积金（项）。', item);
  const after = named(describeSentence('年初预算数为11.00万元，支出决算数为11.00万元，完成年初预算的100%。', item));
  assert.ok(after.every((f) => f.subject === '住房保障支出（类）住房改革支出（款）住房公积金（项）'));
});

test('describeSentence: placeholders take the role of the word before them', () => {
  const figs = named(describeSentence('因公出国（境）费用全年预算数为 0.00 万元,支出决算为 0.00 万元,较上年决算数减少 0.0 万元,下降%,主要原因是无出国任务。', {}));
  assert.deepEqual(figs.map(brief), [
    '0.00 万元 | 因公出国（境）费用 | budget',
    '0.00 万元 | 因公出国（境）费用 | value',
    '0.0 万元 | 因公出国（境）费用 | change | decrease',
    '下降% | 因公出国（境）费用 | change-rate | decrease',
  ]);
  assert.equal(figs[3]!.kind, 'placeholder');
});

test('describeSentence: counts, scores and execution rates', () => {
  const counts = named(describeSentence('国内公务接待 5 批次 46 人，公务用车保有量为 2 辆。', {}));
  assert.deepEqual(counts.map(brief), ['5 批次 | 国内公务接待 | count', '46 人 | 国内公务接待 | count', '2 辆 | 公务用车保有量 | count']);
  const perf = named(describeSentence('项目绩效自评得分为 95 分，全年预算数为 20 万元，执行数为 18 万元，完成预算的 90%，执行率为 90.00%。', {}));
  assert.deepEqual(perf.map((f) => f.role), ['score', 'budget', 'value', 'execution-rate', 'execution-rate']);
});

test('readCue: the cue nearest the figure decides', () => {
  assert.equal(readCue('比年初预算数减少', 'amount', '万元').role, 'change');
  assert.equal(readCue('上年决算数为', 'amount', '万元').role, 'prior');
  assert.equal(readCue('一般公共预算财政拨款收入年初预算', 'amount', '万元').rest, '一般公共预算财政拨款收入');
  assert.equal(readCue('涉及一般公共预算', 'amount', '万元').role, 'value', '一般公共预算 is no budget cue');
  assert.equal(readCue('占', 'percent', '%').role, 'share');
  assert.equal(readCue('与上年持平为', 'percent', '%').direction, 'flat');
});

test('cleanSubject: dates, reasons, lead-ins, comparisons and trailing words go; the item stays', () => {
  assert.equal(cleanSubject('2023 年度 12月31日本部门*机关运行经费'), '机关运行经费');
  assert.equal(cleanSubject('支出减少的主要原因是会议费'), '会议费');
  assert.equal(cleanSubject('本单位（参照公务员法管理事业单位）公用经费'), '公用经费');
  assert.equal(cleanSubject('1. 其中：基本支出与2022年度相比'), '基本支出');
  assert.equal(cleanSubject('住房保障支出较上年'), '住房保障支出');
  assert.equal(cleanSubject('卫生健康支出（类）支出的为 '), '卫生健康支出（类）');
  assert.equal(cleanSubject('  '), '');
});

test('findFigures: a sentence without digits still finds its placeholders; one without % or 元 none', () => {
  assert.deepEqual(findFigures('较上年增加万元，下降％。').map((f) => [f.kind, f.printed]), [['placeholder', '增加万元'], ['placeholder', '下降％']]);
  assert.deepEqual(findFigures('较上年下降，增长明显。'), []);
  assert.deepEqual(findFigures('１２．５０万元').map((f) => [f.value, f.decimals, f.printed]), [['12.50', 2, '１２．５０万元']]);
});

test('findFigures: an amount whose unit wraps between 万 and 元 keeps its unit', () => {
  const [a] = findFigures('支出 317.8 万\n元，比上年增加');
  assert.equal(a!.kind, 'amount');
  assert.equal(a!.unitText, '万元');
  assert.equal(a!.amount?.unit, '万元');
  assert.equal(a!.printed, '317.8 万\n元');
});

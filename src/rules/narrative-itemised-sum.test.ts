import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule, { numberingOf } from './narrative-itemised-sum.js';
import { disclosure, section } from './utils/fixtures.js';
import type { Section } from '../model/index.js';
import { narrativeDoc, oneSection, runRule } from './utils/narrative-fixtures.js';

const disclosureOf = (s: Section) => disclosure({ year: 2023, unit: '万元', sections: [s] });

const HEAD = '（三）一般公共预算财政拨款支出决算具体情况';
const items = [
  '1、社会保障和就业支出（类）机关事业单位基本养老保险缴费支出（项）。年初预算数为13.06万元，支出决算数为13.06万元，完成年初预算的100%。',
  '2、卫生健康支出（类）行政运行（项）。年初预算数为126.26万元，支出决算数为126.26万元，完成年初预算的100%。',
  '3、住房保障支出（类）住房公积金（项）。年初预算数为11.36万元，支出决算数为11.36万元，完成年初预算的100%。',
];

test('narrative-itemised-sum: must trigger on a 年初预算 total that the items do not add up to', () => {
  const d = oneSection(HEAD, ['本年度一般公共预算财政拨款支出年初预算数为2,060.9万元，支出决算数为150.68万元，完成年初预算数的7.31%。其中：', ...items]);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.evidence, '2,060.9万元');
  assert.equal(findings[0]!.expected, '150.68万元');
  assert.equal(findings[0]!.severity, undefined);
});

test('narrative-itemised-sum: must trigger (warning) when neither total adds up', () => {
  const d = oneSection(HEAD, ['本年度一般公共预算财政拨款支出年初预算数为300.00万元，支出决算数为290.00万元。其中：', ...items]);
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 2);
  assert.ok(findings.every((f) => f.severity === 'warning'));
});

test('narrative-itemised-sum: must not trigger when the items add up within rounding', () => {
  const d = oneSection(HEAD, [
    '本年度一般公共预算财政拨款支出年初预算为 2529.48 万元，支出决算为 2502.70 万元，完成年初预算的 98.94%。其中：',
    '1. 社会保障和就业支出年初预算数为 25.29 万元，支出决算为 26.83 万元。',
    '2. 卫生健康支出年初预算数为 2485.62 万元，支出决算为 2451.63 万元。',
    '3. 住房保障支出年初预算数为 18.57 万元，支出决算为 24.25 万元。',
  ]);
  assert.deepEqual(runRule(rule, d).findings, []);
});

/** The items as the section recognizer may read them: '3. 卫生健康支出（类）…（项）：' as a numbered heading, the figures its paragraph. */
const more = [...items, '4、卫生健康支出（类）公务员医疗补助（项）。年初预算数为2.00万元，支出决算数为2.00万元，完成年初预算的100%。'];
const LEAD = '本年度一般公共预算财政拨款支出年初预算为152.68万元，支出决算为152.68万元，完成年初预算的100.00%。各项具体情况如下：';
const heading = (item: string) => item.replace(/。.*$/, '');
const body = (item: string) => item.replace(/^[^。]*。/, '');
const asSection = (item: string, ...inside: string[]) => section(heading(item), [body(item), ...inside]);

test('narrative-itemised-sum: must not trigger when some items are numbered child sections', () => {
  const all = section(HEAD, [LEAD], { children: more.map((i) => asSection(i)) });
  assert.deepEqual(runRule(rule, disclosureOf(all)).findings, []);
  const some = section(HEAD, [LEAD, more[0]!, more[1]!], { children: [asSection(more[2]!), asSection(more[3]!)] });
  assert.deepEqual(runRule(rule, disclosureOf(some)).findings, []);
  const inside = section(HEAD, [LEAD, more[0]!, more[1]!], { children: [asSection(more[2]!, more[3]!)] });
  assert.deepEqual(runRule(rule, disclosureOf(inside)).findings, []);
});

test('narrative-itemised-sum: must not trigger when the item sections were placed beside the section', () => {
  const d = narrativeDoc([[HEAD, [LEAD, more[0]!, more[1]!]], [heading(more[2]!), [body(more[2]!)]], [heading(more[3]!), [body(more[3]!)]]]);
  assert.deepEqual(runRule(rule, d).findings, []);
});

test('narrative-itemised-sum: must trigger on a wrong total whose items are partly child sections', () => {
  const wrong = LEAD.replace('年初预算为152.68万元', '年初预算为2,060.9万元');
  const d = disclosureOf(section(HEAD, [wrong, more[0]!, more[1]!], { children: [asSection(more[2]!, more[3]!)] }));
  const { findings } = runRule(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.evidence, '2,060.9万元');
  assert.equal(findings[0]!.expected, '152.68万元');
});

test('narrative-itemised-sum: a numbered section that does not continue the numbering is not an item', () => {
  const lead = LEAD.replaceAll('152.68', '139.32');
  const d = narrativeDoc([[HEAD, [lead, more[0]!, more[1]!]], ['1. 其他说明', ['本年度无其他支出1.00万元。']]]);
  assert.deepEqual(runRule(rule, d).findings, []);
});

/** A 三公 explanation whose lead names each item's figure, then details them (figures of a 2017 provincial budget). */
const THREE_PUBLIC = [
  '2017年度一般公共预算拨款安排的“三公”经费预算支出中，因公出国（境）费支出110万元，占“三公”经费的18.85%；公务用车购置及运行费支出317.8万元，占“三公”经费的54.43%；公务接待费支出156.55万元，占“三公”经费的26.72%。具体情况如下：',
  '1．因公出国（境）费预算支出110万元，与上年预算数相等。',
  '2．公务用车购置及运行费预算支出317.8万元。其中：',
  '（1）公务用车购置预算支出50万元，与上年预算数相等。',
  '（2）公务用车运行维护费预算支出267.8万元，与上年预算数一致。',
  '3．公务接待费预算支出156.55万元，本年数小于上年预算数29.65万元。',
];

test('narrative-itemised-sum: must not trigger on a lead that states each item (no single total) nor count 3. as a part of 2.', () => {
  const d = oneSection('十一、一般公共预算“三公”经费、会议费、培训费支出预算表情况说明', THREE_PUBLIC, { });
  assert.deepEqual(runRule(rule, d).findings, []);
});

test('narrative-itemised-sum: must trigger on a wrong 其中 total whose parts are （1）（2） before the next item 3.', () => {
  const wrong = THREE_PUBLIC.map((p) => p.replace('公务用车购置及运行费预算支出317.8万元', '公务用车购置及运行费预算支出327.8万元'));
  const { findings } = runRule(rule, oneSection('十一、“三公”经费预算情况说明', wrong));
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.evidence, '327.8万元');
  assert.equal(findings[0]!.expected, '317.8万元');
});

test('narrative-itemised-sum: numbering levels (一、 （一） 1. （1） ①)', () => {
  assert.deepEqual(numberingOf('十二、政府采购'), { level: 0, n: 12 });
  assert.deepEqual(numberingOf('（三）其他'), { level: 1, n: 3 });
  assert.deepEqual(numberingOf('3．公务接待费'), { level: 2, n: 3 });
  assert.deepEqual(numberingOf('（2）运行维护费'), { level: 3, n: 2 });
  assert.equal(numberingOf('2017年度'), undefined);
  assert.equal(numberingOf('1.5万元'), undefined);
});

test('narrative-itemised-sum: must not take a class heading\'s first sub-item for the class (figures of a 2018 provincial budget)', () => {
  const lead = '江苏省政协办公厅2018年度财政拨款预算支出10,070.48万元，占本年支出合计的99.21%。其中：';
  const d = disclosureOf(section('五、财政拨款支出预算情况说明', [lead], { children: [
    section('（一）一般公共服务支出（类）', ['1.政协事务（款）行政运行（项）4,432.78万元，与上年相比增加1,199.75万元。', '2.政协事务（款）一般行政管理事务（项）1,780.22万元。']),
    section('（二）社会保障和就业支出（类）', ['1.行政事业单位离退休（款）未归口管理的行政单位离退休（项）252.82万元。', '2.机关事业单位基本养老保险缴费支出（项）407.81万元。']),
  ] }));
  d.meta.kind = 'budget';
  assert.deepEqual(runRule(rule, d).findings, []);
});

test('narrative-itemised-sum: must not trigger on items that each restate a 收、支 total (figures of a 2019 provincial budget)', () => {
  const d = oneSection('一、收支预算总表情况说明', [
    '江苏省人大常委会办公厅2019年度收入、支出预算总计18330.37万元，与上年相比收、支预算总计各增加2432.93万元，增长15.3%。其中：',
    '（一）收入预算总计18330.37万元。',
    '（二）支出预算总计18330.37万元。',
  ]);
  d.meta.kind = 'budget';
  assert.deepEqual(runRule(rule, d).findings, []);
});

test('narrative-itemised-sum: must not trigger on one group of a grouped list whose group headings were lost (numbering restarts at 1)', () => {
  const lead = '江苏省政协办公厅2018年度财政拨款预算支出10,070.48万元，占本年支出合计的99.21%。其中：';
  const d = disclosureOf(section('三、支出预算情况说明', [
    lead,
    '1.政协事务（款）行政运行（项）4,432.78万元，与上年相比增加1,199.75万元。',
    '2.政协事务（款）一般行政管理事务（项）1,780.22万元。',
  ], { children: [section('1. 行政事业单位离退休（款）未归口管理的行政单位离退休', ['（项）252.82万元，与上年相比减少1,256.90万元。'])] }));
  assert.deepEqual(runRule(rule, d).findings, []);
  const flat = oneSection('三、支出预算情况说明', [lead, '1.行政运行（项）4,432.78万元。', '2.一般行政管理事务（项）1,780.22万元。', '1.未归口管理的行政单位离退休（项）252.82万元。']);
  assert.deepEqual(runRule(rule, flat).findings, []);
});

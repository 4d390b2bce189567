import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Disclosure } from '../model/index.js';
import { readTextString } from '../ingest/text/read-text.js';
import { recognizeSections } from '../ingest/recognize/sections.js';
import { recognizeMeta } from '../ingest/recognize/meta.js';
import { factsFromText, statedAmounts } from './from-text.js';

function disclosureOf(text: string): Disclosure {
  const raw = readTextString(text);
  const sections = recognizeSections(raw, new Set());
  const meta = recognizeMeta(raw, { tables: [], sections, performance: [] });
  return { meta, source: { format: 'text' }, toc: [], tables: [], sections, performance: [], lines: [], ordinals: [], notFound: [], warnings: [] };
}

const REPORT = [
  '某某县林业局2022年度部门决算公开说明',
  '第二部分 部门决算情况说明',
  '一、收入支出决算总体情况说明',
  '2022 年度收入总计 520.40 万元，其中：本年收入合计 500.40 万元，使用非财政拨款结余 0.00 万元，年初结转和结余 20.00 万元。',
  '2022 年度支出总计 520.40 万元，其中：本年支出合计 510.40 万元，结余分配 0.00 万元，年末结转和结余 10.00 万元。',
  '二、收入决算情况说明',
  '本年收入 500.40 万元，其中：财政拨款收入 480.00 万元，占 95.92%；其他收入 20.40 万元，占 4.08%。',
  '三、支出决算情况说明',
  '本年支出 510.40 万元，其中：基本支出 210.40 万元，占 41.22%；项目支出 300.00 万元，占 58.78%。',
  '五、一般公共预算财政拨款支出决算情况说明',
  '（一）一般公共预算财政拨款支出决算总体情况',
  '2022 年度一般公共预算财政拨款支出 490.00 万元。与年初预算相比，年初预算数 500.00 万元，决算数 490.00 万元，预决算差异率-2.00%。',
  '（二）一般公共预算财政拨款支出决算结构情况',
  '1. 农林水支出(类)450.00 万元,占 91.84%。',
  '2. 住房保障支出(类)40.00 万元,占 8.16%。',
  '六、一般公共预算财政拨款基本支出决算情况说明',
  '2022 年度一般公共预算财政拨款基本支出 210.40 万元，其中：人员经费 190.00 万元，公用经费 20.40 万元。',
  '七、财政拨款“三公”经费支出决算情况说明',
  '2022 年度财政拨款“三公”经费支出 1.20 万元，其中：因公出国（境）费支出 0.00 万元；公务用车购置及运行维护费支出 0.80 万元，其中：公务用车购置费 0.00 万元，公务用车运行维护费 0.80 万元；公务接待费支出 0.40 万元。',
  '“三公”经费全年预算数 1.50 万元，其中：公务接待费全年预算数 0.50 万元。2021 年“三公”经费预算 2.00 万元。',
  '十、机关运行经费支出情况',
  '2022 年度本部门机关运行经费支出 20.40 万元，比上年减少 1.00 万元，下降 4.67%。',
  '十一、政府采购支出情况',
  '2022 年度政府采购支出总额 35.00 万元，其中：政府采购货物支出 5.00 万元、政府采购服务支出 30.00 万元。',
].join('\n');

test('factsFromText: the amounts a 决算说明 states, in 元 with two decimals', () => {
  const facts = factsFromText(disclosureOf(REPORT));
  assert.deepEqual(facts.amounts, {
    incomeTotal: '5004000.00',
    expenditureTotal: '5104000.00',
    grandTotal: '5204000.00',
    carryoverBegin: '200000.00',
    carryoverEnd: '100000.00',
    fiscalIncome: '4800000.00',
    otherIncome: '204000.00',
    basicExpenditure: '2104000.00',
    projectExpenditure: '3000000.00',
    generalBudgetExpenditure: '4900000.00',
    generalBudgetInitialBudget: '5000000.00',
    personnelExpense: '1900000.00',
    publicExpense: '204000.00',
    operatingExpense: '204000.00',
    procurementTotal: '350000.00',
  });
  assert.deepEqual(facts.expenditureByFunction, { '213': '4500000.00', '221': '400000.00' });
  assert.deepEqual(facts.threePublic, {
    budget: { total: '15000.00', reception: '5000.00' },
    actual: { total: '12000.00', abroad: '0.00', vehicle: '8000.00', vehiclePurchase: '0.00', vehicleOperation: '8000.00', reception: '4000.00' },
  });
});

test('factsFromText: never invents — no key for what the text does not state, no prior-year figure', () => {
  const facts = factsFromText(disclosureOf(['某局2022年度部门整体支出绩效自评报告', '一、基本情况', '2021 年本年收入合计 9.00 万元。2022 年基本支出年初预算 5.00 万元。'].join('\n')));
  assert.deepEqual(facts, {});
});

test('factsFromText: a 绩效自评报告 that states income and expenditure in its own words', () => {
  const text = [
    '某某县司法局2023年部门整体支出',
    '绩效自评报告',
    '二、一般公共预算支出情况',
    '1.部门预算收支情况',
    '2023年，本部门年初预算收入120.00万元，其中：一般公共预算财政拨款收入年初预算120.00万元；其他收入2.5万元，2023年当年收入150.00万元。',
    '2.部门决算情况',
    '本年度基本支出150.00万元，其中人员经费100.00万元，日常公用经费50.00万元。具体情况为：2023年，本部门实际支出150.00万元。',
    '（四）“三公”经费使用和管理情况',
    '“三公”经费年初预算0.60万元，实际支出0.50万元（其中：公务接待费支出0.50万元）。',
  ].join('\n');
  const facts = factsFromText(disclosureOf(text));
  assert.deepEqual(facts.amounts, {
    incomeTotal: '1500000.00',
    expenditureTotal: '1500000.00',
    otherIncome: '25000.00',
    basicExpenditure: '1500000.00',
    generalBudgetInitialBudget: '1200000.00',
    personnelExpense: '1000000.00',
    publicExpense: '500000.00',
  });
  assert.deepEqual(facts.threePublic, { budget: { total: '6000.00' }, actual: { total: '5000.00', reception: '5000.00' } });
});

test('statedAmounts: every amount with its subject, role and section topics, in document order', () => {
  const stated = statedAmounts(disclosureOf(REPORT).sections, 2022);
  assert.equal(stated[0]!.subject, '收入总计');
  const share = stated.find((s) => s.subject === '农林水支出(类)')!;
  assert.deepEqual([share.role, share.topics], ['value', ['explanations', 'general-budget-expenditure']]);
  assert.ok(!stated.some((s) => s.figure.printed === '2.00 万元'), 'a 2021 figure is not a 2022 statement');
});

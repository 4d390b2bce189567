import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PerformanceEvaluation } from '../../model/index.js';
import { readTextString } from '../text/read-text.js';
import { recognizePerformance } from './performance.js';
import { rawFromText } from './performance-raw.js';
import {
  HUNAN, LAYOUT, SHANDONG, TRANSFER_AND_SUMMARY, TWO_UNDER_ONE_TITLE, UNTITLED_AND_WRAPPED, XINJIANG, YUNNAN,
} from './performance-fixtures.test-data.js';

function read(text: string, via: 'raw' | 'readText' = 'raw'): PerformanceEvaluation[] {
  const raw = via === 'raw' ? rawFromText(text) : readTextString(text);
  return recognizePerformance(raw, new Set()).evaluations;
}

const texts = (ev: PerformanceEvaluation, key: 'weight' | 'score' | 'target' | 'actual'): string[] =>
  ev.indicators.map((i) => i[key]?.text ?? '');

test('recognizePerformance: 云南 form — funding, two-line header, subtotal, total heads and grade bands', () => {
  const [ev] = read(YUNNAN);
  assert.ok(ev);
  assert.equal(ev.kind, 'project');
  assert.equal(ev.project, '乡村医生补助资金');
  assert.equal(ev.ordinal, '公开12表');
  assert.equal(ev.year, 2022);
  assert.equal(ev.unit, '万元');
  assert.equal(ev.unitSource, 'printed');
  assert.equal(ev.department, '某县卫生健康局');
  const total = ev.funding[0]!;
  assert.equal(total.key, 'total');
  assert.deepEqual([total.initialBudget?.text, total.annualBudget?.text, total.executed?.text, total.weight?.text, total.rate?.text, total.score?.text],
    ['120.00', '150.00', '135.00', '10', '90.00', '9.00']);
  assert.equal(total.annualBudget?.value.kind, 'amount');
  assert.deepEqual(ev.funding.map((f) => f.key), ['total', 'fiscal', 'carryover', 'other']);
  assert.equal(ev.goals?.expected, '保障村医待遇稳定');
  assert.equal(ev.indicators.length, 4);
  const unitRow = ev.indicators[2]!;
  assert.deepEqual([unitRow.level1, unitRow.level2, unitRow.nature, unitRow.unitText], ['效益指标', '社会效益指标', '>=', '件']);
  assert.deepEqual(texts(ev, 'score'), ['30.00', '30.00', '18.00', '10.00']);
  assert.deepEqual([ev.indicatorTotal?.weight?.text, ev.indicatorTotal?.score?.text], ['90.00', '88.00']);
  assert.deepEqual([ev.totalWeight?.text, ev.totalScore?.text, ev.grade?.text], ['100.00', '97.00', '优']);
  assert.deepEqual(ev.remarks[0], '部分资金年底拨付');
  assert.deepEqual(ev.gradeBands?.map((b) => [b.grade, b.min]), [['优', 90], ['良', 80], ['中', 60], ['差', 0]]);
  assert.ok(ev.endLine < YUNNAN.split('\n').length, 'the following heading is not part of the table');
});

test('recognizePerformance: 山东 form — points in names, floating block labels, shifted rows, 单位：万', () => {
  const [ev] = read(SHANDONG);
  assert.ok(ev);
  assert.equal(ev.unit, '万元');
  assert.equal(ev.year, 2023);
  assert.equal(ev.implementer, '某市卫生健康局');
  assert.deepEqual(ev.indicators.map((i) => i.level1), ['成本指标', '产出指标', '产出指标', '产出指标', '效益指标', '效益指标', '满意度指标']);
  assert.deepEqual(ev.indicators.map((i) => i.declaredWeight), [20, 15, 15, 10, 10, 10, 10]);
  assert.deepEqual(texts(ev, 'target'), ['≤120元/人', '≥5000人', '≥95%', '=100%', '明显提高', '持续完善', '≥90%']);
  assert.deepEqual(texts(ev, 'score'), ['20', '15', '15', '10', '10', '10', '10']);
  assert.deepEqual(ev.indicators.map((i) => i.completion?.text), ['100%', '100%', '100%', '100%', '100%', '100%', '100%']);
  assert.deepEqual(ev.blocks?.map((b) => [b.level1, b.declaredWeight]), [['成本指标', 20], ['产出指标', 40], ['效益指标', 20], ['满意度指标', 10]]);
  assert.equal(ev.indicators[1]!.level1Inferred, true);
  assert.equal(ev.totalScore?.text, '97.5');
  assert.equal(ev.funding.find((f) => f.key === 'other')?.label, '其他资金');
});

test('recognizePerformance: 新疆 form — scores with 分, values with =, rows shifted left across blank lines', () => {
  for (const via of ['raw', 'readText'] as const) {
    const [ev] = read(XINJIANG, via);
    assert.ok(ev, via);
    assert.equal(ev.unit, '万元');
    assert.equal(ev.funding[0]!.score?.text, '8.00 分');
    assert.deepEqual(ev.funding[0]!.score?.value, { kind: 'number', value: '8.00', percent: false });
    assert.deepEqual(ev.indicators.map((i) => i.level3), ['监测药店数量', '监测覆盖率', '数据准确率', '价格透明度']);
    assert.deepEqual(texts(ev, 'actual'), ['=32 家', '=102.5%', '=99%', '完全达到预期']);
    assert.deepEqual(texts(ev, 'weight'), ['20', '20', '20', '30']);
    assert.deepEqual([ev.totalWeight?.text, ev.totalScore?.text], ['100', '89.00 分']);
    assert.ok(!ev.indicators.some((i) => /其他需说明/.test(i.level3)), via);
  }
});

test('recognizePerformance: 湖南 department form — one cell per line, block points, grade and 填报时间', () => {
  for (const via of ['raw', 'readText'] as const) {
    const [ev] = read(HUNAN, via);
    assert.ok(ev, via);
    assert.equal(ev.kind, 'department');
    assert.equal(ev.project, '部门整体支出');
    assert.equal(ev.department, '某县疾控中心');
    assert.equal(ev.ordinal, '附件1-2');
    assert.equal(ev.year, 2022);
    assert.deepEqual([ev.filledDate?.text, ev.filledDate?.year, ev.filledDate?.month, ev.filledDate?.day], ['2022.11.30', 2022, 11, 30]);
    const total = ev.funding[0]!;
    assert.deepEqual([total.initialBudget?.text, total.annualBudget?.text, total.executed?.text, total.rate?.text, total.weight?.text, total.score?.text],
      ['300.00', '320.00', '320.00', '100%', '10', '10']);
    assert.equal(ev.funding.length, 1, 'the 按收入性质分 breakdown is not a funding row');
    assert.ok(ev.extraRows?.some((r) => r.label === '其中：一般公共预算'));
    assert.equal(ev.goals?.actual, '已完成');
    assert.deepEqual(ev.indicators.map((i) => i.level3), ['接种人次', '报告及时率', '传染病发病率', '长效机制', '群众满意度']);
    assert.deepEqual(ev.blocks?.map((b) => [b.text, b.weight?.text, b.score?.text]),
      [['产出指标（50分）', '50', '50'], ['效益指标（30分）', '30', '30'], ['满意度指标（10分）', undefined, undefined]]);
    assert.equal(ev.indicators[0]!.weight, undefined, 'block points moved to the block');
    assert.equal(ev.indicators[4]!.score?.text, '10');
    assert.deepEqual([ev.grade?.text, ev.totalWeight?.text, ev.totalScore?.text], ['优秀', '100', '100']);
    assert.deepEqual(ev.gradeBands?.map((b) => b.grade), ['优秀', '良好', '一般', '差']);
  }
});

test('recognizePerformance: summary rows, a transfer table with the unit assumed, and a mere mention', () => {
  const evs = read(TRANSFER_AND_SUMMARY);
  assert.deepEqual(evs.map((e) => e.kind), ['summary', 'summary', 'project']);
  const [a, b, tr] = evs;
  assert.deepEqual([a!.project, a!.totalScore?.text, a!.grade?.text], ['疫苗冷链运转经费', '95.5', '优']);
  assert.equal(b!.summaryTitle, '2022 年度预算项目绩效自评情况汇总表');
  assert.equal(tr!.transfer, true);
  assert.equal(tr!.unitSource, 'assumed');
  assert.equal(tr!.unit, '万元');
  assert.deepEqual([tr!.funding[0]!.annualBudget?.text, tr!.funding[0]!.executed?.text, tr!.funding[0]!.rate?.text], ['30.00', '27.00', '90%']);
  assert.deepEqual(tr!.funding.map((f) => f.key), ['total', 'central']);
  assert.deepEqual(tr!.indicators.map((i) => [i.level1, i.level2, i.target?.text, i.actual?.text]),
    [['产出指标', '数量指标', '≥800人', '850人'], ['产出指标', '成本指标', '≤50元', '48元']]);
  assert.ok(tr!.extraRows?.some((r) => r.label === '分配科学性'));
});

test('recognizePerformance: lines already consumed by the nine tables and documents without tables', () => {
  const raw = rawFromText(YUNNAN);
  const all = new Set(raw.lines.map((l) => l.line));
  assert.deepEqual(recognizePerformance(raw, all).evaluations, []);
  assert.deepEqual(read('第四部分 预算绩效情况说明\n项目绩效自评得分为 100 分。\n'), []);
  assert.deepEqual(read(''), []);
  const { consumed } = recognizePerformance(raw, new Set([999]));
  assert.ok(consumed.has(999) && consumed.has(1) && consumed.has(20));
});

test('recognizePerformance: never throws on shuffled or truncated table text', async () => {
  const fc = (await import('fast-check')).default;
  const pool = [YUNNAN, SHANDONG, XINJIANG, HUNAN, TRANSFER_AND_SUMMARY].flatMap((s) => s.split('\n'));
  const vocab = ['项目支出绩效自评表', '总分', '一级指标', '三级指标', '年度资金总额', '全年预算数', '全年执行数', '≥', '=1 个', '%', '', '（10分）', '产出指标', '\t'];
  const line = fc.oneof(fc.constantFrom(...pool), fc.array(fc.constantFrom(...vocab), { maxLength: 8 }).map((a) => a.join('\t')));
  fc.assert(fc.property(fc.array(line, { maxLength: 60 }), (lines) => {
    const raw = rawFromText(['项目支出绩效自评表', ...lines].join('\n'));
    const { evaluations } = recognizePerformance(raw, new Set());
    const known = new Set(raw.lines.map((l) => l.line));
    for (const ev of evaluations) for (const r of [...ev.funding, ...ev.indicators]) assert.ok(known.has(r.prov.line));
  }), { numRuns: 300 });
});

test('recognizePerformance: layout text — cells placed by position, unprinted blanks stay blank', () => {
  const [ev] = read(LAYOUT, 'readText');
  assert.ok(ev);
  const f = ev.funding[0]!;
  assert.deepEqual([f.initialBudget?.text, f.annualBudget?.text, f.executed, f.weight?.text, f.score], ['10.00', '10.00', undefined, '10', undefined]);
  assert.deepEqual(ev.indicators.map((i) => [i.level3, i.actual?.text, i.weight?.text, i.score?.text]),
    [['宣传次数', '4次', '50', '50'], ['宣传覆盖率', '85%', '30', '28.33'], ['群众满意度', undefined, '10', '0']]);
  assert.equal(ev.indicators[1]!.level1, '产出指标');
  assert.deepEqual([ev.totalWeight?.text, ev.totalScore?.text], ['100', '78.33']);
});

test('recognizePerformance: several projects under one title row (with its ordinal beside it)', () => {
  const evs = read(TWO_UNDER_ONE_TITLE);
  assert.deepEqual(evs.map((e) => e.project), ['甲项目', '乙项目']);
  assert.equal(evs[0]!.ordinal, '附表3');
  assert.deepEqual(evs.map((e) => e.funding[0]!.annualBudget?.text), ['10.00', '20.00']);
  assert.deepEqual(evs.map((e) => e.indicators.map((i) => i.level3)), [['培训人次'], ['群众知晓率']]);
  assert.equal(evs[1]!.prov.line, 7);
  assert.ok(evs[0]!.endLine < evs[1]!.prov.line);
});

test('recognizePerformance: a workbook sheet (cells placed by sheet column, merged header cells)', async () => {
  const ExcelJS = (await import('exceljs')).default;
  const { readRaw } = await import('../index.js');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('自评表');
  YUNNAN.split('\n').forEach((l, i) => l.split('\t').forEach((c, j) => { if (c) ws.getRow(i + 1).getCell(j + 1).value = c.replace(/^#+\s*/, ''); }));
  ws.mergeCells('D16:F16');
  const raw = await readRaw(new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer), 'perf.xlsx');
  const [ev] = recognizePerformance(raw, new Set()).evaluations;
  assert.ok(ev);
  assert.equal(ev.project, '乡村医生补助资金');
  assert.deepEqual(ev.indicators.map((i) => [i.level3, i.actual?.text, i.weight?.text, i.score?.text])[0], ['补助村医人数', '312', '30.00', '30.00']);
  assert.deepEqual([ev.indicatorTotal?.weight?.text, ev.indicatorTotal?.score?.text], ['90.00', '88.00']);
  assert.equal(ev.indicators[0]!.score?.prov.sheet, '自评表');
  assert.deepEqual([ev.totalScore?.text, ev.grade?.text], ['97.00', '优']);
});

test('recognizePerformance: an untitled table and a title wrapped over two lines', () => {
  const evs = read(UNTITLED_AND_WRAPPED);
  assert.deepEqual(evs.map((e) => [e.project, e.title, e.year]), [['丙项目', '', undefined], ['丁项目', '2022年度项目支出绩效自评表', 2022]]);
  assert.equal(evs[0]!.prov.line, 2);
  assert.deepEqual(evs.map((e) => e.funding[0]!.executed?.text), ['5.00', '6.00']);
  assert.equal(evs[0]!.indicators[0]!.actual?.text, '1200份');
});

test('recognizePerformance: a 合计 row closing the indicators is the total, a 小计 row is no indicator', () => {
  const text = [
    '项目支出绩效自评表',
    ['项目名称', '戊项目'].join('\t'),
    ['项目资金（万元）', '全年预算数', '全年执行数', '分值', '执行率', '得分'].join('\t'),
    ['年度资金总额', '10.00', '10.00', '10', '100%', '10'].join('\t'),
    ['一级指标', '二级指标', '三级指标', '指标值', '实际完成值', '分值', '得分'].join('\t'),
    ['产出指标', '数量指标', '场次', '≥2场', '3场', '90', '90'].join('\t'),
    ['', '', '小计', '', '', '90', '90'].join('\t'),
    ['合计', '', '', '', '', '100', '100'].join('\t'),
  ].join('\n');
  const [ev] = read(text);
  assert.deepEqual(ev!.indicators.map((i) => i.level3), ['场次']);
  assert.deepEqual([ev!.totalWeight?.text, ev!.totalScore?.text], ['100', '100']);
});

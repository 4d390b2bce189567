import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readText, readTextString } from './read-text.js';
import { InputError } from '../raw.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function utf16(s: string, bigEndian: boolean): Uint8Array {
  const out = [bigEndian ? 0xfe : 0xff, bigEndian ? 0xff : 0xfe];
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (bigEndian) out.push(u >> 8, u & 0xff);
    else out.push(u & 0xff, u >> 8);
  }
  return new Uint8Array(out);
}

/** GBK bytes of '收入决算表\n金额单位：万元\n项目\t本年收入合计\n合计\t1,234.50\n' (made with Python's gbk codec). */
const GBK_SAMPLE = new Uint8Array([
  202, 213, 200, 235, 190, 246, 203, 227, 177, 237, 10, 189, 240, 182, 238, 181, 165, 206, 187, 163, 186, 205, 242, 212,
  170, 10, 207, 238, 196, 191, 9, 177, 190, 196, 234, 202, 213, 200, 235, 186, 207, 188, 198, 10, 186, 207, 188, 198, 9,
  49, 44, 50, 51, 52, 46, 53, 48, 10,
]);

test('readText decodes UTF-8 with and without BOM', () => {
  const plain = readText(utf8('收入决算表\n合计\t1.00'));
  const bom = readText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('收入决算表\n合计\t1.00')]));
  assert.equal(plain.lines[0]!.text, '收入决算表');
  assert.deepEqual(bom.lines, plain.lines);
  assert.equal(plain.format, 'text');
});

test('readText decodes UTF-16 LE and BE with BOM', () => {
  for (const be of [false, true]) {
    const d = readText(utf16('项目\t合计\n行政运行\t12.50', be));
    assert.deepEqual(d.lines[1]!.cells, ['行政运行', '12.50']);
  }
});

test('readText decodes UTF-16 LE without BOM', () => {
  const d = readText(utf16('收入决算表\n项目\t行次\t金额\nTotal\t合计\t12.50\n本年收入合计\t27\t2,502.70', false).subarray(2));
  assert.deepEqual(d.lines[2]!.cells, ['Total', '合计', '12.50']);
});

test('readText decodes GBK bytes that are not valid UTF-8', () => {
  const d = readText(GBK_SAMPLE, 'gbk.txt');
  assert.equal(d.name, 'gbk.txt');
  assert.equal(d.lines[0]!.text, '收入决算表');
  assert.equal(d.lines[1]!.text, '金额单位：万元');
  assert.deepEqual(d.lines[3]!.cells, ['合计', '1,234.50']);
});

test('readText rejects empty, whitespace-only and binary input with InputError', () => {
  const cases: [Uint8Array, RegExp][] = [
    [new Uint8Array(), /empty/],
    [utf8(' \n\t\n  '), /no text/],
    [new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0xff]), /binary/],
    [utf8('ab\u0001\u0002\u0003\u0004cd\u0005\u0006\u0007\u0008'), /binary/],
  ];
  for (const [bytes, re] of cases) {
    assert.throws(() => readText(bytes, 'x.txt'), (e: unknown) => e instanceof InputError && re.test(e.message) && !!e.hint);
  }
});

test('readText splits tab-separated lines into cells, keeping empty cells and file line numbers', () => {
  const d = readTextString('\n\n一、收入支出决算总表\n\n收入\t\t\t支出\n本年收入合计\t27\t2,502.70\t本年支出合计\t58\t\n');
  assert.deepEqual(d.lines.map((l) => l.line), [3, 5, 6]);
  assert.deepEqual(d.lines[2]!.cells, ['本年收入合计', '27', '2,502.70', '本年支出合计', '58', '']);
  assert.equal(d.lines[2]!.tabular, true);
  assert.equal(d.lines[0]!.tabular, false);
  assert.equal(d.lines[0]!.page, undefined);
});

test('readText removes markdown noise and normalises odd spaces', () => {
  const d = readTextString('## 收入决算表\n- 一、收入支出决算总表\n**乌鲁木齐市**医疗保障局\n<b>总计</b>\t<b>31</b>\n[bookmark: b1]（一）机构设置情况\n项目\u00a0名称\u3000\n');
  assert.equal(d.lines[0]!.headingLevel, 2);
  assert.equal(d.lines[0]!.text, '收入决算表');
  assert.equal(d.lines[1]!.text, '一、收入支出决算总表');
  assert.equal(d.lines[2]!.text, '乌鲁木齐市医疗保障局');
  assert.deepEqual(d.lines[3]!.cells, ['总计', '31']);
  assert.equal(d.lines[4]!.text, '（一）机构设置情况');
  assert.equal(d.lines[5]!.text, '项目 名称');
});

test('readText folds the one-cell-per-line form into rows numbered by their first line', () => {
  const text = [
    '附件1-1 基础数据表', // 1
    '\t经费控制情况', // 2
    '\t2022年决算数', // 3
    '\t2023年决算数', // 4
    '', // 5
    '\t一、部门基本支出', // 6
    '\t610.11', // 7
    '\t', // 8
    '', // 9
    '\t产出', // 10
    '指标', // 11 (continues the cell above)
    '\t数量指标', // 12
    '', // 13
    '说明：以上为示例。', // 14
  ].join('\n');
  const d = readTextString(text);
  assert.deepEqual(d.lines.map((l) => l.line), [1, 2, 6, 10, 14]);
  assert.deepEqual(d.lines[1]!.cells, ['经费控制情况', '2022年决算数', '2023年决算数']);
  assert.deepEqual(d.lines[2]!.cells, ['一、部门基本支出', '610.11', '']);
  assert.deepEqual(d.lines[3]!.cells, ['产出指标', '数量指标']);
  assert.equal(d.lines[1]!.tabular, true);
  assert.equal(d.lines[4]!.tabular, false);
});

test('readText does not fold ordinary tab rows that begin with an empty cell', () => {
  const d = readTextString('项目\t行次\t金额\n\t9\t\n\t10\t\n');
  assert.deepEqual(d.lines.map((l) => l.cells.length), [3, 3, 3]);
});

test('readText splits pdftotext -layout text on runs of spaces, with character positions', () => {
  const rows = [
    '                     支出决算表',
    '科目编码   科目名称            本年支出合计      基本支出      项目支出',
    '           合计                     279.24        248.22         31.02',
    '2101501    行政运行                 279.24        248.22         31.02',
    '2101505    医疗保障政策管理          20.00                       20.00',
    '2101599    其他医疗保障管理事务支出  48.94                       48.94',
  ];
  const d = readTextString(rows.join('\n'));
  const l = d.lines[3]!;
  assert.deepEqual(l.cells, ['2101501', '行政运行', '279.24', '248.22', '31.02']);
  assert.equal(l.tabular, true);
  assert.deepEqual(l.cellX![0], { x0: 0, x1: 7 });
  assert.equal(l.cellX![4]!.x1, rows[3]!.length);
  assert.equal(d.lines[0]!.tabular, false);
});

test('readText numbers pages at form feeds', () => {
  const d = readTextString('第一页\n续\n\f第二页\n末行\n\f');
  assert.deepEqual(d.lines.map((l) => [l.line, l.page]), [[1, 1], [2, 1], [3, 2], [4, 2]]);
  assert.equal(d.pages, 2);
});

test('readText reads a 50 KB document whole', () => {
  const row = '2101501\t行政运行\t2,407,385.81\t2,407,385.81\t\t\t\t\n';
  const text = '收入决算表\n'.concat(row.repeat(Math.ceil(50_000 / utf8(row).length)));
  // Speed is measured by `npm run bench`, never asserted here: this checks that a large input reads whole.
  const d = readTextString(text);
  assert.ok(d.lines.length > 500);
});

test('readText splits markdown pipe tables and drops their rule lines', () => {
  const d = readTextString('| 项目 | 行次 | 金额 |\n|---|:---:|---:|\n| 本年收入合计 | 27 | **2,502.70** |\n');
  assert.deepEqual(d.lines.map((l) => [l.line, l.cells]), [[1, ['项目', '行次', '金额']], [3, ['本年收入合计', '27', '2,502.70']]]);
  assert.equal(d.lines[1]!.tabular, true);
});

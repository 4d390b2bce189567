import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldCellLines } from './cell-lines.js';
import type { PageRows } from './furniture.js';
import type { PdfRow } from './table-rows.js';

const MARGIN = 56.8;
const STOP = 92.3;
const LOW = 11.6;
const HIGH = 14.5;

/**
 * A text file printed one cell per line: each '\t' line a cell at the first stop, an untabbed line
 * wrapped text at the margin, '' the row separator, '\t' an empty cell (both only vertical space).
 */
function printed(lines: string[]): PageRows[] {
  // running text above, at the margin
  const rows: PdfRow[] = [0, 1, 2, 3].map((k) => ({ y: 40 + k * HIGH, cells: ['部门整体支出绩效自评表，按项目逐行填列，另附说明文字供核对，直至右边距为止的长行'], cellX: [{ x0: MARGIN, x1: 538 }], tabular: false, size: 10 }));
  let y = 40 + 4 * HIGH;
  for (const l of lines) {
    const text = l.replace(/^\t/, '');
    const high = /[\u3000-\u9fff]/.test(text);
    y += high ? HIGH : LOW;
    if (text.trim() !== '') {
      const x0 = l.startsWith('\t') ? STOP : MARGIN;
      rows.push({ y, cells: [text], cellX: [{ x0, x1: x0 + 10 * text.length }], tabular: false, size: 10 });
    }
  }
  return [{ page: 1, height: 842, rows }];
}

const FORM = [
  '\t部门资金（万元）', '\t', '\t年初预算数', '\t全年预算数', '\t全年执行数', '\t执行率', '\t分值', '\t得分', '',
  '\t', '\t年度资金总额', '\t231.11', '\t610.11', '\t610.11', '\t100%', '\t10', '\t10', '',
  '\t', '\t其中：一般公共预算', '\t605.2', '\t基本支出', '\t610.11', '',
  '\t', '\t政府性基金拨款', '\t', '\t其中：人员经费', '\t230.92', '',
  '\t', '\t其他资金', '\t4.9', '\t项目支出', '\t', '',
  '\t年度总体目标', '\t年初预期目标', '\t全年实际完成情况', '',
];

test('a form printed one cell per line is folded back into its rows, empty cells kept', () => {
  const pages = printed(FORM);
  foldCellLines(pages);
  const rows = pages[0]!.rows.slice(4).map((r) => r.cells);
  assert.deepEqual(rows, [
    ['部门资金（万元）', '', '年初预算数', '全年预算数', '全年执行数', '执行率', '分值', '得分'],
    ['', '年度资金总额', '231.11', '610.11', '610.11', '100%', '10', '10'],
    ['', '其中：一般公共预算', '605.2', '基本支出', '610.11'],
    ['', '政府性基金拨款', '', '其中：人员经费', '230.92'],
    ['', '其他资金', '4.9', '项目支出', ''],
    ['年度总体目标', '年初预期目标', '全年实际完成情况'],
  ]);
});

test('indented paragraphs are not taken for a form printed one cell per line', () => {
  const text = ['\t（四）绩效目标设定情况', '在本年度收支预算内，确保完成以下整体目标：', '', '\t1、抓征缴，巩固提高参保率。', '\t2、深化改革。', '', '\t3、加强监管。', '\t4、抓保障。', '\t5、其他。', '\t6、其他。', '\t7、其他。'];
  const pages = printed(text);
  const before = pages[0]!.rows.map((r) => r.cells);
  foldCellLines(pages);
  assert.deepEqual(pages[0]!.rows.map((r) => r.cells), before);
});

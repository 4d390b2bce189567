import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readTextString } from '../text/read-text.js';
import { recognizeTables } from './tables.js';

const WORDS = [
  '收入支出决算总表', '支出决算表', '财政拨款“三公”经费支出决算表', '一般公共预算财政拨款基本支出决算表', '合计', '合 计', '总计',
  '项目', '行次', '栏次', '金额单位：万元', '单位：元', '注：本表无数据。', '2101501', '210', '15', '01', '301', '行政运行',
  '人员经费合计', '公用经费合计', '预算数', '决算数', '1', '2', '0.00', '1,234.56', '-', '—', '', '', '一、一般公共预算财政拨款收入',
  '本年收入合计', '年初结转和结余', '（一）支出合计', '3. 公务接待费', '目录', '公开01表', '续表', '- 3 -',
];

test('recognizeTables never throws and keeps its invariants on arbitrary grids of table words', () => {
  const line = fc
    .tuple(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 10 }), fc.constantFrom('\t', '   ', ' '))
    .map(([cells, sep]) => cells.join(sep));
  fc.assert(
    fc.property(fc.array(line, { minLength: 1, maxLength: 60 }), (lines) => {
      const text = lines.join('\n');
      if (text.trim() === '') return;
      const raw = readTextString(text);
      const r = recognizeTables(raw);
      const numbers = new Set(raw.lines.map((l) => l.line));
      for (const n of r.consumed) assert.ok(numbers.has(n));
      for (const t of r.tables) {
        assert.ok(t.endLine >= t.prov.line);
        for (const row of t.rows) for (const c of Object.values(row.cells)) assert.ok(numbers.has(c.prov.line));
      }
    }),
    { numRuns: 400 },
  );
});

test('recognizeTables never throws on arbitrary text after a table title', () => {
  const cell = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...WORDS));
  const row = fc.array(cell, { minLength: 1, maxLength: 8 }).map((cells) => cells.join('\t'));
  fc.assert(
    fc.property(fc.constantFrom(...WORDS.slice(0, 4)), fc.array(row, { minLength: 1, maxLength: 30 }), (title, rows) => {
      const text = [title, ...rows].join('\n');
      if (text.includes('\u0000')) return;
      try {
        recognizeTables(readTextString(text));
      } catch (e) {
        if ((e as Error).name !== 'InputError') throw e;
      }
    }),
    { numRuns: 400 },
  );
});

test('regressions found by the properties: inherited property names as labels, a grid with no label column', () => {
  assert.doesNotThrow(() => recognizeTables(readTextString('收入支出决算总表\nvalueOf\t\n收入支出决算总表')));
  assert.doesNotThrow(() => recognizeTables(readTextString('收入支出决算总表\nconstructor\t1\t2.00\ttoString\t3\t4.00')));
  const lines = ['公开01表   支出决算表   单位：元', '收入支出决算总表   收入支出决算总表   收入支出决算总表', '1,234.56\t收入支出决算总表'];
  assert.doesNotThrow(() => recognizeTables(readTextString(lines.join('\n'))));
});

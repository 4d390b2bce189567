import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isTotalLabel } from './table-header.js';
import { readTextString } from '../text/read-text.js';
import { recognizeTables } from './tables.js';

test('total labels: 合计 and its forms, 收入总计 / 支出合计 included; a named subtotal is not one', () => {
  for (const t of ['合计', '总 计', '小计', '本年合计', '收入总计', '本年收入合计', '支出合计']) assert.ok(isTotalLabel(t), t);
  for (const t of ['一般公共预算资金小计', '合计数', '收入', '人员经费合计']) assert.ok(!isTotalLabel(t), t);
});

test('a 收入预算总表 listed by source: 收入总计 is the table total, not the first group’s 小计', () => {
  const text = ['二、收入预算总表', '单位：万元', ['项目名称', '', '金额'], ['收入总计', '', '9,146.79'], ['小计', '', '9,066.79'],
    ['一般公共预算资金', '公共财政拨款(补助)资金', '9,066.79'], ['小计', '', '80.00'], ['其他资金', '其他收入', '80.00']]
    .map((r) => (Array.isArray(r) ? r.join('\t') : r)).join('\n');
  const t = recognizeTables(readTextString(text)).tables.find((x) => x.key === 'T02');
  assert.ok(t);
  const total = t.rows.find((r) => r.key === 'total');
  assert.equal(total?.name, '收入总计');
});

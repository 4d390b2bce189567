import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanLine } from './section-clean.js';
import { appendLine, finishParagraph, locate, splitSentences, startDraft } from './sentences.js';

const spans = (text: string) => splitSentences(text).map(({ start, end }) => text.slice(start, end));

test('splitSentences: on 。；; ! ? keeping closing quotes and brackets', () => {
  assert.deepEqual(spans('收入 10 万元。支出 9 万元；结余 1 万元！是否公开？是。'), ['收入 10 万元。', '支出 9 万元；', '结余 1 万元！', '是否公开？', '是。']);
  assert.deepEqual(spans('他说：“已完成。”随后上报。没有句号的尾巴'), ['他说：“已完成。”', '随后上报。', '没有句号的尾巴']);
  assert.deepEqual(spans('  '), []);
});

test('cleanLine: markup removed, blanks between Chinese characters squeezed, offsets kept', () => {
  const raw = { line: 7, text: '## **公用经费** 24.24 万元，[bookmark: x]较 上 年减少', cells: [], tabular: false };
  const c = cleanLine(raw);
  assert.equal(c.text, '公用经费 24.24 万元，较上年减少');
  assert.equal(c.headingLevel, 2);
  assert.equal(raw.text.slice(c.map[c.text.indexOf('24.24')]!).slice(0, 5), '24.24');
  assert.equal(raw.text[c.map[c.text.indexOf('较')]!], '较');
});

test('a paragraph joined from two lines locates each sentence and figure on its own line', () => {
  const a = cleanLine({ line: 3, page: 2, text: '  本年支出 12.00 万元，其中：公务用', cells: [], tabular: false });
  const b = cleanLine({ line: 5, page: 2, text: '车购置费 0.00 万元。公用经费 3.00 万元。', cells: [], tabular: false });
  const draft = startDraft(a);
  appendLine(draft, b);
  assert.deepEqual(locate(draft, 0), { line: 3, page: 2, offset: 2 });
  const p = finishParagraph(draft);
  assert.equal(p.sentences.length, 2);
  const purchase = p.sentences[0]!.figures.find((f) => f.printed === '0.00 万元')!;
  assert.equal(purchase.subject, '公务用车购置费');
  assert.deepEqual(purchase.prov, { line: 5, page: 2, offset: 5 });
  assert.deepEqual(p.sentences[1]!.prov, { line: 5, page: 2, offset: 13 });
});

test('splitSentences: a run of closers stays with its sentence; blanks around a sentence are not part of it', () => {
  assert.deepEqual(spans('（说明见附件。）」 下一句！\t'), ['（说明见附件。）」', '下一句！']);
  assert.deepEqual(spans('甲；；乙'), ['甲；', '；', '乙']);
});

test('cleanLine: tabs, ideographic and double blanks stay one separator; one blank between Chinese characters goes', () => {
  const line = (text: string) => cleanLine({ line: 1, text, cells: [], tabular: false });
  assert.equal(line('  收 入\t\t合计  100 万元  ').text, '收入\t合计 100 万元');
  assert.equal(line('支出　合计 A B 中 1').text, '支出 合计 A B 中 1');
  assert.equal(line('- • 项目').text, '• 项目');
  assert.equal(line('<b>**</b>').text, '');
  const marked = line('#  <i>一、</i> 部门 职责');
  assert.deepEqual([marked.text, marked.headingLevel], ['一、部门职责', 1]);
  assert.deepEqual(marked.map.map((i) => '#  <i>一、</i> 部门 职责'[i]), [...'一、部门职责']);
  const plain = line('无需清理的文字');
  assert.deepEqual(plain.map, [0, 1, 2, 3, 4, 5, 6]);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Section } from '../../model/index.js';
import { InputError } from '../raw.js';
import { readTextString } from '../text/read-text.js';
import { recognizeSections } from './sections.js';

const DOC = [
  '2022年度某某县农业农村局部门决算', // 1
  '目录', // 2
  '第一部分 部门概况', // 3
  '一、部门职责……………………1', // 4
  '二、机构设置', // 5
  '第二部分 部门决算情况说明', // 6
  '一、收入支出决算总体情况说明', // 7
  '二、一般公共预算财政拨款支出决算情况说明', // 8
  '第一部分 部门概况', // 9
  '一、部门职责', // 10
  '（一）负责全县农业农村发展规划的拟订和实施。', // 11
  '（二）承办县委、县政府交办的其他事项。', // 12
  '二、机构设置', // 13
  '本部门下设 3 个股室，核定编制 15 人。', // 14
  '第二部分 部门决算情况说明', // 15
  '一、收入支出决算总体情况说明', // 16
  '2022 年度收、支总计均为 600.00 万元。与上年相比，收、支总计各增加 60.00', // 17
  '', // 18
  '万元，增长 11.11%，主要原因是项目资金增加。', // 19
  '二、一般公共预算财政拨款支出决算情况说明', // 20
  '（一）一般公共预算财政拨款支出决算总体情况', // 21
  '2022 年度一般公共预算财政拨款支出 580.00 万元，占本年支出合计的 96.67%。', // 22
  '（二）一般公共预算财政拨款支出决算具体情况', // 23
  '1.农林水支出（类）农业农村（款）行政运行（项）。年初预算数为 100.00 万元，支出决算数为 110.00 万元，完成年初预算的 110.00%。', // 24
  '2.项目支出：本部门无项目支出结转。', // 25
  '三、机关运行经费支出情况', // 26
  '2022 年度机关运行经费支出 20.00 万元。', // 27
].join('\n');

function flat(sections: Section[]): Section[] {
  return sections.flatMap((s) => [s, ...flat(s.children)]);
}

test('recognizeSections: the tree of parts and numbered headings, the 目录 left out', () => {
  const secs = recognizeSections(readTextString(DOC), new Set());
  assert.deepEqual(secs.map((s) => [s.number, s.heading, s.level, s.prov.line]), [
    ['第一部分', '部门概况', 0, 9],
    ['第二部分', '部门决算情况说明', 0, 15],
  ]);
  assert.deepEqual(secs[0]!.children.map((s) => [s.number, s.heading, s.topic]), [
    ['一、', '部门职责', 'duties'],
    ['二、', '机构设置', 'organization'],
  ]);
  const explained = secs[1]!.children;
  assert.deepEqual(explained.map((s) => s.topic), ['income-expenditure-overview', 'general-budget-expenditure', 'operating-expense']);
  assert.deepEqual(explained[1]!.children.map((s) => [s.number, s.level]), [['（一）', 2], ['（二）', 2]]);
  const detail = explained[1]!.children[1]!;
  assert.deepEqual(detail.children.map((s) => [s.number, s.heading, s.level]), [['2.', '项目支出', 3]]);
  assert.equal(detail.paragraphs.length, 1, 'a numbered item with figures is a paragraph, not a heading');
  assert.equal(detail.children[0]!.paragraphs[0]!.text, '本部门无项目支出结转。');
});

test('recognizeSections: numbered duties ending with 。 are paragraphs; a wrapped sentence is joined', () => {
  const secs = flat(recognizeSections(readTextString(DOC), new Set()));
  const duties = secs.find((s) => s.topic === 'duties')!;
  assert.equal(duties.paragraphs.length, 2);
  assert.equal(duties.children.length, 0);
  const overview = secs.find((s) => s.topic === 'income-expenditure-overview')!;
  assert.equal(overview.paragraphs.length, 1);
  const sentences = overview.paragraphs[0]!.sentences;
  assert.equal(sentences.length, 2);
  const change = sentences[1]!.figures.find((f) => f.role === 'change')!;
  assert.equal(change.printed, '60.00万元');
  assert.deepEqual([change.prov.line, change.direction, change.subject], [17, 'increase', '收、支总计']);
  const rate = sentences[1]!.figures.find((f) => f.role === 'change-rate')!;
  assert.deepEqual([rate.printed, rate.prov.line], ['11.11%', 19]);
});

test('recognizeSections: provenance of sentences and figures points into the line as read', () => {
  const raw = readTextString(DOC);
  const secs = flat(recognizeSections(raw, new Set()));
  for (const s of secs) {
    for (const p of s.paragraphs) {
      for (const se of p.sentences) {
        for (const f of se.figures) {
          const line = raw.lines.find((l) => l.line === f.prov.line)!;
          const at = line.text.slice(f.prov.offset);
          const firstPart = f.printed.slice(0, Math.min(f.printed.length, line.text.length - f.prov.offset!));
          assert.ok(at.startsWith(firstPart), `${f.printed} at ${f.prov.line}:${f.prov.offset} reads '${at.slice(0, 12)}'`);
        }
      }
    }
  }
  const item = secs.find((s) => s.number === '（二）' && s.topic === undefined && s.paragraphs.length)!;
  const completion = item.paragraphs[0]!.sentences.flatMap((se) => se.figures).find((f) => f.role === 'completion')!;
  assert.deepEqual([completion.printed, completion.subject], ['110.00%', '农林水支出（类）农业农村（款）行政运行（项）']);
});

test('recognizeSections: consumed and tabular lines are left out and break paragraphs', () => {
  const text = ['一、收入决算情况说明', '本年收入 10.00 万元，其中', '项目\t金额', '收入合计\t10.00', '财政拨款收入 10.00 万元。'].join('\n');
  const secs = recognizeSections(readTextString(text), new Set([5]));
  assert.equal(secs.length, 1);
  assert.deepEqual(secs[0]!.paragraphs.map((p) => p.text), ['本年收入 10.00 万元，其中']);
});

test('recognizeSections: markdown parts whose title is on the next line; headings with an inline paragraph', () => {
  const text = [
    '# 2023年度某某局单位决算',
    '# 第一部分',
    '## 单位概况',
    '## 一、单位职责',
    '负责全市的有关工作。',
    '## 第二部分',
    '### 2023年度单位决算情况说明',
    '## **九、预算绩效情况说明**',
    '（一）预算绩效管理工作开展情况。根据要求，本单位对 5 个项目开展自评，涉及资金 120.00 万元。',
  ].join('\n');
  const secs = recognizeSections(readTextString(text), new Set());
  assert.deepEqual(secs.map((s) => [s.number, s.heading]), [['第一部分', '单位概况'], ['第二部分', '2023年度单位决算情况说明']]);
  const perf = secs[1]!.children[0]!;
  assert.deepEqual([perf.number, perf.heading, perf.topic], ['九、', '预算绩效情况说明', 'performance']);
  const inline = perf.children[0]!;
  assert.equal(inline.heading, '预算绩效管理工作开展情况');
  assert.equal(inline.paragraphs[0]!.text, '根据要求，本单位对 5 个项目开展自评，涉及资金 120.00 万元。');
  const amount = inline.paragraphs[0]!.sentences[0]!.figures.find((f) => f.kind === 'amount')!;
  assert.equal(amount.prov.line, 9);
});

test('recognizeSections: a number continuing an open heading of another style is its sibling', () => {
  const text = ['三、政府性基金预算支出情况', '无', '四、国有资本经营预算支出情况', '无', '5、 社会保险基金预算支出情况', '无', '6、 部门整体支出绩效情况', '（一）综合评价结论', '自评得分 95 分。', '七、存在的主要问题', '无'].join('\n');
  const secs = recognizeSections(readTextString(text), new Set());
  assert.deepEqual(secs.map((s) => [s.number, s.level]), [['三、', 0], ['四、', 0], ['5、', 0], ['6、', 0], ['七、', 0]]);
  assert.equal(secs[3]!.children[0]!.heading, '综合评价结论');
});

test('recognizeSections: a table of contents without a marker is dropped when the body repeats it', () => {
  const text = ['一、部门职责', '二、机构设置', '三、收入支出决算总体情况说明', '四、名词解释', '一、部门职责', '负责本县的相关工作。', '二、机构设置', '内设 2 个股室。'].join('\n');
  const secs = recognizeSections(readTextString(text), new Set());
  assert.deepEqual(secs.map((s) => [s.heading, s.prov.line]), [['部门职责', 5], ['机构设置', 7]]);
});

test('recognizeSections: prose before the first heading is kept as an untitled section; the title is not', () => {
  const text = ['某某局2022年度部门决算', '本单位的决算经县财政局批复。', '一、部门职责', '负责相关工作。'].join('\n');
  const secs = recognizeSections(readTextString(text), new Set());
  assert.deepEqual(secs.map((s) => [s.heading, s.paragraphs.length]), [['', 1], ['部门职责', 1]]);
  assert.equal(secs[0]!.paragraphs[0]!.text, '本单位的决算经县财政局批复。');
});

test('recognizeSections: glossary entries get no topic of their own', () => {
  const text = ['第五部分 名词解释', '一、“三公”经费', '指因公出国（境）费、公务用车购置及运行维护费和公务接待费。', '二、机关运行经费', '指行政单位的公用经费。'].join('\n');
  const secs = recognizeSections(readTextString(text), new Set());
  assert.equal(secs[0]!.topic, 'glossary');
  assert.deepEqual(secs[0]!.children.map((s) => s.topic), [undefined, undefined]);
});

test('recognizeSections: page numbers inside a wrapped sentence are skipped; a prose line split by wide blanks is text', () => {
  const raw = readTextString(['一、收入支出决算总体情况说明', '2022 年度收入总计 600.00 万元，与上年相比增加', '- 3 -', '60.00 万元，增长 11.11%。'].join('\n'));
  const secs = recognizeSections(raw, new Set());
  assert.equal(secs[0]!.paragraphs.length, 1);
  const change = secs[0]!.paragraphs[0]!.sentences[0]!.figures.find((f) => f.role === 'change')!;
  assert.deepEqual([change.printed, change.prov.line], ['60.00 万元', 4]);
  const prose = {
    format: 'text' as const,
    lines: [
      { line: 1, text: '二、收入决算情况说明', cells: ['二、收入决算情况说明'], tabular: false },
      { line: 2, text: '本年收入 10.00 万元，其中：财政拨款收入\t10.00 万元，占 100.00%。', cells: ['本年收入 10.00 万元，其中：财政拨款收入', '10.00 万元，占 100.00%。'], tabular: true },
    ],
  };
  const figs = recognizeSections(prose, new Set())[0]!.paragraphs[0]!.sentences[0]!.figures;
  assert.deepEqual(figs.map((f) => f.subject), ['本年收入', '财政拨款收入', '财政拨款收入']);
});

test('recognizeSections: 1） headings and TOC entries with page numbers', () => {
  const text = ['目 录', '一、部门职责 1', '二、机构设置 2', '一、部门职责', '1）主要职责', '负责相关工作。', '2）内设机构', '内设 2 个股室。', '二、机构设置', '无。'].join('\n');
  const secs = recognizeSections(readTextString(text), new Set());
  assert.deepEqual(secs.map((s) => [s.heading, s.prov.line]), [['部门职责', 4], ['机构设置', 9]]);
  assert.deepEqual(secs[0]!.children.map((s) => [s.number, s.heading]), [['1）', '主要职责'], ['2）', '内设机构']]);
});

test('recognizeSections never throws and every figure points into its line (random text)', async () => {
  const fc = await import('fast-check');
  const alphabet = [...'一二三十、（）()．.1290,，。；：:%万元人 \t#*-第部分章目录年度支出收入合计增加下降占的为'];
  const line = fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((cs) => cs.join(''));
  fc.assert(
    fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
      let raw;
      try {
        raw = readTextString(lines.join('\n'));
      } catch (e) {
        if (e instanceof InputError) return; // the reader refuses empty input: not this module's concern
        throw e;
      }
      for (const s of flat(recognizeSections(raw, new Set()))) {
        for (const p of s.paragraphs) for (const se of p.sentences) for (const f of se.figures) {
          const l = raw.lines.find((x) => x.line === f.prov.line);
          assert.ok(l && f.prov.offset! >= 0 && f.prov.offset! < l.text.length);
        }
      }
    }),
    { numRuns: 300 },
  );
});

test('recognizeSections: unnumbered lines that name a catalogue section are headings; the body may open with a part the 目录 lacks', () => {
  const text = ['目录', '一、部门职责', '二、政府采购情况', '第一部分 部门概况', '一、部门职责', '负责相关工作。', '政府采购情况', '本年度政府采购支出总额 5.00 万元。', '财政拨款“三公”经费支出决算表'].join('\n');
  const secs = recognizeSections(readTextString(text), new Set());
  assert.deepEqual(secs.map((s) => [s.number, s.heading]), [['第一部分', '部门概况']]);
  const [duties, procurement] = secs[0]!.children;
  assert.deepEqual([duties!.heading, procurement!.heading, procurement!.topic, procurement!.number], ['部门职责', '政府采购情况', 'procurement', undefined]);
  assert.equal(procurement!.paragraphs.length, 2, 'a table title is no heading');
});

test('recognizeSections: a title line that names a topic (绩效自评报告) is not a section over the document', () => {
  const text = ['某某县民政局2023年部门整体支出', '绩效自评报告', '一、单位基本情况', '编制 12 人。', '二、部门整体支出绩效情况', '自评得分 95 分。'].join('\n');
  const secs = recognizeSections(readTextString(text), new Set());
  assert.deepEqual(secs.map((s) => [s.number, s.heading, s.topic]), [['一、', '单位基本情况', 'overview'], ['二、', '部门整体支出绩效情况', 'performance']]);
});

test('recognizeSections: a heading and its text on one line separated by a blank', () => {
  const secs = recognizeSections(readTextString('一、部门职责　负责全县的农业工作，承办交办事项。\n二、机构设置　内设 3 个股室。'), new Set());
  assert.deepEqual(secs.map((s) => [s.heading, s.topic, s.paragraphs[0]?.text]), [
    ['部门职责', 'duties', '负责全县的农业工作，承办交办事项。'],
    ['机构设置', 'organization', '内设 3 个股室。'],
  ]);
});

test('recognizeSections: PDF-width lines without blank lines join into sentences, a new item starts a paragraph', () => {
  const text = [
    '九、财政拨款“三公”经费支出决算情况说明',
    '2022 年度“三公”经费财政拨款支出决算为 3.20 万元，完成预',
    '算的 80.00%，较上年决算数减少 0.80 万元，下降 20.00%，主要原',
    '因是严格落实过紧日子要求。其中：公务接待费支出决算为 1.20',
    '万元，公务用车运行维护费支出决算为 2.00 万元。',
    '1.因公出国（境）费全年预算数为 0.00 万元，支出决算为 0.00 万元。',
  ].join('\n');
  const [sec] = recognizeSections(readTextString(text), new Set());
  assert.equal(sec!.paragraphs.length, 2);
  const figs = sec!.paragraphs[0]!.sentences.flatMap((s) => s.figures).filter((f) => f.kind !== 'year');
  assert.deepEqual(figs.map((f) => [f.printed, f.subject, f.role, f.prov.line]), [
    ['3.20 万元', '“三公”经费财政拨款支出', 'value', 2],
    ['80.00%', '“三公”经费财政拨款支出', 'execution-rate', 3],
    ['0.80 万元', '“三公”经费财政拨款支出', 'change', 3],
    ['20.00%', '“三公”经费财政拨款支出', 'change-rate', 3],
    ['1.20万元', '公务接待费支出', 'value', 4],
    ['2.00 万元', '公务用车运行维护费支出', 'value', 5],
  ]);
  assert.equal(sec!.paragraphs[1]!.text.startsWith('1.因公出国'), true);
});

test('recognizeSections: a lone 其中： line after a full printed line ending on 。 stays in that paragraph', () => {
  const text = [
    '一、一般公共预算财政拨款支出决算情况说明',
    '2024年度一般公共预算财政拨款支出年初预算数为200.00万元，支出决算数为180.00万元，完成年初预算数的90.00%。',
    '其中：',
    '1、卫生健康支出（类）行政运行（项）。年初预算数为120.00万元，支出决算数为110.00万元。',
    '2、住房保障支出（类）住房公积金（项）。年初预算数为80.00万元，支出决算数为70.00万元。',
  ].join('\n');
  const secs = flat(recognizeSections(readTextString(text), new Set()));
  const paragraphs = secs.flatMap((s) => s.paragraphs.map((p) => p.sentences.map((x) => x.text).join('')));
  assert.ok(paragraphs.some((p) => /90\.00%。其中：$/.test(p)), paragraphs.join(' | '));
});

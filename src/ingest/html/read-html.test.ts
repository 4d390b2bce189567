import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readHtml } from './read-html.js';
import { InputError } from '../raw.js';
import { setLimits } from '../limits.js';
import { sampleCells } from '../../../test/fixtures-formats/sample.js';
import { gbkBytes, sampleHtml, sampleMht } from '../../../test/fixtures-formats/write-web.js';

const utf8 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));
const cells = (doc: { lines: { cells: string[] }[] }): string[][] => doc.lines.map((l) => l.cells);

test('readHtml: a UTF-8 page gives the lines of the text form; scripts, nav and footer dropped', async () => {
  const doc = await readHtml(utf8(sampleHtml()), 'page.html');
  assert.equal(doc.format, 'html');
  assert.deepEqual(cells(doc), sampleCells());
  assert.deepEqual(doc.lines.map((l) => l.line), doc.lines.map((_, i) => i + 1));
  assert.equal(doc.lines[0]!.headingLevel, 1);
  assert.equal(doc.lines.find((l) => l.cells[0] === '项目')!.tabular, true);
  assert.equal(doc.lines.find((l) => l.cells[0]!.startsWith('一、部门职责'))!.tabular, false);
});

test('readHtml: a GBK page is decoded by its meta charset', async (t) => {
  const bytes = gbkBytes(sampleHtml(undefined, 'gbk'));
  if (!bytes) return t.skip('iconv not available to make GBK bytes');
  assert.notDeepEqual(Buffer.from(bytes), Buffer.from(sampleHtml(undefined, 'gbk')));
  assert.deepEqual(cells(await readHtml(bytes, 'page.htm')), sampleCells());
});

test('readHtml: saved pages (.mht) quoted-printable and base64', async () => {
  for (const enc of ['quoted-printable', 'base64'] as const) {
    const doc = await readHtml(utf8(sampleMht(sampleHtml(), enc)), 'page.mht');
    assert.equal(doc.format, 'mht');
    assert.deepEqual(cells(doc), sampleCells(), enc);
  }
});

test('readHtml: colspan pads blank cells and rowspan leaves blanks below, so columns align', async () => {
  const html = `<table>
    <tr><th rowspan="2">科目编码</th><th rowspan="2">科目名称</th><th colspan="3">本年支出</th></tr>
    <tr><th>合计</th><th>基本支出</th><th>项目支出</th></tr>
    <tr><td>201</td><td>一般公共<br>服务支出</td><td>10.00</td><td>6.00</td><td>4.00</td></tr>
    <tr><td colspan="2">合计</td><td>10.00</td><td>6.00</td><td>4.00</td></tr></table>`;
  const doc = await readHtml(utf8(html));
  assert.deepEqual(cells(doc), [
    ['科目编码', '科目名称', '本年支出', '', ''],
    ['', '', '合计', '基本支出', '项目支出'],
    ['201', '一般公共服务支出', '10.00', '6.00', '4.00'],
    ['合计', '', '10.00', '6.00', '4.00'],
  ]);
});

test('readHtml: a row spanning the whole table (title, unit) is a line of text', async () => {
  const html = `<table><tr><td colspan="3">支出决算表</td></tr><tr><td>项目</td><td>基本支出</td><td>项目支出</td></tr>
    <tr><td>合计</td><td>6.00</td><td>4.00</td></tr></table>`;
  const doc = await readHtml(utf8(html));
  assert.deepEqual(doc.lines.map((l) => [l.tabular, ...l.cells]), [[false, '支出决算表'], [true, '项目', '基本支出', '项目支出'], [true, '合计', '6.00', '4.00']]);
});

test('readHtml: layout tables are walked as text; br splits lines; Word conditionals removed', async () => {
  const html = `<html><body><table><tr><td><div id="menu">网站首页 | 政务公开</div>
    <h2>一、部门职责</h2><p class=MsoNormal><![if !supportLists]>1.<![endif]>负责全县工作。<br/>第二行</p>
    <table border=1><tr><td>项目</td><td>金额</td></tr><tr><td>合计</td><td>１２．００</td></tr></table>
    </td></tr></table></body></html>`;
  const doc = await readHtml(utf8(html));
  assert.deepEqual(cells(doc), [['一、部门职责'], ['1.负责全县工作。'], ['第二行'], ['项目', '金额'], ['合计', '12.00']]);
  assert.equal(doc.lines[0]!.headingLevel, 2);
});

test('readHtml: a page without text is an InputError', async () => {
  await assert.rejects(readHtml(utf8('<html><head><script>x()</script></head><body> </body></html>')), InputError);
});

test('readHtml: a form of several columns with a long text cell is a data table; a title row over the whole table reads as text only above or below the body', async () => {
  const long = '贯彻执行医疗保险法律、法规、规章，落实医疗保障制度的政策、标准和规划。'.repeat(15);
  const html = `<table><tr><td colspan=4>部门整体支出绩效自评表</td></tr>
    <tr><td>部门名称</td><td>内容</td><td>说明</td><td>金额</td></tr>
    <tr><td>部门职责</td><td>${long}</td><td>根据三定方案归纳</td><td>12.00</td></tr>
    <tr><td colspan=4>二、部门年度重点工作任务</td></tr>
    <tr><td>任务</td><td>医疗救助</td><td></td><td>991.08</td></tr>
    <tr><td colspan=4>金额单位：万元</td></tr></table>`;
  const doc = await readHtml(utf8(html));
  assert.deepEqual(doc.lines.map((l) => [l.tabular, l.cells[0], l.cells.length]), [
    [false, '部门整体支出绩效自评表', 1],
    [true, '部门名称', 4],
    [true, '部门职责', 4],
    [true, '二、部门年度重点工作任务', 4],
    [true, '任务', 4],
    [false, '金额单位：万元', 1],
  ]);
  assert.equal(doc.lines[2]!.cells[1], long);
});

test('readHtml: a page saved by Word keeps the cells of its tab-laid-out paragraphs (mso-tab-count spans)', async () => {
  const tab = (n: number) => `<span style='mso-tab-count:${n}'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span>`;
  const html = `<html xmlns:w="urn:schemas-microsoft-com:office:word"><head><meta name=Generator content="Microsoft Word 15"></head><body>
    <h1>收入决算表</h1>
    <p class=MsoNormal>项目${tab(1)}行次${tab(1)}金额</p>
    <p class=MsoNormal>本年收入合计${tab(1)}1${tab(1)}1,234.56</p>
    <p class=MsoNormal>${tab(1)}2${tab(2)}5.00</p>
    <p class=MsoNormal><o:p>&nbsp;</o:p></p>
    <p class=MsoNormal>${tab(1)}首行缩进的段落。</p></body></html>`;
  const doc = await readHtml(utf8(html));
  assert.deepEqual(doc.lines.map((l) => [l.tabular, ...l.cells]), [
    [false, '收入决算表'],
    [true, '项目', '行次', '金额'],
    [true, '本年收入合计', '1', '1,234.56'],
    [true, '', '2', '', '5.00'],
    [false, '首行缩进的段落。'],
  ]);
  assert.equal(doc.lines[0]!.headingLevel, 1);
});

test('readHtml: unclosed and misnested markup is read as a browser builds it (implied end tags, stray table tags)', async () => {
  // thousands of unclosed paragraphs and cells (node-html-parser re-parented them one by one: quadratic)
  const paras = Array.from({ length: 5000 }, (_, i) => `<p>第${i}段`).join('\n');
  const doc = await readHtml(utf8(`<body>${paras}`), 'p.html');
  assert.equal(doc.lines.length, 5000);
  assert.deepEqual(doc.lines[4999]!.cells, ['第4999段']);
  const rows = Array.from({ length: 2000 }, (_, i) => `<tr><td>${i}<td>名称${i}<td>1.00`).join('\n');
  const table = await readHtml(utf8(`<table>${rows}</table><p>完`), 't.html');
  assert.deepEqual(table.lines[1999]!.cells, ['1999', '名称1999', '1.00']);
  assert.deepEqual(table.lines.at(-1)!.cells, ['完']);
  // text loose in a table shows above it; a table opened inside a table closes the first
  const loose = await readHtml(utf8('<table>金额单位：万元<tr><td>项目</td><td>金额</td></tr><table><tr><td>合计</td><td>1.00</td></tr></table>'), 'l.html');
  assert.deepEqual(cells(loose), [['金额单位：万元'], ['项目', '金额'], ['合计', '1.00']]);
});

test('readHtml: nesting past the depth limit is refused while parsing, with the limit and how to raise it', async () => {
  const deep = `<body>${'<div>x'.repeat(5000)}`;
  await assert.rejects(readHtml(utf8(deep), 'deep.html'), (e: unknown) => {
    assert.ok(e instanceof InputError);
    assert.match(e.message, /nesting depth of elements is more than 256/);
    assert.match(`${e.message} ${e.hint ?? ''}`, /JUESUAN_MAX_DEPTH/);
    return true;
  });
});

test('readHtml: elements the parser re-creates for unclosed formatting tags count against the element limit', async () => {
  // 100 open <b>s closed by </p> are re-created for every later paragraph: few tags, many elements
  const html = `<body><p>${Array.from({ length: 100 }, (_, i) => `<b id=b${i}>`).join('')}</p>${'<p>x</p>'.repeat(400)}`;
  setLimits({ htmlNodes: 5000 });
  try {
    await assert.rejects(readHtml(utf8(html), 'amp.html'), /elements in the web page is more than 5,000/);
  } finally {
    setLimits({});
  }
});

test('readHtml: a page wrapped in one <form> (ASP.NET WebForms) is read; the form controls and a search box are not', async () => {
  const page = sampleHtml()
    .replace('<body>', '<body><form name="form1" method="post" action="./Detail.aspx?id=1" id="form1"><input type="hidden" name="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1Mg==" /><div class="search"><input type="text" name="kw" /><button type="submit">搜索</button></div>')
    .replace('</body>', '</form></body>');
  assert.ok(page.includes('<form name="form1"'));
  assert.deepEqual(cells(await readHtml(utf8(page), 'Detail.aspx.html')), sampleCells());
});

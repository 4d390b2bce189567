import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import type { JsonReport } from '../check/report-json.js';
import { toJsonReport } from '../check/report-json.js';
import { checkDisclosure } from '../check/engine.js';
import { readDisclosure } from '../ingest/index.js';
import { sampleDisclosureText } from '../../test/support/sample-disclosure.js';
import { buildReviewReport, reviewReportHtml, reviewReportXlsx } from './index.js';

async function checked(text: string, name: string): Promise<JsonReport> {
  return toJsonReport(checkDisclosure(await readDisclosure(new TextEncoder().encode(text), name)));
}

function synthetic(): JsonReport {
  const finding = (page: number) => ({
    rule: 'text.garbled-repetition', severity: 'warning' as const, message: '文字重复：“支出支出”', evidence: '支出支出<script>alert(1)</script>',
    location: { page, section: '一、部门职责', line: 10 + page },
  });
  return {
    schema: 'juesuan.findings/1',
    document: { entity: '示例县<民政局>', year: 2024, kind: 'final-accounts', source: 'a.pdf', ruleset: 'x' },
    findings: [
      finding(2), finding(3), finding(3),
      { rule: 'intratable.total-of-codes', severity: 'error', message: '合计与明细之和不符', evidence: '135.00', expected: '136.00', location: { page: 5, table: 'T03', tableTitle: '三、支出决算表', row: '合计', column: '基本支出', line: 40 },
        related: [{ role: 'value', location: { table: 'T02', page: 4 }, evidence: '1.00' }, { role: '加数：基本支出', location: {} }] },
      { rule: 'intratable.total-of-codes', severity: 'info', message: '尾数误差', evidence: '1.00', location: { page: 6, table: 'T02', row: '合计', line: 50 } },
    ],
    counts: { error: 1, warning: 3, info: 1 },
    rules: [],
  };
}

test('review report: findings grouped by table then section, identical ones merged with their pages, places in words, rules with their clauses', () => {
  const r = buildReviewReport([{ file: 'a.pdf', report: synthetic() }], { date: new Date(2024, 5, 30) });
  assert.equal(r.date, '2024-06-30');
  assert.equal(r.title, '示例县<民政局>2024年度部门决算公开审核意见');
  const d = r.documents[0]!;
  assert.deepEqual(d.groups.map((g) => g.name), ['T03 三、支出决算表', '一、部门职责']);
  const t03 = d.groups[0]!.items[0]!;
  assert.equal(t03.no, 1);
  assert.equal(t03.place, '第5页 · 三、支出决算表 · 行“合计” · 列“基本支出”');
  assert.equal(t03.ruleTitle.length > 0 && t03.ruleTitle !== t03.rule, true, 'the rule in Chinese words');
  assert.match(t03.references, /[\u4e00-\u9fff]/);
  assert.doesNotMatch(t03.references, /domain\.md/);
  assert.deepEqual(t03.related, ['所述数（T02 第4页）「1.00」', '加数：基本支出'], 'the other side in words');
  const rep = d.groups[1]!.items[0]!;
  assert.equal(rep.no, 2);
  assert.equal(rep.count, 3, 'three identical findings are one item');
  assert.deepEqual(rep.alsoAt, ['第3页']);
  assert.equal(d.infos.length, 1);
  assert.equal(buildReviewReport([{ report: synthetic() }], { includeInfo: false }).documents[0]!.infos.length, 0);
});

test('review report XLSX: header, groups, the reply column; a batch has a summary sheet and unreadable files', async () => {
  const report = await checked(sampleDisclosureText({ year: 2023, wrongShare: true }), 'bad.txt');
  assert.ok(report.counts.error > 0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await reviewReportXlsx(buildReviewReport([{ file: 'bad.txt', report }]))) as unknown as ArrayBuffer);
  assert.deepEqual(wb.worksheets.map((w) => w.name), ['审核意见', '问题清单']);
  const ws = wb.getWorksheet('审核意见')!;
  const text: string[] = [];
  ws.eachRow((row) => text.push((row.values as unknown[]).filter((v) => v !== undefined && v !== null && v !== '').join('|')));
  assert.match(text[0]!, /示例县民政局2023年度部门决算公开审核意见/);
  assert.ok(text.some((t) => t.includes('被审核单位：示例县民政局')), text.slice(0, 4).join('\n'));
  assert.ok(text.some((t) => t.includes('审核日期：')));
  assert.ok(text.some((t) => /审核结果：错误 \d+ 项，警告 \d+ 项，提示 \d+ 项/.test(t)));
  assert.ok(text.some((t) => t.startsWith('序号|类别|位置|原文|应为|问题说明|审核规则及依据|整改情况')));
  assert.ok(text.some((t) => t.includes('75.00')), 'the printed text is quoted');
  const list = wb.getWorksheet('问题清单')!;
  assert.equal(list.getRow(1).getCell(list.columnCount).value, '整改情况');

  const batch = buildReviewReport([{ file: 'bad.txt', report }, { file: 'scan.pdf', status: 'unreadable', error: 'no text layer' }]);
  const wb2 = new ExcelJS.Workbook();
  await wb2.xlsx.load(Buffer.from(await reviewReportXlsx(batch)) as unknown as ArrayBuffer);
  assert.deepEqual(wb2.worksheets.map((w) => w.name), ['汇总', '审核意见', '问题清单']);
  const rows: string[] = [];
  wb2.getWorksheet('汇总')!.eachRow((row) => rows.push((row.values as unknown[]).filter((v) => v !== undefined && v !== null && v !== '').join('|')));
  assert.ok(rows.some((t) => t.includes('scan.pdf|无法读取|no text layer')), rows.join('\n'));
  assert.ok(rows.some((t) => t.includes('bad.txt|示例县民政局|2023|部门决算|已审核')), rows.join('\n'));
});

test('review report HTML: printable, every text escaped, one page per document of a batch', () => {
  const html = reviewReportHtml(buildReviewReport([{ file: 'a<b>.pdf', report: synthetic() }]));
  assert.match(html, /^<!DOCTYPE html>/);
  assert.match(html, /@page \{ size: A4 landscape/);
  assert.doesNotMatch(html, /<script>/);
  assert.match(html, /&lt;script&gt;/);
  assert.match(html, /示例县&lt;民政局&gt;/);
  assert.match(html, /<th>整改情况<\/th>/);
  assert.match(html, /同样的问题共 3 处/);
  const two = reviewReportHtml(buildReviewReport([{ file: 'a.pdf', report: synthetic() }, { file: 'b.pdf', status: 'unreadable', error: 'damaged' }]));
  assert.match(two, /2份公开文件审核意见汇总/);
  assert.equal(two.match(/<section class="doc/g)?.length, 3);
});

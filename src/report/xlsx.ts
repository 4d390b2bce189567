/**
 * The review report as an Excel workbook. One document: the sheet 审核意见 (header, then the findings
 * grouped by table or section, with an empty 整改情况 column styled as the place to type the reply)
 * and 问题清单 (one row per finding, with a filter). A batch: 汇总 first (one row per document with
 * its counts), then 审核意见 with one block per document, then 问题清单 with the file of each finding.
 */
import ExcelJS from 'exceljs';
import { countsInWords, documentLine, KIND_ZH, SEVERITY_ZH, STATUS_ZH, type ReportDocument, type ReportItem, type ReviewReport } from './model.js';

const COLUMNS: { header: string; width: number }[] = [
  { header: '序号', width: 6 }, { header: '类别', width: 7 }, { header: '位置', width: 34 }, { header: '原文', width: 22 },
  { header: '应为', width: 16 }, { header: '问题说明', width: 52 }, { header: '审核规则及依据', width: 40 }, { header: '整改情况', width: 36 },
];
const REPLY_COL = COLUMNS.length;
const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FF999999' } }, left: { style: 'thin', color: { argb: 'FF999999' } },
  bottom: { style: 'thin', color: { argb: 'FF999999' } }, right: { style: 'thin', color: { argb: 'FF999999' } },
};
const FILL = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
const SEVERITY_COLOUR = { error: 'FFC00000', warning: 'FFB26B00', info: 'FF2F5597' } as const;
const REPLY_FILL = FILL('FFFFF9DB');
const HEAD_FILL = FILL('FFD9E1F2');
const GROUP_FILL = FILL('FFEDEDED');

function ruleText(it: ReportItem): string {
  return [`${it.ruleTitle}（${it.rule}）`, it.explanation, it.references ? `依据：${it.references}` : undefined].filter(Boolean).join('\n');
}

function messageText(it: ReportItem): string {
  const lines = [it.message];
  if (it.related.length) lines.push(`对照：${it.related.join('；')}`);
  if (it.count > 1) lines.push(`（同样的问题共 ${it.count} 处${it.alsoAt.length ? `，另见 ${it.alsoAt.join('、')}` : ''}）`);
  return lines.join('\n');
}

function headerRow(ws: ExcelJS.Worksheet): void {
  const r = ws.addRow(COLUMNS.map((c) => c.header));
  r.font = { bold: true };
  r.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  r.eachCell((c) => { c.fill = HEAD_FILL; c.border = BORDER; });
}

function mergedLine(ws: ExcelJS.Worksheet, text: string, style: { bold?: boolean; size?: number; fill?: ExcelJS.Fill; center?: boolean } = {}): ExcelJS.Row {
  const r = ws.addRow([text]);
  ws.mergeCells(r.number, 1, r.number, COLUMNS.length);
  const c = r.getCell(1);
  c.font = { bold: style.bold ?? false, size: style.size ?? 11 };
  c.alignment = { vertical: 'middle', horizontal: style.center ? 'center' : 'left', wrapText: true };
  if (style.fill) c.fill = style.fill;
  return r;
}

function itemRow(ws: ExcelJS.Worksheet, it: ReportItem): void {
  const r = ws.addRow([it.no, SEVERITY_ZH[it.severity], it.place, it.evidence ?? '', it.expected ?? '', messageText(it), ruleText(it), '']);
  r.alignment = { vertical: 'top', wrapText: true };
  r.eachCell({ includeEmpty: true }, (c) => { c.border = BORDER; });
  r.getCell(2).font = { bold: true, color: { argb: SEVERITY_COLOUR[it.severity] } };
  r.getCell(REPLY_COL).fill = REPLY_FILL;
  // a rough height so that wrapped text shows without resizing (LibreOffice and Excel do not grow merged/wrapped rows on open)
  const lines = Math.max(...[messageText(it), ruleText(it), it.place].map((t, i) => Math.ceil([...t].length / ([52, 40, 34][i]! / 2)) + (t.match(/\n/g)?.length ?? 0)));
  r.height = Math.min(200, Math.max(18, lines * 15));
}

function documentBlock(ws: ExcelJS.Worksheet, report: ReviewReport, d: ReportDocument, single: boolean): void {
  if (single) mergedLine(ws, report.title, { bold: true, size: 15, center: true }).height = 26;
  else mergedLine(ws, `${d.entity ?? d.file}${d.year !== undefined ? ` ${d.year}年度` : ''}`, { bold: true, size: 13 }).height = 22;
  const what = documentLine(d);
  mergedLine(ws, `被审核单位：${d.entity ?? '（文件中未识别）'}　　年度：${d.year ?? '（未识别）'}${what ? `　　类型：${what}` : ''}`);
  mergedLine(ws, `文件：${d.file}　　审核日期：${report.date}${report.reviewer ? `　　审核单位：${report.reviewer}` : ''}`);
  if (d.status !== 'ok') {
    mergedLine(ws, `审核结果：${STATUS_ZH[d.status]}${d.error ? `（${d.error}）` : ''}`, { bold: true });
    ws.addRow([]);
    return;
  }
  mergedLine(ws, `审核结果：${countsInWords(d.counts)}。错误须更正；警告请核实；提示为尾数误差等，无需整改。请在“整改情况”栏逐项填写整改措施或说明。`, { bold: true });
  if (d.crashedRules.length) mergedLine(ws, `注意：以下规则未能完成检查：${d.crashedRules.join('、')}`);
  headerRow(ws);
  if (!d.groups.length) mergedLine(ws, '未发现需要整改的问题。');
  for (const g of d.groups) {
    mergedLine(ws, `${g.name}（${g.items.length} 项）`, { bold: true, fill: GROUP_FILL });
    for (const it of g.items) itemRow(ws, it);
  }
  if (d.infos.length) {
    mergedLine(ws, `附：提示（${d.infos.length} 项，尾数误差等，无需整改）`, { bold: true, fill: GROUP_FILL });
    for (const it of d.infos) itemRow(ws, it);
  }
  ws.addRow([]);
}

function summarySheet(wb: ExcelJS.Workbook, report: ReviewReport): void {
  const ws = wb.addWorksheet('汇总');
  const cols = ['序号', '文件', '被审核单位', '年度', '类型', '状态', '错误', '警告', '提示', '说明'];
  ws.columns = [6, 40, 28, 8, 10, 10, 8, 8, 8, 40].map((width) => ({ width }));
  const t = ws.addRow([report.title]);
  ws.mergeCells(t.number, 1, t.number, cols.length);
  t.getCell(1).font = { bold: true, size: 15 };
  const s = ws.addRow([`审核日期：${report.date}${report.reviewer ? `　审核单位：${report.reviewer}` : ''}　共 ${report.totals.documents} 份，已审核 ${report.totals.checked} 份，无法读取 ${report.totals.unreadable} 份；${countsInWords(report.totals)}`]);
  ws.mergeCells(s.number, 1, s.number, cols.length);
  const h = ws.addRow(cols);
  h.font = { bold: true };
  h.eachCell((c) => { c.fill = HEAD_FILL; c.border = BORDER; });
  report.documents.forEach((d, i) => {
    const r = ws.addRow([i + 1, d.file, d.entity ?? '', d.year ?? '', d.kind ? KIND_ZH[d.kind] ?? d.kind : '', STATUS_ZH[d.status],
      d.status === 'ok' ? d.counts.error : '', d.status === 'ok' ? d.counts.warning : '', d.status === 'ok' ? d.counts.info : '', d.error ?? '']);
    r.eachCell({ includeEmpty: true }, (c) => { c.border = BORDER; });
    if (d.counts.error) r.getCell(7).font = { bold: true, color: { argb: SEVERITY_COLOUR.error } };
  });
  ws.views = [{ state: 'frozen', ySplit: h.number }];
  ws.autoFilter = { from: { row: h.number, column: 1 }, to: { row: h.number, column: cols.length } };
}

function listSheet(wb: ExcelJS.Workbook, report: ReviewReport, withFile: boolean): void {
  const ws = wb.addWorksheet('问题清单');
  const cols = [...(withFile ? ['文件', '被审核单位'] : []), '序号', '类别', '页码', '表格或部分', '行', '列', '原文', '应为', '问题说明', '规则', '规则编号', '依据', '处数', '整改情况'];
  ws.columns = [...(withFile ? [30, 20] : []), 6, 6, 8, 28, 28, 16, 18, 14, 60, 24, 28, 36, 6, 30].map((width) => ({ width }));
  const h = ws.addRow(cols);
  h.font = { bold: true };
  h.eachCell((c) => { c.fill = HEAD_FILL; });
  for (const d of report.documents) {
    for (const it of [...d.groups.flatMap((g) => g.items), ...d.infos]) {
      const r = ws.addRow([...(withFile ? [d.file, d.entity ?? ''] : []), it.no, SEVERITY_ZH[it.severity], it.page ?? '', it.where, it.row ?? '', it.column ?? '',
        it.evidence ?? '', it.expected ?? '', it.message, it.ruleTitle, it.rule, it.references, it.count, '']);
      r.getCell(cols.length).fill = REPLY_FILL;
    }
  }
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: cols.length } };
}

export async function reviewReportXlsx(report: ReviewReport): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'juesuan';
  wb.title = report.title;
  const single = report.documents.length === 1;
  if (!single) summarySheet(wb, report);
  const ws = wb.addWorksheet('审核意见', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));
  for (const d of report.documents) documentBlock(ws, report, d, single);
  mergedLine(ws, `审核单位（盖章）：${report.reviewer ?? ''}　　　　审核日期：${report.date}`);
  listSheet(wb, report, !single);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

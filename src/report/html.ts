/**
 * The review report as one self-contained, printable HTML page (A4 landscape; the table header repeats
 * on every printed page; each document of a batch starts a new page). Every text is escaped.
 */
import { countsInWords, documentLine, KIND_ZH, SEVERITY_ZH, STATUS_ZH, type ReportDocument, type ReportItem, type ReviewReport } from './model.js';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const e = escapeHtml;
const br = (s: string) => e(s).replace(/\n/g, '<br>');

const CSS = `
@page { size: A4 landscape; margin: 14mm 12mm; }
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", SimSun, "宋体", serif; font-size: 10.5pt; color: #111; margin: 0 auto; max-width: 297mm; padding: 8mm; }
h1 { font-size: 17pt; text-align: center; margin: 0 0 4mm; }
h2 { font-size: 13pt; margin: 6mm 0 2mm; }
.meta { margin: 0 0 1.5mm; }
.meta span { margin-right: 2em; }
.result { font-weight: bold; margin: 2mm 0 3mm; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
th, td { border: 0.5pt solid #777; padding: 1.2mm 1.5mm; vertical-align: top; word-wrap: break-word; overflow-wrap: anywhere; }
th { background: #d9e1f2; font-weight: bold; text-align: center; }
tr.group td { background: #ededed; font-weight: bold; }
td.sev-error { color: #c00000; font-weight: bold; }
td.sev-warning { color: #b26b00; font-weight: bold; }
td.sev-info { color: #2f5597; }
td.reply { background: #fff9db; min-height: 12mm; }
q { quotes: "「" "」"; font-family: "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; }
.rule { color: #333; font-size: 9pt; }
.ref { color: #555; font-size: 9pt; }
.doc + .doc { page-break-before: always; break-before: page; }
.sign { margin-top: 10mm; text-align: right; }
.summary td.n { text-align: right; }
@media print { body { padding: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
`;

const COLGROUP = '<colgroup><col style="width:4%"><col style="width:5%"><col style="width:16%"><col style="width:12%"><col style="width:8%"><col style="width:25%"><col style="width:18%"><col style="width:12%"></colgroup>';
const THEAD = '<thead><tr><th>序号</th><th>类别</th><th>位置</th><th>原文</th><th>应为</th><th>问题说明</th><th>审核规则及依据</th><th>整改情况</th></tr></thead>';

function itemRow(it: ReportItem): string {
  const related = it.related.length ? `<br><span class="ref">对照：${e(it.related.join('；'))}</span>` : '';
  const more = it.count > 1 ? `<br><span class="ref">（同样的问题共 ${it.count} 处${it.alsoAt.length ? `，另见 ${e(it.alsoAt.join('、'))}` : ''}）</span>` : '';
  const rule = `<div class="rule">${e(it.ruleTitle)}<br><code>${e(it.rule)}</code></div>${it.explanation ? `<div class="ref">${e(it.explanation)}</div>` : ''}${it.references ? `<div class="ref">依据：${e(it.references)}</div>` : ''}`;
  return `<tr><td>${it.no}</td><td class="sev-${it.severity}">${SEVERITY_ZH[it.severity]}</td><td>${e(it.place)}</td><td>${it.evidence !== undefined ? `<q>${e(it.evidence)}</q>` : ''}</td><td>${it.expected !== undefined ? e(it.expected) : ''}</td><td>${br(it.message)}${related}${more}</td><td>${rule}</td><td class="reply"></td></tr>`;
}

function documentHtml(report: ReviewReport, d: ReportDocument, single: boolean): string {
  const out: string[] = ['<section class="doc">'];
  out.push(single ? `<h1>${e(report.title)}</h1>` : `<h2>${e(d.entity ?? d.file)}${d.year !== undefined ? ` ${d.year}年度` : ''}</h2>`);
  const what = documentLine(d);
  out.push(`<p class="meta"><span>被审核单位：${e(d.entity ?? '（文件中未识别）')}</span><span>年度：${d.year ?? '（未识别）'}</span>${what ? `<span>类型：${e(what)}</span>` : ''}</p>`);
  out.push(`<p class="meta"><span>文件：${e(d.file)}</span><span>审核日期：${e(report.date)}</span>${report.reviewer ? `<span>审核单位：${e(report.reviewer)}</span>` : ''}</p>`);
  if (d.status !== 'ok') {
    out.push(`<p class="result">审核结果：${STATUS_ZH[d.status]}${d.error ? `（${e(d.error)}）` : ''}</p></section>`);
    return out.join('\n');
  }
  out.push(`<p class="result">审核结果：${countsInWords(d.counts)}。错误须更正；警告请核实；提示为尾数误差等，无需整改。请在“整改情况”栏逐项填写整改措施或说明。</p>`);
  if (d.crashedRules.length) out.push(`<p class="meta">注意：以下规则未能完成检查：${e(d.crashedRules.join('、'))}</p>`);
  out.push(`<table>${COLGROUP}${THEAD}<tbody>`);
  if (!d.groups.length) out.push('<tr><td colspan="8">未发现需要整改的问题。</td></tr>');
  for (const g of d.groups) {
    out.push(`<tr class="group"><td colspan="8">${e(g.name)}（${g.items.length} 项）</td></tr>`);
    for (const it of g.items) out.push(itemRow(it));
  }
  if (d.infos.length) {
    out.push(`<tr class="group"><td colspan="8">附：提示（${d.infos.length} 项，尾数误差等，无需整改）</td></tr>`);
    for (const it of d.infos) out.push(itemRow(it));
  }
  out.push('</tbody></table></section>');
  return out.join('\n');
}

function summaryHtml(report: ReviewReport): string {
  const t = report.totals;
  const rows = report.documents.map((d, i) => `<tr><td class="n">${i + 1}</td><td>${e(d.file)}</td><td>${e(d.entity ?? '')}</td><td>${d.year ?? ''}</td><td>${e(d.kind ? KIND_ZH[d.kind] ?? d.kind : '')}</td><td>${STATUS_ZH[d.status]}</td><td class="n">${d.status === 'ok' ? d.counts.error : ''}</td><td class="n">${d.status === 'ok' ? d.counts.warning : ''}</td><td class="n">${d.status === 'ok' ? d.counts.info : ''}</td><td>${e(d.error ?? '')}</td></tr>`);
  return `<section class="doc summary"><h1>${e(report.title)}</h1>
<p class="meta"><span>审核日期：${e(report.date)}</span>${report.reviewer ? `<span>审核单位：${e(report.reviewer)}</span>` : ''}<span>共 ${t.documents} 份，已审核 ${t.checked} 份，无法读取 ${t.unreadable} 份</span></p>
<p class="result">${countsInWords(t)}</p>
<table><colgroup><col style="width:4%"><col style="width:26%"><col style="width:18%"><col style="width:6%"><col style="width:8%"><col style="width:8%"><col style="width:5%"><col style="width:5%"><col style="width:5%"><col style="width:15%"></colgroup>
<thead><tr><th>序号</th><th>文件</th><th>被审核单位</th><th>年度</th><th>类型</th><th>状态</th><th>错误</th><th>警告</th><th>提示</th><th>说明</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></section>`;
}

export function reviewReportHtml(report: ReviewReport): string {
  const single = report.documents.length === 1;
  const body = [...(single ? [] : [summaryHtml(report)]), ...report.documents.map((d) => documentHtml(report, d, single))];
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(report.title)}</title><style>${CSS}</style></head>
<body>
${body.join('\n')}
<p class="sign">审核单位（盖章）：${e(report.reviewer ?? '')}　　　　审核日期：${e(report.date)}</p>
</body></html>
`;
}

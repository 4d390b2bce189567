/** The readable outline of `juesuan parse`: meta, tables with their rows, sections, performance tables. */
import type { Cell, Disclosure, Section } from '../model/index.js';

function cellText(c: Cell | undefined): string {
  if (!c) return '';
  switch (c.value.kind) {
    case 'blank': return '·';
    case 'dash': return c.value.mark;
    default: return c.text;
  }
}

function sectionLines(s: Section, depth: number, out: string[]): void {
  const figures = s.paragraphs.reduce((n, p) => n + p.sentences.reduce((m, x) => m + x.figures.length, 0), 0);
  out.push(`${'  '.repeat(depth)}§ ${s.number ?? ''}${s.heading}  [line ${s.prov.line}${s.topic ? `, ${s.topic}` : ''}${figures ? `, ${figures} figures` : ''}]`);
  for (const c of s.children) sectionLines(c, depth + 1, out);
}

export function outline(d: Disclosure, opts: { rows?: number } = {}): string {
  const maxRows = opts.rows ?? 60;
  const m = d.meta;
  const out: string[] = [];
  out.push(`${m.title ?? '(untitled)'}`);
  out.push(`entity: ${m.entity ?? '?'}  year: ${m.year ?? '?'}  kind: ${m.kind}  scope: ${m.scope ?? '?'}  unit: ${m.unit ?? '?'}  format: ${d.source.format}`);
  if (d.notFound.length) out.push(`not found: ${d.notFound.join('; ')}`);
  out.push('', `Tables (${d.tables.length})`);
  for (const t of d.tables) {
    out.push(`  ${t.key ?? '—'}  ${t.ordinal ? `${t.ordinal} ` : ''}${t.title}  [${t.status}, ${t.unit}${t.variant ? `, ${t.variant}` : ''}, lines ${t.prov.line}–${t.endLine}]`);
    if (t.status !== 'present') continue;
    out.push(`      columns: ${t.columns.map((c) => `${c.key}=${c.label}`).join(' | ')}`);
    for (const r of t.rows.slice(0, maxRows)) {
      const cells = t.columns.filter((c) => r.cells[c.key]).map((c) => `${c.key}:${cellText(r.cells[c.key])}`);
      out.push(`      ${String(r.prov.line).padStart(4)}  ${r.side ? `${r.side} ` : ''}${r.code ?? ''} ${r.name}${r.key ? ` <${r.key}>` : ''}  ${cells.join('  ')}`);
    }
    if (t.rows.length > maxRows) out.push(`      … ${t.rows.length - maxRows} more rows`);
  }
  out.push('', `Performance self-evaluations (${d.performance.length})`);
  for (const p of d.performance) {
    const f = p.funding[0];
    out.push(`  [${p.kind}] ${p.project}  [line ${p.prov.line}, ${p.unit}] budget ${cellText(f?.annualBudget)} executed ${cellText(f?.executed)} rate ${cellText(f?.rate)} score ${cellText(p.totalScore)} grade ${cellText(p.grade)}; ${p.indicators.length} indicators`);
  }
  out.push('', 'Sections');
  for (const s of d.sections) sectionLines(s, 1, out);
  if (d.warnings.length) {
    out.push('', 'Warnings');
    for (const w of d.warnings) out.push(`  ${w.prov ? `line ${w.prov.line}: ` : ''}${w.message}`);
  }
  return out.join('\n');
}

import type { JSX } from 'react';
import type { Cell, Disclosure, Section, SourceLine } from '../../../src/model/index';
import type { Target } from '../locate';

function cellText(c: Cell | undefined): string { return c ? (c.value.kind === 'blank' ? '' : c.text) : ''; }

export interface Marks {
  /** line → cell indexes named by the selection ('row' when the selection names the line only). */
  cells: Map<number, { cells: Set<number>; row: boolean; related: boolean; evidence: string[] }>;
}

/** The lines and cells a selection points at, for the table, text and source views. */
export function marksOf(targets: readonly Target[]): Marks {
  const cells: Marks['cells'] = new Map();
  for (const t of targets) {
    const m = cells.get(t.line) ?? { cells: new Set<number>(), row: false, related: true, evidence: [] };
    if (t.cell !== undefined) m.cells.add(t.cell);
    else m.row = true;
    if (t.role === 'primary') m.related = false;
    if (t.evidence) m.evidence.push(t.evidence);
    cells.set(t.line, m);
  }
  return { cells };
}

/** The document's tables; the cells of the selection are marked (its row, lightly, when no cell is named). */
export function TablesView({ d, marks }: { d: Disclosure; marks: Marks }) {
  return (
    <div>
      {d.tables.map((t) => (
        <div className="panel" key={t.id} data-testid={`table-${t.key ?? t.id}`}>
          <h2>{t.ordinal ? `${t.ordinal} ` : ''}{t.title} <small>（单位：{t.unit}）{t.status === 'empty' ? ' · 空表' : ''}</small></h2>
          {t.status === 'present' && (
            <table className="grid">
              <thead><tr><th>科目编码</th><th>项目</th>{t.columns.map((c) => <th key={c.key}>{c.label}</th>)}</tr></thead>
              <tbody>
                {t.rows.map((r, i) => {
                  const m = marks.cells.get(r.prov.line);
                  const rowHit = m && (m.row || m.cells.size === 0);
                  return (
                    <tr key={i} className={rowHit ? (m.related ? 'hl-row related' : 'hl-row') : ''} data-line={r.prov.line}>
                      <td>{r.code ?? ''}</td><td>{r.name}</td>
                      {t.columns.map((c) => {
                        const cell = r.cells[c.key];
                        const cm = cell ? marks.cells.get(cell.prov.line) : undefined;
                        const hit = !!cell && !!cm && cell.prov.cell !== undefined && cm.cells.has(cell.prov.cell);
                        return <td key={c.key} className={`num ${hit ? (cm!.related ? 'hl related' : 'hl') : ''}`}>{cellText(cell)}</td>;
                      })}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          {t.notes.map((n, i) => <p key={i}><small>{n}</small></p>)}
        </div>
      ))}
      {!d.tables.length && <p className="panel">未识别到决算表。</p>}
    </div>
  );
}

/** The 情况说明 as a tree; the sentence printing the evidence is marked (all sentences of the line when none does). */
export function TextView({ sections, marks }: { sections: Section[]; marks: Marks }) {
  const render = (s: Section, depth: number): JSX.Element => (
    <div key={s.id} style={{ marginLeft: depth * 12 }}>
      <h3 style={{ fontSize: `${Math.max(0.85, 1.1 - depth * 0.08)}rem` }} className={marks.cells.has(s.prov.line) ? 'hl-head' : ''}>{s.number ?? ''}{s.heading}</h3>
      {s.paragraphs.map((p, i) => (
        <p key={i}>{p.sentences.map((x, j) => {
          const m = marks.cells.get(x.prov.line);
          const onLine = m ? p.sentences.filter((y) => y.prov.line === x.prov.line) : [];
          const withEv = m ? onLine.filter((y) => m.evidence.some((e) => y.text.includes(e))) : [];
          const hit = !!m && (withEv.length ? withEv.includes(x) : true);
          return <span key={j} className={`sentence ${hit ? (m!.related ? 'hl related' : 'hl') : ''}`} data-line={x.prov.line}>{x.text}</span>;
        })}</p>
      ))}
      {s.children.map((c) => render(c, depth + 1))}
    </div>
  );
  return <div className="panel" data-testid="text">{sections.length ? sections.map((s) => render(s, 0)) : <p>未识别到情况说明。</p>}</div>;
}

function markEvidence(text: string, evidence: string[]): (string | JSX.Element)[] {
  const ev = evidence.find((e) => e && text.includes(e));
  if (!ev) return [text];
  const at = text.indexOf(ev);
  return [text.slice(0, at), <mark key="m">{ev}</mark>, text.slice(at + ev.length)];
}

/**
 * The document as read, line by line (the view for formats without pages to draw: text, Excel, Word,
 * web pages), page breaks shown where the format has pages; the selection's lines and printed text marked.
 */
export function SourceView({ lines, marks }: { lines: SourceLine[]; marks: Marks }) {
  let lastPage: number | undefined;
  return (
    <div className="panel source-view" data-testid="source">
      {lines.map((l) => {
        const m = marks.cells.get(l.line);
        const pageBreak = l.page !== undefined && l.page !== lastPage;
        lastPage = l.page;
        return (
          <div key={l.line}>
            {pageBreak && <div className="page-break">第 {l.page} 页</div>}
            <div className={`src-line ${m ? (m.related ? 'hl related' : 'hl') : ''}`} data-line={l.line}>
              {m ? markEvidence(l.text.replace(/\t/g, '    '), m.evidence) : l.text.replace(/\t/g, '    ') || '\u00a0'}
            </div>
          </div>
        );
      })}
    </div>
  );
}

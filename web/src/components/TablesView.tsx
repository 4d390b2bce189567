import type { JSX } from 'react';
import type { Cell, Disclosure, Section } from '../../../src/model/index';

function cellText(c: Cell | undefined): string { return c ? (c.value.kind === 'blank' ? '' : c.text) : ''; }

/** The document's tables and text; cells and sentences on the highlighted lines are marked. */
export function TablesView({ d, lines }: { d: Disclosure; lines: Set<number> }) {
  return (
    <div>
      {d.tables.map((t) => (
        <div className="panel" key={t.id} data-testid={`table-${t.key ?? t.id}`}>
          <h2>{t.key ? `${t.key} ` : ''}{t.title} <small>（{t.unit}）{t.status === 'empty' ? ' · 空表' : ''}</small></h2>
          {t.status === 'present' && (
            <table className="grid">
              <thead><tr><th>科目</th><th>名称</th>{t.columns.map((c) => <th key={c.key}>{c.label}</th>)}</tr></thead>
              <tbody>
                {t.rows.map((r, i) => (
                  <tr key={i} className={lines.has(r.prov.line) ? 'hl' : ''} data-line={r.prov.line}>
                    <td>{r.code ?? ''}</td><td>{r.name}</td>
                    {t.columns.map((c) => {
                      const cell = r.cells[c.key];
                      return <td key={c.key} className={`num ${cell && lines.has(cell.prov.line) ? 'hl' : ''}`}>{cellText(cell)}</td>;
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {t.notes.map((n, i) => <p key={i}><small>{n}</small></p>)}
        </div>
      ))}
    </div>
  );
}

export function TextView({ sections, lines }: { sections: Section[]; lines: Set<number> }) {
  const render = (s: Section, depth: number): JSX.Element => (
    <div key={s.id} style={{ marginLeft: depth * 12 }}>
      <h3 style={{ fontSize: `${Math.max(0.85, 1.1 - depth * 0.08)}rem` }}>{s.number ?? ''}{s.heading}</h3>
      {s.paragraphs.map((p, i) => (
        <p key={i}>{p.sentences.map((x, j) => <span key={j} className={`sentence ${lines.has(x.prov.line) ? 'hl' : ''}`} data-line={x.prov.line}>{x.text}</span>)}</p>
      ))}
      {s.children.map((c) => render(c, depth + 1))}
    </div>
  );
  return <div className="panel" data-testid="text">{sections.map((s) => render(s, 0))}</div>;
}

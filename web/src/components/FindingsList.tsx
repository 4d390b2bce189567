/**
 * The findings of one document: filters (severity, family, rule, table, words), grouped by table or
 * section, identical findings merged with their count, each located in a reviewer's words, the rule's
 * explanation and references one click away. The list scrolls by itself (the page does not jump) and
 * is keyboard-navigable: ↑/↓ select the previous/next finding, Enter opens or closes its explanation.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { CheckReport, Finding, Severity } from '../../../src/check/types';
import { api } from '../api';
import { useT } from '../i18n';
import { locationWords } from '../locate';
import { mergeFindings, type FindingGroup } from '../findings';

export interface RuleEntry { rule: string; id: string; family: string; severity: Severity; titleZh: string; titleEn: string; description?: string; references: string[] }

export const FAMILY_ZH: Record<string, string> = {
  completeness: '完整性', intratable: '表内勾稽', crosstable: '表间勾稽', narrative: '说明与表格一致',
  performance: '绩效自评', catalog: '科目与目录', text: '文字', plausibility: '合理性',
};
export const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function useRules(): Map<string, RuleEntry> {
  const [rules, setRules] = useState(new Map<string, RuleEntry>());
  useEffect(() => {
    api.cached<{ rules: RuleEntry[] }>('/rules').then((r) => setRules(new Map(r.rules.map((x) => [x.rule, x])))).catch(() => {});
  }, []);
  return rules;
}

export { mergeFindings, type FindingGroup } from '../findings';

export interface Selection { group: string; occurrence: number }

export function FindingsList({ report, selected, onSelect, pageOf, reportLinks }: {
  report: CheckReport; selected?: Selection; onSelect: (g: FindingGroup, occurrence: number) => void;
  pageOf: (f: Finding) => number | undefined; reportLinks?: { href: string; label: string }[];
}) {
  const t = useT();
  const rules = useRules();
  const groups = useMemo(() => mergeFindings(report), [report]);
  const [sev, setSev] = useState<Record<Severity, boolean>>({ error: true, warning: true, info: true });
  const [family, setFamily] = useState('');
  const [rule, setRule] = useState('');
  const [table, setTable] = useState('');
  const [q, setQ] = useState('');
  const [groupBy, setGroupBy] = useState<'place' | 'severity'>('place');
  const [open, setOpen] = useState<string>();
  const list = useRef<HTMLDivElement>(null);

  const families = [...new Set(groups.map((g) => g.family))];
  const ruleIds = [...new Set(groups.filter((g) => !family || g.family === family).map((g) => g.f.rule))].sort();
  const tables = [...new Set(groups.map((g) => g.f.location.tableTitle ?? g.f.location.table).filter((x): x is string => !!x))];
  const shown = groups.filter((g) => sev[g.f.severity] && (!family || g.family === family) && (!rule || g.f.rule === rule)
    && (!table || (g.f.location.tableTitle ?? g.f.location.table) === table)
    && (!q || `${g.f.message} ${g.f.evidence ?? ''} ${g.place} ${g.f.rule}`.includes(q)));
  // sections of the list: by table/section (document order) or by severity
  const sections = new Map<string, FindingGroup[]>();
  const sorted = [...shown].sort((a, b) => groupBy === 'severity'
    ? ORDER[a.f.severity] - ORDER[b.f.severity] || a.order - b.order
    : a.order - b.order || ORDER[a.f.severity] - ORDER[b.f.severity]);
  for (const g of sorted) {
    const head = groupBy === 'severity' ? SEVERITY_ZH[g.f.severity] : g.place;
    const s = sections.get(head) ?? [];
    s.push(g);
    sections.set(head, s);
  }
  const flat = [...sections.values()].flat();
  const index = flat.findIndex((g) => g.key === selected?.group);

  // keep the selected finding visible inside the list (never scroll the page)
  useEffect(() => {
    const box = list.current;
    const el = box?.querySelector<HTMLElement>('.finding.selected');
    if (!box || !el) return;
    const top = el.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
    if (top < box.scrollTop || el.offsetHeight > box.clientHeight) box.scrollTop = top - 32;
    else if (top + el.offsetHeight > box.scrollTop + box.clientHeight) box.scrollTop = top + el.offsetHeight - box.clientHeight + 8;
  }, [selected?.group, selected?.occurrence, shown.length, open]);

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = flat[index < 0 ? 0 : Math.min(flat.length - 1, Math.max(0, index + (e.key === 'ArrowDown' ? 1 : -1)))];
      if (next) onSelect(next, 0);
    } else if (e.key === 'Enter' && index >= 0) {
      e.preventDefault();
      setOpen(open === flat[index]!.key ? undefined : flat[index]!.key);
    }
  };
  const skipped = (report.rules ?? []).filter((r) => r.status === 'skipped' || r.status === 'crashed');
  const count = (s: Severity) => groups.filter((g) => g.f.severity === s).reduce((n, g) => n + g.all.length, 0);

  return (
    <div className="panel findings-panel" data-testid="findings">
      <div className="findings-head">
        <h2>{t('findings')}</h2>
        {reportLinks?.map((l) => <a key={l.href} href={l.href} className="report-link">{l.label}</a>)}
      </div>
      <div className="filters" data-testid="finding-filters">
        {(['error', 'warning', 'info'] as const).map((s) => (
          <label key={s} className={`chip sev-${s}`}>
            <input type="checkbox" checked={sev[s]} onChange={(e) => setSev({ ...sev, [s]: e.target.checked })} data-testid={`filter-${s}`} />
            {t(s)} {count(s)}
          </label>
        ))}
        <select value={family} onChange={(e) => { setFamily(e.target.value); setRule(''); }} data-testid="filter-family">
          <option value="">全部类别</option>
          {families.map((f) => <option key={f} value={f}>{FAMILY_ZH[f] ?? f}</option>)}
        </select>
        <select value={rule} onChange={(e) => setRule(e.target.value)} data-testid="filter-rule">
          <option value="">全部规则</option>
          {ruleIds.map((r) => <option key={r} value={r}>{rules.get(r)?.titleZh ?? r}</option>)}
        </select>
        <select value={table} onChange={(e) => setTable(e.target.value)} data-testid="filter-table">
          <option value="">全部表格</option>
          {tables.map((x) => <option key={x} value={x}>{x}</option>)}
        </select>
        <input placeholder="筛选文字" value={q} onChange={(e) => setQ(e.target.value)} data-testid="filter-text" />
        <select value={groupBy} onChange={(e) => setGroupBy(e.target.value as 'place' | 'severity')} aria-label="分组">
          <option value="place">按表格/章节分组</option>
          <option value="severity">按严重程度分组</option>
        </select>
      </div>
      <p className="muted" data-testid="findings-shown">显示 {shown.reduce((n, g) => n + g.all.length, 0)} / {report.findings.length} 条（合并后 {shown.length} 项）· ↑↓ 选择，Enter 查看规则说明</p>
      <div className="findings-list" ref={list} tabIndex={0} onKeyDown={onKey} role="listbox" aria-label={t('findings')} data-testid="findings-list">
        {!report.findings.length && <p>{t('noFindings')}</p>}
        {[...sections.entries()].map(([head, gs]) => (
          <div key={head} className="finding-section">
            <h3 className="finding-section-head">{head} <small>({gs.reduce((n, g) => n + g.all.length, 0)})</small></h3>
            {gs.map((g) => {
              const f = g.f;
              const isSel = selected?.group === g.key;
              const entry = rules.get(f.rule);
              return (
                <div key={g.key} className={`finding ${f.severity} ${isSel ? 'selected' : ''}`} role="option" aria-selected={isSel}
                  onClick={() => onSelect(g, 0)} data-testid="finding" data-rule={f.rule}>
                  <div className="finding-msg">
                    <span className={`sev-tag sev-${f.severity}`}>{SEVERITY_ZH[f.severity]}</span>
                    {f.message}
                    {g.all.length > 1 && <span className="dup" data-testid="dup-count" title="相同的问题合并显示">×{g.all.length}</span>}
                  </div>
                  {f.evidence && <div className="finding-ev">{t('evidence')}：<code>{f.evidence}</code>{f.expected && <> → {t('expected')}：<code>{f.expected}</code></>}</div>}
                  <div className="meta">
                    {locationWords(f.location, pageOf(f)) || '全文'}
                    {' · '}{entry?.titleZh ?? f.rule}
                    <button className="info-btn" onClick={(e) => { e.stopPropagation(); setOpen(open === g.key ? undefined : g.key); }} aria-label="规则说明" data-testid="rule-info">ⓘ 规则说明</button>
                  </div>
                  {g.all.length > 1 && isSel && (
                    <div className="occurrences">
                      {g.all.map((o, i) => (
                        <a key={i} className={selected?.occurrence === i ? 'active' : ''} onClick={(e) => { e.stopPropagation(); onSelect(g, i); }}>
                          {locationWords(o.location, pageOf(o)) || `第 ${i + 1} 处`}
                        </a>
                      ))}
                    </div>
                  )}
                  {open === g.key && (
                    <div className="rule-explain" data-testid="rule-explain" onClick={(e) => e.stopPropagation()}>
                      <strong>{entry?.titleZh ?? f.rule}</strong> <small>{FAMILY_ZH[g.family] ?? g.family} · {f.rule}</small>
                      {entry?.description && <p>{entry.description}</p>}
                      {entry?.references.length ? <p>依据：{entry.references.map((r, i) => <span key={i} className="ref">{r}</span>)}</p> : null}
                    </div>
                  )}
                </div>
              );
            })}
          </div>
        ))}
        {skipped.length > 0 && (
          <details><summary>{t('skippedRules')} ({skipped.length})</summary>
            <ul>{skipped.map((r) => <li key={r.rule}>{rules.get(r.rule)?.titleZh ?? r.rule}：{r.status === 'crashed' ? '运行出错' : '未执行'} — {r.reason}</li>)}</ul>
          </details>
        )}
      </div>
    </div>
  );
}

/**
 * One document: the original beside its findings. A PDF is shown page by page (pdf.js) with the
 * selected finding boxed; other formats in their text as read; the recognised tables, 情况说明 and
 * 绩效自评 tables, key figures and charts are the other views. The two panes scroll on their own.
 */
import { useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { Disclosure } from '../../../src/model/index';
import type { CheckReport, Finding } from '../../../src/check/types';
import type { Facts } from '../../../src/facts/types';
import { api, when, yuanStringInUnit } from '../api';
import { FACT_NAMES, KIND_NAMES, LangContext, useT } from '../i18n';
import { Chart } from '../components/Chart';
import { FindingsList, type FindingGroup, type Selection } from '../components/FindingsList';
import { marksOf, SourceView, TablesView, TextView } from '../components/TablesView';
import { PerformanceView } from '../components/PerformanceView';
import { PdfView } from '../components/PdfView';
import { indexDocument, pageOf, targetsOf, type Target } from '../locate';
import type { Precision } from '../pdf-boxes';
import { reportLinksFor } from '../reports';
import * as charts from './charts';

type Tab = 'page' | 'source' | 'tables' | 'text' | 'performance' | 'facts' | 'charts';
const TAB_NAMES: Record<Tab, string> = { page: '原文页面', source: '原文文字', tables: '决算表', text: '情况说明', performance: '绩效自评', facts: '关键数据', charts: '图表' };

interface Summary { name: string; format: string; createdAt: string; unit: string | null }

function spanOf(d: Disclosure, line: number): 'tables' | 'text' | 'performance' | 'source' {
  if (d.tables.some((t) => line >= t.prov.line && line <= t.endLine)) return 'tables';
  if (d.performance.some((p) => line >= p.prov.line && line <= p.endLine)) return 'performance';
  const inSections = (ss: Disclosure['sections']): boolean => ss.some((s) => s.prov.line === line || s.paragraphs.some((p) => p.sentences.some((x) => x.prov.line === line)) || inSections(s.children));
  return inSections(d.sections) ? 'text' : 'source';
}

export function DocumentPage({ id }: { id: number }) {
  const t = useT();
  const { lang } = useContext(LangContext);
  const [d, setD] = useState<Disclosure>();
  const [report, setReport] = useState<CheckReport>();
  const [facts, setFacts] = useState<Facts>();
  const [summary, setSummary] = useState<Summary>();
  const [names, setNames] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [tab, setTab] = useState<Tab>();
  const [selected, setSelected] = useState<Selection & { targets: Target[]; finding: Finding }>();
  const [page, setPage] = useState(1);
  const [precision, setPrecision] = useState<Precision>();
  const pane = useRef<HTMLDivElement>(null);
  useEffect(() => {
    Promise.all([api.get<Disclosure>(`/documents/${id}/model`), api.get<CheckReport>(`/documents/${id}/findings`), api.get<Facts>(`/documents/${id}/facts`), api.get<Summary>(`/documents/${id}`)])
      .then(([m, r, f, s]) => { setD(m); setReport(r); setFacts(f); setSummary(s); setTab(m.source.format === 'pdf' ? 'page' : m.tables.length ? 'tables' : 'source'); })
      .catch((e) => setError(String(e.message)));
    api.cached<{ functionClasses: Record<string, string> }>('/labels').then((l) => setNames(l.functionClasses)).catch(() => {});
  }, [id]);
  const ix = useMemo(() => (d ? indexDocument(d) : undefined), [d]);
  const unit = (facts?.unit ?? d?.meta.unit ?? '元') as '元' | '万元';
  const options = useMemo(() => facts && [
    charts.incomeStructure(facts, t('incomeStructure'), unit),
    charts.expenditureByFunction(facts, `${t('expenditureByFunction')}（本年支出，按类）`, names, unit),
    charts.threePublic(facts, t('threePublic'), t('budget'), t('actual'), unit),
    charts.performance(facts, t('performanceScores'), t('executionRate'), t('score')),
  ].filter((o) => o !== undefined), [facts, t, names, unit]);
  // bring the marked cell or sentence into view inside the document pane (the page does not scroll)
  useEffect(() => {
    if (!selected || tab === 'page') return;
    const box = pane.current;
    const el = box?.querySelector<HTMLElement>('.hl:not(.related), .hl-row:not(.related), .hl-head');
    if (!box || !el) return;
    const top = el.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
    box.scrollTo({ top: Math.max(0, top - box.clientHeight / 3) });
  }, [selected, tab]);
  if (error) return <p className="error-text">{error}</p>;
  if (!d || !report || !facts || !ix || !tab) return <p>…</p>;
  const isPdf = d.source.format === 'pdf';
  const marks = marksOf(selected?.targets ?? []);
  const select = (g: FindingGroup, occurrence: number) => {
    const f = g.all[occurrence] ?? g.f;
    const targets = targetsOf(ix, f);
    setSelected({ group: g.key, occurrence, targets, finding: f });
    setPrecision(undefined);
    const primary = targets.find((x) => x.role === 'primary') ?? targets[0];
    if (tab === 'page' && isPdf) {
      const p = primary?.page ?? pageOf(ix, f.location);
      if (p) setPage(p);
    } else if (primary && tab !== 'source') {
      setTab(spanOf(d, primary.line));
    }
  };
  const tabs: Tab[] = [...(isPdf ? ['page' as const] : []), 'source', 'tables', 'text', ...(d.performance.length ? ['performance' as const] : []), 'facts', 'charts'];
  const note = !selected ? '' : !selected.targets.length ? '此问题针对整个文件（如缺少的表或章节），页面上没有具体位置。'
    : tab !== 'page' ? '' : precision === 'line' && !selected.finding.evidence ? '该问题没有可框出的印刷文字（如缺少的表或章节），已框出它所指位置的那一行。'
    : precision === 'line' ? '只找到所在的行，已框出整行（原文中没有单独印出该数字或文字）。'
    : precision === 'none' ? '未能在本页找到该位置，请查看“原文文字”。' : '';
  return (
    <div className="doc-page">
      <div className="doc-head">
        <h2 data-testid="doc-title">{d.meta.entity ?? summary?.name} · {d.meta.year} · {KIND_NAMES[d.meta.kind]?.[lang] ?? d.meta.kind}</h2>
        <span className="muted">{summary?.name} · 上传于 {when(summary?.createdAt)} · 金额单位：{unit}</span>
        <a href={`/api/documents/${id}/content`} className="muted">下载原文件</a>
      </div>
      <div className="doc-layout">
        <div className="doc-pane">
          <div className="tabs">
            {tabs.map((k) => <button key={k} className={tab === k ? 'active' : ''} onClick={() => setTab(k)} data-testid={`tab-${k}`}>{TAB_NAMES[k]}</button>)}
          </div>
          {note && <p className="locate-note" data-testid="locate-note">{note}</p>}
          <div className="doc-scroll" ref={pane}>
            {tab === 'page' && <PdfView url={`/api/documents/${id}/content`} page={page} onPage={setPage} targets={selected?.targets ?? []} ix={ix} onPrecision={setPrecision} />}
            {tab === 'source' && <SourceView lines={d.lines} marks={marks} />}
            {tab === 'tables' && <TablesView d={d} marks={marks} />}
            {tab === 'text' && <TextView sections={d.sections} marks={marks} />}
            {tab === 'performance' && <PerformanceView evaluations={d.performance} marks={marks} />}
            {tab === 'facts' && (
              <div className="panel"><table className="grid" data-testid="facts-table">
                <thead><tr><th>{t('key')}</th><th>金额（{unit}）</th></tr></thead>
                <tbody>
                  {Object.entries(facts.amounts).map(([k, v]) => <tr key={k}><td>{FACT_NAMES[k] ?? k}</td><td className="num">{yuanStringInUnit(v, unit)}</td></tr>)}
                  {Object.entries(facts.expenditureByFunction ?? {}).map(([k, v]) => <tr key={k}><td>{k} {names[k] ?? ''}</td><td className="num">{yuanStringInUnit(v, unit)}</td></tr>)}
                </tbody>
              </table></div>
            )}
            {tab === 'charts' && <div className="charts" data-testid="charts">{options?.map((o, i) => <div className="panel" key={i}><Chart option={o} /></div>)}</div>}
          </div>
        </div>
        <FindingsList report={report} selected={selected} onSelect={select} pageOf={(f) => pageOf(ix, f.location)} reportLinks={reportLinksFor({ document: id })} />
      </div>
    </div>
  );
}

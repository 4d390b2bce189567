/**
 * Compare: one entity across years, entities in one year, or budget against actual. Rows named in
 * Chinese (from the glossary and the 科目 catalogue), amounts in the documents' unit (万元 when they
 * print 万元) with separators, each column with its file name and upload time, and the change and
 * percentage against the column before.
 */
import { useEffect, useMemo, useState } from 'react';
import { api, inUnit, when, type Unit } from '../api';
import { FACT_NAMES, useT } from '../i18n';
import { Chart } from '../components/Chart';
import { ExecutionCompare } from './ExecutionCompare';

interface Column { documentId: number; entity: string | null; year: number | null; kind?: string | null; name?: string | null; createdAt?: string | null; unit?: string | null; facts: Record<string, number> }
interface Comparison { columns: Column[]; keys: string[]; labels?: Record<string, string> }

const CHART_KEYS = ['incomeTotal', 'expenditureTotal', 'basicExpenditure', 'projectExpenditure', 'publicExpense', 'threePublic.actual.total'];
const AMOUNT_ORDER = ['incomeTotal', 'fiscalIncome', 'generalBudgetIncome', 'otherIncome', 'carryoverBegin', 'expenditureTotal', 'basicExpenditure', 'projectExpenditure',
  'generalBudgetExpenditure', 'generalBudgetInitialBudget', 'personnelExpense', 'publicExpense', 'operatingExpense', 'procurementTotal', 'carryoverEnd', 'grandTotal'];
const TP_ORDER = ['total', 'abroad', 'vehicle', 'vehiclePurchase', 'vehicleOperation', 'reception'];

function groupOf(k: string): 0 | 1 | 2 { return k.startsWith('fn:') ? 1 : k.startsWith('threePublic.') ? 2 : 0; }
function rank(k: string): number {
  const tp = /^threePublic\.(budget|actual)\.(\w+)$/.exec(k);
  if (tp) return (tp[1] === 'budget' ? 0 : 100) + TP_ORDER.indexOf(tp[2]!);
  if (k.startsWith('fn:')) return Number(k.slice(3));
  const i = AMOUNT_ORDER.indexOf(k);
  return i < 0 ? 999 : i;
}
const GROUP_TITLES = ['收支总额', '支出功能分类（本年支出，按类）', '“三公”经费'];

/** The change from `a` to `b` and its percentage of `a` (two decimals; none when `a` is 0). */
export function change(a: number | undefined, b: number | undefined): { diff?: number; pct?: string } {
  if (a === undefined || b === undefined) return {};
  return { diff: b - a, ...(a !== 0 && { pct: `${(((b - a) / Math.abs(a)) * 100).toFixed(2)}%` }) };
}

export function ComparePage({ query }: { query: string }) {
  const t = useT();
  const initial = new URLSearchParams(query.replace(/^\?/, ''));
  const [mode, setMode] = useState<'entity' | 'year' | 'execution'>(initial.get('mode') === 'execution' ? 'execution' : initial.get('year') ? 'year' : 'entity');
  const [entity, setEntity] = useState(initial.get('entity') ?? '');
  const [year, setYear] = useState(initial.get('year') ?? '');
  const [entities, setEntities] = useState<string[]>([]);
  const [data, setData] = useState<Comparison>();
  const [error, setError] = useState('');
  const [unitPick, setUnitPick] = useState<Unit | ''>('');
  useEffect(() => {
    api.get<{ facets: Record<string, { value: string }[]>; items: { entity: string | null }[] }>('/documents?limit=500').then((r) => {
      setEntities([...new Set(r.items.map((i) => i.entity).filter((e): e is string => !!e))].sort());
      if (!entity && r.items[0]?.entity) setEntity(r.items[0].entity);
      if (!year && r.facets.year?.length) setYear(r.facets.year[r.facets.year.length - 1]!.value);
    }).catch(() => {});
  }, []);
  useEffect(() => {
    if (mode === 'execution') return;
    const q = mode === 'entity' ? (entity ? `entity=${encodeURIComponent(entity)}` : '') : (/^\d{4}$/.test(year) ? `year=${year}` : '');
    if (!q) return;
    api.get<Comparison>(`/compare?${q}`).then((c) => { setData(c); setError(''); }).catch((e) => setError(String(e.message)));
  }, [mode, entity, year]);
  // the documents' unit: 万元 when most of them print 万元
  const docUnit: Unit = data && data.columns.filter((c) => c.unit === '万元').length * 2 >= data.columns.length && data.columns.length ? '万元' : '元';
  const unit: Unit = unitPick || docUnit;
  const plain = (c: Column) => `${mode === 'entity' ? String(c.year ?? '') : c.entity ?? String(c.documentId)}${c.kind === 'budget' ? ` ${t('budget')}` : ''}`;
  // columns of the same year (an original and its corrected copy) are told apart by their file names
  const label = (c: Column) => {
    const same = data?.columns.filter((o) => plain(o) === plain(c)) ?? [];
    return same.length > 1 ? `${plain(c)}（${(c.name ?? String(c.documentId)).replace(/\.[^.]+$/, '').slice(0, 12)}）` : plain(c);
  };
  const name = (k: string) => data?.labels?.[k] ?? FACT_NAMES[k] ?? k;
  const keys = useMemo(() => [...(data?.keys ?? [])].sort((a, b) => groupOf(a) - groupOf(b) || rank(a) - rank(b)), [data]);
  const option = useMemo(() => data && {
    title: { text: `主要收支对比（${unit}）`, left: 'center', top: 0, textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' as const }, legend: { top: 26, type: 'scroll' as const }, grid: { top: 72, left: 80, right: 24, bottom: 60 },
    xAxis: { type: 'category' as const, data: CHART_KEYS.map((k) => (k === 'threePublic.actual.total' ? '“三公”经费' : FACT_NAMES[k] ?? name(k))), axisLabel: { interval: 0 } },
    yAxis: { type: 'value' as const, name: unit },
    series: data.columns.map((c) => ({ name: label(c), type: 'bar' as const, data: CHART_KEYS.map((k) => (c.facts[k] === undefined ? null : Math.round(c.facts[k]! / (unit === '万元' ? 10_000 : 1)) / 100)) })),
  }, [data, unit]);
  const exportUrl = mode === 'entity' ? `/api/export?entity=${encodeURIComponent(entity)}` : `/api/export?year=${year}`;
  // change and % against the column before: across years only (entities of one year are not a series)
  const withChange = mode === 'entity';
  let lastGroup = -1;
  return (
    <div>
      <div className="panel toolbar">
        <label><input type="radio" checked={mode === 'entity'} onChange={() => setMode('entity')} /> {t('byYear')}</label>
        <label><input type="radio" checked={mode === 'year'} onChange={() => setMode('year')} /> {t('byEntity')}</label>
        <label><input type="radio" checked={mode === 'execution'} onChange={() => setMode('execution')} data-testid="compare-execution" /> {t('byBudget')}</label>
        {mode === 'execution' ? null : mode === 'entity'
          ? <select value={entity} onChange={(e) => setEntity(e.target.value)} data-testid="compare-entity">{entities.map((e) => <option key={e}>{e}</option>)}</select>
          : <input value={year} onChange={(e) => setYear(e.target.value)} placeholder={t('year')} data-testid="compare-year" />}
        {mode !== 'execution' && <>
          <label>金额单位 <select value={unit} onChange={(e) => setUnitPick(e.target.value as Unit)} data-testid="compare-unit"><option>万元</option><option>元</option></select></label>
          <span>导出：<a href={`${exportUrl}&format=xlsx`}>Excel</a> · <a href={`${exportUrl}&format=csv`}>CSV</a> · <a href={`${exportUrl}&format=json`}>JSON</a></span>
        </>}
      </div>
      {mode === 'execution' && <ExecutionCompare initialEntity={initial.get('entity') ?? undefined} initialYear={initial.get('year') ?? undefined} />}
      {error && <p className="error-text">{error}</p>}
      {data && mode !== 'execution' && (
        <>
          {data.columns.length === 0 && <p className="panel">没有可对比的文件。</p>}
          <div className="panel"><Chart option={option!} testId="compare-chart" /></div>
          <div className="panel" style={{ overflowX: 'auto' }}>
            <table className="grid" data-testid="compare-table">
              <thead>
                <tr>
                  <th rowSpan={2}>{t('key')}（{unit}）</th>
                  {data.columns.map((c, i) => (
                    <th key={c.documentId} colSpan={i === 0 || !withChange ? 1 : 3}>
                      <a href={`#/doc/${c.documentId}`}>{label(c)}</a>
                      <div className="muted col-file" title={c.name ?? ''}>{c.name}</div>
                      {c.createdAt && <div className="muted col-file">上传于 {when(c.createdAt)}</div>}
                    </th>
                  ))}
                </tr>
                <tr>
                  {data.columns.map((c, i) => (i === 0 || !withChange ? <th key={c.documentId}>金额</th> : [
                    <th key={`${c.documentId}-v`}>金额</th>, <th key={`${c.documentId}-d`}>增减</th>, <th key={`${c.documentId}-p`}>增减%</th>,
                  ]))}
                </tr>
              </thead>
              <tbody>
                {keys.map((k) => {
                  const g = groupOf(k);
                  const head = g !== lastGroup ? <tr key={`g${g}`}><th colSpan={withChange ? 3 * data.columns.length - 1 : 1 + data.columns.length} className="group-head">{GROUP_TITLES[g]}</th></tr> : null;
                  lastGroup = g;
                  return [head, (
                    <tr key={k}>
                      <td>{name(k)}</td>
                      {data.columns.map((c, i) => {
                        const v = <td key={`${c.documentId}-v`} className="num">{inUnit(c.facts[k], unit)}</td>;
                        if (i === 0 || !withChange) return v;
                        const ch = change(data.columns[i - 1]!.facts[k], c.facts[k]);
                        const cls = ch.diff === undefined || ch.diff === 0 ? '' : ch.diff > 0 ? 'delta-up' : 'delta-down';
                        return [v,
                          <td key={`${c.documentId}-d`} className={`num ${cls}`}>{ch.diff === undefined ? '' : `${ch.diff > 0 ? '+' : ''}${inUnit(ch.diff, unit)}`}</td>,
                          <td key={`${c.documentId}-p`} className={`num ${cls}`}>{ch.pct ? `${ch.diff! > 0 ? '+' : ''}${ch.pct}` : ''}</td>];
                      })}
                    </tr>
                  )];
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}

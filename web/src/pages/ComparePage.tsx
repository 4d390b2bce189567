import { useEffect, useMemo, useState } from 'react';
import { api, yuan } from '../api';
import { FACT_NAMES, useT } from '../i18n';
import { Chart } from '../components/Chart';
import { ExecutionCompare } from './ExecutionCompare';

interface Column { documentId: number; entity: string | null; year: number | null; kind?: string | null; facts: Record<string, number> }
interface Comparison { columns: Column[]; keys: string[] }

const CHART_KEYS = ['incomeTotal', 'expenditureTotal', 'basicExpenditure', 'projectExpenditure', 'publicExpense', 'threePublic.actual.total'];

export function ComparePage({ query }: { query: string }) {
  const t = useT();
  const initial = new URLSearchParams(query.replace(/^\?/, ''));
  const [mode, setMode] = useState<'entity' | 'year' | 'execution'>(initial.get('mode') === 'execution' ? 'execution' : initial.get('year') ? 'year' : 'entity');
  const [entity, setEntity] = useState(initial.get('entity') ?? '');
  const [year, setYear] = useState(initial.get('year') ?? '');
  const [entities, setEntities] = useState<string[]>([]);
  const [data, setData] = useState<Comparison>();
  const [error, setError] = useState('');
  useEffect(() => {
    api.get<{ facets: Record<string, { value: string }[]>; items: { entity: string | null }[] }>('/documents?limit=500').then((r) => {
      setEntities([...new Set(r.items.map((i) => i.entity).filter((e): e is string => !!e))]);
      if (!entity && r.items[0]?.entity) setEntity(r.items[0].entity);
      if (!year && r.facets.year?.[0]) setYear(r.facets.year[0].value);
    }).catch(() => {});
  }, []);
  useEffect(() => {
    if (mode === 'execution') return;
    const q = mode === 'entity' ? (entity ? `entity=${encodeURIComponent(entity)}` : '') : (year ? `year=${year}` : '');
    if (!q) return;
    api.get<Comparison>(`/compare?${q}`).then((c) => { setData(c); setError(''); }).catch((e) => setError(String(e.message)));
  }, [mode, entity, year]);
  const label = (c: Column) => `${mode === 'entity' ? String(c.year) : c.entity ?? String(c.documentId)}${c.kind === 'budget' ? ` ${t('budget')}` : ''}`;
  const option = useMemo(() => data && {
    tooltip: {}, legend: { top: 0 },
    xAxis: { type: 'category' as const, data: CHART_KEYS.map((k) => FACT_NAMES[k] ?? (k.startsWith('threePublic') ? '三公经费' : k)), axisLabel: { interval: 0, rotate: 15 } },
    yAxis: { type: 'value' as const, name: '元' },
    series: data.columns.map((c) => ({ name: label(c), type: 'bar' as const, data: CHART_KEYS.map((k) => (c.facts[k] ?? 0) / 100) })),
  }, [data]);
  const exportUrl = mode === 'entity' ? `/api/export?entity=${encodeURIComponent(entity)}` : `/api/export?year=${year}`;
  return (
    <div>
      <div className="panel">
        <label><input type="radio" checked={mode === 'entity'} onChange={() => setMode('entity')} /> {t('byYear')}</label>{' '}
        <label><input type="radio" checked={mode === 'year'} onChange={() => setMode('year')} /> {t('byEntity')}</label>{' '}
        <label><input type="radio" checked={mode === 'execution'} onChange={() => setMode('execution')} data-testid="compare-execution" /> {t('byBudget')}</label>{' '}
        {mode === 'execution' ? null : mode === 'entity'
          ? <select value={entity} onChange={(e) => setEntity(e.target.value)} data-testid="compare-entity">{entities.map((e) => <option key={e}>{e}</option>)}</select>
          : <input value={year} onChange={(e) => setYear(e.target.value)} placeholder={t('year')} data-testid="compare-year" />}
        {mode !== 'execution' && <>{' '}<a href={`${exportUrl}&format=csv`}>CSV</a> · <a href={`${exportUrl}&format=xlsx`}>XLSX</a> · <a href={`${exportUrl}&format=json`}>JSON</a></>}
      </div>
      {mode === 'execution' && <ExecutionCompare initialEntity={initial.get('entity') ?? undefined} initialYear={initial.get('year') ?? undefined} />}
      {error && <p className="error-text">{error}</p>}
      {data && mode !== 'execution' && (
        <>
          <div className="panel"><Chart option={option!} testId="compare-chart" /></div>
          <div className="panel">
            <table className="grid" data-testid="compare-table">
              <thead><tr><th>{t('key')}</th>{data.columns.map((c) => <th key={c.documentId}><a href={`#/doc/${c.documentId}`}>{label(c)}</a></th>)}</tr></thead>
              <tbody>{data.keys.map((k) => <tr key={k}><td>{FACT_NAMES[k] ?? k}</td>{data.columns.map((c) => <td key={c.documentId} className="num">{yuan(c.facts[k])}</td>)}</tr>)}</tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}

/** Budget vs actual (执行率): the 部门预算 and 部门决算 of one entity and year side by side. */
import { useEffect, useMemo, useState } from 'react';
import { api, inUnit, type Unit } from '../api';
import { useT } from '../i18n';
import { Chart } from '../components/Chart';

interface Row { key: string; label: string; group: 'total' | 'function' | 'threePublic'; budget?: number; actual?: number; rate?: string; difference?: number }
interface Execution { entity: string; year: number; budget?: { documentId: number; name: string }; actual?: { documentId: number; name: string }; rows: Row[] }
interface Pair { entity: string; year: number }

export function ExecutionCompare({ initialEntity, initialYear }: { initialEntity?: string; initialYear?: string }) {
  const t = useT();
  const [pairs, setPairs] = useState<Pair[]>([]);
  const [pick, setPick] = useState(initialEntity && initialYear ? `${initialEntity}|${initialYear}` : '');
  const [data, setData] = useState<Execution>();
  const [error, setError] = useState('');
  const [unit, setUnit] = useState<Unit>('万元');
  useEffect(() => {
    api.get<{ pairs: Pair[] }>('/compare/execution/pairs').then((r) => {
      setPairs(r.pairs);
      if (!pick && r.pairs[0]) setPick(`${r.pairs[0].entity}|${r.pairs[0].year}`);
    }).catch((e) => setError(String(e.message)));
  }, []);
  useEffect(() => {
    if (!pick) return;
    const [entity, year] = pick.split('|');
    api.get<Execution>(`/compare/execution?entity=${encodeURIComponent(entity!)}&year=${year}`).then((c) => { setData(c); setError(''); }).catch((e) => setError(String(e.message)));
  }, [pick]);
  const chartRows = useMemo(() => data?.rows.filter((r) => r.group === 'function' || r.key === 'threePublic.total') ?? [], [data]);
  const option = useMemo(() => data && {
    title: { text: `预算与决算（${unit}）及执行率`, left: 'center', top: 0, textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' as const }, legend: { top: 26 }, grid: { top: 72, left: 80, right: 60, bottom: 80 },
    xAxis: { type: 'category' as const, data: chartRows.map((r) => r.label), axisLabel: { interval: 0, rotate: 15 } },
    yAxis: [{ type: 'value' as const, name: unit }, { type: 'value' as const, name: '%' }],
    series: [
      { name: t('budget'), type: 'bar' as const, data: chartRows.map((r) => (r.budget === undefined ? null : Math.round(r.budget / (unit === '万元' ? 10_000 : 1)) / 100)) },
      { name: t('actual'), type: 'bar' as const, data: chartRows.map((r) => (r.actual === undefined ? null : Math.round(r.actual / (unit === '万元' ? 10_000 : 1)) / 100)) },
      { name: t('executionRate'), type: 'line' as const, yAxisIndex: 1, data: chartRows.map((r) => (r.rate === undefined ? null : Number(r.rate))) },
    ],
  }, [data, chartRows, unit]);
  const groups: [Row['group'], string][] = [['total', t('totals')], ['function', t('expenditureByFunction')], ['threePublic', t('threePublic')]];
  return (
    <div>
      <div className="panel">
        <select value={pick} onChange={(e) => setPick(e.target.value)} data-testid="execution-pick">
          {pairs.map((p) => <option key={`${p.entity}|${p.year}`} value={`${p.entity}|${p.year}`}>{p.entity} {p.year}</option>)}
        </select>
        {' '}<label>金额单位 <select value={unit} onChange={(e) => setUnit(e.target.value as Unit)}><option>万元</option><option>元</option></select></label>
        {!pairs.length && <span> {t('noPairs')}</span>}
        {data?.budget && <> {' '}<a href={`#/doc/${data.budget.documentId}`}>{t('budgetDocument')}</a></>}
        {data?.actual && <> · <a href={`#/doc/${data.actual.documentId}`}>{t('actualDocument')}</a></>}
      </div>
      {error && <p className="error-text">{error}</p>}
      {data && (
        <>
          <div className="panel"><Chart option={option!} testId="execution-chart" /></div>
          <div className="panel">
            <table className="grid" data-testid="execution-table">
              <thead><tr><th>{t('key')}（{unit}）</th><th>{t('budget')}</th><th>{t('actual')}</th><th>{t('difference')}</th><th>{t('executionRate')}</th></tr></thead>
              <tbody>
                {groups.map(([g, title]) => {
                  const rows = data.rows.filter((r) => r.group === g);
                  if (!rows.length) return null;
                  return [
                    <tr key={g}><th colSpan={5}>{title}</th></tr>,
                    ...rows.map((r) => (
                      <tr key={r.key}>
                        <td>{r.label}</td>
                        <td className="num">{inUnit(r.budget, unit)}</td>
                        <td className="num">{inUnit(r.actual, unit)}</td>
                        <td className="num">{inUnit(r.difference, unit)}</td>
                        <td className="num">{r.rate === undefined ? '' : `${r.rate}%`}</td>
                      </tr>
                    )),
                  ];
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}

import { useEffect, useState } from 'react';
import { api } from '../api';
import { useT } from '../i18n';

interface Summary { id: number; name: string; entity: string | null; year: number | null; kind: string | null; region: string | null; departmentType: string | null; status: string; counts: { error: number; warning: number; info: number } }
interface SearchResult { items: Summary[]; total: number; facets: Record<string, { value: string; count: number }[]> }

export function CorpusPage() {
  const t = useT();
  const [filters, setFilters] = useState<Record<string, string>>({});
  const [q, setQ] = useState('');
  const [data, setData] = useState<SearchResult>();
  const [error, setError] = useState('');
  useEffect(() => {
    const params = new URLSearchParams({ ...filters, ...(q && { q }) });
    api.get<SearchResult>(`/documents?${params}`).then(setData).catch((e) => setError(String(e.message)));
  }, [filters, q]);
  const facetNames: Record<string, string> = { year: t('year'), kind: t('kind'), region: t('region'), departmentType: t('departmentType') };
  return (
    <div className="panel">
      <input placeholder={t('search')} value={q} onChange={(e) => setQ(e.target.value)} data-testid="corpus-search" />
      {error && <p className="error-text">{error}</p>}
      <div className="facets">
        {Object.entries(data?.facets ?? {}).map(([k, vs]) => (
          <div key={k}><strong>{facetNames[k] ?? k}</strong>：
            <a onClick={() => { const f = { ...filters }; delete f[k]; setFilters(f); }}>{t('all')}</a>
            {vs.map((v) => <a key={v.value} onClick={() => setFilters({ ...filters, [k]: v.value })} style={{ fontWeight: filters[k] === v.value ? 700 : 400 }}>{v.value} ({v.count})</a>)}
          </div>
        ))}
      </div>
      <p>{data?.total ?? 0} {t('documents')}</p>
      <table className="grid" data-testid="corpus-table">
        <thead><tr><th>{t('entity')}</th><th>{t('year')}</th><th>{t('kind')}</th><th>{t('region')}</th><th className="sev-error">{t('error')}</th><th className="sev-warning">{t('warning')}</th><th /></tr></thead>
        <tbody>
          {data?.items.map((d) => (
            <tr key={d.id}>
              <td>{d.entity ?? d.name}</td><td>{d.year}</td><td>{d.kind}</td><td>{d.region}</td>
              <td className="num">{d.counts.error}</td><td className="num">{d.counts.warning}</td>
              <td><a href={`#/doc/${d.id}`}>{t('open')}</a></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

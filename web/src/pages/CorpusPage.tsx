/** The corpus: search and facets, each document with its file name, upload time and counts. */
import { useEffect, useState } from 'react';
import { api, when } from '../api';
import { KIND_NAMES, useT } from '../i18n';
import { QueueBatches } from '../components/QueueBatches';

interface Summary { id: number; name: string; format: string; entity: string | null; year: number | null; kind: string | null; region: string | null; departmentType: string | null; unit: string | null; status: string; counts: { error: number; warning: number; info: number }; createdAt: string }
interface SearchResult { items: Summary[]; total: number; facets: Record<string, { value: string; count: number }[]> }

const kindZh = (k: string | null) => (k ? KIND_NAMES[k]?.zh ?? k : '');

export function CorpusPage() {
  const t = useT();
  const [filters, setFilters] = useState<Record<string, string>>({});
  const [q, setQ] = useState('');
  const [data, setData] = useState<SearchResult>();
  const [error, setError] = useState('');
  useEffect(() => {
    const params = new URLSearchParams({ ...filters, ...(q && { q }), limit: '500' });
    api.get<SearchResult>(`/documents?${params}`).then(setData).catch((e) => setError(String(e.message)));
  }, [filters, q]);
  const facetNames: Record<string, string> = { year: t('year'), kind: t('kind'), region: t('region'), departmentType: t('departmentType') };
  return (
    <div className="panel">
      <QueueBatches />
      <input placeholder={`${t('search')}（单位或文件名）`} value={q} onChange={(e) => setQ(e.target.value)} data-testid="corpus-search" />
      {error && <p className="error-text">{error}</p>}
      <div className="facets">
        {Object.entries(data?.facets ?? {}).map(([k, vs]) => (
          <div key={k}><strong>{facetNames[k] ?? k}</strong>：
            <a onClick={() => { const f = { ...filters }; delete f[k]; setFilters(f); }} style={{ fontWeight: filters[k] ? 400 : 700 }}>{t('all')}</a>
            {vs.map((v) => <a key={v.value} onClick={() => setFilters({ ...filters, [k]: v.value })} style={{ fontWeight: filters[k] === v.value ? 700 : 400 }}>{k === 'kind' ? kindZh(v.value) : v.value} ({v.count})</a>)}
          </div>
        ))}
      </div>
      <p>{data?.total ?? 0} {t('documents')}</p>
      <table className="grid" data-testid="corpus-table">
        <thead><tr>
          <th>{t('entity')}</th><th>{t('year')}</th><th>{t('kind')}</th><th>{t('region')}</th><th>文件名</th><th>上传时间</th><th>金额单位</th>
          <th className="sev-error">{t('error')}</th><th className="sev-warning">{t('warning')}</th><th className="sev-info">{t('info')}</th><th />
        </tr></thead>
        <tbody>
          {data?.items.map((d) => (
            <tr key={d.id}>
              <td>{d.entity ?? '（未识别）'}</td><td>{d.year}</td><td>{kindZh(d.kind)}</td><td>{d.region}</td>
              <td className="filename" title={d.name}>{d.name}</td><td>{when(d.createdAt)}</td><td>{d.unit}</td>
              <td className="num sev-error">{d.counts.error}</td><td className="num sev-warning">{d.counts.warning}</td><td className="num sev-info">{d.counts.info}</td>
              <td>
                <a href={`#/doc/${d.id}`}>{t('open')}</a>
                {d.entity && <> · <a href={`#/compare/?entity=${encodeURIComponent(d.entity)}`}>历年对比</a></>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

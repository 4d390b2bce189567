import { useContext, useEffect, useMemo, useState } from 'react';
import type { Disclosure } from '../../../src/model/index';
import type { CheckReport, Finding } from '../../../src/check/types';
import type { Facts } from '../../../src/facts/types';
import { api } from '../api';
import { FACT_NAMES, KIND_NAMES, LangContext, useT } from '../i18n';
import { Chart } from '../components/Chart';
import { FindingsList } from '../components/FindingsList';
import { TablesView, TextView } from '../components/TablesView';
import * as charts from './charts';

type Tab = 'tables' | 'text' | 'facts' | 'charts';

function relatedLines(f: Finding): Set<number> {
  const s = new Set<number>();
  if (f.location.line) s.add(f.location.line);
  for (const r of f.related ?? []) if (r.location.line) s.add(r.location.line);
  return s;
}

export function DocumentPage({ id }: { id: number }) {
  const t = useT();
  const { lang } = useContext(LangContext);
  const [d, setD] = useState<Disclosure>();
  const [report, setReport] = useState<CheckReport>();
  const [facts, setFacts] = useState<Facts>();
  const [error, setError] = useState('');
  const [tab, setTab] = useState<Tab>('tables');
  const [selected, setSelected] = useState<{ key: string; lines: Set<number> }>();
  useEffect(() => {
    Promise.all([api.get<Disclosure>(`/documents/${id}/model`), api.get<CheckReport>(`/documents/${id}/findings`), api.get<Facts>(`/documents/${id}/facts`)])
      .then(([m, r, f]) => { setD(m); setReport(r); setFacts(f); })
      .catch((e) => setError(String(e.message)));
  }, [id]);
  const options = useMemo(() => facts && [
    charts.incomeStructure(facts, t('incomeStructure')),
    charts.expenditureByFunction(facts, t('expenditureByFunction'), charts.CATEGORY_NAMES),
    charts.threePublic(facts, t('threePublic'), t('budget'), t('actual')),
    charts.performance(facts, t('performanceScores'), t('executionRate'), t('score')),
  ].filter((o) => o !== undefined), [facts, t]);
  if (error) return <p className="error-text">{error}</p>;
  if (!d || !report || !facts) return <p>…</p>;
  const lines = selected?.lines ?? new Set<number>();
  const select = (key: string, f: Finding) => {
    const rl = relatedLines(f);
    setSelected({ key, lines: rl });
    const inTable = d.tables.some((tb) => tb.rows.some((r) => rl.has(r.prov.line) || Object.values(r.cells).some((c) => rl.has(c.prov.line))));
    setTab(inTable ? 'tables' : 'text');
    setTimeout(() => document.querySelector('.hl')?.scrollIntoView({ block: 'center' }), 50);
  };
  return (
    <div>
      <h2 data-testid="doc-title">{d.meta.entity} · {d.meta.year} · {KIND_NAMES[d.meta.kind]?.[lang] ?? d.meta.kind}</h2>
      <div className="layout">
        <div>
          <div className="tabs">
            {(['tables', 'text', 'facts', 'charts'] as Tab[]).map((k) => <button key={k} className={tab === k ? 'active' : ''} onClick={() => setTab(k)} data-testid={`tab-${k}`}>{t(k)}</button>)}
          </div>
          {tab === 'tables' && <TablesView d={d} lines={lines} />}
          {tab === 'text' && <TextView sections={d.sections} lines={lines} />}
          {tab === 'facts' && (
            <div className="panel"><table className="grid" data-testid="facts-table"><tbody>
              {Object.entries(facts.amounts).map(([k, v]) => <tr key={k}><td>{FACT_NAMES[k] ?? k}</td><td className="num">{v}</td></tr>)}
            </tbody></table></div>
          )}
          {tab === 'charts' && <div className="charts" data-testid="charts">{options?.map((o, i) => <div className="panel" key={i}><Chart option={o} /></div>)}</div>}
        </div>
        <FindingsList report={report} selected={selected?.key} onSelect={select} />
      </div>
    </div>
  );
}

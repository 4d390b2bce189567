import type { CheckReport, Finding } from '../../../src/check/types';
import { useT } from '../i18n';

export function findingKey(f: Finding, i: number): string { return `${i}:${f.rule}:${f.location.line ?? ''}`; }

export function FindingsList({ report, selected, onSelect }: { report: CheckReport; selected?: string; onSelect: (key: string, f: Finding) => void }) {
  const t = useT();
  const order = { error: 0, warning: 1, info: 2 } as const;
  const sorted = report.findings.map((f, i) => ({ f, key: findingKey(f, i) })).sort((a, b) => order[a.f.severity] - order[b.f.severity] || (a.f.location.line ?? 0) - (b.f.location.line ?? 0));
  const skipped = (report.rules ?? []).filter((r) => r.status === 'skipped' || r.status === 'crashed');
  return (
    <div className="panel" data-testid="findings">
      <h2>{t('findings')}</h2>
      <div className="counts">
        <span className="sev-error">{t('error')} {report.counts.error}</span>
        <span className="sev-warning">{t('warning')} {report.counts.warning}</span>
        <span className="sev-info">{t('info')} {report.counts.info}</span>
      </div>
      {!sorted.length && <p>{t('noFindings')}</p>}
      {sorted.map(({ f, key }) => (
        <div key={key} className={`finding ${f.severity} ${selected === key ? 'selected' : ''}`} onClick={() => onSelect(key, f)} data-testid="finding">
          <div>{f.message}</div>
          {f.evidence && <div>{t('evidence')}: <code>{f.evidence}</code>{f.expected && <> → {t('expected')}: <code>{f.expected}</code></>}</div>}
          <div className="meta">{f.rule} · {f.location.page ? `${t('page')} ${f.location.page} · ` : ''}{t('line')} {f.location.line ?? '?'}{f.location.table ? ` · ${f.location.table}` : ''}{f.location.row ? ` · ${f.location.row}` : ''}{f.location.section ? ` · ${f.location.section}` : ''}</div>
        </div>
      ))}
      {skipped.length > 0 && (
        <details><summary>{t('skippedRules')} ({skipped.length})</summary>
          <ul>{skipped.map((r) => <li key={r.rule}>{r.rule}: {r.status} — {r.reason}</li>)}</ul>
        </details>
      )}
    </div>
  );
}

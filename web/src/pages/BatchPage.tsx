/** A batch: each document with its counts (errors, warnings, notes), totals and links to the documents. */
import { useEffect, useState } from 'react';
import { api, when } from '../api';
import { KIND_NAMES } from '../i18n';
import { reportLinksFor } from '../reports';

export interface BatchRow {
  key: string;
  name: string;
  size: number;
  phase: 'queued' | 'uploading' | 'checking' | 'waiting' | 'done' | 'failed' | 'skipped';
  progress: number;
  docId?: number;
  entity?: string;
  year?: number;
  kind?: string;
  counts?: { error: number; warning: number; info: number };
  error?: string;
  note?: string;
  /** The .zip the file came from. */
  from?: string;
  uploadedAt?: string;
}

const PHASE: Record<BatchRow['phase'], string> = {
  queued: '排队中', uploading: '上传中', checking: '读取与审核中', waiting: '等待重试', done: '完成', failed: '失败', skipped: '已跳过',
};

function size(n: number): string {
  return n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
}

export function BatchTable({ rows }: { rows: BatchRow[] }) {
  const total = rows.reduce((a, r) => ({ error: a.error + (r.counts?.error ?? 0), warning: a.warning + (r.counts?.warning ?? 0), info: a.info + (r.counts?.info ?? 0) }), { error: 0, warning: 0, info: 0 });
  const showUploaded = rows.some((r) => r.uploadedAt);
  return (
    <table className="grid" data-testid="batch-table">
      <thead><tr>
        <th>文件名</th><th>大小</th>{showUploaded && <th>上传时间</th>}<th>进度</th><th>单位</th><th>年度</th><th>类型</th>
        <th className="sev-error">错误</th><th className="sev-warning">警告</th><th className="sev-info">提示</th><th />
      </tr></thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-testid="batch-row" data-phase={r.phase}>
            <td>{r.name}{r.from && <small className="muted"> （{r.from}）</small>}</td>
            <td className="num">{size(r.size)}</td>
            {showUploaded && <td>{when(r.uploadedAt)}</td>}
            <td>
              <div className={`progress ${r.phase === 'done' ? 'done' : r.phase === 'failed' ? 'failed' : r.phase === 'checking' ? 'checking' : ''}`} title={PHASE[r.phase]}>
                <span style={{ width: `${r.phase === 'done' || r.phase === 'failed' || r.phase === 'checking' ? 100 : Math.round(r.progress * 100)}%` }} />
              </div>
              <small className={r.phase === 'failed' ? 'error-text' : 'muted'}>{r.phase === 'uploading' ? `${PHASE[r.phase]} ${Math.round(r.progress * 100)}%` : PHASE[r.phase]}</small>
            </td>
            <td>{r.entity ?? ''}</td><td>{r.year ?? ''}</td><td>{r.kind ?? ''}</td>
            {r.phase === 'failed' || r.phase === 'skipped'
              ? <td colSpan={3} className="status-error" title={r.note}>{r.error}</td>
              : <><td className="num sev-error">{r.counts?.error ?? ''}</td><td className="num sev-warning">{r.counts?.warning ?? ''}</td><td className="num sev-info">{r.counts?.info ?? ''}</td></>}
            <td>{r.docId && <a href={`#/doc/${r.docId}`}>打开</a>}</td>
          </tr>
        ))}
      </tbody>
      <tfoot><tr><th colSpan={showUploaded ? 7 : 6}>合计 {rows.length} 个文件</th><th className="num sev-error">{total.error}</th><th className="num sev-warning">{total.warning}</th><th className="num sev-info">{total.info}</th><th /></tr></tfoot>
    </table>
  );
}

interface Summary { id: number; name: string; size: number; entity: string | null; year: number | null; kind: string | null; status: string; error: string | null; counts: { error: number; warning: number; info: number }; createdAt: string }

export function BatchPage({ ids }: { ids: number[] }) {
  const [rows, setRows] = useState<BatchRow[]>();
  const [error, setError] = useState('');
  useEffect(() => {
    Promise.all(ids.map((id) => api.get<Summary>(`/documents/${id}`).then((s) => s, () => undefined)))
      .then((ss) => setRows(ss.map((s, i): BatchRow => (s ? {
        key: String(s.id), name: s.name, size: s.size, phase: s.status === 'ok' ? 'done' : 'failed', progress: 1, docId: s.id,
        ...(s.entity && { entity: s.entity }), ...(s.year !== null && { year: s.year }), ...(s.kind && { kind: KIND_NAMES[s.kind]?.zh ?? s.kind }),
        counts: s.counts, uploadedAt: s.createdAt, ...(s.error && { error: s.error }),
      } : { key: `missing-${ids[i]}`, name: `文件 ${ids[i]}`, size: 0, phase: 'failed', progress: 0, error: '文件不存在（已删除？）' }))))
      .catch((e) => setError(String((e as Error).message)));
  }, [ids.join(',')]);
  const links = reportLinksFor({ documents: ids });
  return (
    <div className="panel" data-testid="batch-page">
      <div className="toolbar">
        <h2>批次：{ids.length} 个文件</h2>
        {links.map((l) => <a key={l.href} href={l.href}>{l.label}</a>)}
      </div>
      {error && <p className="error-text">{error}</p>}
      {rows ? <BatchTable rows={rows} /> : <p>…</p>}
    </div>
  );
}

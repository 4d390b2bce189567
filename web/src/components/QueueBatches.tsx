/** The latest batches (queued imports, upload batches, re-checks, imports of many files) with their progress, refreshed while any runs. */
import { useEffect, useState } from 'react';
import { api, when } from '../api';
import { anyRunning, batchFraction, batchLine, type BatchProgressView } from '../batches';

interface Listed { id: string; createdAt: string }

export function QueueBatches({ limit = 5, everyMs = 3000 }: { limit?: number; everyMs?: number }) {
  const [batches, setBatches] = useState<(BatchProgressView & { createdAt: string })[]>([]);
  const [queue, setQueue] = useState(false);
  const [error, setError] = useState('');
  const [round, setRound] = useState(0);
  useEffect(() => {
    let stop = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const { batches: list, queue: q } = await api.get<{ batches: Listed[]; queue?: boolean }>(`/batches?limit=${limit}`);
        const ps = await Promise.all(list.map((b) => api.get<BatchProgressView>(`/batches/${b.id}`).then((p) => ({ ...p, createdAt: b.createdAt }))));
        if (stop) return;
        setBatches(ps);
        setQueue(q === true);
        if (anyRunning(ps)) timer = setTimeout(() => void load(), everyMs);
      } catch {
        // batches are an extra: the corpus page works without them
      }
    };
    void load();
    return () => { stop = true; clearTimeout(timer); };
  }, [limit, everyMs, round]);
  // cancel and retry-failed act on the queue's batches (the server has one)
  const act = (id: string, what: 'cancel' | 'retry-failed') => {
    setError('');
    api.post(`/batches/${id}/${what}`, {}).then(() => setRound((r) => r + 1), (e: Error) => setError(e.message));
  };
  if (!batches.length) return null;
  return (
    <div className="queue-batches" data-testid="queue-batches">
      <strong>批次进度</strong>
      {batches.map((b) => (
        <div key={b.id} data-testid="queue-batch" data-finished={b.finished ? 'yes' : 'no'}>
          <div className={`progress ${b.finished ? (b.failed ? 'failed' : 'done') : 'checking'}`} title={b.id}>
            <span style={{ width: `${Math.round(batchFraction(b) * 100)}%` }} />
          </div>
          <small className={b.failed ? 'error-text' : 'muted'}>{batchLine(b)} · {when(b.createdAt)} · <code>{b.id}</code></small>
          {queue && !b.finished && b.status !== 'cancelled' && <> · <a onClick={() => act(b.id, 'cancel')} data-testid="batch-cancel">取消</a></>}
          {queue && b.finished && b.failed > 0 && <> · <a onClick={() => act(b.id, 'retry-failed')} data-testid="batch-retry">重试失败的文件</a></>}
        </div>
      ))}
      {error && <p className="error-text">{error}</p>}
    </div>
  );
}

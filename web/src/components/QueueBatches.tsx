/** The latest batches (queued imports, upload batches, re-checks, imports of many files) with their progress, refreshed while any runs. */
import { useEffect, useState } from 'react';
import { api, when } from '../api';
import { anyRunning, batchFraction, batchLine, type BatchProgressView } from '../batches';

interface Listed { id: string; createdAt: string }

export function QueueBatches({ limit = 5, everyMs = 3000 }: { limit?: number; everyMs?: number }) {
  const [batches, setBatches] = useState<(BatchProgressView & { createdAt: string })[]>([]);
  useEffect(() => {
    let stop = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const { batches: list } = await api.get<{ batches: Listed[] }>(`/batches?limit=${limit}`);
        const ps = await Promise.all(list.map((b) => api.get<BatchProgressView>(`/batches/${b.id}`).then((p) => ({ ...p, createdAt: b.createdAt }))));
        if (stop) return;
        setBatches(ps);
        if (anyRunning(ps)) timer = setTimeout(() => void load(), everyMs);
      } catch {
        // batches are an extra: the corpus page works without them
      }
    };
    void load();
    return () => { stop = true; clearTimeout(timer); };
  }, [limit, everyMs]);
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
        </div>
      ))}
    </div>
  );
}

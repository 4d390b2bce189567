/** Batches of the queue (and of imports) as the corpus page shows them: progress in words and as a fraction. */

/** What GET /api/batches/{id} answers (the part shown). */
export interface BatchProgressView {
  id: string;
  kind: string;
  label: string | null;
  status: string;
  total: number;
  done: number;
  failed: number;
  waiting: number;
  cancelled: number;
  finished: boolean;
}

const KIND_ZH: Record<string, string> = { import: '导入', upload: '上传', recheck: '重新审核' };

/** "导入 · 1200/3000 已完成 · 3 失败 · 1797 等待中" */
export function batchLine(p: BatchProgressView): string {
  const parts = [`${KIND_ZH[p.kind] ?? p.kind}${p.label ? `（${p.label}）` : ''}`, `${p.done}/${p.total} 已完成`];
  if (p.failed) parts.push(`${p.failed} 失败`);
  if (p.waiting) parts.push(`${p.waiting} 等待中`);
  if (p.cancelled) parts.push(`${p.cancelled} 已取消`);
  if (p.status === 'cancelled') parts.push('批次已取消');
  else if (p.finished) parts.push(p.failed ? '结束（有失败，可重试）' : '全部完成');
  return parts.join(' · ');
}

/** The share of the batch that is settled (done or failed or cancelled), 0…1. */
export function batchFraction(p: BatchProgressView): number {
  if (p.total <= 0) return p.finished ? 1 : 0;
  return Math.min(1, Math.max(0, (p.done + p.failed + p.cancelled) / p.total));
}

/** Whether to keep asking: some batch still has documents waiting. */
export function anyRunning(ps: BatchProgressView[]): boolean {
  return ps.some((p) => !p.finished && p.status !== 'cancelled');
}

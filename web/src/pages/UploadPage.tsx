/**
 * Upload and check: one file opens its document page; many files (or a .zip of them) are a batch,
 * sent a few at a time with per-file progress (sending, then reading and checking on the server),
 * retried when the server asks to wait, and listed with their counts; the batch page keeps the list.
 */
import { useRef, useState } from 'react';
import { ApiFailure, uploadWithProgress } from '../api';
import { useT } from '../i18n';
import { isZip, unzip } from '../zip';
import { BatchTable, type BatchRow } from './BatchPage';
import { KIND_NAMES } from '../i18n';
import { reportLinksFor } from '../reports';

interface UploadResult { id: number; created: boolean; status: string; error?: string; document?: { entity: string | null; year: number | null; kind: string | null; counts: { error: number; warning: number; info: number } } }

const ACCEPTED = /\.(pdf|xlsx|xls|xlsm|docx|doc|html?|mht|mhtml|txt|json)$/i;
const PARALLEL = 3;

interface Item extends BatchRow { blob: Blob }

export function UploadPage() {
  const t = useT();
  const [over, setOver] = useState(false);
  const [items, setItems] = useState<Item[]>([]);
  const [error, setError] = useState('');
  const [running, setRunning] = useState(false);
  const itemsRef = useRef<Item[]>([]);
  const update = (key: string, patch: Partial<Item>) => {
    itemsRef.current = itemsRef.current.map((i) => (i.key === key ? { ...i, ...patch } : i));
    setItems(itemsRef.current);
  };

  const sendOne = async (it: Item): Promise<void> => {
    for (let attempt = 0; ; attempt++) {
      try {
        update(it.key, { phase: 'uploading', progress: 0 });
        const r = await uploadWithProgress<UploadResult>(it.blob, it.name, (p) => update(it.key, { progress: p }), () => update(it.key, { phase: 'checking' }));
        const doc = r.document;
        update(it.key, {
          phase: 'done', progress: 1, docId: r.id,
          ...(doc && { counts: doc.counts, entity: doc.entity ?? undefined, year: doc.year ?? undefined, kind: doc.kind ? KIND_NAMES[doc.kind]?.zh ?? doc.kind : undefined }),
        });
        return;
      } catch (e) {
        const f = e as ApiFailure;
        if ((f.status === 429 || f.status === 503) && attempt < 30) {
          update(it.key, { phase: 'waiting', progress: 0, note: '服务器正忙，稍后自动重试' });
          await new Promise((res) => setTimeout(res, 1000 * Math.min(10, f.retryAfter ?? 2)));
          continue;
        }
        update(it.key, { phase: 'failed', error: f.message, ...(f.detail && { note: f.detail }) });
        return;
      }
    }
  };

  const send = async (files: File[]) => {
    setError('');
    if (!files.length) return;
    const list: Item[] = [];
    try {
      for (const file of files) {
        const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
        if (isZip(file.name, head)) {
          const entries = await unzip(await file.arrayBuffer());
          for (const e of entries) {
            const key = `${list.length}:${e.name}`;
            if (!ACCEPTED.test(e.name)) list.push({ key, name: e.name, size: e.bytes.length, phase: 'skipped', progress: 0, blob: new Blob([]), from: file.name, error: '已跳过：不是公开文件的格式' });
            else list.push({ key, name: e.name, size: e.bytes.length, phase: 'queued', progress: 0, blob: new Blob([e.bytes as BlobPart]), from: file.name });
          }
        } else list.push({ key: `${list.length}:${file.name}`, name: file.name, size: file.size, phase: 'queued', progress: 0, blob: file });
      }
    } catch (e) { setError(`无法读取压缩包：${(e as Error).message}`); return; }
    const todo = list.filter((i) => i.phase === 'queued');
    // one document: straight to its page, as before
    if (list.length === 1 && todo.length === 1) {
      itemsRef.current = list; setItems(list); setRunning(true);
      await sendOne(todo[0]!);
      setRunning(false);
      const done = itemsRef.current[0]!;
      if (done.phase === 'done' && done.docId) location.hash = `#/doc/${done.docId}`;
      else setError(done.error ?? t('unreadable'));
      return;
    }
    itemsRef.current = list; setItems(list); setRunning(true);
    let next = 0;
    const worker = async () => { while (next < todo.length) await sendOne(todo[next++]!); };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, todo.length) }, worker));
    setRunning(false);
  };

  const ids = items.filter((i) => i.docId).map((i) => i.docId!);
  const finished = items.filter((i) => i.phase === 'done' || i.phase === 'failed' || i.phase === 'skipped').length;
  const single = items.length === 1;
  return (
    <div>
      <label className={`drop ${over ? 'over' : ''}`} data-testid="dropzone"
        onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)}
        onDrop={(e) => { e.preventDefault(); setOver(false); if (!running) void send([...e.dataTransfer.files]); }}>
        <p>{running && single ? t('uploading') : t('dropHere')}</p>
        <small>可一次选择多个文件，或上传一个 .zip 压缩包（批量审核）</small>
        <input type="file" multiple data-testid="file-input" style={{ display: 'none' }} disabled={running}
          onChange={(e) => { void send([...(e.target.files ?? [])]); e.target.value = ''; }} />
      </label>
      {error && <p className="error-text" data-testid="upload-error">{error}</p>}
      {items.length > 1 && (
        <div className="panel" data-testid="batch-progress">
          <div className="toolbar">
            <h2>批量审核：{finished} / {items.length} 个文件已完成</h2>
            {!running && ids.length > 0 && <a href={`#/batch/${ids.join(',')}`} data-testid="batch-link">打开批次页面</a>}
            {!running && ids.length > 0 && reportLinksFor({ documents: ids }).map((l) => <a key={l.href} href={l.href}>{l.label}</a>)}
          </div>
          <BatchTable rows={items} />
        </div>
      )}
      {single && items[0] && items[0].phase !== 'done' && items[0].phase !== 'failed' && (
        <div className="panel"><BatchTable rows={items} /></div>
      )}
    </div>
  );
}

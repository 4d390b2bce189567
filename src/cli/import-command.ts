/**
 * `juesuan import PATH…`: files and folders into the corpus, with a progress bar and a summary.
 * Each document is stored in its own transaction and deduplicated by content hash, so an interrupted
 * import restarted with the same paths loses nothing and repeats nothing (already stored files are
 * recognised by hash before they are read).
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import cliProgress from 'cli-progress';
import { openDb, resolveDbUrl } from '../store/db.js';
import { sha256Of, storeDocument, type Analyse, type Db } from '../store/corpus.js';
import { WorkerPool } from '../core/pool/pool.js';
import { createBatch, recordSettled, type ItemState } from '../store/batches.js';

const SUPPORTED = /\.(txt|text|pdf|xlsx|xls|docx|doc|html?|mht|mhtml)$/i;

export async function collectFiles(paths: string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  async function walk(p: string): Promise<void> {
    let info;
    try {
      info = await stat(p);
    } catch {
      missing.push(p);
      return;
    }
    if (info.isDirectory()) {
      for (const e of (await readdir(p)).sort()) if (!e.startsWith('.')) await walk(join(p, e));
    } else if (SUPPORTED.test(p) || paths.includes(p)) files.push(p);
  }
  for (const p of paths) await walk(p);
  return { files, missing };
}

export interface ImportSummary {
  added: number;
  skipped: number;
  unreadable: { file: string; reason: string }[];
  missing: string[];
  /** the batch of an import of many files */
  batch?: string;
}

/**
 * Stores every file, reading them in the worker pool when one is given (`pool.size` at once; each
 * document in its own transaction, so the order of completion does not matter). A document that
 * cannot be read, or overruns its time or memory budget, is listed as unreadable; the import goes on.
 */
export async function importFiles(db: Db, files: string[], onProgress?: (done: number, file: string) => void, pool?: WorkerPool, batch?: string): Promise<Omit<ImportSummary, 'missing'>> {
  const summary = { added: 0, skipped: 0, unreadable: [] as { file: string; reason: string }[] };
  let done = 0;
  const analyse: Analyse | undefined = pool ? (input) => pool.run({ op: 'store', input }) : undefined;
  const one = async (file: string, seq: number): Promise<void> => {
    const bytes = new Uint8Array(await readFile(file));
    const sha256 = sha256Of(bytes);
    const stored = bytes.length ? await db.selectFrom('documents').select(['id', 'status', 'error']).where('sha256', '=', sha256).executeTakeFirst() : undefined;
    // the batch item of this file (`juesuan batch status`, /api/batches), recorded once it is settled
    const record = async (state: ItemState, documentId?: number, error?: string) => {
      if (batch) await recordSettled(db, batch, seq, { name: basename(file), sha256, state, ...(documentId && { documentId }), ...(error !== undefined && { error }) });
    };
    if (!bytes.length) {
      summary.unreadable.push({ file, reason: 'empty file' });
      await record('unreadable', undefined, 'empty file');
    } else if (stored?.status === 'unreadable') {
      summary.unreadable.push({ file, reason: stored.error ?? 'unreadable' });
      await record('unreadable', stored.id, stored.error ?? 'unreadable');
    } else if (stored) {
      summary.skipped++;
      await record('existing', stored.id);
    } else {
      let r;
      try {
        r = await storeDocument(db, { bytes, name: basename(file), sha256, user: 'import', ...(analyse && { analyse }) });
      } catch (e) {
        // one document's failure (a reader bug that killed its worker) never stops the import
        r = { id: 0, created: false, status: 'unreadable' as const, error: `internal error: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` };
      }
      if (r.status === 'unreadable') summary.unreadable.push({ file, reason: r.error ?? 'unreadable' });
      else if (r.created) summary.added++;
      else summary.skipped++;
      // not stored (an internal error, a time or memory budget overrun): failed, as on the queue
      await record(r.status === 'unreadable' ? (r.id ? 'unreadable' : 'failed') : r.created ? 'added' : 'existing', r.id || undefined, r.error);
    }
    onProgress?.(++done, file);
  };
  let next = 0;
  const lanes = Math.max(1, pool?.size ?? 1);
  await Promise.all(Array.from({ length: Math.min(lanes, files.length) }, async () => {
    while (next < files.length) {
      const i = next++;
      await one(files[i]!, i + 1);
    }
  }));
  return summary;
}

export async function importCommand(paths: string[], dbUrl?: string, jobs?: number): Promise<ImportSummary> {
  const { files, missing } = await collectFiles(paths);
  const opened = await openDb(resolveDbUrl(dbUrl));
  const bar = process.stderr.isTTY ? new cliProgress.SingleBar({ format: '导入 {bar} {value}/{total} {file}', hideCursor: true }, cliProgress.Presets.shades_classic) : undefined;
  bar?.start(files.length, 0, { file: '' });
  const pool = new WorkerPool({ idleMs: 0, ...(jobs && { size: jobs }) });
  try {
    // many files: a batch, followed by `juesuan batch status ID` and /api/batches as a queued import is
    const batch = files.length > 1 ? await createBatch(opened.db, { kind: 'import', label: `import ${paths.join(' ')}`.slice(0, 200), user: 'cli', total: files.length }) : undefined;
    const s = await importFiles(opened.db, files, (done, file) => bar?.update(done, { file: basename(file) }), pool, batch);
    bar?.stop();
    const summary: ImportSummary = { ...s, missing, ...(batch && { batch }) };
    process.stdout.write(`imported into ${opened.url}: ${s.added} added, ${s.skipped} already stored, ${s.unreadable.length} unreadable, ${missing.length} missing paths${batch ? ` (batch ${batch})` : ''}\n`);
    for (const u of s.unreadable) process.stdout.write(`  unreadable: ${u.file}: ${u.reason}\n`);
    for (const m of missing) process.stdout.write(`  missing: ${m}\n`);
    if (missing.length || s.unreadable.length) process.exitCode = 2;
    return summary;
  } finally {
    bar?.stop();
    await pool.close();
    await opened.close();
  }
}

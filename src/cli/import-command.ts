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
}

/**
 * Stores every file, reading them in the worker pool when one is given (`pool.size` at once; each
 * document in its own transaction, so the order of completion does not matter). A document that
 * cannot be read, or overruns its time or memory budget, is listed as unreadable; the import goes on.
 */
export async function importFiles(db: Db, files: string[], onProgress?: (done: number, file: string) => void, pool?: WorkerPool): Promise<Omit<ImportSummary, 'missing'>> {
  const summary = { added: 0, skipped: 0, unreadable: [] as { file: string; reason: string }[] };
  let done = 0;
  const analyse: Analyse | undefined = pool ? (input) => pool.run({ op: 'store', input }) : undefined;
  const one = async (file: string): Promise<void> => {
    const bytes = new Uint8Array(await readFile(file));
    const stored = bytes.length ? await db.selectFrom('documents').select(['status', 'error']).where('sha256', '=', sha256Of(bytes)).executeTakeFirst() : undefined;
    if (!bytes.length) summary.unreadable.push({ file, reason: 'empty file' });
    else if (stored?.status === 'unreadable') summary.unreadable.push({ file, reason: stored.error ?? 'unreadable' });
    else if (stored) summary.skipped++;
    else {
      let r;
      try {
        r = await storeDocument(db, { bytes, name: basename(file), user: 'import', ...(analyse && { analyse }) });
      } catch (e) {
        // one document's failure (a reader bug that killed its worker) never stops the import
        r = { id: 0, created: false, status: 'unreadable' as const, error: `internal error: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` };
      }
      if (r.status === 'unreadable') summary.unreadable.push({ file, reason: r.error ?? 'unreadable' });
      else if (r.created) summary.added++;
      else summary.skipped++;
    }
    onProgress?.(++done, file);
  };
  let next = 0;
  const lanes = Math.max(1, pool?.size ?? 1);
  await Promise.all(Array.from({ length: Math.min(lanes, files.length) }, async () => {
    while (next < files.length) await one(files[next++]!);
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
    const s = await importFiles(opened.db, files, (done, file) => bar?.update(done, { file: basename(file) }), pool);
    bar?.stop();
    const summary: ImportSummary = { ...s, missing };
    process.stdout.write(`imported into ${opened.url}: ${s.added} added, ${s.skipped} already stored, ${s.unreadable.length} unreadable, ${missing.length} missing paths\n`);
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

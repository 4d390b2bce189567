/**
 * WAL checkpoints of the server's SQLite file in a thread of their own.
 *
 * better-sqlite3 runs on the caller's thread, and SQLite checkpoints the log from inside a commit
 * once it passes 1,000 pages: that commit copies the log into the database file and syncs it —
 * 35–40 ms of a blocked event loop every few documents (measured: 300 commits of a 400 KB document
 * took 1.37 s with automatic checkpoints, 0.35 s without, and the slowest commit 42 ms against 6).
 * Here a worker thread with its own connection checkpoints PASSIVE (never blocking readers or the
 * writer) every INTERVAL_MS, and the server's connection checkpoints by itself only as a backstop
 * when the log passes BACKSTOP_PAGES (the thread stopped or fell behind); if the thread dies, the
 * connection's automatic checkpoints come back at once.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';

const INTERVAL_MS = 250;
const BACKSTOP_PAGES = 20_000;
const DEFAULT_PAGES = 1000;

const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file);
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy or closing: the next tick tries again */ }
}, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  try { db.pragma('wal_checkpoint(PASSIVE)'); db.close(); } catch {}
  process.exit(0);
});`;

export interface Checkpointer {
  stop(): Promise<void>;
}

export function startCheckpointer(sqlite: BetterSqlite3.Database, file: string): Checkpointer {
  const require = createRequire(import.meta.url);
  const worker = new Worker(THREAD, { eval: true, workerData: { file, module: require.resolve('better-sqlite3'), intervalMs: INTERVAL_MS } });
  worker.unref();
  sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  let stopping = false;
  let exited = false;
  worker.once('exit', () => {
    exited = true;
  });
  const fallBack = (): void => {
    if (stopping) return;
    try {
      sqlite.pragma(`wal_autocheckpoint = ${DEFAULT_PAGES}`);
    } catch {
      /* the connection is closed */
    }
  };
  worker.once('error', fallBack);
  worker.once('exit', fallBack);
  return {
    stop: async () => {
      if (stopping) return;
      stopping = true;
      if (!exited) {
        // held while it ends (it is unref'd while it works), its last checkpoint done
        worker.ref();
        const ended = new Promise((resolve) => worker.once('exit', resolve));
        worker.postMessage('stop');
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([ended, new Promise((resolve) => (timer = setTimeout(resolve, 2000)))]);
        clearTimeout(timer);
        await worker.terminate();
      }
      try {
        sqlite.pragma(`wal_autocheckpoint = ${DEFAULT_PAGES}`);
      } catch {
        /* closed */
      }
    },
  };
}

/** Opens the corpus database: SQLite (embedded, WAL) by default, PostgreSQL when given a postgres:// URL. */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { Database } from './schema.js';
import { migrateToLatest } from './migrations.js';

export interface OpenedDb {
  db: Kysely<Database>;
  dialect: 'sqlite' | 'postgres';
  url: string;
  close(): Promise<void>;
}

export const DEFAULT_DB_PATH = './data/juesuan.sqlite';

export function resolveDbUrl(explicit?: string): string {
  return explicit ?? process.env.DATABASE_URL ?? DEFAULT_DB_PATH;
}

/** Prepared statements kept per connection (kysely prepares every query it runs). */
const STATEMENT_CACHE = 500;

/**
 * The connection as kysely sees it, with its prepared statements kept by SQL text: preparing is
 * ~2% of the server's event loop under load, and the same few dozen statements run again and
 * again. Safe because kysely runs each statement to the end synchronously (nothing here streams).
 */
function withStatementCache(sqlite: import('better-sqlite3').Database): { close(): void; prepare(sql: string): import('better-sqlite3').Statement } {
  const cache = new Map<string, import('better-sqlite3').Statement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare: (sql) => {
      let stmt = cache.get(sql);
      if (stmt) {
        cache.delete(sql); // most recently used last
      } else {
        stmt = sqlite.prepare(sql);
        if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, stmt);
      return stmt;
    },
  };
}

export interface OpenOptions {
  /** SQLite: WAL checkpoints in a thread of their own, off the caller's event loop (the server). */
  backgroundCheckpoints?: boolean;
}

export async function openDb(url = resolveDbUrl(), opts: OpenOptions = {}): Promise<OpenedDb> {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const pg = await import('pg');
    const pool = new pg.default.Pool({ connectionString: url, max: 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    await migrateToLatest(db, 'postgres');
    return { db, dialect: 'postgres', url, close: () => db.destroy() };
  }
  const { default: SQLite } = await import('better-sqlite3');
  const file = url === ':memory:' ? url : resolve(url.replace(/^sqlite:(\/\/)?/, ''));
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  // WAL with synchronous=NORMAL: a commit appends to the log without waiting for the disk (the log is
  // synced at checkpoints). A killed process loses nothing committed and the file is always
  // consistent; a power cut may lose the last commits. better-sqlite3 runs on the event loop, so a
  // commit that waits for fsync (FULL) stalled the server for 100–300 ms under load.
  // JUESUAN_SQLITE_SYNCHRONOUS=FULL restores a sync at every commit.
  sqlite.pragma(`synchronous = ${process.env.JUESUAN_SQLITE_SYNCHRONOUS?.toUpperCase() === 'FULL' ? 'FULL' : 'NORMAL'}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  await migrateToLatest(db, 'sqlite');
  const checkpointer = opts.backgroundCheckpoints && file !== ':memory:' ? (await import('./sqlite-checkpointer.js')).startCheckpointer(sqlite, file) : undefined;
  return {
    db,
    dialect: 'sqlite',
    url: file,
    close: async () => {
      await checkpointer?.stop();
      await db.destroy();
    },
  };
}

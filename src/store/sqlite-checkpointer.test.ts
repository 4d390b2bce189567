import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startCheckpointer } from './sqlite-checkpointer.js';
import { openDb } from './db.js';
import { audit, auditTrail } from './accounts.js';

test('the WAL is checkpointed into the database file by the background thread, not by commits', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-ckpt-'));
  const file = join(dir, 'c.sqlite');
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.exec('create table t (id integer primary key, b blob)');
  const ckpt = startCheckpointer(sqlite, file);
  try {
    assert.equal(sqlite.pragma('wal_autocheckpoint', { simple: true }), 20_000, 'commits checkpoint only as a backstop');
    const before = statSync(file).size;
    const ins = sqlite.prepare('insert into t (b) values (?)');
    for (let i = 0; i < 200; i++) ins.run(Buffer.alloc(20_000, i)); // ~1,000 pages: below the backstop
    // the thread checkpoints every 250 ms: the pages reach the database file without a commit doing it
    let grown = false;
    for (let i = 0; i < 80 && !grown; i++) {
      await new Promise((r) => setTimeout(r, 100));
      grown = statSync(file).size > before + 3_000_000;
    }
    assert.ok(grown, `the database file stayed at ${statSync(file).size} bytes`);
    assert.equal((sqlite.prepare('select count(*) n from t').get() as { n: number }).n, 200);
  } finally {
    await ckpt.stop();
  }
  assert.equal(sqlite.pragma('wal_autocheckpoint', { simple: true }), 1000, 'automatic checkpoints are back after the thread stops');
  sqlite.close();
  rmSync(dir, { recursive: true, force: true });
});

test('openDb with background checkpoints opens, writes and closes cleanly', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-ckpt-'));
  const file = join(dir, 'o.sqlite');
  const opened = await openDb(file, { backgroundCheckpoints: true });
  for (let i = 0; i < 50; i++) await audit(opened.db, { username: 't', action: 'test', detail: 'x'.repeat(10_000) });
  await opened.close();
  const again = await openDb(file);
  assert.equal((await auditTrail(again.db)).length, 50);
  await again.close();
  rmSync(dir, { recursive: true, force: true });
});

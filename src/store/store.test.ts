import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDb, type OpenedDb } from './db.js';
import { storeDocument, recheckStale } from './corpus.js';
import { compare, documentsWithFinding, factRanking, findingCounts, getDocumentPart, searchDocuments } from './queries.js';
import { createUser, login, sessionUser, audit, auditTrail, can } from './accounts.js';
import { departmentTypeOf, regionOf } from './facts-rows.js';
import { sampleDisclosureText } from '../../test/support/sample-disclosure.js';

const enc = (s: string) => new TextEncoder().encode(s);
import { freshPgDatabase, PG_SKIP } from '../../test/support/pg.js';

async function withDb(kind: 'sqlite' | 'postgres', fn: (o: OpenedDb) => Promise<void>): Promise<void> {
  const pg = kind === 'postgres' ? await freshPgDatabase() : undefined;
  const o = await openDb(pg?.url ?? ':memory:');
  try {
    await fn(o);
  } finally {
    await o.close();
    await pg?.drop();
  }
}

for (const [name, skip] of [['sqlite', false], ['postgres', PG_SKIP]] as const) {
  test(`store (${name}): stores, dedupes by hash, searches with facets and compares years`, { skip }, async () => {
    await withDb(name, async ({ db }) => {
      const a = await storeDocument(db, { bytes: enc(sampleDisclosureText({ year: 2023 })), name: 'a.txt' });
      const again = await storeDocument(db, { bytes: enc(sampleDisclosureText({ year: 2023 })), name: 'a-copy.txt' });
      const b = await storeDocument(db, { bytes: enc(sampleDisclosureText({ year: 2024, reception: '0.80' })), name: 'b.txt' });
      const c = await storeDocument(db, { bytes: enc(sampleDisclosureText({ entity: '示例县教育局', year: 2024 })), name: 'c.txt' });
      assert.equal(a.created, true);
      assert.equal(again.created, false);
      assert.equal(again.id, a.id);
      assert.equal(a.status, 'ok', a.error);
      const all = await searchDocuments(db, {});
      assert.equal(all.total, 3);
      assert.deepEqual(all.facets.year?.map((f) => [f.value, f.count]), [['2023', 1], ['2024', 2]]);
      const y2024 = await searchDocuments(db, { year: 2024 });
      assert.deepEqual(y2024.items.map((i) => i.id).sort(), [b.id, c.id].sort());
      const q = await searchDocuments(db, { q: '教育' });
      assert.deepEqual(q.items.map((i) => i.id), [c.id]);
      const byYears = await compare(db, { entity: '示例县民政局' });
      assert.deepEqual(byYears.columns.map((x) => x.year), [2023, 2024]);
      assert.equal(byYears.columns[0]!.facts['threePublic.actual.reception'], 12_000_00);
      assert.equal(byYears.columns[1]!.facts['threePublic.actual.reception'], 8_000_00);
      assert.equal(byYears.columns[0]!.facts.expenditureTotal, 1_350_000_00);
      const facts = (await getDocumentPart(db, a.id, 'facts_json')) as { schema: string };
      assert.equal(facts.schema, 'juesuan.facts/1');
    });
  });

  test(`store (${name}): unreadable input is kept with its reason for import, refused for upload; recheck refreshes old rule sets`, { skip }, async () => {
    await withDb(name, async ({ db }) => {
      const bad = await storeDocument(db, { bytes: new Uint8Array([0, 1, 2, 3, 0, 0, 255, 0]), name: 'bad.bin' });
      assert.equal(bad.status, 'unreadable');
      assert.match(bad.error ?? '', /binary|not|no /i);
      const refused = await storeDocument(db, { bytes: new Uint8Array([0, 9, 9, 9, 0, 0, 255, 1]), name: 'bad2.bin', keepUnreadable: false });
      assert.equal(refused.created, false);
      const ok = await storeDocument(db, { bytes: enc(sampleDisclosureText()), name: 'x.txt' });
      await db.updateTable('documents').set({ ruleset: 'old' }).where('id', '=', ok.id).execute();
      assert.equal(await recheckStale(db, 'current'), 1);
      const row = await db.selectFrom('documents').select('ruleset').where('id', '=', ok.id).executeTakeFirstOrThrow();
      assert.notEqual(row.ruleset, 'old');
    });
  });

  test(`store (${name}): keyset pages cover the list once, in order, under a filter; findings by rule; fact ranking`, { skip }, async () => {
    await withDb(name, async ({ db }) => {
      const ids: number[] = [];
      for (const [i, year] of [2021, 2022, 2023, 2024, 2022, 2023, 2021].entries()) {
        ids.push((await storeDocument(db, { bytes: enc(sampleDisclosureText({ year, entity: `示例县第${i}局`, reception: `0.${i + 1}0` })), name: `d${i}.txt` })).id);
      }
      await storeDocument(db, { bytes: new Uint8Array([0, 1, 2, 3, 0, 0, 255, 9]), name: 'bad.bin' });
      const seen: { id: number; year: number | null }[] = [];
      let after: string | undefined;
      for (let page = 0; page < 10; page++) {
        const r = await searchDocuments(db, { limit: 3, ...(after && { after }) });
        assert.equal(r.total, 8);
        if (after) assert.deepEqual(r.facets, {});
        else assert.ok(r.facets.year?.length);
        seen.push(...r.items.map((i) => ({ id: i.id, year: i.year })));
        if (!r.next) break;
        after = r.next;
      }
      assert.equal(seen.length, 8);
      assert.equal(new Set(seen.map((x) => x.id)).size, 8);
      assert.equal(seen[seen.length - 1]!.year, null, 'without a year: last');
      const years = seen.filter((x) => x.year !== null).map((x) => x.year!);
      assert.deepEqual(years, [...years].sort((a, b) => b - a));
      const y = await searchDocuments(db, { year: 2022, limit: 1 });
      assert.equal(y.items.length, 1);
      const y2 = await searchDocuments(db, { year: 2022, limit: 1, after: y.next! });
      assert.equal(y2.items.length, 1);
      assert.equal(y2.next, undefined);
      assert.notEqual(y2.items[0]!.id, y.items[0]!.id);
      const top = await factRanking(db, { key: 'threePublic.actual.reception', limit: 2 });
      assert.deepEqual(top.map((t) => t.fen), [700_000, 600_000]); // 0.70 and 0.60 万元
      const counts = await findingCounts(db);
      if (counts.length) {
        const rule = counts[0]!.rule;
        const hits = await documentsWithFinding(db, { rule, limit: 100 });
        assert.equal(hits.items.length, counts.filter((c) => c.rule === rule).reduce((m, c) => Math.max(m, c.documents), 0));
      }
    });
  });

  test(`store (${name}): accounts, sessions and the audit trail`, { skip }, async () => {
    await withDb(name, async ({ db }) => {
      await createUser(db, 'reviewer1', 'correct horse', 'reviewer');
      await assert.rejects(createUser(db, 'x', 'short', 'reader'), /username|password/);
      assert.equal(await login(db, 'reviewer1', 'wrong password'), undefined);
      const s = await login(db, 'reviewer1', 'correct horse');
      assert.ok(s);
      const u = await sessionUser(db, s.token);
      assert.equal(u?.role, 'reviewer');
      assert.equal(await sessionUser(db, 'nope'), undefined);
      await audit(db, { username: 'reviewer1', action: 'upload', detail: 'a.pdf' });
      assert.equal((await auditTrail(db))[0]?.action, 'upload');
      assert.equal(can('reader', 'upload'), false);
      assert.equal(can('editor', 'upload'), true);
      assert.equal(can('editor', 'delete'), false);
    });
  });
}

test('region and department type from the entity name', () => {
  assert.equal(regionOf('高台县医疗保障局'), '高台县');
  assert.equal(regionOf('乌鲁木齐市医疗保障局（本级）'), '乌鲁木齐市');
  assert.equal(departmentTypeOf('高台县医疗保障局'), '医疗保障');
  assert.equal(departmentTypeOf('某镇人民政府'), '人民政府');
  assert.equal(regionOf(undefined), null);
});

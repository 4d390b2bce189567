/** `juesuan check FILE… | DIR --jobs N`: many documents in the worker pool, one report for all. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sampleDisclosureText } from './support/sample-disclosure.js';

const root = resolve(import.meta.dirname, '..');
const bin = join(root, 'bin', 'juesuan.mjs'); // the entry of earlier versions, which loads bin/juesuan.cjs: kept working
const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 180_000 });

test('check DIR --jobs 2: a summary table, json, ndjson and xlsx; an unreadable document does not stop the batch', () => {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-batch-'));
  try {
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'good.txt'), sampleDisclosureText({ year: 2022 }));
    writeFileSync(join(dir, 'sub', 'bad.txt'), sampleDisclosureText({ year: 2023, wrongShare: true }));
    writeFileSync(join(dir, 'scan.pdf'), Buffer.from([0, 1, 2, 3, 0, 0, 9, 0]));
    writeFileSync(join(dir, 'notes.md'), 'not a disclosure, skipped in folders');

    const text = run(['check', dir, '--jobs', '2']);
    assert.equal(text.status, 2, text.stderr); // the highest per document: one unreadable
    assert.match(text.stdout, /good\.txt\s+ok/);
    assert.match(text.stdout, /bad\.txt\s+ok/);
    assert.match(text.stdout, /scan\.pdf\s+unreadable/);
    assert.match(text.stdout, /3 documents: 2 checked \(\d with errors\), 1 unreadable, 0 failed/);
    assert.doesNotMatch(text.stdout, /notes\.md/);

    const json = run(['check', dir, '--jobs', '2', '--format', 'json']);
    const batch = JSON.parse(json.stdout) as { schema: string; documents: { file: string; status: string; report?: { schema: string; counts: { error: number } } }[] };
    assert.equal(batch.schema, 'juesuan.batch/1');
    assert.equal(batch.documents.length, 3);
    const bad = batch.documents.find((d) => d.file.endsWith('bad.txt'))!;
    assert.equal(bad.report?.schema, 'juesuan.findings/1');
    assert.ok(bad.report!.counts.error > 0);

    const nd = run(['check', join(dir, 'good.txt'), join(dir, 'sub', 'bad.txt'), '--format', 'ndjson', '--jobs', '1']);
    assert.equal(nd.status, 1, nd.stderr);
    const lines = nd.stdout.trim().split('\n').map((l) => JSON.parse(l) as { file: string; status: string });
    assert.equal(lines.length, 2);
    assert.ok(lines.every((l) => l.status === 'ok'));

    const xlsx = run(['check', dir, '--format', 'xlsx', '--out', join(dir, 'report.xlsx')]);
    assert.equal(xlsx.status, 2, xlsx.stderr);
    assert.equal(readFileSync(join(dir, 'report.xlsx')).subarray(0, 2).toString(), 'PK');

    // one file stays the contract's single-document output
    const one = run(['check', join(dir, 'good.txt'), '--json']);
    assert.equal((JSON.parse(one.stdout) as { schema: string }).schema, 'juesuan.findings/1');
    const bogus = run(['check', dir, '--jobs', 'many']);
    assert.equal(bogus.status, 2);
    assert.match(bogus.stderr, /--jobs/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

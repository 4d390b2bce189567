import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readXlsx } from './read-xlsx.js';
import { InputError } from '../raw.js';
import { stopXlsParser, xlsParserPid } from './xls-parser-process.js';
import { sampleXlsx } from '../../../test/fixtures-formats/write-office.js';
import { toXls } from '../../../test/fuzz/seeds.js';

const xls = toXls(await sampleXlsx());

test('.xls workbooks read one after another share one parser process, and give the same tables', async () => {
  const first = await readXlsx(xls, 'a.xls');
  const pid = xlsParserPid();
  assert.ok(pid, 'a parser process is kept after the first workbook');
  const second = await readXlsx(xls, 'b.xls');
  assert.equal(xlsParserPid(), pid, 'the second workbook is parsed by the same process');
  assert.deepEqual(second.lines, first.lines);
  stopXlsParser();
  assert.equal(xlsParserPid(), undefined);
});

test('a damaged .xls is a clear error and the parser process stays usable', async () => {
  await readXlsx(xls, 'a.xls');
  const pid = xlsParserPid();
  const damaged = new Uint8Array(xls);
  damaged.fill(0x41, 1024, 4096); // the workbook stream overwritten: records SheetJS cannot read
  await assert.rejects(readXlsx(damaged, 'damaged.xls'), (e: unknown) => e instanceof InputError);
  const again = await readXlsx(xls, 'c.xls');
  assert.ok(again.lines.length > 0);
  assert.ok(xlsParserPid(), 'a parser process serves the next workbook');
  if (xlsParserPid() !== pid) assert.ok(true, 'replaced after the damaged file (allowed)');
  stopXlsParser();
});

test('a parser process that died while idle is replaced for the next workbook', async () => {
  await readXlsx(xls, 'a.xls');
  const pid = xlsParserPid()!;
  process.kill(pid, 'SIGKILL');
  await new Promise((r) => setTimeout(r, 200));
  const doc = await readXlsx(xls, 'b.xls');
  assert.ok(doc.lines.length > 0);
  assert.notEqual(xlsParserPid(), pid);
  stopXlsParser();
});

test('concurrent reads wait their turn and all succeed', async () => {
  const docs = await Promise.all([1, 2, 3, 4].map((i) => readXlsx(xls, `${i}.xls`)));
  for (const d of docs) assert.deepEqual(d.lines, docs[0]!.lines);
  stopXlsParser();
});

test('an idle parser process does not keep a finished process alive', () => {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const script = `import { readXlsx } from './read-xlsx.ts'; import { toXls } from '../../../test/fuzz/seeds.ts'; import { sampleXlsx } from '../../../test/fixtures-formats/write-office.ts';
const d = await readXlsx(toXls(await sampleXlsx()), 'a.xls'); console.log('read', d.lines.length > 0);`;
  // the idle parser would be retired only after 10 minutes: a run it held would be killed at the 2-minute timeout
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: here, encoding: 'utf8', timeout: 120_000, env: { ...process.env, JUESUAN_XLS_PARSER_IDLE_MS: '600000' } });
  assert.equal(r.signal, null, 'the process had to be killed: the idle parser held it');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /read true/);
});

test('a parser process killed just before the next workbook (not yet noticed) is replaced, and the workbook read', async () => {
  await readXlsx(xls, 'a.xls');
  const pid = xlsParserPid()!;
  process.kill(pid, 'SIGKILL');
  const doc = await readXlsx(xls, 'b.xls'); // no wait: the exit may not have been seen yet
  assert.ok(doc.lines.length > 0);
  assert.notEqual(xlsParserPid(), pid);
  stopXlsParser();
});

test('a parser process does not outlive a terminated thread (its channel closes; else it ends when idle)', async () => {
  const { Worker } = await import('node:worker_threads');
  // a worker pool terminates a thread over its budget: the thread's own retirement never runs
  const api = import.meta.resolve('tsx/esm/api');
  const entry = new URL('../../../test/support/xls-in-thread.ts', import.meta.url).href;
  const w = new Worker(`import(${JSON.stringify(api)}).then((t) => { t.register(); return import(${JSON.stringify(entry)}); });`, { eval: true, env: { ...process.env, JUESUAN_XLS_PARSER_IDLE_MS: '300' } });
  const pid = await new Promise<number>((resolve, reject) => w.once('message', resolve).once('error', reject));
  assert.ok(pid > 0);
  await w.terminate();
  // running or sleeping; an ended process whose thread is gone stays a zombie (state Z) until this process ends
  const alive = (): boolean => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return !/^\S+ \(.*\) [ZX]/.test(stat);
    } catch {
      return false;
    }
  };
  for (let i = 0; i < 100 && alive(); i++) await new Promise((r) => setTimeout(r, 100));
  assert.ok(!alive(), 'the parser process ended by itself');
});

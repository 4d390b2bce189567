/** The `juesuan` command as a user runs it: outputs, exit codes, one-line errors, import that resumes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sampleDisclosureText } from './support/sample-disclosure.js';

const root = resolve(import.meta.dirname, '..');
const bin = join(root, 'bin', 'juesuan.cjs');
const run = (args: string[], cwd = root) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'juesuan-cli-'));
}

test('facts and check print the contracts; check exits 1 on an error-level finding, 0 otherwise', () => {
  const dir = tmp();
  try {
    writeFileSync(join(dir, 'sample.txt'), sampleDisclosureText());
    writeFileSync(join(dir, 'bad.txt'), sampleDisclosureText({ wrongShare: true }));
    const facts = run(['facts', join(dir, 'sample.txt'), '--json']);
    assert.equal(facts.status, 0, facts.stderr);
    const f = JSON.parse(facts.stdout) as { schema: string; amounts: Record<string, string>; year: number };
    assert.equal(f.schema, 'juesuan.facts/1');
    assert.equal(f.amounts.basicExpenditure, '1000000.00');
    assert.equal(f.year, 2024);
    // A complete, consistent disclosure: the composer's example, composed to text by the command a user runs.
    const composed = run(['compose', join(root, 'examples', 'county-medical-insurance-bureau.json'), '--out', join(dir, 'out'), '--format', 'txt']);
    assert.equal(composed.status, 0, composed.stderr);
    const txt = composed.stdout.trim().split('\t')[1]!;
    const good = run(['check', txt, '--json']);
    assert.equal(good.status, 0, good.stdout);
    const bad = run(['check', join(dir, 'bad.txt'), '--json']);
    assert.equal(bad.status, 1);
    const report = JSON.parse(bad.stdout) as { schema: string; findings: { severity: string; evidence?: string; location: { line?: number } }[] };
    assert.equal(report.schema, 'juesuan.findings/1');
    const wrong = report.findings.find((x) => x.severity === 'error' && x.evidence?.includes('75.00'));
    assert.ok(wrong, 'the share that does not follow from its numbers is an error');
    assert.ok(wrong.location.line && wrong.location.line > 1);
    const human = run(['check', join(dir, 'bad.txt')]);
    assert.match(human.stdout, /75\.00/);
    const parse = run(['parse', join(dir, 'sample.txt')]);
    assert.match(parse.stdout, /T03/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('unreadable input: one line on stderr, exit 2, no stack trace', () => {
  const dir = tmp();
  try {
    const cases: [string, Uint8Array | string][] = [
      ['empty.txt', ''],
      ['binary.bin', new Uint8Array([0, 1, 2, 3, 0, 0, 0, 9, 255, 254, 0, 0])],
      ['prose.txt', '这是一段没有任何表格和数字的文字。\n仅用于测试。\n'],
    ];
    for (const [name, content] of cases) {
      writeFileSync(join(dir, name), content);
      for (const cmd of ['facts', 'check', 'parse']) {
        const r = run([cmd, join(dir, name)]);
        assert.equal(r.status, 2, `${cmd} ${name}: ${r.stdout}${r.stderr}`);
        assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
        assert.doesNotMatch(r.stderr, /\bat .*\.(ts|js|mjs):\d+/);
      }
    }
    const missing = run(['facts', join(dir, 'nope.txt')]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no such file/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('GBK-encoded text is read', () => {
  const dir = tmp();
  try {
    // Encode through iconv-free path: TextDecoder can decode GBK but not encode; build GBK bytes with a tiny table-free trick:
    // write UTF-8, convert with the platform's iconv when present, else skip.
    const utf8 = join(dir, 'u.txt');
    writeFileSync(utf8, sampleDisclosureText());
    const conv = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030', utf8], { encoding: 'buffer' });
    if (conv.status !== 0) return;
    writeFileSync(join(dir, 'gbk.txt'), conv.stdout);
    const r = run(['facts', join(dir, 'gbk.txt')]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal((JSON.parse(r.stdout) as { entity: string }).entity, '示例县民政局');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('import: files and folders, a summary, and a restart repeats nothing', () => {
  const dir = tmp();
  try {
    const docs = join(dir, 'docs');
    mkdirSync(join(docs, 'sub'), { recursive: true });
    writeFileSync(join(docs, 'a.txt'), sampleDisclosureText({ year: 2022 }));
    writeFileSync(join(docs, 'sub', 'b.txt'), sampleDisclosureText({ year: 2023 }));
    writeFileSync(join(docs, 'junk.txt'), new Uint8Array([0, 0, 1, 2, 0, 0, 3, 0]));
    const db = join(dir, 'corpus.sqlite');
    const first = run(['import', docs, '--db', db]);
    assert.equal(first.status, 2, 'an unreadable file is reported'); // junk.txt
    assert.match(first.stdout, /2 added, 0 already stored, 1 unreadable/);
    writeFileSync(join(docs, 'c.txt'), sampleDisclosureText({ year: 2024 }));
    const second = run(['import', docs, '--db', db]);
    assert.match(second.stdout, /1 added, 2 already stored, 1 unreadable/);
    const rules = run(['rules']);
    assert.equal(rules.status, 0);
    assert.match(rules.stdout, /narrative/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('JUESUAN_TIMING=1: one line on stderr with each phase of a check; the output is unchanged, and a large report reaches a pipe whole before the exit', () => {
  const dir = tmp();
  try {
    writeFileSync(join(dir, 'bad.txt'), sampleDisclosureText({ wrongShare: true }));
    const plain = run(['check', join(dir, 'bad.txt'), '--json']);
    const timed = spawnSync(process.execPath, [bin, 'check', join(dir, 'bad.txt'), '--json'], { cwd: root, encoding: 'utf8', timeout: 120_000, env: { ...process.env, JUESUAN_TIMING: '1' } });
    assert.equal(timed.status, 1);
    assert.equal(plain.status, 1);
    assert.equal(plain.stderr, '');
    assert.match(timed.stderr, /^juesuan timing: start \d+ · compiled \d+ · initialised \d+ · read \d+ · assembled \d+ · checked \d+ · reported \d+ · exit \d+ · total \d+ ms\n$/);
    assert.deepEqual(JSON.parse(timed.stdout), JSON.parse(plain.stdout));
    // the command runs from a bundle in dist/cli/<build>/: its ruleset still names package.json's version
    const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
    assert.ok((JSON.parse(plain.stdout) as { document: { ruleset: string } }).document.ruleset.startsWith(`juesuan-${version}+`));
    // the process ends as soon as the command is done (src/cli/main.ts): everything written before reaches the pipe
    const composed = run(['compose', join(root, 'examples', 'county-medical-insurance-bureau.json'), '--out', join(dir, 'out'), '--format', 'txt']);
    assert.equal(composed.status, 0, composed.stderr);
    const parsed = run(['parse', composed.stdout.trim().split('\t')[1]!, '--json']);
    assert.equal(parsed.status, 0, parsed.stderr);
    assert.ok(parsed.stdout.length > 4 * 64 * 1024, 'several times a pipe buffer');
    assert.ok((JSON.parse(parsed.stdout) as { tables: unknown[] }).tables.length >= 9);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a package bundled into the command (commander) upgraded in node_modules makes the build stale, though npm gives its files an old mtime', () => {
  assert.equal(run(['--version']).status, 0);
  const cli = join(root, 'dist', 'cli');
  const before = readFileSync(join(cli, 'current'), 'utf8').trim();
  const manifestPath = join(cli, before, 'inputs.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { packages: Record<string, string> };
  assert.ok(manifest.packages['node_modules/commander'], 'the build records the version it bundled');
  // as if the build had bundled another version than the one installed now
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, packages: { ...manifest.packages, 'node_modules/commander': '0.0.1' } }));
  const r = run(['--version']);
  assert.equal(r.status, 0, r.stderr);
  assert.notEqual(readFileSync(join(cli, 'current'), 'utf8').trim(), before, 'rebuilt');
});

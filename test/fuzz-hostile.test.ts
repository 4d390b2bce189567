/**
 * Every hostile reproducer of ../shared/corpus/hostile through the CLI (`node bin/juesuan.cjs`,
 * its heap capped at 1 GB): each is refused with exit 2 and one clear line naming the limit or the
 * problem, or read (exit 0/1) — never an internal error (3), an abort (134), a kill or a hang. The
 * spawn has a generous wall-clock guard so that a hang fails the test instead of stalling it; speed
 * itself is measured by `npm run bench`, not asserted here. Skipped when ../shared is absent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const HOSTILE = join(root, '..', 'shared', 'corpus', 'hostile');
const SKIP = existsSync(HOSTILE) ? false : `${HOSTILE} is absent: hostile reproducer tests skipped`;
const GUARD_MS = 180_000;

interface Expect {
  /** Exit codes accepted. */
  exits: number[];
  /** For exit 2: the one line must match. */
  message?: RegExp;
  /** For a read: `parse` must print this (the text was decoded right). */
  prints?: string;
  /** Owned by the PDF reader (reported by the fuzz suite, fixed there). */
  pdf?: boolean;
  /** The CLI command (default check). */
  compose?: boolean;
}

const EXPECT: Record<string, Expect> = {
  'bomb-1g.xlsx': { exits: [2], message: /limit exceeded: uncompressed size of the ZIP container .*JUESUAN_MAX_UNZIPPED_MB/ },
  'bomb-4g.xlsx': { exits: [2], message: /limit exceeded: uncompressed size of the ZIP container/ },
  'paras-2m.docx': { exits: [2], message: /limit exceeded: (uncompressed size of the ZIP container|paragraphs in the Word document)/ },
  'hugemerge.xlsx': { exits: [2], message: /limit exceeded: cells covered by merged ranges .*JUESUAN_MAX_MERGED_CELLS/ },
  'farcell.xlsx': { exits: [0, 1, 2] },
  'sylk-far.xls': { exits: [2], message: /SYLK spreadsheet/ },
  'sylk-mid.xls': { exits: [2], message: /SYLK spreadsheet/ },
  'long-paragraph-20k-lines.txt': { exits: [0, 1, 2] },
  'quadratic-digits-64k.txt': { exits: [0, 1] },
  'html-130k-rows-RangeError.html': { exits: [0, 1, 2], message: /limit exceeded: lines .*JUESUAN_MAX_LINES/ },
  'html-nested-tables-RangeError.html': { exits: [2], message: /limit exceeded: nesting depth of elements .*JUESUAN_MAX_DEPTH/ },
  'xlsx-bad-compressed-size.xlsx': { exits: [0, 1, 2] },
  'xlsx-unknown-namespace.xlsx': { exits: [0, 1, 2] },
  'enc-utf16le-nobom.txt': { exits: [0, 1], prints: '高台县医疗保障局' },
  'enc-html-says-gbk-is-utf8.html': { exits: [0, 1], prints: '石屏县宝秀镇人民政府' },
  'xss.html': { exits: [0, 1, 2] },
  'longentity.json': { exits: [0, 2], compose: true },
  'flatebomb-1g.pdf': { exits: [0, 1, 2], pdf: true },
  'pages-400.pdf': { exits: [0, 1, 2], pdf: true },
  'zero-pages.pdf': { exits: [2], pdf: true },
};

function cli(args: string[]): { status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; ms: number } {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ['--max-old-space-size=1024', join(root, 'bin', 'juesuan.cjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: GUARD_MS,
    killSignal: 'SIGKILL',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ms: Date.now() - t0 };
}

test('hostile reproducers: every file is listed here', { skip: SKIP }, async () => {
  const { readdirSync } = await import('node:fs');
  const files = readdirSync(HOSTILE).filter((f) => !f.endsWith('.md'));
  assert.deepEqual(files.filter((f) => !EXPECT[f]), [], 'a new hostile file needs an expectation');
});

for (const [file, expect] of Object.entries(EXPECT)) {
  test(`hostile: ${file} is refused clearly or read (no crash, no hang)`, { skip: SKIP || (!existsSync(join(HOSTILE, file)) && `${file} absent`), timeout: GUARD_MS + 60_000 }, (t) => {
    const path = join(HOSTILE, file);
    let outDir: string | undefined;
    const args = expect.compose ? ['compose', path, '--out', (outDir = mkdtempSync(join(tmpdir(), 'juesuan-hostile-')))] : ['check', path, '--json'];
    try {
      const r = cli(args);
      t.diagnostic(`${file}: exit ${r.status ?? r.signal} in ${r.ms} ms${r.stderr ? `: ${r.stderr.trim().slice(0, 200)}` : ''}`);
      assert.notEqual(r.signal, 'SIGKILL', `${file}: no answer within ${GUARD_MS} ms`);
      assert.ok(r.status !== null && expect.exits.includes(r.status), `${file}: exit ${r.status ?? r.signal}, expected ${expect.exits.join('/')}: ${r.stderr.trim()}`);
      if (r.status === 2) {
        const lines = r.stderr.trim().split('\n');
        assert.equal(lines.length, 1, `${file}: one line on stderr, got ${lines.length}`);
        assert.match(lines[0]!, /^juesuan: /);
        assert.doesNotMatch(lines[0]!, /internal error|Cannot (read|set) propert|is not a function|Maximum call stack/);
        if (expect.message) assert.match(lines[0]!, expect.message);
      }
      if (expect.prints && r.status !== 2) {
        const parsed = cli(['parse', path]);
        assert.ok(parsed.stdout.includes(expect.prints), `${file}: parse should print ${expect.prints}`);
      }
    } finally {
      if (outDir) rmSync(outDir, { recursive: true, force: true });
    }
  });
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { realTable, type ProcessRun, type RealResult } from '../bench/real.js';

const runOf = (wall: number, faults = 10_000): ProcessRun => ({ wall, cpu: wall * 1.3, rssMb: 80, faults, exit: 0 });

test('bench table: the summary carries the floor, the page faults, node\'s start and the start-up targets', () => {
  const r: RealResult = {
    docs: [
      { name: 'a/1.pdf', pages: 20, check: runOf(0.3, 9_000), checkPool1: runOf(0.27), pdftotext: runOf(0.03) },
      { name: 'a/2.pdf', pages: 30, check: runOf(0.4, 12_000), checkPool1: runOf(0.35), pdftotext: runOf(0.05) },
      { name: 'b/3.pdf', pages: 12, check: runOf(0.5, 14_000), checkPool1: runOf(0.41), pdftotext: runOf(0.05) },
    ],
    phases: [['start', 88], ['pdf pages', 120], ['total', 340]],
    allButPagesMs: 220,
    nodeStart: { wall: 0.1, withoutCaCerts: 0.06 },
    faultMicros: 12,
    startup: { help: runOf(0.14), seeds: [{ name: 's1.txt', check: runOf(0.29) }, { name: 's2.txt', check: runOf(0.24) }] },
  };
  const md = realTable(r);
  assert.match(md, /\| median wall \| 0\.40 s \| ≤ 0\.25 s \|/);
  assert.match(md, /\| median wall with NODE_OPTIONS=--v8-pool-size=1 \(same loop\) \| 0\.35 s \|/);
  // 12,000 faults (the median) × 12 µs
  assert.match(md, /\| minor page faults of a check \(median\) · one fault on this machine \| 12000 · 12\.0 µs ≈ 144 ms of a check \|/);
  assert.match(md, /\| a check less its page reading .* \| 0\.22 s \|/);
  assert.match(md, /`node -e 0` \(median\) \| 0\.10 s · 0\.06 s without NODE_EXTRA_CA_CERTS/);
  assert.match(md, /\| `juesuan --help` \| 0\.14 s \| ≤ 0\.25 s \|/);
  // two seeds: the lower median of 0.24 and 0.29
  assert.match(md, /\| `check` of a text seed \(median of 2: 0\.29 \/ 0\.24 s\) \| 0\.24 s \| ≤ 0\.25 s \|/);
  assert.match(md, /\| b\/3\.pdf \| 12 \| 0\.50 \|/);
});

test('bench table: without timings, page faults or NODE_EXTRA_CA_CERTS those lines are left out, not printed empty', () => {
  const md = realTable({ docs: [{ name: 'a/1.pdf', pages: 3, check: { wall: 0.3, cpu: NaN, rssMb: NaN, faults: NaN, exit: 0 } }], nodeStart: { wall: 0.06 } });
  assert.doesNotMatch(md, /page faults|page reading|pool-size|text seed/);
  assert.match(md, /`node -e 0` \(median\) \| 0\.06 s \|/);
  assert.doesNotMatch(md, /NODE_EXTRA_CA_CERTS/);
});

test('bench table: no documents gives the note, not a table', () => {
  assert.equal(realTable({ docs: [], note: 'no PDFs: x is absent' }), '_no PDFs: x is absent_');
});

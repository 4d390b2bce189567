/**
 * The fuzz worker's memory peak is its own: a worker forked while the runner holds a lot of memory
 * must not report the runner's memory as its own (getrusage's maxRSS does, on Linux).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const linux = process.platform === 'linux';

test('a worker forked from a process holding 400 MB reports its own peak, not the parent’s', { skip: !linux && 'needs /proc (Linux)' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-peak-'));
  try {
    const peakModule = pathToFileURL(join(import.meta.dirname, 'fuzz', 'peak-rss.ts')).href;
    const script = join(dir, 'child.mjs');
    writeFileSync(script, `const { ownPeakRss } = await import(${JSON.stringify(peakModule)});\nprocess.send({ own: ownPeakRss(), maxRss: process.resourceUsage().maxRSS * 1024 });\n`);
    const held = Buffer.alloc(400 * 2 ** 20, 1); // resident in this process while it forks
    const answer = await new Promise<{ own: number; maxRss: number }>((resolve, reject) => {
      const child = fork(script, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      child.once('message', (m) => resolve(m as { own: number; maxRss: number }));
      child.once('error', reject);
      child.once('exit', (code) => code && reject(new Error(`child exited ${code}`)));
    });
    assert.equal(held[held.length - 1], 1);
    const mb = (n: number): number => Math.round(n / 2 ** 20);
    assert.ok(answer.own < 300 * 2 ** 20, `own peak ${mb(answer.own)} MB`);
    // what the worker reported before (the kernel's carried-over high-water mark): at least the parent's 400 MB
    assert.ok(answer.maxRss >= 400 * 2 ** 20, `maxRSS ${mb(answer.maxRss)} MB includes the parent's memory at the fork`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * A fuzz worker process: reads each document it is sent as the CLI and the server do (read →
 * facts → check) and answers how it ended. Run by runner.ts (bundled by esbuild), one case at a
 * time; the parent kills it on a hang or a memory breach and starts another.
 */
import { checkDisclosure } from '../../src/check/engine.js';
import { factsOf } from '../../src/facts/facts.js';
import { readDisclosure } from '../../src/ingest/index.js';
import { classifyError, type ChildAnswer, type ChildCase } from './classify.js';
import { ownPeakRss } from './peak-rss.js';

let current: number | undefined;

function answer(a: ChildAnswer): void {
  process.send?.(a);
}

function escaped(kind: string, err: unknown): void {
  const msg = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  answer({ id: current ?? -1, outcome: 'crash', message: `${kind}: ${msg.split('\n')[0]}`, ms: 0, cpuMs: 0, maxRss: ownPeakRss() });
  process.exit(70);
}

process.on('unhandledRejection', (err) => escaped('unhandled rejection', err));
process.on('uncaughtException', (err) => escaped('uncaught exception', err));

process.on('message', async (c: ChildCase) => {
  current = c.id;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let result: Pick<ChildAnswer, 'outcome' | 'message'>;
  try {
    const bytes = c.bytes instanceof Uint8Array ? c.bytes : new Uint8Array(c.bytes as ArrayLike<number>);
    const d = await readDisclosure(bytes, c.name);
    factsOf(d);
    checkDisclosure(d);
    result = { outcome: 'ok' };
  } catch (err) {
    result = classifyError(err);
  }
  // Let escaped promise rejections of this case surface before answering.
  await new Promise((r) => setImmediate(r));
  const cpu = process.cpuUsage(cpu0);
  answer({ id: c.id, ...result, ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, maxRss: ownPeakRss() });
  current = undefined;
});

answer({ id: -1, outcome: 'ok', message: 'ready', ms: 0, cpuMs: 0, maxRss: ownPeakRss() });

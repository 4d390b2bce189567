/**
 * A pool worker (worker thread): runs one task at a time for the pool in ./pool.ts. Anything that
 * escapes a task (an unhandled rejection in a reader) ends this worker only; the pool reports it for
 * the document at hand and starts a fresh worker.
 */
import { getPriority, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { markSharedProcess } from '../../ingest/pdf/engine/limits.js';
import { runTask, toFailure, type PoolTask } from './tasks.js';

if (!parentPort) throw new Error('pool worker: not started as a worker thread');
const port = parentPort;
// other documents are read in this process at the same time: its CPU time is not one document's
markSharedProcess();

// A lower priority for this thread only (Linux schedules threads, and setpriority(0) names the calling
// one): the event loop that started the pool keeps answering while the workers read. Where the
// system does not allow it, the worker simply runs at the process's priority.
const niceness = Number((workerData as { niceness?: number } | null)?.niceness ?? 0);
if (niceness > 0) {
  try {
    setPriority(0, Math.min(19, getPriority(0) + niceness));
  } catch {
    // not permitted here: keep the priority
  }
}

port.on('message', (msg: { id: number; task: PoolTask }) => {
  void (async () => {
    try {
      const value = await runTask(msg.task);
      port.postMessage({ id: msg.id, ok: true, value });
    } catch (e) {
      port.postMessage({ id: msg.id, ok: false, failure: toFailure(e) });
    }
  })();
});
port.postMessage({ ready: true });

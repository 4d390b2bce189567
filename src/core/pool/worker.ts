/**
 * A pool worker (worker thread): runs one task at a time for the pool in ./pool.ts. Anything that
 * escapes a task (an unhandled rejection in a reader) ends this worker only; the pool reports it for
 * the document at hand and starts a fresh worker.
 */
import { parentPort } from 'node:worker_threads';
import { runTask, toFailure, type PoolTask } from './tasks.js';

if (!parentPort) throw new Error('pool worker: not started as a worker thread');
const port = parentPort;

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

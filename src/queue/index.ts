export * from './queue.js';
export * from './control.js';
export { startWorker, processJob, type RunningWorker, type WorkerStats, type JobOutcome } from './worker.js';

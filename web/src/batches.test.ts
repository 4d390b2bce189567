import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anyRunning, batchFraction, batchLine, type BatchProgressView } from './batches';

const p = (over: Partial<BatchProgressView>): BatchProgressView => ({ id: '20261206-010000-abcdef', kind: 'import', label: null, status: 'open', total: 3000, done: 1200, failed: 3, waiting: 1797, cancelled: 0, finished: false, ...over });

test('batch progress: in words, as a fraction, and whether to keep asking', () => {
  assert.equal(batchLine(p({})), '导入 · 1200/3000 已完成 · 3 失败 · 1797 等待中');
  assert.equal(batchFraction(p({})), 1203 / 3000);
  assert.equal(anyRunning([p({})]), true);
  const done = p({ kind: 'upload', label: '2024 年', done: 2997, waiting: 0, finished: true });
  assert.equal(batchLine(done), '上传（2024 年） · 2997/3000 已完成 · 3 失败 · 结束（有失败，可重试）');
  assert.equal(batchFraction(done), 1);
  assert.equal(anyRunning([done]), false);
  assert.equal(batchLine(p({ kind: 'recheck', done: 10, total: 10, failed: 0, waiting: 0, finished: true })), '重新审核 · 10/10 已完成 · 全部完成');
  const cancelled = p({ status: 'cancelled', waiting: 0, cancelled: 1797, finished: true });
  assert.match(batchLine(cancelled), /1797 已取消 · 批次已取消$/);
  assert.equal(anyRunning([cancelled]), false);
  assert.equal(batchFraction(p({ total: 0, done: 0, failed: 0, waiting: 0, finished: true })), 1);
});

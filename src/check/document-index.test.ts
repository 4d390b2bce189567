import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentIndex, memoInRun, withDocumentIndex } from './document-index.js';
import { disclosure, table } from '../rules/utils/fixtures.js';

const doc = () => disclosure({
  entity: '某局', year: 2023, unit: '万元',
  tables: [
    table('T03', { columns: ['total'], rows: [['total', '合计', '1.00']] }),
    table('T05', { columns: ['total'], rows: [['total', '合计', '1.00']] }),
    table('T03', { columns: ['total'], rows: [['total', '合计', '2.00']] }),
  ],
});

test('document index: tables by key in document order', () => {
  const d = doc();
  const ix = documentIndex(d);
  assert.deepEqual(ix.tablesOf('T03'), [d.tables[0], d.tables[2]]);
  assert.deepEqual(ix.tablesOf('T07'), []);
});

test('document index: shared within one run, fresh outside a run and in the next run', () => {
  const d = doc();
  let made = 0;
  const make = () => ++made;
  withDocumentIndex(d, (ix) => {
    assert.equal(documentIndex(d), ix);
    assert.equal(documentIndex(d).memo('x', make), 1);
    assert.equal(documentIndex(d).memo('x', make), 1);
    const t = d.tables[0]!;
    assert.equal(memoInRun('y', t, make), 2);
    assert.equal(memoInRun('y', t, make), 2);
    // a nested run over the same document keeps the index
    withDocumentIndex(d, (inner) => assert.equal(inner, ix));
    assert.equal(memoInRun('y', t, make), 2);
  });
  assert.notEqual(documentIndex(d), documentIndex(d));
  assert.equal(documentIndex(d).memo('x', make), 3);
  assert.equal(memoInRun('y', d.tables[0]!, make), 4);
  withDocumentIndex(d, () => assert.equal(documentIndex(d).memo('x', make), 5));
});

test('document index: the run ends even when the work throws', () => {
  const d = doc();
  assert.throws(() => withDocumentIndex(d, () => { throw new Error('boom'); }), /boom/);
  let made = 0;
  assert.equal(memoInRun('z', d, () => ++made), 1);
  assert.equal(memoInRun('z', d, () => ++made), 2);
});

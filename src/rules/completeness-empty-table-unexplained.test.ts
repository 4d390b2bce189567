import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './completeness-empty-table-unexplained.js';
import { disclosure, lineText, run, table } from './utils/catalog-fixtures.js';
import { section } from './utils/fixtures.js';

const emptyT07 = (notes: string[]) =>
  table('T07', { columns: ['total'], rows: [['total', '合计', '']], status: 'empty', notes });

test('completeness-empty-table-unexplained: must trigger on an empty table with only a generic note', () => {
  const d = disclosure({ tables: [emptyT07(['注：本表反映部门本年度政府性基金预算财政拨款的收支情况。'])] });
  const { findings } = run(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.messageId, 'empty-unexplained');
  assert.equal(findings[0]!.evidence, '政府性基金预算财政拨款收入支出决算表');
  assert.match(lineText(d, findings[0]!), /政府性基金/);
});

test('completeness-empty-table-unexplained: must not trigger when a note or the text explains it', () => {
  assert.deepEqual(run(rule, disclosure({ tables: [emptyT07(['说明：我单位今年不涉及。'])] })).findings, []);
  const d = disclosure({
    tables: [emptyT07([])],
    sections: [section('六、政府性基金预算财政拨款收入支出决算情况说明', ['本单位2023年度没有政府性基金预算财政拨款收支。'])],
  });
  assert.deepEqual(run(rule, d).findings, []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './completeness-toc-table-missing.js';
import { TABLE_KEYS } from '../model/index.js';
import { disclosure, minimalTable, run } from './utils/catalog-fixtures.js';

test('completeness-toc-table-missing: must trigger on a 目录 entry whose table the body lacks', () => {
  const d = disclosure({ tables: TABLE_KEYS.filter((k) => k !== 'T06').map((k) => minimalTable(k)) });
  d.toc = [
    { text: '五、一般公共预算财政拨款支出决算表', table: 'T05', prov: { line: 1 } },
    { text: '六、一般公共预算财政拨款基本支出决算明细表', table: 'T06', prov: { line: 2 } },
  ];
  const { findings } = run(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.messageId, 'toc-table-missing');
  assert.equal(findings[0]!.evidence, '六、一般公共预算财政拨款基本支出决算明细表');
  assert.equal(findings[0]!.at.line, 2);
});

test('completeness-toc-table-missing: must not trigger when every listed table is printed (even empty)', () => {
  const d = disclosure({ tables: [minimalTable('T06'), minimalTable('T07', { status: 'empty' })] });
  d.toc = [
    { text: '六、一般公共预算财政拨款基本支出决算表', table: 'T06', prov: { line: 1 } },
    { text: '七、政府性基金预算财政拨款收入支出决算表', table: 'T07', prov: { line: 2 } },
    { text: '八、部门绩效自评表', prov: { line: 3 } },
  ];
  assert.deepEqual(run(rule, d).findings, []);
});

test('completeness-toc-table-missing: must not trigger when no table is printed at all (reported once elsewhere)', () => {
  const d = disclosure({ tables: [] });
  d.toc = [{ text: '一、收入支出决算总表', table: 'T01', prov: { line: 1 } }];
  assert.deepEqual(run(rule, d).findings, []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './completeness-tables-present.js';
import { TABLE_KEYS, type TableKey } from '../model/index.js';
import { disclosure, minimalTable, run } from './utils/catalog-fixtures.js';
import { section } from './utils/fixtures.js';
import { checkDisclosure } from '../check/engine.js';

const all = (except: TableKey[] = []) => TABLE_KEYS.filter((k) => !except.includes(k)).map((k) => minimalTable(k));

test('completeness-tables-present: must trigger once per absent table', () => {
  const d = disclosure({ tables: all(['T07', 'T08']) });
  const { findings } = run(rule, d);
  assert.deepEqual(findings.map((f) => f.data?.table), ['T07', 'T08']);
  assert.equal(findings[0]!.messageId, 'table-missing');
  assert.match(findings[0]!.message, /政府性基金预算财政拨款收入支出决算表/);
  const t06 = d.tables.find((t) => t.key === 'T06')!;
  assert.equal(findings[0]!.at.line, t06.endLine + 1);
  // Where the table would stand, but not inside any table: the engine attaches none.
  const located = checkDisclosure(d, { only: ['completeness.tables-present'] }).findings;
  assert.equal(located.length, 2);
  for (const f of located) assert.equal(f.location.table, undefined);
});

test('completeness-tables-present: must trigger one finding naming all tables when they are only referred to', () => {
  const d = disclosure({
    tables: [],
    sections: [section('第四部分 决算公开表', ['本部门2023年度部门决算公开表详见附表。'])],
  });
  const { findings } = run(rule, d);
  assert.equal(findings.length, 1);
  const f = findings[0]!;
  assert.equal(f.messageId, 'tables-not-printed');
  assert.equal(f.evidence, '详见附表');
  assert.equal(f.data?.missing, TABLE_KEYS.join(','));
  assert.match(d.lines.find((l) => l.line === f.at.line)!.text, /详见附表/);
});

test('completeness-tables-present: must not trigger when all nine are printed, some declared empty', () => {
  const tables = all(['T07', 'T08']);
  tables.push(minimalTable('T07', { status: 'empty' }), minimalTable('T08', { status: 'empty' }));
  assert.deepEqual(run(rule, disclosure({ tables })).findings, []);
});

test('completeness-tables-present: must not trigger on a table listed in the 目录 (left to the toc rule), and skips other kinds', () => {
  const d = disclosure({ tables: all(['T06']) });
  d.toc = [{ text: '六、一般公共预算财政拨款基本支出决算表', table: 'T06', prov: { line: 1 } }];
  assert.deepEqual(run(rule, d).findings, []);
  const r = run(rule, disclosure({ kind: 'performance-self-evaluation', tables: [] }));
  assert.deepEqual(r.findings, []);
  assert.match(r.skipped ?? '', /final-accounts/);
});

test('completeness-tables-present: must trigger as info only when the text declares a missing table empty', () => {
  const d = disclosure({
    tables: all(['T08']),
    sections: [section('七、国有资本经营预算财政拨款支出决算情况说明', ['本部门2023年度无国有资本经营预算财政拨款支出。'])],
  });
  const { findings } = run(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.messageId, 'declared-empty-not-printed');
  assert.equal(findings[0]!.severity, 'info');
  assert.match(findings[0]!.evidence ?? '', /无国有资本经营预算财政拨款支出/);
});

// Budgets (部门预算 / 单位预算): the national list of 财预〔2016〕143号, a warning per table.
const budgetTables = (except: TableKey[] = []) =>
  (['T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T07', 'T09'] as TableKey[])
    .filter((k) => !except.includes(k))
    .map((k) => ({ ...minimalTable(k), variant: 'budget:national' }));

test('completeness-tables-present (budget): must trigger a warning per table of the national list neither printed nor listed', () => {
  const d = disclosure({ kind: 'budget', tables: budgetTables(['T06', 'T09']) });
  const { findings } = run(rule, d);
  assert.deepEqual(findings.map((f) => f.data?.table), ['T06', 'T09']);
  for (const f of findings) {
    assert.equal(f.messageId, 'budget-table-missing');
    assert.equal(f.severity, 'warning');
    assert.doesNotMatch(f.message, /决算/);
  }
  assert.match(findings[0]!.message, /一般公共预算基本支出表/);
});

test('completeness-tables-present (budget): must not trigger without a 国有资本经营 table (not on the national list), on empty fund tables or on listed tables', () => {
  const tables = budgetTables(['T07']);
  tables.push({ ...minimalTable('T07', { status: 'empty' }), variant: 'budget:national' });
  assert.deepEqual(run(rule, disclosure({ kind: 'budget', tables })).findings, []);
  const d = disclosure({ kind: 'budget', tables: budgetTables(['T06']) });
  d.toc = [{ text: '八、一般公共预算基本支出预算表', table: 'T06', prov: { line: 1 } }];
  assert.deepEqual(run(rule, d).findings, []);
});

test('completeness-tables-present (budget): the narrative file of a two-file publication (no table at all) is skipped with the reason', () => {
  const d = disclosure({ kind: 'budget', tables: [], sections: [section('一、收支预算总表情况说明', ['2019年度收支总预算1000.00万元。'])] });
  d.toc = [{ text: '一、收支预算总表', table: 'T01', prov: { line: 1 } }];
  const r = run(rule, d);
  assert.deepEqual(r.findings, []);
  assert.match(r.skipped ?? '', /as-one/);
});

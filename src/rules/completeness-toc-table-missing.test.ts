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

// Budgets: every table the 目录 lists, keyed or not.
const budgetTable = (key: (typeof TABLE_KEYS)[number], title: string) => ({ ...minimalTable(key), title, variant: 'budget:national' });

test('completeness-toc-table-missing (budget): must trigger on a listed standard table and on a listed other table the body lacks', () => {
  const d = disclosure({
    kind: 'budget', entity: '某某厅',
    tables: [budgetTable('T01', '一、收支预算总表'), budgetTable('T02', '二、收入预算总表')],
  });
  d.toc = [
    { text: '一、收支预算总表', table: 'T01', prov: { line: 1 } },
    { text: '二、收入预算总表', table: 'T02', prov: { line: 2 } },
    { text: '三、支出预算总表', table: 'T03', prov: { line: 3 } },
    { text: '十二、政府采购支出预算表', prov: { line: 4 } },
  ];
  const { findings } = run(rule, d);
  assert.deepEqual(findings.map((f) => f.evidence), ['三、支出预算总表', '十二、政府采购支出预算表']);
  assert.match(findings[0]!.message, /部门支出总表/);
  assert.match(findings[1]!.message, /正文中没有此表/);
  for (const f of findings) assert.doesNotMatch(f.message, /决算/);
});

test('completeness-toc-table-missing (budget): must not trigger when listed tables are printed under other wording, or on a narrative file without tables', () => {
  const other = { ...minimalTable('T01'), key: undefined, title: '2018年政府采购预算表', variant: 'budget:other' };
  const d = disclosure({ kind: 'budget', entity: '某某厅', tables: [budgetTable('T01', '某某厅2018年度收支预算总表'), other] });
  d.toc = [
    { text: '一、2018年度某某厅收支预算总表', table: 'T01', prov: { line: 1 } },
    { text: '十二、政府采购支出预算表', prov: { line: 2 } },
  ];
  assert.deepEqual(run(rule, d).findings, []);
  const narrative = disclosure({ kind: 'budget', tables: [] });
  narrative.toc = [{ text: '一、收支预算总表', table: 'T01', prov: { line: 1 } }];
  const r = run(rule, narrative);
  assert.deepEqual(r.findings, []);
  assert.match(r.skipped ?? '', /目录列出 1 张表/);
});

test('completeness-toc-table-missing (budget): a listed table whose title is printed but not read as a table is not called missing; its 情况说明 alone is', () => {
  const d = disclosure({ kind: 'budget', tables: [budgetTable('T01', '一、收支预算总表')] });
  d.toc = [
    { text: '一、收支预算总表', table: 'T01', prov: { line: 1 } },
    { text: '十、一般公共预算机关运行经费支出预算表', prov: { line: 2 } },
  ];
  const last = Math.max(...d.lines.map((l) => l.line));
  d.lines.push({ line: last + 1, text: '十、一般公共预算机关运行经费支出预算情况说明' });
  assert.equal(run(rule, d).findings.length, 1);
  d.lines.push({ line: last + 2, text: '  十、一般公共预算机关运行经费支出预算表' });
  assert.deepEqual(run(rule, d).findings, []);
});

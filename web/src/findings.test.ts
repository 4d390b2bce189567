import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CheckReport, Finding } from '../../src/check/types';
import type { Disclosure } from '../../src/model/index';
import { mergeFindings } from './findings';
import { indexDocument, locationWords, targetsOf } from './locate';

const f = (over: Partial<Finding>): Finding => ({ rule: 'text.garbled-repetition', severity: 'warning', message: '文字重复', location: {}, ...over });
const report = (findings: Finding[]): CheckReport => ({ schema: 'juesuan.findings/1', document: { kind: 'final-accounts', ruleset: 'x' }, findings, rules: [], counts: { error: 0, warning: findings.length, info: 0 } });

test('findings list: identical findings merged with their count, others kept apart', () => {
  const groups = mergeFindings(report([
    ...[3, 9, 12, 20, 31].map((line) => f({ evidence: '的的', location: { line, section: '一、部门职责' } })),
    f({ evidence: '是是', location: { line: 40 } }),
    f({ rule: 'narrative.share', severity: 'error', message: '占比不符', evidence: '75.00%', location: { line: 33, table: 'T03', tableTitle: '支出决算表' } }),
  ]));
  assert.equal(groups.length, 3);
  assert.equal(groups[0]!.all.length, 5);
  assert.equal(groups[0]!.place, '一、部门职责');
  assert.equal(groups[2]!.place, '支出决算表');
  assert.equal(groups[2]!.family, 'narrative');
});

test('findings list: a location in a reviewer\'s words, never the internal line number', () => {
  assert.equal(locationWords({ line: 272, page: 3, table: 'T03', tableTitle: '支出决算表', row: '合计', column: '基本支出' }), '第 3 页 · 支出决算表 · 行「合计」 · 列「基本支出」');
  assert.equal(locationWords({ line: 272, section: '三、支出决算情况说明' }, 5), '第 5 页 · 三、支出决算情况说明');
  assert.doesNotMatch(locationWords({ line: 272 }), /272/);
});

test('locating: on a line printing two rows (T01 income | expenditure) the cell of the finding\'s row', () => {
  const cell = (text: string, c: number) => ({ text, value: { kind: 'text' as const, text }, prov: { line: 7, page: 1, cell: c } });
  const d = {
    meta: { kind: 'final-accounts' }, source: { format: 'pdf' }, toc: [], sections: [], performance: [], ordinals: [], notFound: [], warnings: [],
    lines: [{ line: 7, page: 1, text: '本年收入合计\t27\t2,502.70\t本年支出合计\t58\t2,502.70' }],
    tables: [{
      id: 't1', key: 'T01', title: '收入支出决算总表', unit: '万元', unitSource: 'printed', status: 'present', notes: [], prov: { line: 5 }, endLine: 9,
      columns: [{ key: 'amount', label: '金额' }],
      rows: [
        { name: '本年收入合计', side: 'income', cells: { amount: cell('2,502.70', 2) }, prov: { line: 7 } },
        { name: '本年支出合计', side: 'expenditure', cells: { amount: cell('2,502.70', 5) }, prov: { line: 7 } },
      ],
    }],
  } as unknown as Disclosure;
  const [t] = targetsOf(indexDocument(d), f({ evidence: '2,502.70', location: { line: 7, page: 1, table: 'T01', row: '本年支出合计' } }));
  assert.deepEqual({ line: t!.line, page: t!.page, cell: t!.cell }, { line: 7, page: 1, cell: 5 });
});

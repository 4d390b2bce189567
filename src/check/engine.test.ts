import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDisclosure, selectRules } from './engine.js';
import type { Rule } from './types.js';
import { disclosure, section, table } from '../rules/utils/fixtures.js';
import { InputError } from '../ingest/raw.js';

const meta = (id: string, extra: Partial<Rule['meta']> = {}): Rule['meta'] => ({
  id, family: 'intratable', title: { zh: id, en: id }, severity: 'error', references: ['test'], ...extra,
});

const doc = () => disclosure({
  entity: '某局', year: 2023, unit: '万元',
  tables: [table('T03', { columns: ['total', 'basic'], rows: [['total', '合计', '100.00', '60.00'], ['2101501', '行政运行', '60.00', '60.00']] })],
  sections: [section('三、支出决算情况说明', ['支出合计 100.00 万元。', '基本支出 60.00 万元。'], {
    children: [section('（一）基本支出', ['人员经费 50.00 万元。'])],
  })],
});

const cellRule: Rule = {
  meta: meta('cell-rule', { needsTables: ['T03'] }),
  check({ disclosure: d }) {
    const t = d.tables[0]!;
    return [
      { messageId: 'b', message: 'second', at: t.rows[1]!.cells.total!.prov, evidence: '60.00', row: '2101501 行政运行' },
      { messageId: 'a', message: 'first', severity: 'warning', at: t.rows[0]!.cells.total!.prov, evidence: '100.00', expected: '110.00' },
    ];
  },
};
const sentenceRule: Rule = {
  meta: meta('sentence-rule', { family: 'narrative', severity: 'info', needsNarrative: true }),
  check({ disclosure: d }) {
    return [{ messageId: 's', message: 'in child', at: d.sections[0]!.children[0]!.paragraphs[0]!.prov }];
  },
};
const crashing: Rule = { meta: meta('boom'), check() { throw new Error('kaput'); } };
const needsT07: Rule = { meta: meta('needs-t07', { needsTables: ['T07'] }), check() { return []; } };
const selfSkip: Rule = { meta: meta('self-skip'), check(ctx) { ctx.skip('不适用于本级'); return []; } };
const quiet: Rule = { meta: meta('quiet'), check() { return []; } };
const ALL = [cellRule, sentenceRule, crashing, needsT07, selfSkip, quiet];

test('engine: outcomes say passed, failed, skipped (with reason) and crashed (with the error)', () => {
  const r = checkDisclosure(doc(), { rules: ALL });
  const status = Object.fromEntries(r.rules.map((o) => [o.rule, o.status]));
  assert.deepEqual(status, {
    'intratable.cell-rule': 'failed', 'narrative.sentence-rule': 'failed', 'intratable.boom': 'crashed',
    'intratable.needs-t07': 'skipped', 'intratable.self-skip': 'skipped', 'intratable.quiet': 'passed',
  });
  assert.match(r.rules.find((o) => o.rule === 'intratable.boom')!.reason!, /kaput/);
  assert.match(r.rules.find((o) => o.rule === 'intratable.needs-t07')!.reason!, /T07/);
  assert.equal(r.rules.find((o) => o.rule === 'intratable.self-skip')!.reason, '不适用于本级');
});

test('engine: findings are located (line, table, section), sorted by line and counted', () => {
  const d = doc();
  const r = checkDisclosure(d, { rules: ALL });
  assert.deepEqual(r.findings.map((f) => f.message), ['first', 'second', 'in child']);
  const [first, second, child] = r.findings;
  assert.equal(first!.location.line, d.tables[0]!.rows[0]!.prov.line);
  assert.equal(first!.location.table, 'T03');
  assert.equal(first!.location.tableTitle, '支出决算表');
  assert.equal(first!.severity, 'warning');
  assert.equal(second!.severity, 'error');
  assert.equal(second!.location.row, '2101501 行政运行');
  assert.equal(child!.location.section, '（一）基本支出');
  assert.equal(child!.location.table, undefined);
  assert.deepEqual(r.counts, { error: 1, warning: 1, info: 1 });
  assert.equal(r.schema, 'juesuan.findings/1');
  assert.equal(r.document.entity, '某局');
  assert.equal(r.document.year, 2023);
});

test('engine: a line of the parent section is located in the parent, pages come from the lines', () => {
  const d = doc();
  d.lines = d.lines.map((l) => ({ ...l, page: l.line > 4 ? 2 : 1 }));
  const rule: Rule = { meta: meta('p'), check: ({ disclosure: x }) => [{ messageId: 'p', message: 'p', at: x.sections[0]!.paragraphs[1]!.prov }] };
  const f = checkDisclosure(d, { rules: [rule] }).findings[0]!;
  assert.equal(f.location.section, '三、支出决算情况说明');
  assert.equal(f.location.page, 2);
});

test('engine: an empty table makes its rules skip as not applicable', () => {
  const d = disclosure({ tables: [table('T07', { columns: ['total'], rows: [], status: 'empty' })] });
  const o = checkDisclosure(d, { rules: [needsT07] }).rules[0]!;
  assert.equal(o.status, 'skipped');
  assert.match(o.reason!, /无数据/);
});

test('engine: only/disable select by id, family.id or family; an unknown id is an input error', () => {
  assert.deepEqual(selectRules({ rules: ALL, only: ['quiet', 'narrative.sentence-rule'] }).map((r) => r.meta.id), ['sentence-rule', 'quiet']);
  assert.deepEqual(selectRules({ rules: ALL, only: ['narrative'] }).map((r) => r.meta.id), ['sentence-rule']);
  assert.equal(selectRules({ rules: ALL, disable: ['intratable'] }).length, 1);
  assert.throws(() => selectRules({ rules: ALL, only: ['nope'] }), InputError);
});

test('engine: the ruleset version depends on the rules that ran', () => {
  const a = checkDisclosure(doc(), { rules: ALL }).document.ruleset;
  const b = checkDisclosure(doc(), { rules: ALL }).document.ruleset;
  const c = checkDisclosure(doc(), { rules: [quiet] }).document.ruleset;
  assert.equal(a, b);
  assert.notEqual(a, c);
  assert.match(a, /^juesuan-\d+\.\d+\.\d+\+[0-9a-f]{8}$/);
});

test('engine: the registry runs on an empty disclosure without crashing', () => {
  const r = checkDisclosure(disclosure({}));
  const crashed = r.rules.filter((o) => o.status === 'crashed');
  assert.deepEqual(crashed, []);
  assert.ok(r.rules.length > 0);
});

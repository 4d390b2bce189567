import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { checkDisclosure } from './engine.js';
import { toJsonReport, formatJsonReport } from './report-json.js';
import { formatTextReport } from './report-text.js';
import type { Rule } from './types.js';
import { disclosure, section, table } from '../rules/utils/fixtures.js';
import { SHARED_DIR } from '../../test/support/corpus.js';

const meta = (id: string, extra: Partial<Rule['meta']> = {}): Rule['meta'] => ({
  id, family: 'crosstable', title: { zh: id, en: id }, severity: 'error', references: ['test'], ...extra,
});
const rules: Rule[] = [
  {
    meta: meta('sum-rule'),
    check: ({ disclosure: d }) => [{
      messageId: 'x', message: '合计印刷为 100.00，应为 110.00。', evidence: '100.00', expected: '110.00',
      at: d.tables[0]!.rows[0]!.cells.total!.prov, row: '合计', column: '本年支出合计',
      related: [{ role: '加数：基本支出', at: d.tables[0]!.rows[0]!.cells.basic!.prov, evidence: '60.00', table: 'T03' }],
    }],
  },
  { meta: meta('text-rule', { family: 'narrative', severity: 'warning' }), check: ({ disclosure: d }) => [{ messageId: 'y', message: '百分比有误', evidence: '130.53%', at: d.sections[0]!.paragraphs[0]!.prov }] },
  { meta: meta('no-t09', { needsTables: ['T09'] }), check: () => [] },
  { meta: meta('broken'), check: () => { throw new TypeError('cannot read x'); } },
];
const report = () => checkDisclosure(disclosure({
  entity: '某局', year: 2023,
  tables: [table('T03', { columns: [{ key: 'total', label: '本年支出合计' }, { key: 'basic', label: '基本支出' }], rows: [['total', '合计', '100.00', '60.00']] })],
  sections: [section('五、一般公共预算财政拨款支出决算情况说明', ['完成年初预算的130.53%。'])],
}), { rules });

const schemaPath = join(SHARED_DIR, 'contracts', 'findings.schema.json');

test('report-json: validates against contracts/findings.schema.json', { skip: !existsSync(schemaPath) && `${schemaPath} not found` }, () => {
  const schema = z.fromJSONSchema(JSON.parse(readFileSync(schemaPath, 'utf8')));
  const json = JSON.parse(formatJsonReport(report()));
  const r = schema.safeParse(json);
  assert.ok(r.success, JSON.stringify(r.error?.issues));
});

test('report-json: carries schema, rule, severity, message, evidence, expected and location', () => {
  const json = toJsonReport(report());
  assert.equal(json.schema, 'juesuan.findings/1');
  const f = json.findings[0]!;
  assert.match(f.rule, /^[a-z0-9]+(\.[a-z0-9-]+)+$/);
  assert.equal(f.rule, 'crosstable.sum-rule');
  assert.deepEqual(f.location, { line: 3, table: 'T03', row: '合计', column: '本年支出合计', tableTitle: '支出决算表' });
  assert.equal(f.expected, '110.00');
  assert.equal(json.findings[1]!.location.section, '五、一般公共预算财政拨款支出决算情况说明');
  assert.deepEqual(json.counts, { error: 1, warning: 1, info: 0 });
  assert.equal(json.rules.find((r) => r.rule === 'crosstable.broken')!.status, 'crashed');
});

test('report-text: groups by table and section, quotes evidence and expected, lists skipped and crashed rules', () => {
  const text = formatTextReport(report());
  assert.ok(text.includes('T03 支出决算表'));
  assert.ok(text.includes('五、一般公共预算财政拨款支出决算情况说明'));
  assert.ok(text.includes('第3行'));
  assert.ok(text.includes('「100.00」'));
  assert.ok(text.includes('应为：110.00'));
  assert.ok(text.includes('错误 1 · 警告 1 · 提示 0'));
  assert.match(text, /crosstable\.broken：TypeError: cannot read x/);
  assert.match(text, /crosstable\.no-t09：.*T09/);
  assert.ok(!text.includes('\u001b['), 'no colour codes unless asked');
  assert.ok(formatTextReport(report(), { color: true }).includes('\u001b['));
});

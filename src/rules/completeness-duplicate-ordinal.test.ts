import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './completeness-duplicate-ordinal.js';
import { disclosure, minimalTable, run } from './utils/catalog-fixtures.js';

test('completeness-duplicate-ordinal: must trigger when two tables carry the same ordinal', () => {
  const d = disclosure({ tables: [minimalTable('T08', { ordinal: '公开14表' }), minimalTable('T09', { ordinal: '公开14表' })] });
  const [a, b] = d.tables;
  d.ordinals = [{ text: '公开14表', prov: a!.prov }, { text: '公开 14 表', prov: b!.prov }];
  const { findings } = run(rule, d);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.messageId, 'duplicate-ordinal');
  assert.equal(findings[0]!.at.line, b!.prov.line);
  assert.equal(findings[0]!.related?.[0]?.at.line, a!.prov.line);
});

test('completeness-duplicate-ordinal: must not trigger on distinct ordinals, a 目录 mention or a repeat inside one table', () => {
  const d = disclosure({ tables: [minimalTable('T08', { ordinal: '公开08表' }), minimalTable('T09', { ordinal: '公开09表' })] });
  const [a, b] = d.tables;
  d.toc = [{ text: '公开09表 “三公”经费支出决算表', table: 'T09', prov: { line: 99 } }];
  d.ordinals = [
    { text: '公开08表', prov: a!.prov },
    { text: '公开08表', prov: { line: a!.endLine } },
    { text: '公开09表', prov: b!.prov },
    { text: '公开09表', prov: { line: 99 } },
  ];
  assert.deepEqual(run(rule, d).findings, []);
});

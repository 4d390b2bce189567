import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from './completeness-narrative-sections.js';
import { requiredTopics } from '../catalog/sections.js';
import { disclosure, run } from './utils/catalog-fixtures.js';
import { section } from './utils/fixtures.js';

const BODY: Record<string, string> = {
  'three-public': '2023年度因公出国（境）团组0个；公务接待12批次、86人次；公务用车保有量2辆。',
  procurement: '政府采购支出总额10.70万元，其中授予中小企业合同金额10.70万元，占100%。',
};

function docWithout(omit: string[], body: Record<string, string> = BODY) {
  const topics = requiredTopics('final-accounts').filter((t) => !omit.includes(t.topic));
  const sections = topics.map((t, i) => section(`${i + 1}. ${t.title}`, [body[t.topic] ?? `${t.title}的说明文字。`], { topic: t.topic }));
  return disclosure({ sections });
}

test('completeness-narrative-sections: must trigger once per missing required part', () => {
  const { findings } = run(rule, docWithout(['procurement', 'glossary']));
  assert.deepEqual(findings.map((f) => f.data?.topic).sort(), ['glossary', 'procurement']);
  assert.ok(findings.every((f) => f.messageId === 'section-missing'));
});

test('completeness-narrative-sections: must trigger on 三公 without counts and 政府采购 without 中小企业', () => {
  const d = docWithout([], { 'three-public': '三公经费支出决算数为0.19万元。', procurement: '政府采购支出总额10.70万元。' });
  const ids = run(rule, d).findings.map((f) => f.messageId).sort();
  assert.deepEqual(ids, ['procurement-sme', 'three-public-counts']);
});

test('completeness-narrative-sections: must trigger one finding when there is no narrative, or most parts are absent', () => {
  const { findings } = run(rule, disclosure({ sections: [] }));
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.messageId, 'no-narrative');
  const few = requiredTopics('final-accounts').map((t) => t.topic).filter((t) => !['duties', 'organization', 'performance'].includes(t));
  const r = run(rule, docWithout(few));
  assert.deepEqual(r.findings.map((f) => f.messageId), ['no-narrative']);
  assert.match(r.findings[0]!.message, /名词解释/);
});

test('completeness-narrative-sections: must not trigger on a complete narrative; skips other kinds', () => {
  assert.deepEqual(run(rule, docWithout([])).findings, []);
  const r = run(rule, disclosure({ kind: 'performance-self-evaluation', sections: [] }));
  assert.deepEqual(r.findings, []);
  assert.ok(r.skipped);
});

test('completeness-narrative-sections: must not trigger for the fund tables when the text says there is nothing', () => {
  const d = docWithout(['government-fund', 'state-capital']);
  d.sections[0]!.paragraphs[0]!.text += '本部门无政府性基金预算财政拨款收入支出，无国有资本经营预算财政拨款支出。';
  assert.deepEqual(run(rule, d).findings, []);
});

test('completeness-narrative-sections: must not trigger on 三公 counts when the legacy table prints them', async () => {
  const { table } = await import('./utils/fixtures.js');
  const d = docWithout([], { ...BODY, 'three-public': '三公经费支出决算数为0.19万元。' });
  d.tables.push(table('T09', { columns: ['actual'], rows: [{ key: 'count.receptionBatches', name: '国内公务接待批次', cells: ['3'] }] }));
  assert.deepEqual(run(rule, d).findings, []);
});

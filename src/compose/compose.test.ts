import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Disclosure, Fen, Section } from '../model/index.js';
import { percent } from './amounts.js';
import { composeDisclosure, composeDocument, renderText, validateComposeInput } from './index.js';
import { Para } from './narrative/para.js';
import { composeInputArb } from './testing/arbitrary.js';
import { fenOf, identityViolations } from './testing/identities.js';
import { exampleInputs, small, WAN } from './testing/fixtures.js';

function rowOf(d: Disclosure, table: string, key: string, side?: string) {
  const t = d.tables.find((x) => x.key === table)!;
  return t.rows.find((r) => r.key === key && (side === undefined || r.side === side))!;
}

function allText(sections: Section[]): string {
  return sections.map((s) => `${s.heading}\n${s.paragraphs.map((p) => p.text).join('\n')}\n${allText(s.children)}`).join('\n');
}

test('parents and totals are computed from the leaves', () => {
  const d = composeDisclosure(small);
  assert.equal(fenOf(rowOf(d, 'T03', '210').cells.total), 101.75 * WAN);
  assert.equal(fenOf(rowOf(d, 'T03', '21015').cells.project), 21.25 * WAN);
  assert.equal(fenOf(rowOf(d, 'T03', 'total').cells.total), 111.75 * WAN);
  assert.equal(fenOf(rowOf(d, 'T02', 'total').cells.other), 1.25 * WAN);
  assert.equal(fenOf(rowOf(d, 'T01', 'incomeTotal', 'income').cells.amount), 111.75 * WAN);
  assert.equal(fenOf(rowOf(d, 'T01', 'fn:210', 'expenditure').cells.amount), 101.75 * WAN);
  assert.equal(fenOf(rowOf(d, 'T04', 'expenditureTotal', 'expenditure').cells.generalBudget), 110.5 * WAN);
  assert.equal(fenOf(rowOf(d, 'T06', 'personnelTotal').cells.amount), 70 * WAN);
  assert.equal(fenOf(rowOf(d, 'T06', '301').cells.amount), 70 * WAN);
  assert.deepEqual(identityViolations(d), []);
});

test('every example validates and composes with every identity exact', () => {
  const examples = exampleInputs();
  assert.ok(examples.length >= 3, 'three examples at least');
  for (const { name, input } of examples) {
    const v = validateComposeInput(input);
    assert.deepEqual(v.problems.filter((p) => p.severity === 'error'), [], name);
    const d = composeDisclosure(input);
    assert.deepEqual(identityViolations(d), [], name);
    assert.equal(d.tables.length, 9, name);
  }
});

test('wording: 持平 when equal, 增加/减少 by sign, growth from zero stated as such', () => {
  const say = (cur: number, prior: number | null) => {
    const p = new Para('万元').say('支出');
    const dir = p.change(cur as Fen, prior as Fen | null, '支出');
    return { text: p.build().text, dir };
  };
  assert.deepEqual(say(5 * WAN, 5 * WAN), { text: '支出与上年持平。', dir: 'flat' });
  assert.deepEqual(say(15 * WAN, 10 * WAN), { text: '支出较上年增加5.00万元，增长50.00%。', dir: 'increase' });
  assert.deepEqual(say(4 * WAN, 10 * WAN), { text: '支出较上年减少6.00万元，下降60.00%。', dir: 'decrease' });
  assert.deepEqual(say(3 * WAN, 0), { text: '支出较上年增加3.00万元（上年无此项支出）。', dir: 'increase' });
  assert.deepEqual(say(0, 2 * WAN), { text: '支出较上年减少2.00万元，下降100.00%。', dir: 'decrease' });
  assert.deepEqual(say(3 * WAN, null), { text: '支出。', dir: null });
});

test('a share of a zero whole is not printed; percentages follow from the printed figures', () => {
  const p = new Para('万元').say('A').share(0 as Fen, 0 as Fen, 'A').build();
  assert.equal(p.text, 'A。');
  assert.equal(percent(24.25 * WAN, 18.57 * WAN), '130.59');
  assert.equal(percent(28.4 * WAN, 52.64 * WAN), '53.95');
  assert.equal(percent(1, 3), '33.33');
  assert.equal(percent(2, 3), '66.67');
  assert.equal(percent(5, 0), null);
});

test('figures stated in the narrative carry subject, role and the printed text at their offset', () => {
  const { disclosure } = composeDocument(exampleInputs()[0]!.input);
  const lines = new Map(disclosure.lines.map((l) => [l.line, l.text]));
  let n = 0;
  const walk = (ss: Section[]) => ss.forEach((s) => {
    for (const p of s.paragraphs) for (const sent of p.sentences) for (const f of sent.figures) {
      n++;
      assert.equal(lines.get(f.prov.line)!.slice(f.prov.offset!, f.prov.offset! + f.printed.length), f.printed);
    }
    walk(s.children);
  });
  walk(disclosure.sections);
  assert.ok(n > 50);
});

test('the composed text never prints an empty percentage or a change without a number', () => {
  for (const { input } of exampleInputs()) {
    const text = renderText(composeDocument(input).document);
    assert.doesNotMatch(text, /(增长|下降|占|的)%/);
    assert.doesNotMatch(text, /NaN|undefined|Infinity/);
  }
});

test('property: hundreds of generated inputs validate and compose to an internally consistent model', () => {
  fc.assert(
    fc.property(composeInputArb, (input) => {
      const v = validateComposeInput(input);
      const errors = v.problems.filter((p) => p.severity === 'error');
      assert.deepEqual(errors, []);
      const d = composeDisclosure(input);
      assert.deepEqual(identityViolations(d), []);
      const text = allText(d.sections);
      assert.doesNotMatch(text, /(增长|下降|占|的)%|NaN|undefined/);
      for (const e of d.performance) {
        const scores = [e.funding[0]!.score!, ...e.indicators.map((i) => i.score!)].map((c) => Math.round(Number(c.text) * 100));
        assert.equal(Math.round(Number(e.totalScore!.text) * 100), scores.reduce((a, b) => a + b, 0));
        for (const i of e.indicators) assert.ok(Number(i.score!.text) <= Number(i.weight!.text));
      }
    }),
    { numRuns: 200 },
  );
});

test('line numbers: every table row and section points at the line that prints it', () => {
  const { disclosure } = composeDocument(small);
  const lines = new Map(disclosure.lines.map((l) => [l.line, l.text]));
  for (const t of disclosure.tables) {
    assert.equal(lines.get(t.prov.line), t.title);
    for (const r of t.rows) {
      for (const c of Object.values(r.cells)) assert.equal(lines.get(c.prov.line)!.split('\t')[c.prov.cell!], c.text);
    }
  }
});

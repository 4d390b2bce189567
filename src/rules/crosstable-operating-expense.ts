import type { RawFinding, Rule } from '../check/types.js';
import type { Cell, Disclosure, Figure, Section, Sentence, Table } from '../model/index.js';
import { evaluateIdentity, type Term } from './utils/identity.js';
import { formatLike } from './utils/amounts.js';
import { topLevelRows } from './utils/hierarchy.js';
import { blockCodeRows, blockTotalRow } from './utils/t06.js';
import { mainCell, presentTable, rowLabel, tableName } from './utils/table-access.js';

const SUBJECT = '机关运行经费';

function allSections(sections: readonly Section[]): Section[] {
  return sections.flatMap((s) => [s, ...allSections(s.children)]);
}

/** The 机关运行经费 amount the text states: the first amount after the term, not a budget or a change. */
function statedFigure(sentence: Sentence): Figure | undefined {
  const at = sentence.text.indexOf(SUBJECT);
  if (at < 0) return undefined;
  const base = sentence.prov.offset ?? 0;
  return sentence.figures.find((f) => {
    if (f.kind !== 'amount' || !f.amount) return false;
    if (f.role && f.role !== 'value') return false;
    if (f.subject && !f.subject.includes(SUBJECT)) return false;
    const pos = (f.prov.offset ?? base) - base;
    if (pos < at) return false;
    return !/预算|上年|增加|减少|下降|增长|比/.test(sentence.text.slice(at, pos));
  });
}

function narrativeFigure(d: Disclosure): Figure | undefined {
  const sections = allSections(d.sections);
  const own = sections.filter((s) => s.heading.includes(SUBJECT));
  for (const group of [own, sections]) {
    for (const s of group) {
      for (const p of s.paragraphs) for (const sentence of p.sentences) {
        const f = statedFigure(sentence);
        if (f) return f;
      }
    }
  }
  return undefined;
}

function publicTerms(t06: Table): Term[] {
  const total = blockTotalRow(t06, 'public');
  const rows = total ? [total] : topLevelRows(blockCodeRows(t06, 'public'));
  return rows.map((r) => ({ cell: mainCell(r), label: `${t06.key} ${rowLabel(r) || '公用经费合计'}`, table: t06.key!, row: rowLabel(r) || '公用经费合计' }));
}

function compare(stated: { cell: Cell; where: string; table?: string }, t06: Table): RawFinding | undefined {
  const terms = publicTerms(t06);
  const check = evaluateIdentity({ total: stated.cell, terms });
  if (!check || check.status === 'equal') return undefined;
  const amount = stated.cell.value.kind === 'amount' ? stated.cell.value.amount : undefined;
  const expected = amount ? formatLike(check.expected, amount) : String(check.expected);
  return {
    messageId: check.status === 'rounding' ? 'rounding' : 'differs-from-public-expense',
    severity: check.status === 'rounding' ? 'info' : 'warning',
    message: `${stated.where}的机关运行经费为 ${stated.cell.text}，${tableName(t06)}的公用经费合计为 ${expected}。两者口径相近（机关运行经费为行政单位和参公事业单位的公用经费），请核实差异。`,
    evidence: stated.cell.text, expected, at: stated.cell.prov,
    ...(stated.table ? { table: stated.table } : {}),
    related: terms.filter((t) => t.cell).map((t) => ({ role: '公用经费', at: t.cell!.prov, table: t06.key!, evidence: t.cell!.text, ...(t.row ? { row: t.row } : {}) })),
  };
}

/** 机关运行经费 (T09 older form row, or the narrative) against T06 公用经费: a warning, the definitions differ slightly. */
const rule: Rule = {
  meta: {
    id: 'crosstable-operating-expense',
    family: 'crosstable',
    title: { zh: '机关运行经费与基本支出决算表公用经费一致', en: 'Operating expense agrees with the T06 public expense' },
    description: '行政单位和参照公务员法管理的事业单位，机关运行经费为使用一般公共预算财政拨款安排的基本支出中的日常公用经费，应与一般公共预算财政拨款基本支出决算表的公用经费合计基本一致；口径略有差异，故仅作提示性警告。',
    severity: 'warning',
    kinds: ['final-accounts', 'budget'],
    references: ['财预〔2016〕143号《地方预决算公开操作规程》（机关运行经费公开）', '《部门决算报表》名词解释：机关运行经费'],
    needsTables: ['T06'],
  },
  check({ disclosure, skip }) {
    const t06 = presentTable(disclosure, 'T06')!;
    const out: (RawFinding | undefined)[] = [];
    const t09 = presentTable(disclosure, 'T09');
    const row = t09?.rows.find((r) => r.key === 'operatingExpense');
    const actual = row?.cells['actual.operatingExpense'] ?? row?.cells.actual;
    if (actual?.value.kind === 'amount') out.push(compare({ cell: actual, where: tableName(t09!), table: t09!.key! }, t06));
    const fig = narrativeFigure(disclosure);
    if (fig?.amount) {
      const cell: Cell = { text: fig.printed, value: { kind: 'amount', amount: fig.amount }, prov: fig.prov };
      out.push(compare({ cell, where: '情况说明' }, t06));
    }
    if (!row && !fig) skip('未找到机关运行经费数额');
    return out.filter((f): f is RawFinding => f !== undefined);
  },
};
export default rule;

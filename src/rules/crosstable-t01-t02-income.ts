import type { RawFinding, Rule } from '../check/types.js';
import type { Cell, Row, Table } from '../model/index.js';
import { checkEquality, checkIdentity } from './utils/identity.js';
import { FUND_KEYS } from './utils/t01.js';
import { columnLabel, mainCell, presentTable, rowLabel, sideRow, tableName, totalRow } from './utils/table-access.js';

const LINES: [string, string][] = [
  ['superiorSubsidy', '上级补助收入'], ['operational', '事业收入'], ['business', '经营收入'],
  ['subordinate', '附属单位上缴收入'], ['other', '其他收入'],
];

function t01Line(t01: Table, key: string): Row | undefined {
  return t01.rows.find((r) => r.key === `income:${key}` && r.side !== 'expenditure' && !/^\s*其中/.test(r.name));
}

function fiscal(t01: Table, t02: Table, t02Total: Row): RawFinding | undefined {
  const cell: Cell | undefined = t02Total.cells.fiscal;
  if (!cell) return undefined;
  const whole = t01Line(t01, 'fiscal');
  const funds = whole ? [whole] : FUND_KEYS.map((f) => t01Line(t01, f)).filter((r): r is Row => !!r);
  if (!funds.length) return undefined;
  return checkIdentity({
    messageId: 'income-line-mismatch',
    statement: `${t02.key} 财政拨款收入 = ${t01.key} 各类财政拨款收入之和`,
    total: cell, totalLabel: `${tableName(t02)}合计行的${columnLabel(t02, 'fiscal')}`,
    table: t02.key!, row: rowLabel(t02Total), column: columnLabel(t02, 'fiscal'),
    terms: funds.map((r) => ({ cell: mainCell(r, t01), label: rowLabel(r), table: t01.key!, row: rowLabel(r) })),
    termRole: `${t01.key} 对应项`,
  });
}

/** T01 本年收入合计 = T02 合计; each T01 income line = the T02 合计 of its column. */
const rule: Rule = {
  meta: {
    id: 'crosstable-t01-t02-income',
    family: 'crosstable',
    title: { zh: '收入支出决算总表收入与收入决算表一致', en: 'T01 income equals T02 income (total and by source)' },
    description: '收入支出决算总表的本年收入合计应等于收入决算表合计行的本年收入合计；财政拨款收入、上级补助收入、事业收入、经营收入、附属单位上缴收入、其他收入也应分别相等。',
    severity: 'error',
    kinds: ['final-accounts', 'budget'],
    references: ['《部门决算报表》填报说明：收入支出决算总表与收入决算表的勾稽关系', '财预〔2016〕143号《地方预决算公开操作规程》'],
    needsTables: ['T01', 'T02'],
  },
  check({ disclosure, skip }) {
    const t01 = presentTable(disclosure, 'T01')!;
    const t02 = presentTable(disclosure, 'T02')!;
    const total = totalRow(t02);
    if (!total) { skip('收入决算表未识别到合计行'); return []; }
    // A 收入预算总表 whose 合计 includes 上年结转 matches the 收入总计 of 收支预算总表, not its 本年收入合计.
    const withCarryover = disclosure.meta.kind === 'budget' && total.cells.carryoverBegin !== undefined;
    const t01Total = withCarryover ? sideRow(t01, 'grandTotal', 'income') : sideRow(t01, 'incomeTotal', 'income');
    const out: (RawFinding | undefined)[] = [];
    if (t01Total && withCarryover) {
      out.push(checkEquality({
        messageId: 'income-total-mismatch', statement: `${t01.key} 收入总计 = ${t02.key} 合计（含上年结转）`,
        a: { cell: mainCell(t01Total, t01), label: `${tableName(t01)}的${rowLabel(t01Total)}`, table: t01.key!, row: rowLabel(t01Total) },
        b: { cell: total.cells.total, label: `${tableName(t02)}合计行的合计`, table: t02.key!, row: rowLabel(total), column: columnLabel(t02, 'total') },
      }));
    } else if (t01Total) {
      out.push(checkEquality({
        messageId: 'income-total-mismatch', statement: `${t01.key} 本年收入合计 = ${t02.key} 合计`,
        a: { cell: mainCell(t01Total, t01), label: `${tableName(t01)}的${rowLabel(t01Total)}`, table: t01.key!, row: rowLabel(t01Total) },
        b: { cell: total.cells.total, label: `${tableName(t02)}合计行的本年收入合计`, table: t02.key!, row: rowLabel(total), column: columnLabel(t02, 'total') },
      }));
    }
    out.push(fiscal(t01, t02, total));
    for (const [key, name] of LINES) {
      const line = t01Line(t01, key);
      if (!line || !total.cells[key]) continue;
      out.push(checkEquality({
        messageId: 'income-line-mismatch', statement: `${t01.key} ${name} = ${t02.key} 合计行${name}`,
        a: { cell: mainCell(line, t01), label: `${tableName(t01)}的「${rowLabel(line)}」`, table: t01.key!, row: rowLabel(line) },
        b: { cell: total.cells[key], label: `${tableName(t02)}合计行的${columnLabel(t02, key)}`, table: t02.key!, row: rowLabel(total), column: columnLabel(t02, key) },
      }));
    }
    return out.filter((f): f is RawFinding => f !== undefined);
  },
};
export default rule;

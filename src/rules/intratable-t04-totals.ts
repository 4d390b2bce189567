import type { RawFinding, Rule } from '../check/types.js';
import type { Row, Table } from '../model/index.js';
import { checkEquality, checkIdentity } from './utils/identity.js';
import { FUND_KEYS, functionClassLines } from './utils/t01.js';
import { columnLabel, mainCell, presentTables, rowLabel, sideRow, tableName } from './utils/table-access.js';

const EXP_COLUMNS = ['total', ...FUND_KEYS];

function incomeTotal(t: Table): RawFinding[] {
  const total = sideRow(t, 'incomeTotal', 'income');
  const lines = FUND_KEYS.map((f) => t.rows.find((r) => r.key === `income:${f}` && r.side !== 'expenditure')).filter((r): r is Row => !!r);
  if (!total || !lines.length) return [];
  const f = checkIdentity({
    messageId: 'income-total-mismatch', statement: '本年收入合计 = 各类财政拨款收入之和',
    total: mainCell(total, t), totalLabel: `${tableName(t)}的${rowLabel(total)}`, table: t.key!, row: rowLabel(total),
    terms: lines.map((r) => ({ cell: mainCell(r, t), label: rowLabel(r), row: rowLabel(r) })),
  });
  return f ? [f] : [];
}

function expenditureTotal(t: Table): RawFinding[] {
  const total = sideRow(t, 'expenditureTotal', 'expenditure');
  const lines = functionClassLines(t);
  if (!total || !lines.length) return [];
  return EXP_COLUMNS.filter((c) => total.cells[c]).flatMap((c) => {
    const f = checkIdentity({
      messageId: 'expenditure-total-mismatch', statement: '本年支出合计 = 各功能分类（类）支出之和',
      total: total.cells[c], totalLabel: `${tableName(t)}「${rowLabel(total)}」的${columnLabel(t, c)}`,
      table: t.key!, row: rowLabel(total), column: columnLabel(t, c),
      terms: lines.map((r) => ({ cell: r.cells[c], label: rowLabel(r), row: rowLabel(r), column: columnLabel(t, c) })),
    });
    return f ? [f] : [];
  });
}

function grandTotals(t: Table): RawFinding[] {
  const out: (RawFinding | undefined)[] = [];
  const inGrand = sideRow(t, 'grandTotal', 'income');
  const inTotal = sideRow(t, 'incomeTotal', 'income');
  const begin = sideRow(t, 'carryoverBegin', 'income');
  if (inGrand && inTotal) {
    out.push(checkIdentity({
      messageId: 'income-grand-total-mismatch', statement: '收入总计 = 本年收入合计 + 年初财政拨款结转和结余',
      total: mainCell(inGrand, t), totalLabel: `${tableName(t)}收入方的${rowLabel(inGrand)}`, table: t.key!, row: rowLabel(inGrand),
      terms: [inTotal, begin].filter((r): r is Row => !!r).map((r) => ({ cell: mainCell(r, t), label: rowLabel(r), row: rowLabel(r) })),
    }));
  }
  const exGrand = sideRow(t, 'grandTotal', 'expenditure');
  const exTotal = sideRow(t, 'expenditureTotal', 'expenditure');
  const end = sideRow(t, 'carryoverEnd', 'expenditure');
  if (exGrand && exTotal) {
    for (const c of EXP_COLUMNS.filter((k) => exGrand.cells[k])) {
      out.push(checkIdentity({
        messageId: 'expenditure-grand-total-mismatch', statement: '支出总计 = 本年支出合计 + 年末财政拨款结转和结余',
        total: exGrand.cells[c], totalLabel: `${tableName(t)}支出方「${rowLabel(exGrand)}」的${columnLabel(t, c)}`,
        table: t.key!, row: rowLabel(exGrand), column: columnLabel(t, c),
        terms: [exTotal, end].filter((r): r is Row => !!r).map((r) => ({ cell: r.cells[c], label: rowLabel(r), row: rowLabel(r), column: columnLabel(t, c) })),
      }));
    }
  }
  if (inGrand && exGrand) {
    out.push(checkEquality({
      messageId: 'unbalanced', statement: '支出总计 = 收入总计',
      a: { cell: exGrand.cells.total ?? mainCell(exGrand, t), label: `${tableName(t)}支出方的${rowLabel(exGrand)}`, table: t.key!, row: rowLabel(exGrand) },
      b: { cell: mainCell(inGrand, t), label: `收入方${rowLabel(inGrand)}`, table: t.key!, row: rowLabel(inGrand) },
    }));
  }
  return out.filter((f): f is RawFinding => f !== undefined);
}

/** T04: 本年收入合计 = Σ 各类拨款; 本年支出合计 = Σ 类 per column; 总计 on both sides; 收入总计 = 支出总计. */
const rule: Rule = {
  meta: {
    id: 'intratable-t04-totals',
    family: 'intratable',
    title: { zh: '财政拨款收入支出决算总表：合计与总计', en: 'T04: year totals, grand totals and balance' },
    description: '财政拨款收入支出决算总表中：本年收入合计等于各类财政拨款收入之和；本年支出合计（各列）等于各功能分类类级支出之和；收入总计 = 本年收入合计 + 年初财政拨款结转和结余；支出总计 = 本年支出合计 + 年末财政拨款结转和结余；收入总计等于支出总计。',
    severity: 'error',
    kinds: ['final-accounts', 'budget'],
    references: ['《部门决算报表》填报说明：财政拨款收入支出决算总表（合计与总计）', '财预〔2016〕143号《地方预决算公开操作规程》'],
    needsTables: ['T04'],
  },
  check({ disclosure }) {
    return presentTables(disclosure, 'T04').flatMap((t) => [...incomeTotal(t), ...expenditureTotal(t), ...grandTotals(t)]);
  },
};
export default rule;

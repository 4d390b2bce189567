import type { RawFinding, Rule } from '../check/types.js';
import type { Table } from '../model/index.js';
import { topLevelRows } from './utils/hierarchy.js';
import { checkEquality, checkIdentity, type Term } from './utils/identity.js';
import { BLOCK_NAMES, blockCodeRows, blockTotalRow, type Block } from './utils/t06.js';
import { amountOf, codeRows, columnLabel, mainCell, presentTable, rowLabel, tableName, totalRow } from './utils/table-access.js';

/**
 * The budget form prints 人员经费 and 公用经费 as columns beside the 合计 of each economic code
 * (合计 | 人员经费 | 公用经费): the block is that column of the 合计 row, else of the top-level classes.
 */
function columnTerms(t06: Table, block: Block): Term[] | undefined {
  if (!t06.columns.some((c) => c.key === block)) return undefined;
  const total = totalRow(t06);
  const rows = total && amountOf(total.cells[block]) ? [total] : topLevelRows(codeRows(t06)).filter((r) => r.cells[block]);
  const column = columnLabel(t06, block);
  return rows.map((r) => ({ cell: r.cells[block], label: `${rowLabel(r) || BLOCK_NAMES[block]}／${column}`, table: t06.key!, row: rowLabel(r) || BLOCK_NAMES[block], column }));
}

/** The T06 人员经费/公用经费 amount: its 合计 row, else the sum of its top-level classes. */
function blockTerms(t06: Table, block: Block): Term[] {
  const byColumn = columnTerms(t06, block);
  if (byColumn) return byColumn;
  const total = blockTotalRow(t06, block);
  const rows = total ? [total] : topLevelRows(blockCodeRows(t06, block));
  return rows.map((r) => ({ cell: mainCell(r), label: rowLabel(r) || BLOCK_NAMES[block], table: t06.key!, row: rowLabel(r) || BLOCK_NAMES[block] }));
}

/** T05 基本支出 = T06 人员经费合计 + 公用经费合计 (and each block alone when T05 prints them). */
const rule: Rule = {
  meta: {
    id: 'crosstable-t05-t06-basic',
    family: 'crosstable',
    title: { zh: '一般公共预算基本支出与基本支出决算表人员经费、公用经费之和一致', en: 'T05 basic expenditure equals T06 personnel plus public expenses' },
    description: '一般公共预算财政拨款支出决算表合计行的基本支出，应等于一般公共预算财政拨款基本支出决算表的人员经费合计与公用经费合计之和；旧式表分列人员经费、公用经费时应分别相等。',
    severity: 'error',
    kinds: ['final-accounts', 'budget'],
    references: ['《部门决算报表》填报说明：一般公共预算财政拨款支出决算表与基本支出决算表的勾稽关系', '财预〔2016〕143号《地方预决算公开操作规程》'],
    needsTables: ['T05', 'T06'],
  },
  check({ disclosure, skip }) {
    const t05 = presentTable(disclosure, 'T05')!;
    const t06 = presentTable(disclosure, 'T06')!;
    const total = totalRow(t05);
    if (!total?.cells.basic) { skip('一般公共预算财政拨款支出决算表未识别到合计行的基本支出'); return []; }
    const personnel = blockTerms(t06, 'personnel');
    const pub = blockTerms(t06, 'public');
    const out: (RawFinding | undefined)[] = [checkIdentity({
      messageId: 'basic-mismatch',
      statement: `${t05.key} 基本支出 = ${t06.key} 人员经费合计 + 公用经费合计`,
      total: total.cells.basic,
      totalLabel: `${tableName(t05)}合计行的${columnLabel(t05, 'basic')}`,
      table: t05.key!, row: rowLabel(total), column: columnLabel(t05, 'basic'),
      terms: [...personnel, ...pub],
      termRole: `${t06.key} 对应项`,
    })];
    for (const [key, terms] of [['personnel', personnel], ['public', pub]] as const) {
      if (!total.cells[key] || terms.length !== 1) continue;
      out.push(checkEquality({
        messageId: `${key}-mismatch`, statement: `${t05.key} ${columnLabel(t05, key)} = ${t06.key} ${BLOCK_NAMES[key]}`,
        a: { cell: total.cells[key], label: `${tableName(t05)}合计行的${columnLabel(t05, key)}`, table: t05.key!, row: rowLabel(total), column: columnLabel(t05, key) },
        b: { cell: terms[0]!.cell, label: terms[0]!.label, table: t06.key!, row: terms[0]!.row! },
      }));
    }
    return out.filter((f): f is RawFinding => f !== undefined);
  },
};
export default rule;

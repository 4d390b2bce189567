/** Reading T06 (基本支出决算表): its 人员经费 and 公用经费 blocks and their 合计 rows. */
import type { Row, Table } from '../../model/index.js';
import { codeRows } from './table-access.js';

export type Block = 'personnel' | 'public';
export const PERSONNEL_CLASSES: readonly string[] = ['301', '303'];
export const BLOCK_TOTAL_KEYS: Record<Block, string> = { personnel: 'personnelTotal', public: 'publicTotal' };
export const BLOCK_NAMES: Record<Block, string> = { personnel: '人员经费合计', public: '公用经费合计' };

/** The block of an economic-code row: its side, else by class (301/303 人员经费, the rest 公用经费). */
export function blockOf(row: Row): Block {
  if (row.side === 'personnel' || row.side === 'public') return row.side;
  return PERSONNEL_CLASSES.some((c) => (row.code ?? '').startsWith(c)) ? 'personnel' : 'public';
}

export function blockTotalRow(t: Table, block: Block): Row | undefined {
  return t.rows.find((r) => r.key === BLOCK_TOTAL_KEYS[block])
    ?? t.rows.find((r) => !r.code && r.side === block && /合计|小计/.test(r.name));
}

export function blockCodeRows(t: Table, block: Block): Row[] {
  return codeRows(t).filter((r) => blockOf(r) === block);
}

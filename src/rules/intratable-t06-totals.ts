import type { RawFinding, Rule } from '../check/types.js';
import type { Table } from '../model/index.js';
import { topLevelRows } from './utils/hierarchy.js';
import { checkIdentity } from './utils/identity.js';
import { mainCell, presentTables, rowLabel, tableName } from './utils/table-access.js';
import { BLOCK_NAMES, blockCodeRows, blockTotalRow, type Block } from './utils/t06.js';

const STATEMENTS: Record<Block, string> = {
  personnel: '人员经费合计 = 工资福利支出（301） + 对个人和家庭的补助（303）',
  public: '公用经费合计 = 商品和服务支出（302） + 债务利息及费用支出（307） + 资本性支出（310） + 对企业补助（312） + 其他支出（399）（按所列科目）',
};

function checkBlock(t: Table, block: Block): RawFinding | undefined {
  const total = blockTotalRow(t, block);
  const tops = topLevelRows(blockCodeRows(t, block));
  if (!total || !tops.length) return undefined;
  return checkIdentity({
    messageId: `${block}-total-mismatch`,
    statement: STATEMENTS[block],
    total: mainCell(total),
    totalLabel: `${tableName(t)}的${rowLabel(total) || BLOCK_NAMES[block]}`,
    table: t.key!, row: rowLabel(total) || BLOCK_NAMES[block],
    terms: tops.map((r) => ({ cell: mainCell(r), label: rowLabel(r), row: rowLabel(r) })),
    termRole: '科目',
  });
}

/** T06: 人员经费合计 = 301 + 303; 公用经费合计 = 302 + 307 + 310 + 312 + 399 (the classes printed). */
const rule: Rule = {
  meta: {
    id: 'intratable-t06-totals',
    family: 'intratable',
    title: { zh: '基本支出决算表：人员经费、公用经费合计等于所列经济分类之和', en: 'T06: personnel and public totals equal the sums of their economic classes' },
    description: '一般公共预算财政拨款基本支出决算表中，人员经费合计应等于工资福利支出与对个人和家庭的补助之和；公用经费合计应等于商品和服务支出、债务利息及费用支出、资本性支出、对企业补助、其他支出等所列类级科目之和（未列类级时按款级）。',
    severity: 'error',
    kinds: ['final-accounts', 'budget'],
    references: ['《部门决算报表》填报说明：一般公共预算财政拨款基本支出决算表（人员经费、公用经费按经济分类款级填列）', '财政部《政府收支分类科目》部门预算支出经济分类'],
    needsTables: ['T06'],
  },
  check({ disclosure }) {
    return presentTables(disclosure, 'T06').flatMap((t) =>
      (['personnel', 'public'] as const).map((b) => checkBlock(t, b)).filter((f): f is RawFinding => f !== undefined));
  },
};
export default rule;

/**
 * One identity between printed amounts, total = Σ ±term, judged with the rounding tolerance of
 * src/model/money.ts. Beyond the tolerance: a finding at the rule's severity; within it: an info
 * finding (messageId 'rounding'), never an error. The finding quotes the printed total and names
 * every term as `related`.
 */
import { assertFen, type Amount, type Cell } from '../../model/index.js';
import type { RawFinding } from '../../check/types.js';
import { compareSum, formatLike, zeroAmount, type AmountCheck } from './amounts.js';
import { amountOf, isNil } from './table-access.js';

export interface Term {
  cell: Cell | undefined;
  /** What the term is, for messages: '基本支出', '2101501 行政运行'. */
  label: string;
  sign?: 1 | -1;
  /** Location hints for the related entry (table key or title, row and column labels). */
  table?: string;
  row?: string;
  column?: string;
}

export interface Identity {
  messageId: string;
  /** The identity in words, e.g. '本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出'. */
  statement: string;
  total: Cell | undefined;
  /** How the total is named in the message: 'T03「支出决算表」合计行的本年支出合计'. */
  totalLabel: string;
  table?: string;
  row?: string;
  column?: string;
  terms: Term[];
  /** Role of the terms in `related` (default '加数'). */
  termRole?: string;
  data?: Record<string, string | number>;
}

/** Amounts of the terms (nil cells count as zero); undefined when one holds text or no term is printed. */
function termAmounts(terms: readonly Term[], like: Amount): Amount[] | undefined {
  if (!terms.some((t) => t.cell)) return undefined;
  const out: Amount[] = [];
  for (const t of terms) {
    const a = amountOf(t.cell);
    if (a) out.push(a);
    else if (isNil(t.cell)) out.push(zeroAmount(like.unit, like.decimals));
    else return undefined;
  }
  return out;
}

/** Compares without reporting: undefined when the identity cannot be judged (total not an amount, a term not a number). */
export function evaluateIdentity(id: Pick<Identity, 'total' | 'terms'>): AmountCheck | undefined {
  const total = amountOf(id.total);
  if (!total) return undefined;
  const amounts = termAmounts(id.terms, total);
  if (!amounts) return undefined;
  return compareSum(total, amounts, id.terms.map((t) => t.sign ?? 1));
}

export function checkIdentity(id: Identity): RawFinding | undefined {
  const check = evaluateIdentity(id);
  if (!check || check.status === 'equal') return undefined;
  const total = amountOf(id.total)!;
  const expected = formatLike(check.expected, total);
  const diff = `${formatLike(assertFen(Math.abs(check.difference)), total)} ${total.unit}`;
  const rounding = check.status === 'rounding';
  const message = rounding
    ? `${id.totalLabel}印刷为 ${id.total!.text}，按 ${id.statement} 计算为 ${expected}，相差 ${diff}，在尾数误差范围内。`
    : `${id.totalLabel}印刷为 ${id.total!.text}，按 ${id.statement} 计算应为 ${expected}，相差 ${diff}。`;
  return {
    messageId: rounding ? 'rounding' : id.messageId,
    message,
    ...(rounding ? { severity: 'info' as const } : {}),
    evidence: id.total!.text,
    expected,
    at: id.total!.prov,
    ...(id.table ? { table: id.table } : {}),
    ...(id.row ? { row: id.row } : {}),
    ...(id.column ? { column: id.column } : {}),
    related: id.terms.filter((t) => t.cell).map((t) => ({
      role: `${t.sign === -1 ? '减数' : id.termRole ?? '加数'}：${t.label}`,
      at: t.cell!.prov,
      evidence: t.cell!.text,
      ...(t.table ? { table: t.table } : {}),
      ...(t.row ? { row: t.row } : {}),
      ...(t.column ? { column: t.column } : {}),
    })),
    data: {
      actual: id.total!.text, expected, difference: diff, tolerance: formatLike(check.tolerance, total),
      ...(id.data ?? {}),
    },
  };
}

/**
 * One identity between printed amounts, total = Σ ±term, judged with the rounding tolerance of
 * src/model/money.ts. Beyond the tolerance: a finding at the rule's severity; within it: an info
 * finding (messageId 'rounding'), never an error. The finding quotes the printed total and names
 * every term as `related`.
 */
import { assertFen, type Amount, type Cell } from '../../model/index.js';
import type { RawFinding } from '../../check/types.js';
import { compareAmounts, compareSum, formatLike, toleranceFor, zeroAmount, type AmountCheck } from './amounts.js';
import { amountOf, isNil } from './table-access.js';

/** At most this many terms are listed as `related` (the message gives the whole identity). */
const MAX_RELATED = 12;

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
  /** Judge even when no term is printed (the terms are then zero): for a figure whose counterpart table is empty. */
  impliedZero?: boolean;
  data?: Record<string, string | number>;
}

/** Amounts of the terms (nil cells count as zero); undefined when one holds text or no term is printed. */
function termAmounts(terms: readonly Term[], like: Amount, impliedZero = false): Amount[] | undefined {
  if (!impliedZero && !terms.some((t) => t.cell)) return undefined;
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
export function evaluateIdentity(id: Pick<Identity, 'total' | 'terms' | 'impliedZero'>): AmountCheck | undefined {
  const total = amountOf(id.total);
  if (!total) return undefined;
  const amounts = termAmounts(id.terms, total, id.impliedZero);
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
    related: id.terms.filter((t) => amountOf(t.cell)).slice(0, MAX_RELATED).map((t) => ({
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

export interface EqualitySide {
  cell: Cell | undefined;
  /** '一般公共预算财政拨款收入支出决算总表 本年支出合计（一般公共预算）' */
  label: string;
  table?: string;
  row?: string;
  column?: string;
}

/**
 * The same figure printed in two places (a = b), both amounts; `a` is quoted. With `impliedZero`, a
 * side that states nothing counts as zero (and the other side is quoted).
 */
export function checkEquality(spec: {
  messageId: string; statement: string; a: EqualitySide; b: EqualitySide; termRole?: string; impliedZero?: boolean;
}): RawFinding | undefined {
  const [quoted, other] = amountOf(spec.a.cell) || !amountOf(spec.b.cell) ? [spec.a, spec.b] : [spec.b, spec.a];
  if (!amountOf(quoted.cell)) return undefined;
  // A blank counterpart (a total row printed without figures) says nothing unless the caller knows it means zero.
  if (!amountOf(other.cell) && !spec.impliedZero) return undefined;
  const unitSlip = unitSlipFinding(spec.messageId, quoted, other);
  if (unitSlip) return unitSlip;
  return checkIdentity({
    messageId: spec.messageId,
    statement: spec.statement,
    total: quoted.cell,
    totalLabel: quoted.label,
    ...(quoted.table ? { table: quoted.table } : {}),
    ...(quoted.row ? { row: quoted.row } : {}),
    ...(quoted.column ? { column: quoted.column } : {}),
    terms: [{ cell: other.cell, label: other.label, ...pick(other) }],
    termRole: spec.termRole ?? '对应数',
    ...(spec.impliedZero ? { impliedZero: true } : {}),
  });
}

const TEN_THOUSAND = 10_000;

/**
 * Two figures that agree only once one is read in the other unit (元 ↔ 万元, a factor of 10 000):
 * the unit printed (or assumed) on one table is wrong. A warning naming both units, not a sum error.
 */
function unitSlipFinding(messageId: string, a: EqualitySide, b: EqualitySide): RawFinding | undefined {
  const x = amountOf(a.cell);
  const y = amountOf(b.cell);
  if (!x || !y || x.fen === 0 || y.fen === 0 || x.fen === y.fen) return undefined;
  const [big, small] = Math.abs(x.fen) > Math.abs(y.fen) ? [x, y] : [y, x];
  const scaled = { ...big, fen: assertFen(Math.round(big.fen / TEN_THOUSAND)), unit: small.unit, decimals: small.decimals };
  const close = Math.abs(scaled.fen - small.fen) <= toleranceFor([small], 2);
  if (!close || compareAmounts(x, y).status !== 'mismatch') return undefined;
  return {
    messageId: `${messageId}-unit`,
    severity: 'warning',
    message: `${a.label}为 ${a.cell!.text}（${x.unit}），${b.label}为 ${b.cell!.text}（${y.unit}），两者恰好相差一万倍，疑似金额单位（元/万元）标注有误。`,
    evidence: a.cell!.text,
    at: a.cell!.prov,
    ...pick(a),
    related: [{ role: `对应数：${b.label}`, at: b.cell!.prov, evidence: b.cell!.text, ...pick(b) }],
    data: { unitA: x.unit, unitB: y.unit },
  };
}

function pick(s: EqualitySide): Pick<Term, 'table' | 'row' | 'column'> {
  return { ...(s.table ? { table: s.table } : {}), ...(s.row ? { row: s.row } : {}), ...(s.column ? { column: s.column } : {}) };
}

/**
 * A function-classified table from its leaf rows (项): every 款 and 类 row and the 合计 are sums, so
 * 类 = Σ款 = Σ项 and 合计 = Σ类 hold exactly.
 */
import type { CodeLevel, Fen } from '../model/index.js';
import { add } from './amounts.js';
import { functionCodeName } from './names.js';

export type Values = Record<string, Fen>;

export interface CodeRowFigures {
  code: string;
  level: CodeLevel;
  name: string;
  known: boolean;
  values: Values;
}

export interface CodeTableFigures {
  columns: readonly string[];
  total: Values;
  /** 类, then its 款, then their 项, in code order. */
  rows: CodeRowFigures[];
}

export interface Leaf {
  code: string;
  name?: string | undefined;
  values: Values;
}

export interface NameContext {
  year: number;
  functionNames: Readonly<Record<string, string>>;
}

const LEVELS: readonly [number, CodeLevel][] = [[3, 'category'], [5, 'section'], [7, 'item']];

export function zeroValues(columns: readonly string[]): Values {
  return Object.fromEntries(columns.map((c) => [c, 0 as Fen]));
}

function addInto(target: Values, v: Values): void {
  for (const k of Object.keys(target)) target[k] = add(target[k]!, v[k] ?? 0);
}

/** `derive` completes a leaf's values with its computed columns (row totals); parents are sums. */
export function buildCodeTable(
  leaves: readonly Leaf[],
  columns: readonly string[],
  derive: (v: Values) => Values,
  names: NameContext,
): CodeTableFigures {
  const byCode = new Map<string, CodeRowFigures>();
  const total = zeroValues(columns);
  for (const leaf of leaves) {
    const values = derive({ ...zeroValues(columns), ...leaf.values });
    addInto(total, values);
    for (const [len, level] of LEVELS) {
      const code = leaf.code.slice(0, len);
      let row = byCode.get(code);
      if (!row) {
        const n = functionCodeName(code, names.year, names.functionNames, len === 7 ? leaf.name : undefined);
        row = { code, level, name: n.name ?? code, known: n.known, values: zeroValues(columns) };
        byCode.set(code, row);
      }
      addInto(row.values, values);
    }
  }
  const rows = [...byCode.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { columns, total, rows };
}

/** Sum of a column over the rows of one level. */
export function levelSum(t: CodeTableFigures, level: CodeLevel, column: string): Fen {
  return add(...t.rows.filter((r) => r.level === level).map((r) => r.values[column] ?? 0));
}

export function categoryValues(t: CodeTableFigures): Map<string, Values> {
  return new Map(t.rows.filter((r) => r.level === 'category').map((r) => [r.code, r.values]));
}

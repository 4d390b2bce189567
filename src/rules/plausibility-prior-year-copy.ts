/**
 * A prior-year column (上年决算数, 2022年决算数) identical to the current-year column in every row:
 * the figures were most likely copied rather than taken from last year's accounts.
 */
import type { RawFinding, Rule } from '../check/types.js';
import type { Column, Table } from '../model/index.js';
import { amountOf, columnLabel, tableName } from './utils/table-access.js';

type Period = 'prior' | 'current' | 'unmarked';

const PRIOR_WORDS = /上一?年度?|去年|前一年/;
const CURRENT_WORDS = /本年度?|当年|今年/;
const YEAR = /(\d{4})\s*年度?/;

function periodOf(label: string, year: number | undefined): Period {
  if (PRIOR_WORDS.test(label)) return 'prior';
  if (CURRENT_WORDS.test(label)) return 'current';
  const y = YEAR.exec(label)?.[1];
  if (y && year !== undefined) return Number(y) < year ? 'prior' : Number(y) === year ? 'current' : 'unmarked';
  return 'unmarked';
}

function baseOf(label: string): string {
  return label.normalize('NFKC').replace(/\d{4}\s*年度?|上一?年度?|去年|前一年|本年度?|当年|今年|\s+/g, '');
}

/** The documented year, or the latest year the column labels name. */
function yearOf(table: Table, docYear: number | undefined): number | undefined {
  if (docYear !== undefined) return docYear;
  const years = table.columns.map((c) => Number(YEAR.exec(c.label)?.[1])).filter((n) => Number.isFinite(n) && n > 0);
  return years.length ? Math.max(...years) : undefined;
}

function copiedPairs(table: Table, docYear: number | undefined): [Column, Column][] {
  const year = yearOf(table, docYear);
  const cols = table.columns.map((c) => ({ c, period: periodOf(c.label, year), base: baseOf(c.label) }));
  const pairs: [Column, Column][] = [];
  for (const p of cols.filter((x) => x.period === 'prior')) {
    const cur = cols.find((x) => x.period !== 'prior' && x.base === p.base && x.c.key !== p.c.key);
    if (cur && identical(table, p.c.key, cur.c.key)) pairs.push([p.c, cur.c]);
  }
  return pairs;
}

/** Every row printing both amounts has them equal; at least two rows, not all zero. */
function identical(table: Table, a: string, b: string): boolean {
  let compared = 0;
  let nonZero = false;
  for (const row of table.rows) {
    const x = amountOf(row.cells[a]);
    const y = amountOf(row.cells[b]);
    if (!x || !y) continue;
    if (x.fen !== y.fen) return false;
    compared += 1;
    nonZero ||= x.fen !== 0;
  }
  return compared >= 2 && nonZero;
}

const rule: Rule = {
  meta: {
    id: 'plausibility-prior-year-copy',
    family: 'plausibility',
    title: { zh: '上年数与本年数完全相同', en: 'Prior-year figures identical to the current year' },
    description: 'A prior-year column equals the current-year column in every row: likely copied.',
    severity: 'warning',
    kinds: ['final-accounts', 'budget'],
    references: ['财预〔2016〕143号《地方预决算公开操作规程》：公开数据应真实准确', '部门决算公开表填报说明：上年数按上年决算数填列'],
  },
  check({ disclosure }) {
    const out: RawFinding[] = [];
    for (const table of disclosure.tables.filter((t) => t.status === 'present')) {
      for (const [prior, current] of copiedPairs(table, disclosure.meta.year)) {
        const first = table.rows.find((r) => amountOf(r.cells[prior.key]));
        out.push({
          messageId: 'prior-year-copy',
          message: `${tableName(table)}“${prior.label}”一栏与“${current.label}”逐行完全相同，疑为照抄本年数`,
          evidence: prior.label,
          at: first?.cells[prior.key]?.prov ?? table.prov,
          table: tableName(table),
          column: columnLabel(table, prior.key),
        });
      }
    }
    return out;
  },
};

export default rule;

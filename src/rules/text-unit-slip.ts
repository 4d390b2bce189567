/**
 * A unit slip: an amount printed with 元 whose number appears elsewhere in the document in 万元
 * ('全年收入总计610.1元' beside '610.1万元'), or the other way round. Only numbers with at least three
 * significant digits are compared, so round figures (100 元 / 100 万元) never match by chance.
 */
import type { RawFinding, Rule } from '../check/types.js';
import type { Amount, Disclosure, Unit } from '../model/index.js';
import { isAmount, locateFigures } from './utils/narrative-figures.js';
import { located, narrativeFinding, requireNarrative } from './utils/narrative-report.js';
import { sentencesOf } from './utils/narrative-walk.js';

/** The printed number normalised ('1,016.10' → '1016.1'), or undefined when too short to be telling. */
function numberKey(a: Amount): string | undefined {
  const n = a.printed.normalize('NFKC').replace(/[,\s]/g, '').replace(/^[+-]/, '');
  if (!/^\d+(\.\d+)?$/.test(n)) return undefined;
  const canonical = n.includes('.') ? n.replace(/0+$/, '').replace(/\.$/, '') : n;
  const significant = canonical.replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return significant.length >= 3 && Number(canonical) !== 0 ? canonical : undefined;
}

type Counts = Map<string, number>;
const bump = (m: Counts, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1);

/** How often each number is printed, by unit: the text's amounts and the table cells. */
function numbersByUnit(d: Disclosure): Record<Unit, Counts> {
  const out: Record<Unit, Counts> = { '元': new Map(), '万元': new Map() };
  for (const ctx of sentencesOf(d)) {
    for (const f of locateFigures(ctx.sentence)) {
      const key = isAmount(f) ? numberKey(f.fig.amount!) : undefined;
      if (key) bump(out[f.fig.amount!.unit], key);
    }
  }
  for (const t of d.tables) {
    for (const row of t.rows) {
      for (const cell of Object.values(row.cells)) {
        if (cell.value.kind !== 'amount') continue;
        const key = numberKey(cell.value.amount);
        if (key) bump(out[t.unit], key);
      }
    }
  }
  return out;
}

const rule: Rule = located({
  meta: {
    id: 'text-unit-slip',
    family: 'text',
    title: { zh: '金额单位错误（元/万元）', en: 'Unit slip (元 / 万元)' },
    description: 'An amount printed with 元 whose number is printed elsewhere in 万元 (or the reverse): the unit is wrong by a factor of 10,000.',
    severity: 'error',
    kinds: ['final-accounts', 'budget', 'performance-self-evaluation'],
    references: ['财预〔2016〕143号 第十条', '部门决算公开表样：金额单位：万元', 'domain.md §4 item 13（the unit named in the text matches the tables）'],
    needsNarrative: true,
  },
  check(rc) {
    if (!requireNarrative(rc)) return [];
    const d = rc.disclosure;
    const byUnit = numbersByUnit(d);
    const out: RawFinding[] = [];
    for (const ctx of sentencesOf(d)) {
      for (const f of locateFigures(ctx.sentence)) {
        if (!isAmount(f)) continue;
        const a = f.fig.amount!;
        const key = numberKey(a);
        const other: Unit = a.unit === '元' ? '万元' : '元';
        if (!key || (byUnit[a.unit].get(key) ?? 0) > 1 || !byUnit[other].has(key)) continue;
        out.push(narrativeFinding(ctx, f.at, {
          messageId: 'unit-slip',
          message: `金额 ${f.fig.printed} 的单位疑为${other}：同一数字在文中或表中以${other}列示`,
          evidence: f.fig.printed,
          expected: `${a.printed}${other}`,
        }));
      }
    }
    return out;
  },
});

export default rule;

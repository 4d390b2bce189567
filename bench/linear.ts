/**
 * Linear time on pathological text (issue 14 item 4): one paragraph of 10⁵ wrapped lines (joining
 * re-read the whole growing paragraph per line: 40k lines took 111 s) and a run of 10⁵ digits in a
 * sentence (a backtracking count regex: 64k digits took 12.6 s). Each is read and checked at half
 * and at full size; linear code takes about twice as long for twice the input (a quadratic one
 * four times). `npx tsx bench/linear.ts` prints the rows; `npm run bench` includes them.
 */
import { checkDisclosure } from '../src/check/engine.js';
import { readDisclosure } from '../src/ingest/index.js';
import { setLimits } from '../src/ingest/limits.js';

export interface LinearRow { what: string; value: string; target?: string }

const HEAD = '示例县财政局2023年度部门决算\n\n第二部分 情况说明\n\n一、收入支出决算总体情况说明\n\n2023年度收入合计1,234.56万元，支出合计1,234.56万元。\n\n';

/** One paragraph of `n` printed lines, each a full-width line without closing punctuation. */
export function longParagraph(n: number): string {
  const lines: string[] = [];
  for (let i = 1; i <= n; i++) lines.push(`本单位按照有关规定开展各项工作并取得了良好的成效第${i}行`);
  return `${HEAD}${lines.join('\n')}。\n`;
}

/** A sentence holding a run of `n` digits (before 个 and 项目, the shapes the count patterns look for). */
export function digitRun(n: number): string {
  return `${HEAD}本年度共实施项目${'7'.repeat(n)}个，另有${'3'.repeat(n)}个项目结转，合计${'9'.repeat(n)}万元。\n`;
}

/** Runs with nothing after them that a pattern wants (no 个, 项目, 批 or unit): a pattern that starts inside a run rescans it. */
export function bareRuns(n: number): string {
  return `${HEAD}本年度${'7'.repeat(n)}；其次${'三'.repeat(n)}；另外${'（'.repeat(n)}；再有${'，'.repeat(n)}；以及${'“'.repeat(n)}。\n`;
}

const SHAPES = [['paragraph of 10⁵ lines', longParagraph], ['run of 10⁵ digits', digitRun], ['bare runs of 10⁵ digits, numerals, brackets, commas, quotes', bareRuns]] as const;

/**
 * Each rule alone on each shape at half and full size: the rules whose time grows super-linearly
 * (×3 or more, and over 0.2 s at full size). Names the rule, where the whole-check rows only show growth.
 */
export async function superlinearRules(): Promise<{ shape: string; rule: string; half: number; full: number }[]> {
  const { selectRules, ruleName } = await import('../src/check/engine.js');
  setLimits({ lines: 1_000_000 });
  const out: { shape: string; rule: string; half: number; full: number }[] = [];
  try {
    for (const [what, make] of SHAPES) {
      const [dHalf, dFull] = await Promise.all([make(50_000), make(100_000)].map((t) => readDisclosure(new Uint8Array(Buffer.from(t, 'utf8')), 'linear.txt')));
      for (const rule of selectRules()) {
        const time = (d: NonNullable<typeof dHalf>): number => {
          const t0 = performance.now();
          checkDisclosure(d, { only: [ruleName(rule)] });
          return performance.now() - t0;
        };
        const half = time(dHalf!);
        const full = time(dFull!);
        if (full > 200 && full > 3 * half) out.push({ shape: what, rule: ruleName(rule), half, full });
      }
    }
  } finally {
    setLimits({});
  }
  return out;
}

async function timeOf(text: string): Promise<number> {
  const bytes = new Uint8Array(Buffer.from(text, 'utf8'));
  const t0 = performance.now();
  try {
    checkDisclosure(await readDisclosure(bytes, 'linear.txt'));
  } catch {
    /* a refusal still took its time */
  }
  return performance.now() - t0;
}

/** Fastest of `runs` (the machine is shared). */
async function fastest(text: string, runs: number): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < runs; i++) best = Math.min(best, await timeOf(text));
  return best;
}

export async function benchLinear(runs = 2): Promise<LinearRow[]> {
  setLimits({ lines: 1_000_000 });
  const rows: LinearRow[] = [];
  try {
    for (const [what, make] of SHAPES) {
      const half = await fastest(make(50_000), runs);
      const full = await fastest(make(100_000), runs);
      rows.push({
        what: `linear: read + check, ${what} (5·10⁴ → 10⁵: growth)`,
        value: `${(half / 1000).toFixed(2)} s → ${(full / 1000).toFixed(2)} s (×${(full / half).toFixed(1)})`,
        target: '≤ 10 s, ×≈2 (quadratic: ×4)',
      });
    }
  } finally {
    setLimits({});
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchLinear()) console.log(`${r.what}: ${r.value}  [${r.target}]`);
  const slow = await superlinearRules();
  console.log(slow.length ? slow.map((r) => `super-linear: ${r.rule} on ${r.shape}: ${(r.half / 1000).toFixed(2)} s → ${(r.full / 1000).toFixed(2)} s`).join('\n') : 'no rule grows super-linearly on these shapes');
}

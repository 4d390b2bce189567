/**
 * A 一级指标 header that declares its points ('产出指标（40分）', '效益指标 (20分)') equals the 分值 of its
 * indicators; where the form prints one 分值 per block, that 分值 equals the declared points.
 */
import type { RawFinding, Rule } from '../check/types.js';
import type { IndicatorBlock, PerformanceEvaluation } from '../model/index.js';
import { add, cmp, formatRatio, parsePrinted, ratio, type Ratio } from './utils/performance-decimal.js';
import { REF_DOMAIN, REF_WEIGHTS, evaluationTables, perfFinding, projectLabel } from './utils/performance-report.js';
import { decimalRatio, weightOf } from './utils/performance-values.js';

function blockSum(ev: PerformanceEvaluation, block: IndicatorBlock): { sum: Ratio; count: number } | undefined {
  const rows = ev.indicators.filter((i) => i.level1 === block.level1);
  if (!rows.length) return undefined;
  let sum = ratio(0);
  for (const r of rows) {
    const w = weightOf(r);
    if (!w) return undefined;
    sum = add(sum, w);
  }
  return { sum, count: rows.length };
}

function checkBlock(ev: PerformanceEvaluation, block: IndicatorBlock): RawFinding | undefined {
  if (block.declaredWeight === undefined) return undefined;
  const declared = decimalRatio(block.declaredWeight);
  const own = block.weight ? parsePrinted(block.weight.text) : null;
  if (own) {
    if (cmp(own.value, declared) === 0) return undefined;
    return perfFinding(ev, {
      messageId: 'block-weight', at: block.weight!.prov, evidence: block.weight!.text, expected: String(block.declaredWeight),
      message: `${projectLabel(ev)}${block.text} 的分值 ${block.weight!.text} 与其声明的 ${block.declaredWeight} 分不符`,
      row: block.text, column: '分值',
    });
  }
  const s = blockSum(ev, block);
  if (!s || cmp(s.sum, declared) === 0) return undefined;
  const got = formatRatio(s.sum, 0);
  // Rows that print neither their 一级 nor their 二级指标 were placed in a block by position only.
  const uncertain = ev.indicators.some((i) => i.level1Inferred && i.level2Inferred);
  return perfFinding(ev, {
    ...(uncertain ? { severity: 'warning' as const } : {}),
    messageId: 'block-sum',
    message: `${projectLabel(ev)}“${block.text}”声明 ${block.declaredWeight} 分，其下 ${s.count} 项指标分值合计 ${got} 分`,
    at: block.prov, evidence: block.text, expected: `${block.level1}（${got}分）`, row: block.text, column: '一级指标',
    data: { declared: block.declaredWeight, sum: got },
  });
}

const rule: Rule = {
  meta: {
    id: 'performance-block-weight',
    family: 'performance',
    title: { zh: '一级指标分值与其下指标分值合计不符', en: 'Block points differ from the points of its indicators' },
    description: 'When a 一级指标 cell declares its points (产出指标（40分）), the 分值 of the indicators under it add up to them; a block 分值 printed once for the block equals them.',
    severity: 'error',
    kinds: ['final-accounts', 'performance-self-evaluation'],
    references: [REF_WEIGHTS, '项目支出绩效自评表：一级指标（分值）栏', REF_DOMAIN],
    needsPerformance: true,
  },
  check(ctx) {
    return evaluationTables(ctx).flatMap((ev) => (ev.blocks ?? []).flatMap((b) => checkBlock(ev, b) ?? []));
  },
};

export default rule;

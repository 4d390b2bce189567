/**
 * An indicator row printed twice in one 绩效自评表 (same 一级, 二级 and 三级指标 name): its points and
 * score are counted twice (特殊群体医疗保障覆盖率（10分） ×2 makes the 效益 block 30 of a declared 20).
 */
import type { RawFinding, Rule } from '../check/types.js';
import type { IndicatorRow, PerformanceEvaluation } from '../model/index.js';
import { REF_DOMAIN, REF_SCORING, evaluationTables, indicatorAt, perfFinding, projectLabel } from './utils/performance-report.js';
import { bareName } from './utils/performance-values.js';

function checkEvaluation(ev: PerformanceEvaluation): RawFinding[] {
  const seen = new Map<string, IndicatorRow>();
  const out: RawFinding[] = [];
  for (const ind of ev.indicators) {
    const name = bareName(ind);
    if (!name) continue;
    const key = `${ind.level1}|${ind.level2.replace(/\s/g, '')}|${name}`;
    const first = seen.get(key);
    if (!first) { seen.set(key, ind); continue; }
    out.push(perfFinding(ev, {
      messageId: 'duplicate-indicator',
      message: `${projectLabel(ev)}指标“${ind.level3}”重复列示（第 ${first.prov.line} 行与第 ${ind.prov.line} 行），分值和得分被重复计算`,
      at: indicatorAt(ind), evidence: ind.level3, row: ind.level3, column: '三级指标',
      related: [{ role: 'first', at: indicatorAt(first), evidence: first.level3 }],
    }));
  }
  return out;
}

const rule: Rule = {
  meta: {
    id: 'performance-duplicate-indicator',
    family: 'performance',
    title: { zh: '绩效指标重复列示', en: 'Indicator row printed twice' },
    description: 'Within one 绩效自评表, no 三级指标 appears twice under the same 一级 and 二级指标: a repeated row counts its points and score twice.',
    severity: 'error',
    kinds: ['final-accounts', 'performance-self-evaluation'],
    references: [REF_SCORING, REF_DOMAIN],
    needsPerformance: true,
  },
  check(ctx) {
    return evaluationTables(ctx).flatMap(checkEvaluation);
  },
};

export default rule;

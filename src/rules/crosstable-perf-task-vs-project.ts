/**
 * A task of the 部门整体支出绩效自评表 (部门年度重点工作任务: 批复金额, 实际支出金额) and the 项目支出绩效自评表
 * of the same project (全年预算数, 全年执行数) state the same money. A task may stand for several
 * batches of one project (第二批 …), each with its own table: the task then equals their sum. 批复金额
 * may be the 年初 or the 全年 budget; it contradicts the tables only when it equals neither.
 */
import type { RawFinding, Rule } from '../check/types.js';
import type { Amount, Disclosure, PerformanceEvaluation } from '../model/index.js';
import { roundingToleranceFen } from '../model/index.js';
import { formatLike } from './utils/amounts.js';
import { matchProjects, type ProjectMatch } from './utils/perf-consistency-names.js';
import { departmentTasks, type TaskAmount, type TaskRow } from './utils/perf-consistency-tasks.js';
import { totalFunding } from './utils/performance-values.js';
import { amountOf } from './utils/table-access.js';

type Field = 'annualBudget' | 'initialBudget' | 'executed';
const FIELD_NAMES: Record<Field, string> = { annualBudget: '全年预算数', initialBudget: '年初预算数', executed: '全年执行数' };

/** The matched tables a task stands for: the exact matches with every other batch, or the one near match. */
function groupsFor(matches: readonly ProjectMatch[]): { group: PerformanceEvaluation[]; certain: boolean }[] {
  const exact = matches.filter((m) => m.level === 'exact').map((m) => m.ev);
  const batches = matches.filter((m) => m.level === 'batch').map((m) => m.ev);
  if (exact.length === 1) {
    const out = [{ group: exact, certain: true }];
    if (batches.length) out.push({ group: [...exact, ...batches], certain: true });
    return out;
  }
  if (exact.length > 1) return [];
  if (batches.length) return [{ group: batches, certain: false }];
  const near = matches.filter((m) => m.level === 'near');
  return near.length === 1 ? [{ group: [near[0]!.ev], certain: false }] : [];
}

/** The group's sum of one funding field; undefined when any table lacks it. A blank executed cell is zero. */
function sumOf(group: readonly PerformanceEvaluation[], field: Field): { fen: number; amounts: Amount[] } | undefined {
  const amounts: Amount[] = [];
  for (const ev of group) {
    const cell = totalFunding(ev)?.[field];
    const a = amountOf(cell);
    if (a) amounts.push(a);
    else if (field !== 'executed' || (cell && cell.value.kind !== 'blank' && cell.value.kind !== 'dash')) return undefined;
  }
  return { fen: amounts.reduce((s, a) => s + a.fen, 0), amounts };
}

function agrees(stated: Amount, sum: { fen: number; amounts: Amount[] }): boolean {
  const coarse = [stated, ...sum.amounts].reduce((c, a) => (a.decimals < c.decimals ? a : c), stated);
  const tol = roundingToleranceFen(coarse.unit, coarse.decimals, sum.amounts.length + 1);
  return Math.abs(stated.fen - sum.fen) <= tol;
}

function related(group: readonly PerformanceEvaluation[], field: Field): RawFinding['related'] {
  return group.flatMap((ev) => {
    const cell = totalFunding(ev)?.[field];
    return cell ? [{ role: `${ev.project} ${FIELD_NAMES[field]}`, at: cell.prov, table: ev.title, row: ev.project, column: FIELD_NAMES[field], evidence: cell.text }] : [];
  });
}

/** '（差额 50.40 恰为年初预算数，疑重复计入）' when the task states 全年 + 年初. */
function initialTwiceHint(stated: Amount, annualFen: number, group: readonly PerformanceEvaluation[]): string {
  const initial = sumOf(group, 'initialBudget');
  if (!initial || initial.fen === 0) return '';
  const gap = { fen: stated.fen - annualFen, amounts: initial.amounts };
  if (!agrees({ ...stated, fen: gap.fen }, { fen: initial.fen, amounts: [...initial.amounts, stated] })) return '';
  return `（差额 ${formatLike(gap.fen, stated)} 恰为年初预算数，疑年初预算重复计入）`;
}

function finding(
  dept: PerformanceEvaluation, task: TaskRow, stated: TaskAmount, column: string,
  best: { group: PerformanceEvaluation[]; certain: boolean }, field: Field,
): RawFinding {
  const sum = sumOf(best.group, field)!;
  const expected = `${formatLike(sum.fen, stated.amount)}`;
  const names = best.group.map((ev) => `“${ev.project}”`).join('、');
  const hint = field === 'annualBudget' ? initialTwiceHint(stated.amount, sum.fen, best.group) : '';
  const tablesSaid = best.group.map((ev) => totalFunding(ev)?.[field]?.text ?? '').join(' + ');
  return {
    messageId: field === 'executed' ? 'task-executed-mismatch' : 'task-budget-mismatch',
    message: `部门整体支出绩效自评表重点工作任务“${task.name}”${column} ${stated.cell.text}${stated.amount.unit}，与项目支出绩效自评表${names}${FIELD_NAMES[field]} ${tablesSaid} 不符${hint}${best.certain ? '' : '（项目名称不完全一致，请核对是否为同一项目）'}`,
    severity: best.certain ? 'error' : 'warning',
    evidence: stated.cell.text,
    expected,
    at: stated.cell.prov,
    table: dept.title,
    row: task.name,
    column,
    related: related(best.group, field),
    data: { actual: stated.cell.text, expected, project: best.group.map((ev) => ev.project).join('、') },
  };
}

function checkTask(d: Disclosure, dept: PerformanceEvaluation, task: TaskRow): RawFinding[] {
  const groups = groupsFor(matchProjects(task.name, d.performance));
  if (!groups.length) return [];
  const out: RawFinding[] = [];
  const fits = (stated: TaskAmount, fields: Field[]) => groups.some((g) => fields.some((f) => {
    const sum = sumOf(g.group, f);
    return sum !== undefined && agrees(stated.amount, sum);
  }));
  /** The group whose sum is nearest the stated amount. */
  const nearest = (stated: TaskAmount, field: Field) => {
    const gap = (g: (typeof groups)[number]) => Math.abs((sumOf(g.group, field)?.fen ?? Infinity) - stated.amount.fen);
    const best = [...groups].sort((a, b) => gap(a) - gap(b))[0];
    return best && sumOf(best.group, field) !== undefined ? best : undefined;
  };
  if (task.approved && !fits(task.approved, ['annualBudget', 'initialBudget'])) {
    const best = nearest(task.approved, 'annualBudget');
    if (best) out.push(finding(dept, task, task.approved, '批复金额', best, 'annualBudget'));
  }
  if (task.executed && !fits(task.executed, ['executed'])) {
    const best = nearest(task.executed, 'executed');
    if (best) out.push(finding(dept, task, task.executed, '实际支出金额', best, 'executed'));
  }
  return out;
}

const rule: Rule = {
  meta: {
    id: 'crosstable-perf-task-vs-project',
    family: 'crosstable',
    title: { zh: '部门整体绩效自评表重点任务金额与项目自评表不一致', en: 'Department-wide task amounts differ from the project tables' },
    description: 'A 重点工作任务 row of the 部门整体支出绩效自评表 states the same 批复金额 (年初 or 全年预算数) and 实际支出金额 (全年执行数) as the 项目支出绩效自评表 of that project, summed over its batches (第二批 …), matched by project name.',
    severity: 'error',
    kinds: ['final-accounts', 'performance-self-evaluation'],
    references: [
      '财预〔2020〕10号《项目支出绩效评价管理办法》第三十条（自评结果应真实、准确）',
      '部门整体支出绩效自评表 表样（部门年度重点工作任务：批复金额、实际支出金额、预算执行率）',
      'domain.md §5',
    ],
    needsPerformance: true,
  },
  check(ctx) {
    const d = ctx.disclosure;
    const depts = d.performance.filter((e) => e.kind === 'department');
    const withTasks = depts.map((dept) => ({ dept, tasks: departmentTasks(dept) })).filter((x) => x.tasks.length);
    if (!withTasks.length) {
      ctx.skip(depts.length ? '部门整体支出绩效自评表无重点工作任务金额 (no task rows with amounts)' : '无部门整体支出绩效自评表 (no department-wide evaluation)');
      return [];
    }
    if (!d.performance.some((e) => e.kind === 'project')) {
      ctx.skip('无项目支出绩效自评表 (no project tables to compare with)');
      return [];
    }
    return withTasks.flatMap(({ dept, tasks }) => tasks.flatMap((t) => checkTask(d, dept, t)));
  },
};

export default rule;

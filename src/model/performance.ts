import type { Amount, Unit } from './money.js';
import type { Provenance } from './provenance.js';
import type { Cell } from './table.js';

/**
 * 项目支出绩效自评表, 部门整体支出绩效自评表, 中央对地方转移支付项目绩效自评表, or one row of a summary
 * table (绩效自评情况汇总表): kind 'summary', with project, totalScore and grade only.
 */
export interface PerformanceEvaluation {
  id: string;
  /** 'summary': a row of a 绩效自评情况汇总表 (no indicators). */
  kind: 'project' | 'department' | 'summary';
  /** True for a 中央对地方转移支付项目绩效自评表 (kind 'project'). */
  transfer?: boolean;
  /** 项目名称 (for a department-wide table: the department's name or '部门整体支出'). */
  project: string;
  /** Title as printed, e.g. '2021年度项目支出绩效自评表' ('' for a table printed without one); and its ordinal (公开12表). */
  title: string;
  ordinal?: string;
  year?: number;
  department?: string; // 主管部门
  implementer?: string; // 实施单位
  unit: Unit;
  /** Where the unit came from: printed (单位：万元, 项目资金（万元）) or assumed (万元, the form's unit). */
  unitSource?: 'printed' | 'assumed';
  /** Where the project name was printed. */
  projectProv?: Provenance;
  /** 项目资金 block: one entry per funding row (年度资金总额, 其中：当年财政拨款, 上年结转资金, 其他资金). */
  funding: FundingRow[];
  goals?: { expected: string; actual: string; prov: Provenance };
  indicators: IndicatorRow[];
  /**
   * 一级指标 blocks as printed: the header cell ('产出指标（40分）') with its declared points, and, where the
   * form prints one 分值/得分 per block (湖南 department form), the block's weight and score cells.
   */
  blocks?: IndicatorBlock[];
  /** A printed subtotal row of the indicator 分值/得分 columns (云南 form: 90.00 | 88.00). */
  indicatorTotal?: { weight?: Cell; score?: Cell; prov: Provenance };
  /** 总分 / 总得分 as printed; 总分值 (normally 100). */
  totalScore?: Cell;
  totalWeight?: Cell;
  /** 自评等级 as printed (优/良/中/差/优秀/良好…). */
  grade?: Cell;
  /** 填报时间 as printed, with its parsed date when it parses. */
  filledDate?: { text: string; year?: number; month?: number; day?: number; prov: Provenance };
  /** Free text: 其他需要说明的事项 etc. */
  remarks: string[];
  /** The printed grade bands when the table's notes state them (自评等级：划分为4档，100-90（含）分为优…). */
  gradeBands?: GradeBand[];
  /** Rows of the table that fit none of the fields above (资金管理情况, 按收入性质分, 重点工作任务 …), kept as printed. */
  extraRows?: { label: string; cells: Cell[]; prov: Provenance }[];
  /**
   * True for a 部门整体支出绩效评价基础数据表 (kind 'department'): a data table, not a self-evaluation. It has no
   * funding, indicators or score; its rows (财政供养人员情况, 经费控制情况 by year column, 三公经费, 公用经费 …) are
   * in `extraRows` as printed, header rows included, each cell with its line and cell index.
   */
  basicData?: boolean;
  /** For kind 'summary': the summary table's printed title. */
  summaryTitle?: string;
  prov: Provenance;
  endLine: number;
}

export interface IndicatorBlock {
  /** Canonical 一级指标: '产出指标' | '效益指标' | '满意度指标' | '成本指标' or the printed name. */
  level1: string;
  /** The header cell as printed ('产出 指标 （50分）'). */
  text: string;
  declaredWeight?: number;
  weight?: Cell;
  score?: Cell;
  prov: Provenance;
}

/** A grade band: total scores in [min, max) (max inclusive when maxInclusive) get `grade`. */
export interface GradeBand {
  grade: string;
  min: number;
  minInclusive: boolean;
  max?: number;
  maxInclusive?: boolean;
  text: string;
}

export interface FundingRow {
  /**
   * 'total' (年度资金总额), 'fiscal' (当年财政拨款), 'carryover' (上年结转), 'other' (其他资金), 'central'
   * (中央财政资金) and 'local' (地方资金) of transfer tables, or the printed label.
   */
  key: string;
  label: string;
  initialBudget?: Cell; // 年初预算数
  annualBudget?: Cell; // 全年预算数
  executed?: Cell; // 全年执行数
  weight?: Cell; // 分值
  rate?: Cell; // 执行率 (percent)
  score?: Cell; // 得分
  prov: Provenance;
}

export interface IndicatorRow {
  level1: string; // 一级指标 (产出指标 / 效益指标 / 满意度指标 / 成本指标), canonical
  /** True when the row prints no 一级指标 of its own and it was taken from its 二级指标 or the row above. */
  level1Inferred?: boolean;
  level2: string; // 二级指标 (数量指标 …)
  /** True when the row prints no 二级指标 of its own and it was carried from the rows above. */
  level2Inferred?: boolean;
  level3: string; // 三级指标 name as printed (may carry '(10分)')
  /** Points declared in the name or the level-1 header, e.g. 三级指标（10分）. */
  declaredWeight?: number;
  nature?: string; // 指标性质: '>=' | '<=' | '=' | '≥' | '≤' | '定性' …, normalised to ASCII comparison when a comparison
  target?: Cell; // 指标值 (may carry the comparison and unit inline: '≥95%')
  unitText?: string; // 度量单位
  /** Provenance of the 度量单位 cell, when the form has that column. */
  unitProv?: Provenance;
  actual?: Cell; // 实际完成值
  completion?: Cell; // 完成率 (some forms)
  weight?: Cell; // 分值
  score?: Cell; // 得分
  deviation?: string; // 偏差原因分析及改进措施
  /** Provenance of the 三级指标 name cell. */
  level3Prov?: Provenance;
  prov: Provenance;
}

/** Re-export for convenience. */
export type { Amount };

import type { Amount } from './money.js';
import type { Provenance } from './provenance.js';

/** A headed section of the document (第一部分 …, 一、…, （一）…, 1. …) with its sentences and subsections. */
export interface Section {
  id: string;
  /** Heading as printed without its number: '收入支出决算总体情况说明'. */
  heading: string;
  /** The printed number: '第三部分', '一、', '（二）', '1.'. */
  number?: string;
  /** Depth in the tree (0 = part, 1 = 一、, 2 = （一）, 3 = 1.). */
  level: number;
  /** What the catalogue recognises this section as ('income-expenditure-overview', 'three-public', 'procurement', 'glossary', …). */
  topic?: string;
  paragraphs: Paragraph[];
  children: Section[];
  prov: Provenance;
}

export interface Paragraph {
  text: string;
  sentences: Sentence[];
  prov: Provenance;
}

export interface Sentence {
  text: string;
  prov: Provenance;
  /** Figures stated in the sentence, in order. */
  figures: Figure[];
}

/**
 * A figure stated in the text. `subject` is the item it is about, as printed nearby
 * ('一般公共预算财政拨款支出', '住房保障支出', '公务接待费'); `role` says what the figure is of that subject.
 */
export interface Figure {
  kind: 'amount' | 'percent' | 'count' | 'year' | 'placeholder';
  /** The exact printed text of the figure with its unit: '2502.70 万元', '130.53%', '9 批次', '下降%'. */
  printed: string;
  amount?: Amount;
  /** For percent/count: the number as printed, normalised ('130.53'). */
  value?: string;
  /** For percent: decimals as printed. */
  decimals?: number;
  unitText?: string;
  subject?: string;
  role?: FigureRole;
  /** For a change: its direction as worded. */
  direction?: 'increase' | 'decrease' | 'flat';
  /** The words printed before the figure that gave its role, as printed without blanks: '年初预算数为', '较上年决算数减少', '占本年支出合计的', '预决算差异率'. */
  cue?: string;
  prov: Provenance;
}

export type FigureRole =
  | 'value' // the subject's amount (决算数, 支出 …)
  | 'budget' // 年初预算 / 全年预算数
  | 'prior' // 上年决算数
  | 'change' // 增加/减少 x
  | 'change-rate' // 增长/下降 y%
  | 'share' // 占 x%
  | 'completion' // 完成年初预算的 z%
  | 'execution-rate' // 执行率 / 完成预算的 z%
  | 'score'
  | 'count'
  | 'other';

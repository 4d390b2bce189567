/** 名词解释: the glossary of the national template, terms that apply to the department. */
import type { Figures } from '../figures.js';
import { chineseOrdinal } from '../standard-lists.js';
import type { DocumentWriter } from './writer.js';

interface Term {
  term: string;
  text: string;
  /** Printed only when the department has the item. */
  when?: (f: Figures) => boolean;
}

const TERMS: Term[] = [
  { term: '财政拨款收入', text: '指单位从同级政府财政部门取得的财政预算资金，包括一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款。' },
  { term: '上级补助收入', text: '指事业单位从主管部门和上级单位取得的非财政补助收入。', when: (f) => f.t02.total.superiorSubsidy !== 0 },
  { term: '事业收入', text: '指事业单位开展专业业务活动及其辅助活动取得的收入。', when: (f) => f.t02.total.operational !== 0 },
  { term: '经营收入', text: '指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动取得的收入。', when: (f) => f.t02.total.business !== 0 },
  { term: '附属单位上缴收入', text: '指事业单位附属独立核算单位按有关规定上缴的收入。', when: (f) => f.t02.total.subordinate !== 0 },
  { term: '其他收入', text: '指单位取得的除上述收入以外的各项收入。' },
  { term: '使用非财政拨款结余（含专用结余）', text: '指事业单位按照预算管理要求使用非财政拨款结余弥补收支差额的金额，以及使用专用结余安排支出的金额。' },
  { term: '年初结转和结余', text: '指单位上年结转本年使用的基本支出结转、项目支出结转和结余、经营结余。' },
  { term: '结余分配', text: '指单位按照会计制度规定缴纳的所得税、提取的专用结余以及转入非财政拨款结余的金额等。' },
  { term: '年末结转和结余', text: '指单位按有关规定结转到下年或以后年度继续使用的资金，或项目已完成等产生的结余资金。' },
  { term: '基本支出', text: '指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。' },
  { term: '项目支出', text: '指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。' },
  { term: '经营支出', text: '指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动发生的支出。', when: (f) => f.t03.total.business !== 0 },
  { term: '“三公”经费', text: '指部门用一般公共预算财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。其中，因公出国（境）费反映单位公务出国（境）的国际旅费、国外城市间交通费、住宿费、伙食费、培训费、公杂费等支出；公务用车购置及运行维护费反映单位公务用车车辆购置支出（含车辆购置税）及燃料费、维修费、过路过桥费、保险费、安全奖励费用等支出；公务接待费反映单位按规定开支的各类公务接待（含外宾接待）支出。' },
  { term: '机关运行经费', text: '指为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金，包括办公及印刷费、邮电费、差旅费、会议费、福利费、日常维修费、专用材料及一般设备购置费、办公用房水电费、办公用房取暖费、办公用房物业管理费、公务用车运行维护费以及其他费用。', when: (f) => f.operatingExpense !== null },
];

export function writeGlossary(w: DocumentWriter, fig: Figures, partNumber: string): void {
  w.heading(0, partNumber, '名词解释', 'glossary');
  TERMS.filter((t) => !t.when || t.when(fig)).forEach((t, i) => w.text(`${chineseOrdinal(i + 1)}、${t.term}：${t.text}`));
}

/**
 * A blank official template (上海市XX局 2024 年度部门决算, XX 万元, 增长 XX%) published or uploaded
 * instead of a disclosure: one finding for the document, and no other rule runs on it (the engine
 * skips them), instead of one placeholder finding per blank.
 */
import type { Rule } from '../check/types.js';
import { blankTemplate } from './utils/blank-template.js';

const rule: Rule = {
  meta: {
    id: 'completeness-blank-template',
    family: 'completeness',
    title: { zh: '文档是未填写的空白模板', en: 'The document is a blank template' },
    description: 'The entity and the figures are template placeholders (XX局, XX 万元, XX%): the document is a blank form, not a published disclosure. Reported once; the other rules are skipped.',
    severity: 'error',
    references: ['财预〔2016〕143号 第十条（公开内容应当真实、完整）', '部门决算公开模板（财政部门下发的空白格式，XX 处由单位填写）'],
    kinds: ['final-accounts', 'budget', 'performance-self-evaluation', 'other'],
  },
  check(ctx) {
    const t = blankTemplate(ctx.disclosure);
    if (!t) return [];
    return [{
      messageId: 'blank-template',
      message: `文档是未填写的空白模板：单位名称和数字为占位符（如“${t.evidence}”，共 ${t.count} 处），不是已公开的决算/预算，未逐项检查`,
      evidence: t.evidence,
      at: t.at,
      data: { placeholders: t.count },
    }];
  },
};

export default rule;

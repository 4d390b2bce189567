/**
 * The entity named in the text is the document's: another region's body of the same kind at the
 * same level ('通海县医疗保障局' in a 高台县 document), or any other region's where the sentence speaks
 * of itself (本部门/本单位/我局); and the level of its own budget projects ('区级预算项目' in a
 * 荣成市 document).
 */
import type { RawFinding, Rule } from '../check/types.js';
import { splitEntity, type EntityName } from './utils/narrative-entity.js';
import { located, narrativeFinding, provAt, requireNarrative } from './utils/narrative-report.js';
import { sentencesOf, type SentenceContext } from './utils/narrative-walk.js';
import { otherRegionMentions } from './utils/narrative-entity.js';

const SELF = /本部门|本单位|我局|本局|我单位|我部门|（本级）|\(本级\)/;
const OWN_LEVEL = /([省市县区])级预算(项目|资金)?/g;

/**
 * The mention stands for the document's own entity: it opens the sentence as its subject with the
 * year or 决算/预算/绩效 after it, or the sentence speaks of itself (本部门/我局) and the mention is not
 * the object of 根据/按照/上级 (a superior body).
 */
function speaksOfItself(text: string, at: number, length: number): boolean {
  const before = text.slice(0, at);
  const after = text.slice(at + length, at + length + 12);
  if (/^[\s*（(]*$/.test(before) && /^\s*(\d{4}\s*年|[^，。]{0,6}(决算|预算|绩效))/.test(after)) return true;
  return SELF.test(text) && !/(根据|按照|依据|上级|市级|省级|报送|报|向|配合|会同|受)[^，。；]{0,3}$/.test(before);
}

function mentions(ctx: SentenceContext, e: EntityName): RawFinding[] {
  const text = ctx.sentence.text;
  return otherRegionMentions(text, e)
    .filter((m) => speaksOfItself(text, m.at, m.printed.length))
    .map((m) => narrativeFinding(ctx, provAt(ctx.sentence, undefined, m.at), {
      messageId: 'other-entity',
      message: `文中出现“${m.printed}”，与本文件主体“${e.region}${e.body}”不一致`,
      evidence: m.printed,
      expected: `${e.region}${e.body}`,
    }));
}

function levels(ctx: SentenceContext, e: EntityName): RawFinding[] {
  if (!'市县区'.includes(e.level)) return [];
  const out: RawFinding[] = [];
  for (const m of ctx.sentence.text.matchAll(OWN_LEVEL)) {
    const level = m[1]!;
    if (level === e.level || !'市县区'.includes(level)) continue;
    out.push(narrativeFinding(ctx, provAt(ctx.sentence, undefined, m.index!), {
      messageId: 'budget-level',
      message: `文中称“${m[0]}”，但本单位属${e.region}（${e.level}级）`,
      evidence: m[0],
      expected: `${e.level}级预算${m[2] ?? ''}`,
    }));
  }
  return out;
}

const rule: Rule = located({
  meta: {
    id: 'text-entity-consistency',
    family: 'text',
    title: { zh: '说明中的单位名称或级次与本单位不一致', en: 'Entity or budget level named in the text is not the document\'s' },
    description: "Another region's body of the same kind (or any, where the sentence speaks of itself), or a budget level (区级/县级/市级预算项目) other than the entity's own.",
    severity: 'warning',
    kinds: ['final-accounts', 'budget', 'performance-self-evaluation'],
    references: ['财预〔2016〕143号 第十条', 'domain.md §4 item 13（the entity named in the text match the tables）'],
    needsNarrative: true,
  },
  check(rc) {
    if (!requireNarrative(rc)) return [];
    const e = rc.disclosure.meta.entity ? splitEntity(rc.disclosure.meta.entity) : undefined;
    if (!e) {
      rc.skip('the entity name is not known or has no region');
      return [];
    }
    return sentencesOf(rc.disclosure).flatMap((ctx) => [...mentions(ctx, e), ...levels(ctx, e)]);
  },
});

export default rule;

/**
 * Performance results stated only in the narrative (预算绩效情况说明), for documents that publish no
 * self-evaluation tables: "1. “X”项目绩效自评情况：…项目绩效自评得分为 97 分。项目全年预算数为 202.4 万元，
 * 执行数为 198.24 万元，完成预算的 97.94%。" One entry per project paragraph; only what is printed.
 */
import type { Disclosure, Section, Unit } from '../model/index.js';
import { fenToYuanString, parseAmount } from '../model/index.js';
import type { FactsPerformance } from './types.js';

const HEAD_RE = /^\s*(?:\d+|[一二三四五六七八九十]+)\s*[.、．]\s*[“"「]?(.{2,60}?)[”"」]?\s*(?:项目)?(?:绩效)?自评(?:情况|综述|结果)\s*[：:]?/;
const GENERIC_RE = /^(?:本?(?:部门|单位)|整体|预算|项目|支出|绩效|年度|\d{4}年?)+$/;
const SCORE_RE = /(?:自评)?得分(?:为)?\s*([0-9]+(?:\.[0-9]+)?)\s*分/;
const BUDGET_RE = /全年预算数?(?:为)?\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*(万元|元)/;
const EXECUTED_RE = /(?:全年)?执行数(?:为)?\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*(万元|元)/;
const RATE_RE = /(?:完成(?:全年)?预算的|执行率(?:为)?)\s*([0-9]+(?:\.[0-9]+)?)\s*%/;
const GRADE_RE = /(?:自评)?等级(?:为)?\s*[“"]?(优秀|良好|优|良|中|差|合格|不合格)[”"]?/;

function yuan(printed: string, unit: string): string | undefined {
  const a = parseAmount(printed, unit as Unit);
  return a ? fenToYuanString(a.fen) : undefined;
}

function paragraphs(sections: Section[]): string[] {
  const out: string[] = [];
  const walk = (ss: Section[]) => {
    for (const s of ss) {
      // A numbered project item may be parsed as a heading ("1. “X”项目绩效自评情况：…"): keep it with its text.
      const own = s.paragraphs.map((p) => p.text);
      if (s.number && own.length) out.push(`${s.number}${s.heading}${own[0]}`, ...own.slice(1));
      else if (s.number) out.push(`${s.number}${s.heading}`);
      else out.push(...own);
      walk(s.children);
    }
  };
  walk(sections);
  return out;
}

export function performanceFromText(d: Disclosure): FactsPerformance[] {
  const out: FactsPerformance[] = [];
  for (const text of paragraphs(d.sections)) {
    const head = HEAD_RE.exec(text);
    if (!head) continue;
    const project = head[1]!.replace(/项目$/, '').trim();
    if (GENERIC_RE.test(project)) continue; // '二、绩效自评结果' is a heading, not a project
    const entry: FactsPerformance = { project };
    const budget = BUDGET_RE.exec(text);
    const executed = EXECUTED_RE.exec(text);
    const rate = RATE_RE.exec(text);
    const score = SCORE_RE.exec(text);
    const grade = GRADE_RE.exec(text);
    const b = budget && yuan(budget[1]!, budget[2]!);
    const e = executed && yuan(executed[1]!, executed[2]!);
    if (b) entry.annualBudget = b;
    if (e) entry.executed = e;
    if (rate) entry.executionRate = rate[1]!;
    if (score) entry.totalScore = score[1]!;
    if (grade) entry.grade = grade[1]!;
    if (Object.keys(entry).length > 1) out.push(entry);
  }
  return out;
}

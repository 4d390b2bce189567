/**
 * recognizeMeta: what the document is — the entity (部门/单位名称 as printed), the year, the kind
 * (部门决算 / 整体支出绩效自评报告 / 部门预算), the scope (部门 / 单位 / 本级), the title and the unit.
 * Sources in order of trust: the title at the head of the document, the '单位：' lines of the tables,
 * the tables themselves, then the text.
 */
import type { DisclosureMeta, PerformanceEvaluation, Section, Table, Unit } from '../../model/index.js';
import type { RawDocument } from '../raw.js';
import { entityFromLabels, entityFromText, findTitle } from './meta-title.js';
import { kindOf, scopeOf, yearOf } from './meta-kind.js';
import { entityParts, isBlankTemplate } from './meta-identity.js';

export interface MetaParts {
  tables: Table[];
  sections: Section[];
  performance: PerformanceEvaluation[];
}

export function recognizeMeta(raw: RawDocument, parts: MetaParts): DisclosureMeta {
  const title = findTitle(raw);
  const entity = title?.entity ? { text: title.entity, prov: title.prov } : entityFromLabels(raw) ?? entityFromText(raw);
  const year = yearOf(raw, title, parts);
  const meta: DisclosureMeta = { kind: kindOf(raw, title?.text, parts) };
  if (title) meta.title = title.text;
  if (entity) {
    meta.entity = entity.text;
    meta.entityProv = entity.prov;
  }
  if (year) {
    meta.year = year.year;
    meta.yearProv = year.prov;
  }
  const scope = scopeOf(title?.text, entity?.text, raw, parts.tables);
  if (scope) meta.scope = scope;
  const { region, departmentType } = entityParts(entity?.text);
  if (region) meta.region = region;
  if (departmentType) meta.departmentType = departmentType;
  if (isBlankTemplate(raw, entity?.text)) meta.template = true;
  const unit = unitOf(raw, parts);
  if (unit) meta.unit = unit;
  return meta;
}

const UNIT_LABEL = /(?:金额|计量)?单位[：:]\s*(万元|元)(?![\u4e00-\u9fff])/;

/** The unit most tables print (printed units first); else the unit most narrative amounts use. */
export function unitOf(raw: RawDocument, parts: MetaParts): Unit | undefined {
  const printed = parts.tables.filter((t) => t.unitSource === 'printed').map((t) => t.unit);
  const fromTables = majority(printed.length ? printed : parts.tables.filter((t) => t.unitSource !== 'assumed').map((t) => t.unit));
  if (fromTables) return fromTables;
  const labels: Unit[] = [];
  for (const l of raw.lines) {
    const m = l.text.includes('单位') ? UNIT_LABEL.exec(l.text) : null;
    if (m) labels.push(m[1] as Unit);
  }
  const fromLabels = majority(labels);
  if (fromLabels) return fromLabels;
  const narrative: Unit[] = [];
  const walk = (s: Section) => {
    for (const p of s.paragraphs) for (const se of p.sentences) for (const f of se.figures) if (f.amount) narrative.push(f.amount.unit);
    s.children.forEach(walk);
  };
  parts.sections.forEach(walk);
  return majority(narrative) ?? majority(parts.performance.map((p) => p.unit));
}

function majority<T>(xs: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best: T | undefined;
  let n = 0;
  for (const [x, c] of counts) if (c > n) [best, n] = [x, c];
  return best;
}

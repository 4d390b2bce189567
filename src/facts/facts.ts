/**
 * `juesuan facts`: the key figures of a disclosure (juesuan.facts/1). Figures come from the tables
 * where the tables print them, else from what the narrative states; never derived.
 */
import type { Disclosure } from '../model/index.js';
import { TABLE_KEYS } from '../model/index.js';
import { factsFromTables } from './from-tables.js';
import { factsFromText } from './from-text.js';
import { performanceFacts, projectKey } from './performance.js';
import { performanceFromText } from './performance-from-text.js';
import type { Facts } from './types.js';

export type { Facts } from './types.js';

export function tableStatuses(d: Disclosure): Facts['tables'] {
  const out: Facts['tables'] = {};
  for (const key of TABLE_KEYS) {
    const found = d.tables.filter((t) => t.key === key);
    out[key] = found.some((t) => t.status === 'present') ? 'present' : found.length ? 'empty' : 'absent';
  }
  return out;
}

export function factsOf(d: Disclosure): Facts {
  const fromTables = factsFromTables(d);
  const fromText = factsFromText(d);
  const facts: Facts = {
    schema: 'juesuan.facts/1',
    entity: d.meta.entity ?? '',
    year: d.meta.year ?? 0,
    kind: d.meta.kind,
    unit: d.meta.unit ?? '元',
    tables: tableStatuses(d),
    amounts: { ...(fromText.amounts ?? {}), ...fromTables.amounts },
  };
  const byFn = fromTables.expenditureByFunction ?? fromText.expenditureByFunction;
  if (byFn && Object.keys(byFn).length) facts.expenditureByFunction = byFn;
  const tp = mergeThreePublic(fromTables.threePublic, fromText.threePublic);
  // A budget states budget figures only: 三公 under threePublic.budget, never .actual (contract, budget section).
  if (tp && d.meta.kind === 'budget') {
    if (tp.actual && !tp.budget && !fromTables.threePublic) tp.budget = tp.actual;
    delete tp.actual;
  }
  if (tp && Object.keys(tp).length) facts.threePublic = tp;
  const perf = mergePerformance(performanceFacts(d.performance), performanceFromText(d));
  if (perf.length) facts.performance = perf;
  return facts;
}

function mergeThreePublic(a: Facts['threePublic'], b: Facts['threePublic']): Facts['threePublic'] {
  if (!a && !b) return undefined;
  return {
    ...((a?.budget || b?.budget) && { budget: { ...(b?.budget ?? {}), ...(a?.budget ?? {}) } }),
    ...((a?.actual || b?.actual) && { actual: { ...(b?.actual ?? {}), ...(a?.actual ?? {}) } }),
  };
}

/** Tables first; a project the narrative reports but no table prints is added from the text. */
function mergePerformance(fromTables: NonNullable<Facts['performance']>, fromText: NonNullable<Facts['performance']>): NonNullable<Facts['performance']> {
  const keys = fromTables.map((p) => projectKey(p.project));
  const extra = fromText.filter((p) => {
    const k = projectKey(p.project);
    return !keys.some((t) => t === k || (k.length >= 4 && (t.includes(k) || k.includes(t))));
  });
  return [...fromTables, ...extra];
}

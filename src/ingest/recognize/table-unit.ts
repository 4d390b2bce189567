/**
 * The unit a table inherits when it prints none: the unit the document's other tables print, else
 * a unit line anywhere in the document, else the unit the text states its amounts in (万元 / 元).
 */
import type { RawLine } from '../raw.js';
import type { Unit } from '../../model/money.js';
import type { Table } from '../../model/table.js';
import { findUnit } from './table-titles.js';

export interface InheritedUnit {
  unit: Unit;
  source: Table['unitSource'];
}

function majority(units: Unit[]): Unit | undefined {
  if (!units.length) return undefined;
  const wan = units.filter((u) => u === '万元').length;
  return wan * 2 >= units.length ? '万元' : '元';
}

export function documentUnit(lines: RawLine[], tableTexts: string[]): InheritedUnit {
  const printed = majority(tableTexts.map(findUnit).filter((u): u is Unit => u !== undefined));
  if (printed) return { unit: printed, source: 'document' };
  const anywhere = majority(lines.map((l) => findUnit(l.cells.join(' '))).filter((u): u is Unit => u !== undefined));
  if (anywhere) return { unit: anywhere, source: 'document' };
  let wan = 0;
  let yuan = 0;
  for (const l of lines) {
    if (l.tabular) continue;
    for (const m of l.text.matchAll(/\d\s*(万元|元)/g)) {
      if (m[1] === '万元') wan++;
      else yuan++;
    }
  }
  if (wan + yuan === 0) return { unit: '万元', source: 'assumed' };
  return { unit: wan >= yuan ? '万元' : '元', source: 'document' };
}

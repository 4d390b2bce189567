/**
 * T09 in its old row-wise form ("三公"经费、行政参公单位机关运行经费情况表): rows 一、"三公"经费支出 …
 * 二、机关运行经费, columns 预算数 / 决算统计数. Cells are keyed like the modern form's columns
 * ('budget.reception', 'actual.total', 'actual.count.receptionBatches') so that one key finds a figure
 * in either form.
 */
import type { Unit } from '../../model/money.js';
import type { Cell, Column, Row } from '../../model/table.js';
import { lookupLabel, THREE_PUBLIC_ITEMS, T09_LEGACY_COLUMNS, T09_LEGACY_ROWS } from '../../catalog/tables.js';
import { compactText, isIntegerText, makeCell } from './cells.js';
import type { GridRow } from './table-grid.js';
import { cellText, maxOf } from './table-grid.js';
import { headerPaths } from './table-header.js';
import { matchColumn } from './table-columns.js';
import { provOf } from './table-code-rows.js';
import { rawCells, rowLabel, tokensOf } from './table-two-sided.js';

export function legacyRowKey(text: string): string | undefined {
  const l = rowLabel(text).replace(/[(（](?:个|人|辆|人次|批次|万元|元)[)）]$/, '');
  return lookupLabel(T09_LEGACY_ROWS, l) ?? lookupLabel(T09_LEGACY_ROWS, l.replace(/[(（]境[)）]/g, '(境)'));
}

/** True when the grid lists 三公 items as rows (the old form or a transposed modern one). */
export function isRowWiseThreePublic(data: GridRow[]): boolean {
  const hits = data.filter((g) => g.cells.slice(0, 2).some((c) => legacyRowKey(c.text) !== undefined)).length;
  return hits >= 3;
}

export function buildThreePublicRows(header: GridRow[], printed: GridRow[], unit: Unit): { rows: Row[]; columns: Column[] } {
  const relaid = relay(printed);
  const data = relaid ?? printed;
  const width = relaid ? 4 : maxOf([...header, ...data].map((g) => g.cells.length));
  const paths = relaid ? ['', '行次', '预算数', '决算统计数'] : headerPaths(header, width);
  const label = 0;
  const lineNo = lineNoColumn(paths, data);
  const valueCols: { index: number; key: string; label: string }[] = [];
  for (let c = 1; c < width; c++) {
    if (c === lineNo) continue;
    const rule = matchColumn(T09_LEGACY_COLUMNS, paths[c] ?? '');
    const key = rule?.key ?? (valueCols.length === 0 ? 'budget' : valueCols.length === 1 ? 'actual' : `c${c}`);
    valueCols.push({ index: c, key, label: paths[c] || rule?.label || key });
  }
  const rows: Row[] = [];
  const columns = new Map<string, Column>();
  for (const g of data) {
    const name = cellText(g, label).trim();
    const key = legacyRowKey(name);
    const isCount = key?.startsWith('count.') ?? false;
    const cells: Record<string, Cell> = {};
    for (const v of valueCols) {
      const gc = g.cells[v.index];
      const cellKey = key && !key.startsWith('section:') ? `${v.key}.${key}` : v.key;
      cells[cellKey] = makeCell(gc?.text ?? '', unit, provOf(g, gc), isCount ? 'number' : 'amount');
      if (!columns.has(cellKey)) columns.set(cellKey, { key: cellKey, label: `${v.label}/${compactText(name)}` });
    }
    if (!name && Object.values(cells).every((c) => c.value.kind === 'blank')) continue;
    const row: Row = { name, cells, prov: provOf(g, g.cells[label]) };
    if (key) row.key = key;
    if (lineNo !== undefined && cellText(g, lineNo)) row.lineNo = cellText(g, lineNo).trim();
    rows.push(row);
  }
  return { rows, columns: [...columns.values()] };
}

/**
 * Rows re-laid from the order they print their cells in (label | 行次 | 预算数 | 决算统计数) when the
 * grid put 行次 under the figures' columns (positions that do not line up: text extracted from a
 * printed tab-separated table). Undefined when the grid is sound.
 */
function relay(data: GridRow[]): GridRow[] | undefined {
  const leaked = data.filter((g) => !(legacyRowKey(cellText(g, 0)) ?? '').startsWith('count.') && g.cells.slice(2).some((c) => /^\d{1,2}$/.test(c.text.trim())));
  if (leaked.length < 2) return undefined;
  const blank = (): GridRow['cells'][number] => ({ text: '', index: -1 });
  return data.map((g) => {
    const toks = rawCells(g).filter((c) => c.text.trim() !== '').flatMap((c) => {
      const m = /^(.*[^\d\s]) (\d{1,2})$/.exec(c.text.trim()); // '1. 因公出国（境）费 3'
      return m ? [{ cell: { ...c, text: m[1]! }, kind: 'L' as const }, { cell: { ...c, text: m[2]! }, kind: 'I' as const }] : tokensOf(c, true);
    });
    const labelAt = toks.findIndex((t) => t.kind === 'L');
    const lineAt = toks.findIndex((t, k) => t.kind === 'I' && k > labelAt);
    const figures = toks.filter((t, k) => k > Math.max(labelAt, lineAt) && t.kind !== 'L').map((t) => t.cell);
    const cells = [toks[labelAt]?.cell ?? blank(), toks[lineAt]?.cell ?? blank(), ...figures.slice(0, 2)];
    while (cells.length < 4) cells.push(blank());
    return { raw: g.raw, cells };
  });
}

function lineNoColumn(paths: string[], data: GridRow[]): number | undefined {
  const byHeader = paths.findIndex((p) => /行次/.test(p));
  if (byHeader > 0) return byHeader;
  const ints = data.filter((g) => isIntegerText(cellText(g, 1))).length;
  return ints >= Math.max(3, data.length / 2) ? 1 : undefined;
}

const SIDE_LABEL_RE = /^(?:\d{4}年度?)?(?:全年)?(预算数?|决算数?|实际支出数?|决算统计数)$/;

/** 预算数 and 决算数 printed as rows, the items as columns (a transposed modern form). */
export function isBudgetActualRows(data: GridRow[]): boolean {
  return data.some((g) => SIDE_LABEL_RE.test(compactText(cellText(g, 0))));
}

export function buildBudgetActualRows(header: GridRow[], data: GridRow[], unit: Unit): { rows: Row[]; columns: Column[] } {
  const width = maxOf([...header, ...data].map((g) => g.cells.length));
  const paths = headerPaths(header, width);
  const items = paths.map((p, c) => (c === 0 ? undefined : matchColumn(THREE_PUBLIC_ITEMS, p)));
  const rows: Row[] = [];
  const columns: Column[] = [];
  for (const g of data) {
    const m = SIDE_LABEL_RE.exec(compactText(cellText(g, 0)));
    const side = m ? (/预算/.test(m[1]!) ? 'budget' : 'actual') : undefined;
    const cells: Record<string, Cell> = {};
    items.forEach((item, c) => {
      if (c === 0) return;
      const key = side && item ? `${side}.${item.key}` : `c${c}`;
      const gc = g.cells[c];
      cells[key] = makeCell(gc?.text ?? '', unit, provOf(g, gc));
      if (!columns.some((x) => x.key === key)) columns.push({ key, label: side && item ? `${m![1]}/${item.label}` : paths[c] ?? '' });
    });
    const row: Row = { name: cellText(g, 0), cells, prov: provOf(g, g.cells[0]) };
    if (side) row.key = `threePublic.${side}`;
    rows.push(row);
  }
  return { rows, columns };
}

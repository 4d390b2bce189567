/**
 * Table layouts — how a table of the catalogue is printed, the one description every writer follows
 * (HTML, DOCX, XLSX, and the PDF made from the DOCX; the text writer prints its header grid):
 *   - the header as a tree of labels → header rows of cells with colSpan/rowSpan (merged cells as on
 *     the official form), optionally followed by a 栏次 numbering row;
 *   - one column spec per column: relative width (in 全角-character units, the writers scale the
 *     widths to the page) and number format (amount, count, percent, code, text …);
 *   - the page orientation of the official form, header rows repeated on every page, the cell font size;
 *   - `body: 'form'` for form-like tables without a header (绩效自评表): a body text cell followed by
 *     blank cells spans them, a spanning cell with blanks below spans down.
 *
 * API (format-neutral, no writer imports):
 *   defineLayout(spec)          → TableLayout from a LayoutSpec (header tree, columns, orientation …)
 *   headerGrid(layout)          → string[][]: the header texts, '' where a cell is covered by a merge
 *                                 (exactly what a reader that expands spans sees)
 *   inferLayout(header, body)   → TableLayout for a table given only as a header grid ('' = merged)
 *   bodySpans(layout, rows, strong) → the merged body cells (form tables; total-row labels)
 *   finalAccountsLayout(key, variant, opts) → the 部门决算 table T01…T09 in the official layout
 *   pageGeometry(orientation)   → A4 size and margins (mm) the paged writers share
 *   columnWidthsMm(layout, w)   → the column widths scaled to a printable width
 * A new kind of table (the budget tables …) defines its layout with defineLayout and hands it to the
 * writers on its table block (`TableBlock.layout`); blocks without one get inferLayout's.
 */

export type Orientation = 'portrait' | 'landscape';

/** How a column's cells are printed: amounts right-aligned with two decimals, codes and text left … */
export type ColumnFormat = 'text' | 'code' | 'lineNo' | 'amount' | 'count' | 'percent' | 'score';

export interface ColumnSpec {
  /** Relative width in 全角-character units (writers scale to the printable width). */
  width: number;
  format: ColumnFormat;
}

/** A header label; a node with children spans its leaves, a leaf spans down to the last tree row. */
export interface HeaderNode {
  label: string;
  children?: HeaderNode[];
}

/** A printed header cell at (row, col) of the header rows, covering colSpan × rowSpan positions. */
export interface HeaderCell {
  text: string;
  row: number;
  col: number;
  colSpan: number;
  rowSpan: number;
}

export interface LayoutSpec {
  id: string;
  orientation: Orientation;
  /** The header tree; its leaves are the columns, left to right. Empty: no header (a form). */
  header: HeaderNode[];
  /** One per column (the leaves of `header`, or the form's width). */
  columns: ColumnSpec[];
  /** A 栏次 row under the tree: a text, or a text spanning `span` columns. */
  numbering?: (string | { text: string; span: number })[];
  /** Header rows repeated at the top of every page (default true). */
  repeatHeader?: boolean;
  /** Cell font size in points (default: 9 portrait, 8.5 landscape, smaller for many columns). */
  fontPt?: number;
  /** 'form': merge blank body cells into the text cell before/above them (default 'grid'). */
  body?: 'grid' | 'form';
}

export interface TableLayout {
  id: string;
  orientation: Orientation;
  columns: ColumnSpec[];
  /** Header rows; each lists the cells that start in it (covered positions are absent). */
  header: HeaderCell[][];
  repeatHeader: boolean;
  fontPt: number;
  body: 'grid' | 'form';
}

function depth(nodes: HeaderNode[]): number {
  return nodes.length ? Math.max(...nodes.map((n) => 1 + depth(n.children ?? []))) : 0;
}

function leafCount(n: HeaderNode): number {
  return n.children?.length ? n.children.reduce((a, c) => a + leafCount(c), 0) : 1;
}

/** The layout of a spec: the header tree flattened into rows of spanning cells. */
export function defineLayout(spec: LayoutSpec): TableLayout {
  const d = depth(spec.header);
  const rows: HeaderCell[][] = [...Array(d)].map(() => []);
  const place = (nodes: HeaderNode[], row: number, col: number): void => {
    let c = col;
    for (const n of nodes) {
      const span = leafCount(n);
      const leaf = !n.children?.length;
      rows[row]!.push({ text: n.label, row, col: c, colSpan: span, rowSpan: leaf ? d - row : 1 });
      if (!leaf) place(n.children!, row + 1, c);
      c += span;
    }
  };
  place(spec.header, 0, 0);
  if (spec.numbering) {
    const r: HeaderCell[] = [];
    let c = 0;
    for (const x of spec.numbering) {
      const cell = typeof x === 'string' ? { text: x, span: 1 } : x;
      r.push({ text: cell.text, row: d, col: c, colSpan: cell.span, rowSpan: 1 });
      c += cell.span;
    }
    rows.push(r);
  }
  const width = spec.columns.length;
  const leaves = spec.header.reduce((a, n) => a + leafCount(n), 0);
  if (spec.header.length && leaves !== width) throw new Error(`layout ${spec.id}: ${leaves} header leaves for ${width} columns`);
  return {
    id: spec.id,
    orientation: spec.orientation,
    columns: spec.columns,
    header: rows,
    repeatHeader: spec.repeatHeader ?? true,
    fontPt: spec.fontPt ?? (width > 10 ? 7.5 : spec.orientation === 'landscape' ? 8.5 : 9),
    body: spec.body ?? 'grid',
  };
}

/** The header texts as a grid: each cell's text at its top-left position, '' where covered. */
export function headerGrid(layout: TableLayout): string[][] {
  const width = layout.columns.length;
  return layout.header.map((row) => {
    const out: string[] = Array(width).fill('');
    for (const c of row) out[c.col] = c.text;
    return out;
  });
}

/** Display width of a text in 全角 units: CJK characters count 1, others ½. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0x2e80 ? 1 : 0.5;
  return w;
}

const NUMERIC = /^[-+]?[\d,]+(\.\d+)?%?$/;

function guessFormat(values: string[]): ColumnFormat {
  const filled = values.filter((v) => v !== '');
  if (!filled.length) return 'text';
  if (filled.every((v) => /^\d{3,7}$/.test(v))) return 'code';
  if (filled.every((v) => /^\d{1,2}$/.test(v))) return 'lineNo';
  if (filled.every((v) => /%$/.test(v))) return 'percent';
  if (filled.every((v) => NUMERIC.test(v))) return /\.\d\d$/.test(filled[0]!) ? 'amount' : 'count';
  return 'text';
}

/**
 * A layout for a header grid with '' where a label's cell is merged: a label spans the blanks to its
 * right (within its parent's span) when the row below has labels there, and spans down over blanks
 * below it. Column widths and formats come from the texts.
 */
export function inferLayout(header: string[][], body: string[][], opts: { id?: string; orientation?: Orientation; form?: boolean } = {}): TableLayout {
  const width = Math.max(1, ...header.map((r) => r.length), ...body.map((r) => r.length));
  const at = (r: number, c: number) => header[r]?.[c] ?? '';
  const covered = header.map(() => Array<boolean>(width).fill(false));
  const rows: HeaderCell[][] = header.map(() => []);
  // Parent span limits per row: a cell may not span past its parent's right edge.
  const limit = header.map(() => Array<number>(width).fill(width));
  const last = header.length - 1;
  for (let r = 0; r < header.length; r++) {
    for (let c = 0; c < width; c++) {
      if (covered[r]![c]) continue;
      const text = at(r, c);
      if (text === '' && r > 0) {
        rows[r]!.push({ text: '', row: r, col: c, colSpan: 1, rowSpan: 1 });
        continue;
      }
      const numbering = text === '栏次' || r === last;
      let colSpan = 1;
      while (c + colSpan < (numbering ? width : limit[r]![c]!) && at(r, c + colSpan) === '' && !covered[r]![c + colSpan]) colSpan++;
      // A label followed by blanks spans them only when it heads a group (labels below) or when the
      // row is a numbering row (栏次 over the stub columns).
      const below = r < last ? [...Array(colSpan)].map((_, k) => at(r + 1, c + k)) : [];
      const heads = below.some((t) => t !== '');
      if (colSpan > 1 && !heads && !numbering) colSpan = 1;
      let rowSpan = 1;
      while (r + rowSpan < last && [...Array(colSpan)].every((_, k) => at(r + rowSpan, c + k) === '' && !covered[r + rowSpan]![c + k])) rowSpan++;
      if (r + rowSpan === last && colSpan === 1 && !/^\d+$/.test(at(last, c)) && at(last, c) === '' && !header[last]!.some((t) => /^\d+$/.test(t))) {
        // The last row is a label row, not a numbering row: the label spans it too.
        rowSpan++;
      }
      for (let i = 0; i < rowSpan; i++) for (let k = 0; k < colSpan; k++) covered[r + i]![c + k] = true;
      // A group's children stay under it.
      if (colSpan > 1 && r + rowSpan < header.length) for (let k = 0; k < colSpan; k++) limit[r + rowSpan]![c + k] = Math.min(limit[r + rowSpan]![c + k]!, c + colSpan);
      rows[r]!.push({ text, row: r, col: c, colSpan, rowSpan });
    }
  }
  const all = [...header, ...body];
  const columns: ColumnSpec[] = [...Array(width)].map((_, c) => {
    const values = body.map((r) => r[c] ?? '');
    const format = guessFormat(values);
    const widest = Math.max(2, ...all.map((r) => textWidth(r[c] ?? '')));
    return { width: Math.min(format === 'text' ? 16 : 9, Math.max(format === 'text' ? 4 : 5, widest + 0.5)), format };
  });
  return {
    id: opts.id ?? 'table',
    orientation: opts.orientation ?? (width > 6 ? 'landscape' : 'portrait'),
    columns,
    header: rows,
    repeatHeader: true,
    fontPt: width > 10 ? 7.5 : 8.5,
    body: opts.form ? 'form' : 'grid',
  };
}

/** A merged body cell (row: 0-based body row). */
export type BodySpan = HeaderCell;

/**
 * The merged cells of a body. Form-like: a text cell followed by blanks spans them (never the whole
 * row, which would read as a line of text); a spanning cell whose positions below are all blank
 * spans down. Grid: only the label of a total row (`strong`) spans the blanks after it.
 */
export function bodySpans(layout: TableLayout, rows: string[][], strong: boolean[] = []): BodySpan[] {
  if (layout.body !== 'form') return totalSpans(layout, rows, strong);
  const width = layout.columns.length;
  const covered = rows.map(() => Array<boolean>(width).fill(false));
  const spans: BodySpan[] = [];
  for (let r = 0; r < rows.length; r++) {
    const texts = rows[r]!;
    for (let c = 0; c < width; c++) {
      if (covered[r]![c] || (texts[c] ?? '') === '') continue;
      let colSpan = 1;
      while (c + colSpan < width && (texts[c + colSpan] ?? '') === '' && !covered[r]![c + colSpan]) colSpan++;
      if (c === 0 && colSpan === width) colSpan = 1;
      let rowSpan = 1;
      if (colSpan > 1 || c === 0) {
        // Down over rows blank under it and to its left (a filled cell on the left starts a new record).
        while (r + rowSpan < rows.length && [...Array(c + colSpan)].every((_, k) => (rows[r + rowSpan]![k] ?? '') === '' && !covered[r + rowSpan]![k])) rowSpan++;
        // A block of blanks below that is the whole next row's prefix: keep rows apart when the next
        // row has nothing at all (a spacer) — it stays a row of its own.
        if (rowSpan > 1 && rows.slice(r + 1, r + rowSpan).some((row) => row.every((t) => t === ''))) rowSpan = 1;
      }
      for (let i = 0; i < rowSpan; i++) for (let k = 0; k < colSpan; k++) covered[r + i]![c + k] = true;
      if (colSpan > 1 || rowSpan > 1) spans.push({ text: texts[c]!, row: r, col: c, colSpan, rowSpan });
    }
  }
  return spans;
}

/** Grid tables: the label of a total row (合计, 人员经费合计) spans the blank cells after it. */
function totalSpans(layout: TableLayout, rows: string[][], strong: boolean[]): BodySpan[] {
  const width = layout.columns.length;
  const spans: BodySpan[] = [];
  rows.forEach((texts, r) => {
    if (!strong[r]) return;
    for (let c = 0; c < width; c++) {
      const text = texts[c] ?? '';
      if (!text || NUMERIC.test(text)) continue;
      let colSpan = 1;
      while (c + colSpan < width && (texts[c + colSpan] ?? '') === '') colSpan++;
      if (colSpan > 1 && !(c === 0 && colSpan === width)) spans.push({ text, row: r, col: c, colSpan, rowSpan: 1 });
      c += colSpan - 1;
    }
  });
  return spans;
}

/** A4 page and margins (mm) of the paged writers. */
export function pageGeometry(o: Orientation): { width: number; height: number; top: number; bottom: number; left: number; right: number } {
  return o === 'landscape'
    ? { width: 297, height: 210, top: 16, bottom: 15, left: 18, right: 18 }
    : { width: 210, height: 297, top: 25, bottom: 22, left: 22, right: 20 };
}

/** The columns' widths scaled to `total` (mm or any unit), each at least 1. */
export function columnWidthsMm(layout: TableLayout, total: number): number[] {
  const sum = layout.columns.reduce((a, c) => a + c.width, 0) || 1;
  return layout.columns.map((c) => Math.max(1, (c.width / sum) * total));
}

// ---------------------------------------------------------------------------------------------
// The 部门决算 tables (财政部 部门决算公开 template; 上海 and 云南 variants): orientation as on the
// official forms (收入支出决算总表, 一般公共预算财政拨款支出/基本支出 portrait, the wide ones landscape).

const col = (width: number, format: ColumnFormat): ColumnSpec => ({ width, format });
const leaf = (label: string): HeaderNode => ({ label });
const node = (label: string, children: HeaderNode[]): HeaderNode => ({ label, children });
const STUB: HeaderNode = node('项目', [leaf('科目代码'), leaf('科目名称')]);
const STUB_COLS = [col(5, 'code'), col(14, 'text')];

/** The amount columns of a function-classified table (T02/T03/T05/T07/T08): labels 'A/B' nest under A. */
export function codeTableLayout(id: string, labels: string[], orientation: Orientation): TableLayout {
  const header: HeaderNode[] = [STUB];
  for (const label of labels) {
    const [parent, child] = label.includes('/') ? label.split('/') as [string, string] : [undefined, label];
    const prev = header[header.length - 1]!;
    if (parent && prev.label === parent && prev.children) prev.children.push(leaf(child));
    else header.push(parent ? node(parent, [leaf(child)]) : leaf(child));
  }
  return defineLayout({
    id,
    orientation,
    header,
    columns: [...STUB_COLS, ...labels.map(() => col(labels.length > 6 ? 6 : 7, 'amount'))],
    numbering: [{ text: '栏次', span: 2 }, ...labels.map((_, i) => String(i + 1))],
  });
}

export interface FinalAccountsOptions {
  /** T02: the 事业收入/其中：教育收费 column is printed. */
  educationFees?: boolean;
}

const T09_BLOCK: HeaderNode[] = [leaf('合计'), leaf('因公出国（境）费'), node('公务用车购置及运行维护费', [leaf('小计'), leaf('公务用车购置费'), leaf('公务用车运行维护费')]), leaf('公务接待费')];

/** The official layout of a 部门决算 table (key T01…T09) for a variant (national, shanghai, yunnan-2021). */
export function finalAccountsLayout(key: string, variant: string, opts: FinalAccountsOptions = {}): TableLayout {
  switch (key) {
    case 'T01':
      return defineLayout({
        id: key, orientation: 'portrait',
        header: [node('收入', [leaf('项目'), leaf('行次'), leaf('金额')]), node('支出', [leaf('项目'), leaf('行次'), leaf('金额')])],
        columns: [col(13, 'text'), col(3, 'lineNo'), col(6, 'amount'), col(15, 'text'), col(3, 'lineNo'), col(6, 'amount')],
        numbering: [{ text: '栏次', span: 2 }, '1', { text: '栏次', span: 2 }, '2'],
      });
    case 'T02':
      return codeTableLayout(key, ['本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', ...(opts.educationFees ? ['其中：教育收费'] : []), '经营收入', '附属单位上缴收入', '其他收入'], 'landscape');
    case 'T03':
      return codeTableLayout(key, ['本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'], 'landscape');
    case 'T04':
      return defineLayout({
        id: key, orientation: 'landscape',
        header: [node('收入', [leaf('项目'), leaf('行次'), leaf('金额')]), node('支出', [leaf('项目'), leaf('行次'), leaf('合计'), leaf('一般公共预算财政拨款'), leaf('政府性基金预算财政拨款'), leaf('国有资本经营预算财政拨款')])],
        columns: [col(12, 'text'), col(2.5, 'lineNo'), col(6, 'amount'), col(14, 'text'), col(2.5, 'lineNo'), col(6, 'amount'), col(6, 'amount'), col(6, 'amount'), col(6, 'amount')],
        numbering: [{ text: '栏次', span: 2 }, '1', { text: '栏次', span: 2 }, '2', '3', '4', '5'],
        fontPt: 8,
      });
    case 'T05':
      return codeTableLayout(key, ['本年支出/小计', '本年支出/基本支出', '本年支出/项目支出'], 'portrait');
    case 'T06':
      return defineLayout({
        id: key, orientation: 'portrait',
        header: [node('人员经费', [leaf('科目代码'), leaf('科目名称'), leaf('决算数')]), node('公用经费', [leaf('科目代码'), leaf('科目名称'), leaf('决算数'), leaf('科目代码'), leaf('科目名称'), leaf('决算数')])],
        columns: [col(3.6, 'code'), col(8, 'text'), col(4.6, 'amount'), col(3.6, 'code'), col(8, 'text'), col(4.6, 'amount'), col(3.6, 'code'), col(8, 'text'), col(4.6, 'amount')],
        fontPt: 7,
      });
    case 'T07':
      return codeTableLayout(key, ['年初结转和结余', '本年收入', '本年支出/小计', '本年支出/基本支出', '本年支出/项目支出', '年末结转和结余'], 'landscape');
    case 'T08':
      return codeTableLayout(key, ['本年支出/合计', '本年支出/基本支出', '本年支出/项目支出'], 'landscape');
    case 'T09':
      if (variant === 'yunnan-2021') {
        return defineLayout({
          id: key, orientation: 'portrait',
          header: [leaf('项目'), leaf('行次'), leaf('预算数'), leaf('决算统计数')],
          columns: [col(22, 'text'), col(3, 'lineNo'), col(8, 'amount'), col(8, 'amount')],
          numbering: [{ text: '栏次', span: 2 }, '1', '2'],
        });
      }
      return defineLayout({
        id: key, orientation: 'landscape',
        header: [node('预算数', T09_BLOCK), node('决算数', T09_BLOCK)],
        columns: [...Array(12)].map(() => col(6, 'amount')),
        numbering: [...Array(12)].map((_, i) => String(i + 1)),
      });
    default:
      throw new Error(`no layout for table ${key}`);
  }
}

/**
 * The 项目支出/部门整体支出绩效自评表: a ten-column form without a header (its label rows are body
 * rows), landscape; the amount block uses columns 2–7, the indicators all ten.
 */
export function performanceLayout(id = 'performance'): TableLayout {
  return defineLayout({
    id, orientation: 'landscape', header: [], body: 'form', fontPt: 8,
    columns: [col(5, 'text'), col(8, 'text'), col(9, 'text'), col(6.5, 'text'), col(6.5, 'text'), col(5, 'text'), col(6.5, 'text'), col(5, 'score'), col(5, 'score'), col(12, 'text')],
  });
}

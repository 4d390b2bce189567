/**
 * A small disclosure written once as data and rendered by the writers of this folder into every
 * format (text, HTML, .mht, .docx, .xlsx, PDF), so that the readers can be compared line by line.
 * The figures are made up for the tests.
 */
export type Block =
  | { kind: 'heading'; text: string; level: number }
  | { kind: 'para'; text: string }
  | { kind: 'table'; title: string; unit: string; header: string[]; rows: string[][] }
  /** Rows of cells as a text form has them (tab-separated lines), padded to the widest row by writers. */
  | { kind: 'grid'; rows: string[][] };

export const SAMPLE: Block[] = [
  { kind: 'heading', text: '2023年度示例县财政局部门决算', level: 1 },
  { kind: 'heading', text: '第一部分 部门概况', level: 2 },
  { kind: 'para', text: '一、部门职责：负责全县财政收支管理和国有资产管理工作。' },
  {
    kind: 'table',
    title: '收入支出决算总表',
    unit: '金额单位：万元',
    header: ['项目', '行次', '金额', '项目', '行次', '金额'],
    rows: [
      ['一、一般公共预算财政拨款收入', '1', '1,200.00', '一、一般公共服务支出', '32', '1,134.56'],
      ['二、政府性基金预算财政拨款收入', '2', '0.00', '二、社会保障和就业支出', '33', '100.00'],
      ['三、其他收入', '3', '34.56', '三、卫生健康支出', '34', '0.00'],
      ['本年收入合计', '4', '1,234.56', '本年支出合计', '35', '1,234.56'],
    ],
  },
  {
    kind: 'table',
    title: '支出决算表',
    unit: '金额单位：万元',
    header: ['科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出'],
    rows: [
      ['', '合计', '1,234.56', '934.56', '300.00'],
      ['201', '一般公共服务支出', '1,134.56', '834.56', '300.00'],
      ['20106', '财政事务', '1,134.56', '834.56', '300.00'],
      ['2010601', '行政运行', '834.56', '834.56', '0.00'],
      ['2010602', '一般行政管理事务', '300.00', '0.00', '300.00'],
      ['208', '社会保障和就业支出', '100.00', '100.00', '0.00'],
    ],
  },
  { kind: 'heading', text: '第二部分 情况说明', level: 2 },
  { kind: 'para', text: '2023年度收入合计1,234.56万元，支出合计1,234.56万元。' },
];

/** The sample as tab-separated text (the form every reader's lines must match). */
export function sampleText(blocks: Block[] = SAMPLE): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'grid') out.push(...b.rows.map((r) => r.join('\t')));
    else if (b.kind !== 'table') out.push(b.text);
    else out.push(b.title, b.unit, b.header.join('\t'), ...b.rows.map((r) => r.join('\t')));
  }
  return out.join('\n') + '\n';
}

/** The cells every reader should produce for the sample, line by line. */
export function sampleCells(blocks: Block[] = SAMPLE): string[][] {
  return sampleText(blocks).trimEnd().split('\n').map((l) => l.split('\t'));
}

/** Lines as a reader gives them → blocks: runs of tabular lines become grids, headings stay headings, other lines paragraphs. */
export function linesToBlocks(lines: { cells: string[]; tabular: boolean; headingLevel?: number }[]): Block[] {
  const blocks: Block[] = [];
  let rows: string[][] = [];
  const flush = (): void => {
    if (rows.length) blocks.push({ kind: 'grid', rows });
    rows = [];
  };
  for (const line of lines) {
    if (line.tabular) {
      rows.push(line.cells);
      continue;
    }
    flush();
    const text = line.cells.join(' ').trim();
    if (!text) continue;
    blocks.push(line.headingLevel ? { kind: 'heading', text, level: Math.min(line.headingLevel, 3) } : { kind: 'para', text });
  }
  flush();
  return blocks;
}

/** Rows padded with blank cells to the widest row. */
export function padRows(rows: string[][]): string[][] {
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
}

/**
 * A fast generator of synthetic disclosures for the scale test (no LibreOffice): N documents composed
 * from generated inputs (the composer's own fast-check arbitraries, seeded), each with its own entity
 * (province · city/county · department), year and region, some with an injected defect (a figure of
 * the 情况说明 or a table cell changed), written as text (`pdftotext -layout`-like lines, the composer's
 * text writer) or as a PDF drawn with pdfkit from the same lines (a composed PDF, with a CJK font
 * found by fc-list).
 *
 *   npx tsx scripts/scale-gen.ts --n 1000 --out /tmp/scale-docs [--format text|pdf] [--seed 1] [--defects 0.3] [--distinct 100]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { composeInputArb } from '../src/compose/testing/arbitrary.js';
import { budgetInputArb } from '../src/compose/budget/arbitrary.js';
import { composeDocument, renderText } from '../src/compose/index.js';
import { rng } from '../test/support/mulberry32.js';

const PROVINCES: [string, string[]][] = [
  ['四川省', ['成都市', '绵阳市', '广元市', '青川县', '剑阁县', '南充市']],
  ['甘肃省', ['兰州市', '张掖市', '高台县', '临泽县', '武威市']],
  ['云南省', ['昆明市', '大理市', '宾川县', '弥渡县', '玉溪市']],
  ['江苏省', ['南京市', '苏州市', '昆山市', '宿迁市', '沭阳县']],
  ['河南省', ['郑州市', '洛阳市', '新安县', '南阳市', '邓州市']],
  ['广东省', ['广州市', '韶关市', '乐昌市', '梅州市', '蕉岭县']],
  ['黑龙江省', ['哈尔滨市', '齐齐哈尔市', '龙江县', '绥化市']],
  ['新疆维吾尔自治区', ['乌鲁木齐市', '昌吉市', '阜康市', '奇台县']],
];
const DEPARTMENTS = ['医疗保障局', '教育局', '卫生健康局', '财政局', '民政局', '人力资源和社会保障局', '公安局', '司法局', '交通运输局', '水利局',
  '农业农村局', '自然资源局', '住房和城乡建设局', '生态环境局', '文化和旅游局', '体育中心', '审计局', '统计局', '应急管理局', '市场监督管理局',
  '林业局', '商务局', '发展和改革局', '科学技术局', '退役军人事务局', '档案馆', '疾病预防控制中心', '机关事务服务中心'];

export interface GeneratedDoc {
  name: string;
  bytes: Uint8Array;
  entity: string;
  year: number;
  kind: 'final-accounts' | 'budget';
  /** what was changed to make a defect (undefined: as composed) */
  defect?: string;
}

/** Changes one amount (a digit of it) on a line of the text: a 情况说明 figure or a table cell. */
function injectDefect(text: string, r: () => number): { text: string; what: string } | undefined {
  const lines = text.split('\n');
  const candidates: number[] = [];
  for (let i = 0; i < lines.length; i++) if (/\d+\.\d{2}/.test(lines[i]!) && !/^\s*第?\s*\d+\s*页/.test(lines[i]!)) candidates.push(i);
  if (!candidates.length) return undefined;
  const i = candidates[Math.floor(r() * candidates.length)]!;
  const line = lines[i]!;
  const amounts = [...line.matchAll(/\d+\.(\d{2})/g)];
  const m = amounts[Math.floor(r() * amounts.length)]!;
  const at = m.index! + m[0].length - 3; // the units digit before the decimal point
  const d = Number(line[at]);
  lines[i] = line.slice(0, at) + String((d + 1 + Math.floor(r() * 8)) % 10) + line.slice(at + 1);
  return { text: lines.join('\n'), what: `line ${i + 1}: ${m[0]} changed` };
}

/**
 * `n` documents (a mix of 部门决算 and 部门预算, about one in four a budget), `defects` of them with one
 * figure changed. Deterministic for a seed. Every document's bytes are distinct (entity, year and
 * figures differ), so each is stored once.
 */
export function* generateTexts(o: { n: number; seed?: number; defects?: number; start?: number }): Generator<GeneratedDoc> {
  const seed = o.seed ?? 1;
  const r = rng(seed);
  const defects = o.defects ?? 0.3;
  const batch = 64;
  let made = 0;
  let round = 0;
  while (made < o.n) {
    const finals = fc.sample(composeInputArb, { seed: seed * 7919 + round, numRuns: batch });
    const budgets = fc.sample(budgetInputArb, { seed: seed * 104729 + round, numRuns: batch >> 2 });
    round++;
    const inputs: unknown[] = [];
    for (let i = 0; i < finals.length; i++) {
      inputs.push(finals[i]);
      if (i % 4 === 3 && budgets[i >> 2]) inputs.push(budgets[i >> 2]);
    }
    for (const input of inputs) {
      if (made >= o.n) return;
      const k = (o.start ?? 0) + made;
      const [province, places] = PROVINCES[Math.floor(r() * PROVINCES.length)]!;
      const place = places[Math.floor(r() * places.length)]!;
      const dept = DEPARTMENTS[Math.floor(r() * DEPARTMENTS.length)]!;
      // a serial number in the entity keeps every (entity, year) distinct at any N
      const entity = `${r() < 0.3 ? province : ''}${place}${dept}${k >= DEPARTMENTS.length * 40 ? `第${Math.floor(k / (DEPARTMENTS.length * 40))}分局` : ''}`;
      const year = 2019 + Math.floor(r() * 7);
      const isBudget = (input as { kind?: string }).kind === 'budget';
      let text: string;
      try {
        text = renderText(composeDocument({ ...(input as object), entity, year } as never).document);
      } catch {
        continue; // an input the composer refuses: the next one
      }
      let defect: string | undefined;
      if (r() < defects) {
        const d = injectDefect(text, r);
        if (d) ({ text, what: defect } = d);
      }
      made++;
      yield {
        name: `${String(k).padStart(6, '0')}-${entity}-${year}${isBudget ? '年部门预算' : '年部门决算'}.txt`,
        bytes: new TextEncoder().encode(text), entity, year, kind: isBudget ? 'budget' : 'final-accounts', ...(defect && { defect }),
      };
    }
  }
}

/** The same document drawn as a PDF by pdfkit: the text's lines in a CJK font, monospaced columns kept. */
export async function textToPdf(text: string, font: { path: string; family?: string }): Promise<Uint8Array> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 36, compress: true });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve) => doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))));
  if (font.family) doc.registerFont('cjk', font.path, font.family);
  else doc.registerFont('cjk', font.path);
  doc.font('cjk').fontSize(8);
  const lineH = 11;
  const perPage = Math.floor((doc.page.height - 72) / lineH);
  const cw = 4.2; // a half-width column: CJK characters take two
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (i > 0 && i % perPage === 0) doc.addPage();
    const y = 36 + (i % perPage) * lineH;
    // each run of text between gaps of 2+ spaces at its own column, as pdftotext -layout prints it
    let col = 0;
    for (const part of lines[i]!.split(/( {2,})/)) {
      if (!part) continue;
      if (/^ +$/.test(part)) { col += part.length; continue; }
      doc.text(part, 36 + col * cw, y, { lineBreak: false });
      for (const ch of part) col += /[\u2E80-\uFFEF]/.test(ch) ? 2 : 1;
    }
  }
  doc.end();
  return done;
}

/**
 * Text documents, or composed PDFs. pdfkit takes a second or two to write one PDF with an embedded CJK
 * font, so at most `distinct` (default 100) PDFs are drawn and the rest are copies of them made
 * distinct by a comment after %%EOF (every reader ignores it; each copy is a document of its own,
 * read and checked in full, with the same entity and figures as its original).
 */
export async function* generateDocs(o: { n: number; seed?: number; defects?: number; format?: 'text' | 'pdf'; start?: number; distinct?: number }): AsyncGenerator<GeneratedDoc> {
  if (o.format !== 'pdf') {
    yield* generateTexts(o);
    return;
  }
  const { findCjkFont } = await import('../test/fixtures-formats/write-pdf.js');
  const font = findCjkFont();
  if (!font) throw new Error('no Chinese font found by `fc-list :lang=zh` (install fonts-noto-cjk): composed PDFs need one');
  const distinct = Math.max(1, Math.min(o.n, o.distinct ?? 100));
  const originals: GeneratedDoc[] = [];
  for (const d of generateTexts({ ...o, n: distinct })) {
    const pdf = { ...d, name: d.name.replace(/\.txt$/, '.pdf'), bytes: await textToPdf(new TextDecoder().decode(d.bytes), font) };
    originals.push(pdf);
    yield pdf;
  }
  for (let k = distinct; k < o.n; k++) {
    const src = originals[k % distinct]!;
    const tail = new TextEncoder().encode(`\n%juesuan-scale copy ${k}\n`);
    const bytes = new Uint8Array(src.bytes.length + tail.length);
    bytes.set(src.bytes);
    bytes.set(tail, src.bytes.length);
    yield { ...src, name: `${String((o.start ?? 0) + k).padStart(6, '0')}-copy-${src.name.slice(7)}`, bytes };
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string, def: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1]! : def;
  };
  const out = arg('out', '/tmp/juesuan-scale-docs');
  mkdirSync(out, { recursive: true });
  const t0 = performance.now();
  let n = 0;
  for await (const d of generateDocs({ n: Number(arg('n', '100')), seed: Number(arg('seed', '1')), defects: Number(arg('defects', '0.3')), format: arg('format', 'text') as 'text' | 'pdf', distinct: Number(arg('distinct', '100')) })) {
    writeFileSync(join(out, d.name), d.bytes);
    n++;
  }
  process.stdout.write(`${n} documents in ${out} (${Math.round(performance.now() - t0)} ms)\n`);
}

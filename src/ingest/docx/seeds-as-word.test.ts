/**
 * The seeds as a clerk types them in Word: every run of tabular lines of the text a Word table
 * (rows of cells; a row holding one text cell merged over the whole table, as Word users do for
 * titles and group labels), headings as heading styles, the rest as paragraphs. Each must read back
 * with the facts of its text and the same error-level findings. Skipped when ../shared is absent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { readDisclosure } from '../index.js';
import { factsOf } from '../../facts/facts.js';
import { checkDisclosure } from '../../check/engine.js';
import { splitLines } from '../text/split-lines.js';
import { corpusAvailable, seeds, SKIP_MESSAGE } from '../../../test/support/corpus.js';

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

const paragraph = (text: string): Paragraph => new Paragraph({ children: [new TextRun(text)] });

function wordTable(rows: string[][]): Table {
  const width = Math.max(...rows.map((r) => r.length));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map((r) => {
      const filled = r.filter((c) => c !== '');
      if (width > 2 && filled.length === 1 && r[0] !== '') {
        return new TableRow({ children: [new TableCell({ columnSpan: width, children: [paragraph(r[0]!)] })] });
      }
      const cells = [...r, ...Array<string>(width - r.length).fill('')];
      return new TableRow({ children: cells.map((c) => new TableCell({ children: [paragraph(c)] })) });
    }),
  });
}

async function asWord(text: string): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  let rows: string[][] = [];
  const flush = (): void => {
    if (rows.length) children.push(wordTable(rows));
    rows = [];
  };
  for (const l of splitLines(text).lines) {
    if (l.tabular && l.cells.length > 1) {
      rows.push(l.cells);
      continue;
    }
    flush();
    const h = l.headingLevel;
    children.push(h ? new Paragraph({ heading: HEADINGS[h - 1], children: [new TextRun(l.cells[0]!)] }) : paragraph(l.cells.join(' ')));
  }
  flush();
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

const errors = (d: Awaited<ReturnType<typeof readDisclosure>>): string[] =>
  checkDisclosure(d).findings.filter((f) => f.severity === 'error').map((f) => f.rule).sort();

test('seeds typed in Word (tables as Word tables) read back with the facts and error findings of their text', { skip: corpusAvailable() ? false : SKIP_MESSAGE, timeout: 300_000 }, async () => {
  for (const seed of seeds()) {
    const bytes = readFileSync(seed.path);
    const text = await readDisclosure(new Uint8Array(bytes), basename(seed.path));
    const word = await readDisclosure(await asWord(bytes.toString('utf8')), basename(seed.path).replace(/\.txt$/, '.docx'));
    assert.deepEqual(factsOf(word), factsOf(text), seed.name);
    assert.deepEqual(errors(word), errors(text), seed.name);
  }
});

/**
 * The layout pass shared by the writers.
 *  - layoutLines(doc): numbers the lines of the composed document as the text writer prints them (one line per
 * heading, paragraph and table row; a blank line between blocks) and fills the model's provenance
 * with them. The HTML writer prints the same lines as elements.
 *  - layoutOf(block): the TableLayout (src/catalog/layouts.ts) a writer follows for a table block.
 *  - PRINTED_NUMBER: a printed number with its unit or %, which paged writers keep on one line.
 */
import { inferLayout, type TableLayout } from '../catalog/layouts.js';
import type { SourceLine } from '../model/index.js';
import { blockLines, type ComposedDocument, type TableBlock } from './blocks.js';

export function layoutLines(doc: ComposedDocument): SourceLine[] {
  const lines: SourceLine[] = [];
  const push = (text: string) => {
    lines.push({ line: lines.length + 1, text });
    return lines.length;
  };
  doc.blocks.forEach((b, i) => {
    if (i) push('');
    if (b.kind !== 'table') {
      const line = push(b.text);
      for (const p of b.provs) p.line = line;
      return;
    }
    const all = blockLines(b);
    const headerEnd = all.length - b.body.length - b.notes.length;
    all.forEach((cells, k) => {
      const line = push(cells.join('\t'));
      if (k === 0) for (const p of b.provs) p.line = line;
      const bodyIdx = k - headerEnd;
      if (bodyIdx >= 0 && bodyIdx < b.body.length) for (const p of b.body[bodyIdx]!.provs) p.line = line;
    });
    b.onEnd?.(lines.length);
  });
  return lines;
}

/** The layout a writer follows for a table block: its own, or one inferred from its header grid. */
export function layoutOf(b: TableBlock): TableLayout {
  return b.layout ?? inferLayout(b.header, b.body.map((r) => r.cells.map((c) => c.text)), { id: b.id, orientation: b.wide ? 'landscape' : 'portrait', form: b.header.length === 0 });
}

/** A printed number with its sign, separators, decimals and unit or % (万元, 元, %, 个 …). */
export const PRINTED_NUMBER = /[-−+]?\d[\d,]*(?:\.\d+)?(?:%|‰|万元|亿元|元|个百分点|个|人次|人|辆|次|分)?/g;

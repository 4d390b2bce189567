/**
 * Numbers the lines of the composed document as the text writer prints them (one line per
 * heading, paragraph and table row; a blank line between blocks) and fills the model's provenance
 * with them. The HTML writer prints the same lines as elements.
 */
import type { SourceLine } from '../model/index.js';
import { blockLines, type ComposedDocument } from './blocks.js';

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

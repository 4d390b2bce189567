/**
 * Builds the document's blocks and its section tree together: a heading opens a Section under
 * the last open one of a lower level; a paragraph goes to the open section.
 */
import { topicOfHeading } from '../../catalog/sections.js';
import type { Section, Unit } from '../../model/index.js';
import type { Block, TableBlock } from '../blocks.js';
import { Para } from './para.js';

export class DocumentWriter {
  readonly blocks: Block[] = [];
  readonly sections: Section[] = [];
  private readonly open: Section[] = [];
  private counter = 0;

  constructor(readonly unit: Unit) {}

  /** `topic` is the catalogue's (src/catalog/sections.ts) topic of the heading; `hint` is used when it knows none. */
  heading(level: number, number: string, heading: string, hint?: string): Section {
    const topic = topicOfHeading(heading) ?? hint;
    while (this.open.length && this.open[this.open.length - 1]!.level >= level) this.open.pop();
    const parent = this.open[this.open.length - 1];
    const s: Section = {
      id: `s${++this.counter}`,
      heading,
      ...(number && { number }),
      level,
      ...(topic && { topic }),
      paragraphs: [],
      children: [],
      prov: { line: 0 },
    };
    (parent ? parent.children : this.sections).push(s);
    this.open.push(s);
    this.blocks.push({ kind: 'heading', level, text: `${number}${heading}`, provs: [s.prov] });
    return s;
  }

  para(p: Para): void {
    if (p.empty) return;
    const paragraph = p.build();
    const current = this.open[this.open.length - 1];
    if (current) current.paragraphs.push(paragraph);
    this.blocks.push({ kind: 'paragraph', text: paragraph.text, provs: p.provs });
  }

  /** A paragraph of plain text (no figures), e.g. the 概况 or a glossary entry. */
  text(s: string): void {
    this.para(new Para(this.unit).say(s));
  }

  newPara(): Para {
    return new Para(this.unit);
  }

  table(block: TableBlock): void {
    this.blocks.push(block);
  }

  /** Closes every open section (the next heading starts at the top). */
  closeAll(): void {
    this.open.length = 0;
  }
}

/**
 * The composed model: a Disclosure assembled from the composer's parts (tables, sections, performance
 * tables and the printable document), the same way for every kind of input (决算 and 预算).
 */
import type { Disclosure, DisclosureMeta, PerformanceEvaluation, Section, Table } from '../model/index.js';
import type { ComposedDocument } from './blocks.js';
import { layoutLines } from './layout.js';

export interface ComposedParts {
  doc: ComposedDocument;
  tables: Table[];
  sections: Section[];
  performance?: PerformanceEvaluation[];
}

type Identity = Pick<DisclosureMeta, 'entity' | 'year' | 'kind' | 'scope' | 'unit' | 'region'>;

export function assembleDisclosure(parts: ComposedParts, identity: Identity): { disclosure: Disclosure; document: ComposedDocument } {
  const titleProv = { line: 1 };
  const meta: DisclosureMeta = { ...identity, entityProv: titleProv, yearProv: titleProv, title: parts.doc.title };
  const disclosure: Disclosure = {
    meta,
    source: { format: 'json', name: `${parts.doc.title}.json` },
    toc: [],
    tables: parts.tables.map((t, i) => ({ ...t, id: `tbl-${i + 1}` })),
    sections: parts.sections,
    performance: parts.performance ?? [],
    lines: layoutLines(parts.doc),
    ordinals: parts.tables.filter((t) => t.ordinal).map((t) => ({ text: t.ordinal!, prov: t.prov })),
    notFound: [],
    warnings: [],
  };
  return { disclosure, document: parts.doc };
}

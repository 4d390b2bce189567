import type { Unit } from './money.js';
import type { Section } from './narrative.js';
import type { PerformanceEvaluation } from './performance.js';
import type { Provenance } from './provenance.js';
import type { Table, TableKey } from './table.js';

export type DisclosureKind = 'final-accounts' | 'performance-self-evaluation' | 'budget' | 'other';
/** 部门 (a department with its units), 单位 (one unit), 本级 (the department's own office). */
export type DisclosureScope = 'department' | 'unit' | 'own-office';
export type SourceFormat = 'text' | 'pdf' | 'xlsx' | 'xls' | 'docx' | 'doc' | 'html' | 'mht' | 'json';

export interface DisclosureMeta {
  /** 部门/单位名称 as printed. */
  entity?: string;
  entityProv?: Provenance;
  year?: number;
  yearProv?: Provenance;
  kind: DisclosureKind;
  scope?: DisclosureScope;
  /** The title as printed. */
  title?: string;
  /** The unit most tables print (元/万元); per-table units are on each table. */
  unit?: Unit;
  /** The administrative area the entity belongs to ('上海市普陀区', '江苏省'), from its printed name. */
  region?: string;
  /** What kind of body the entity is ('社会福利院', '商务委员会', '街道办事处'), from its printed name. */
  departmentType?: string;
  /** The document is a blank template (XX placeholders), not a disclosure: said once, not checked figure by figure. */
  template?: boolean;
}

export interface TocEntry {
  text: string;
  /** The standard table it names, when it names one. */
  table?: TableKey;
  prov: Provenance;
}

export interface SourceLine {
  /** 1-based line number. */
  line: number;
  page?: number;
  text: string;
}

export interface Disclosure {
  meta: DisclosureMeta;
  /** the file read; `sha256` (of its bytes) may be worked out when first read (src/ingest/index.ts) */
  source: { format: SourceFormat; name?: string; sha256?: string; bytes?: number };
  toc: TocEntry[];
  tables: Table[];
  /** The 情况说明 and every other headed part, as a tree. */
  sections: Section[];
  performance: PerformanceEvaluation[];
  /** The text as read, line by line, for quoting and locating. */
  lines: SourceLine[];
  /** Printed table ordinals seen (公开01表 …) with where, to detect duplicates. */
  ordinals: { text: string; prov: Provenance }[];
  /** Parts that were looked for and not found, said explicitly ('nine tables', 'narrative', 'performance tables'). */
  notFound: string[];
  /** Problems met while reading that did not stop it (a truncated table, an unparsable cell). */
  warnings: { message: string; prov?: Provenance }[];
}

/** The corpus schema as Kysely sees it: one schema for SQLite and PostgreSQL. Amounts are integer 分. */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<string, string | undefined, string>;
/** pg returns bigint as string; SQLite as number. Read through `toFen`. */
type BigIntColumn = ColumnType<number | string | bigint, number, number>;

export interface DocumentTable {
  id: Generated<number>;
  sha256: string;
  name: string;
  format: string;
  size: number;
  content: Uint8Array;
  entity: string | null;
  year: number | null;
  kind: string | null;
  scope: string | null;
  region: string | null;
  department_type: string | null;
  unit: string | null;
  /** 'ok' | 'unreadable' */
  status: string;
  error: string | null;
  ruleset: string | null;
  errors: number;
  warnings: number;
  infos: number;
  model_json: string | null;
  facts_json: string | null;
  report_json: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FindingTable {
  id: Generated<number>;
  document_id: number;
  seq: number;
  rule: string;
  severity: string;
  message: string;
  evidence: string | null;
  expected: string | null;
  line: number | null;
  page: number | null;
  section: string | null;
  table_name: string | null;
  row_label: string | null;
  column_label: string | null;
}

/** One key figure per row, for comparisons across documents (key: 'incomeTotal', 'fn:208', 'threePublic.actual.total'). */
export interface FactTable {
  document_id: number;
  key: string;
  fen: BigIntColumn;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  password_hash: string;
  /** 'editor' (编制) | 'reviewer' (审核) | 'reader' (只读) | 'admin' */
  role: string;
  created_at: Timestamp;
}

export interface SessionTable {
  token: string;
  user_id: number;
  csrf: string;
  expires_at: string;
}

export interface AuditTable {
  id: Generated<number>;
  at: Timestamp;
  username: string;
  action: string;
  document_id: number | null;
  detail: string | null;
}

/** A batch: the documents of one import, upload session or re-check, followed as one (issue 15). */
export interface BatchTable {
  id: string;
  /** 'import' | 'upload' | 'recheck' */
  kind: string;
  label: string | null;
  /** 'open' | 'cancelled' */
  status: string;
  total: number;
  /** 1: an unreadable document is stored with its reason (import); 0: only reported (upload) */
  keep_unreadable: number;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One document of a batch. state: waiting | added | existing | unreadable | rechecked | failed | cancelled. */
export interface BatchItemTable {
  batch_id: string;
  seq: number;
  name: string;
  sha256: string | null;
  document_id: number | null;
  state: string;
  error: string | null;
  attempts: number;
  queued_at: string | null;
  updated_at: Timestamp;
}

/** Bytes of queued documents until a worker has stored them (one row per hash). */
export interface StagedContentTable {
  sha256: string;
  content: Uint8Array;
  created_at: Timestamp;
}

/** Documents counted by the list's filter dimensions (see summaries.ts: NULL is 0 or '' with its bit in `nulls`). */
export interface SummaryDocumentTable {
  year: number;
  kind: string;
  region: string;
  department_type: string;
  /** 1 year, 2 kind, 4 region, 8 department type: that dimension is NULL */
  nulls: number;
  has_errors: number;
  has_warnings: number;
  has_infos: number;
  documents: number;
}

/** Documents counted by one dimension at a time (dimension: year | kind | region | department_type; value '' or '0' with is_null 1 for NULL). */
export interface SummaryFacetTable {
  dimension: string;
  value: string;
  is_null: number;
  has_errors: number;
  has_warnings: number;
  has_infos: number;
  documents: number;
}

/** Per (document year, rule, severity): documents with such a finding, and findings. */
export interface SummaryFindingTable {
  year: number;
  year_null: number;
  rule: string;
  severity: string;
  documents: number;
  findings: number;
}

export interface Database {
  summary_documents: SummaryDocumentTable;
  summary_facets: SummaryFacetTable;
  summary_findings: SummaryFindingTable;
  batches: BatchTable;
  batch_items: BatchItemTable;
  staged_content: StagedContentTable;
  documents: DocumentTable;
  findings: FindingTable;
  facts: FactTable;
  users: UserTable;
  sessions: SessionTable;
  audit: AuditTable;
}

export function toFen(v: number | string | bigint): number {
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isSafeInteger(n)) throw new Error(`stored amount out of range: ${v}`);
  return n;
}

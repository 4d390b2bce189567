/** Migrations, in code so that they run the same from source and from a bundle. Dialect differences are confined to the id column. */
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { rebuildSummaries } from './summaries.js';

type Dialect = 'sqlite' | 'postgres';

function idColumn(dialect: Dialect) {
  return dialect === 'postgres' ? ('serial' as const) : ('integer' as const);
}

function migrationsFor(dialect: Dialect): Record<string, Migration> {
  const blob = dialect === 'postgres' ? 'bytea' : 'blob';
  return {
    '0001_corpus': {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('documents')
          .addColumn('id', idColumn(dialect), (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
          .addColumn('sha256', 'varchar(64)', (c) => c.notNull().unique())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('format', 'varchar(16)', (c) => c.notNull())
          .addColumn('size', 'integer', (c) => c.notNull())
          .addColumn('content', sql.raw(blob), (c) => c.notNull())
          .addColumn('entity', 'text')
          .addColumn('year', 'integer')
          .addColumn('kind', 'varchar(40)')
          .addColumn('scope', 'varchar(20)')
          .addColumn('region', 'text')
          .addColumn('department_type', 'text')
          .addColumn('unit', 'varchar(4)')
          .addColumn('status', 'varchar(16)', (c) => c.notNull())
          .addColumn('error', 'text')
          .addColumn('ruleset', 'varchar(64)')
          .addColumn('errors', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('warnings', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('infos', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('model_json', 'text')
          .addColumn('facts_json', 'text')
          .addColumn('report_json', 'text')
          .addColumn('created_by', 'text')
          .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
          .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('documents_entity_year').on('documents').columns(['entity', 'year']).execute();
        await db.schema.createIndex('documents_year').on('documents').column('year').execute();
        await db.schema
          .createTable('findings')
          .addColumn('id', idColumn(dialect), (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
          .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('rule', 'text', (c) => c.notNull())
          .addColumn('severity', 'varchar(8)', (c) => c.notNull())
          .addColumn('message', 'text', (c) => c.notNull())
          .addColumn('evidence', 'text')
          .addColumn('expected', 'text')
          .addColumn('line', 'integer')
          .addColumn('page', 'integer')
          .addColumn('section', 'text')
          .addColumn('table_name', 'text')
          .addColumn('row_label', 'text')
          .addColumn('column_label', 'text')
          .execute();
        await db.schema.createIndex('findings_document').on('findings').column('document_id').execute();
        await db.schema
          .createTable('facts')
          .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
          .addColumn('key', 'text', (c) => c.notNull())
          .addColumn('fen', 'bigint', (c) => c.notNull())
          .addPrimaryKeyConstraint('facts_pk', ['document_id', 'key'])
          .execute();
      },
    },
    '0002_accounts': {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('users')
          .addColumn('id', idColumn(dialect), (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
          .addColumn('username', 'text', (c) => c.notNull().unique())
          .addColumn('password_hash', 'text', (c) => c.notNull())
          .addColumn('role', 'varchar(16)', (c) => c.notNull())
          .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('sessions')
          .addColumn('token', 'varchar(64)', (c) => c.primaryKey())
          .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('csrf', 'varchar(64)', (c) => c.notNull())
          .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('audit')
          .addColumn('id', idColumn(dialect), (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
          .addColumn('at', 'varchar(32)', (c) => c.notNull())
          .addColumn('username', 'text', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('document_id', 'integer')
          .addColumn('detail', 'text')
          .execute();
      },
    },
    // Queue batches (issue 15): new tables only, so the migration takes no lock on the corpus tables
    // and runs on a live database. The bytes of a queued document wait in staged_content (keyed by
    // hash, shared by every batch that holds them) until a worker has stored it.
    '0003_batches': {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('batches')
          .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
          .addColumn('kind', 'varchar(16)', (c) => c.notNull())
          .addColumn('label', 'text')
          .addColumn('status', 'varchar(16)', (c) => c.notNull())
          .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('keep_unreadable', 'integer', (c) => c.notNull().defaultTo(1))
          .addColumn('created_by', 'text')
          .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
          .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('batches_created').on('batches').column('created_at').execute();
        await db.schema
          .createTable('batch_items')
          .addColumn('batch_id', 'varchar(40)', (c) => c.notNull().references('batches.id').onDelete('cascade'))
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('sha256', 'varchar(64)')
          .addColumn('document_id', 'integer')
          .addColumn('state', 'varchar(16)', (c) => c.notNull())
          .addColumn('error', 'text')
          .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('queued_at', 'varchar(32)')
          .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
          .addPrimaryKeyConstraint('batch_items_pk', ['batch_id', 'seq'])
          .execute();
        await db.schema.createIndex('batch_items_state').on('batch_items').columns(['batch_id', 'state']).execute();
        await db.schema.createIndex('batch_items_sha').on('batch_items').column('sha256').execute();
        await db.schema
          .createTable('staged_content')
          .addColumn('sha256', 'varchar(64)', (c) => c.primaryKey())
          .addColumn('content', sql.raw(blob), (c) => c.notNull())
          .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
          .execute();
      },
    },
    // Summary tables (summaries.ts): new tables, counted from the corpus in the migration's transaction
    // (0005). Reading documents and findings takes no lock that stops writers; this version's writers
    // start after the migration and keep the counts from then on (see docs/deployment.md on upgrading).
    '0004_summaries': {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('summary_documents')
          .addColumn('year', 'integer', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('region', 'text', (c) => c.notNull())
          .addColumn('department_type', 'text', (c) => c.notNull())
          .addColumn('nulls', 'integer', (c) => c.notNull())
          .addColumn('has_errors', 'integer', (c) => c.notNull())
          .addColumn('has_warnings', 'integer', (c) => c.notNull())
          .addColumn('has_infos', 'integer', (c) => c.notNull())
          .addColumn('documents', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint('summary_documents_pk', ['year', 'kind', 'region', 'department_type', 'nulls', 'has_errors', 'has_warnings', 'has_infos'])
          .execute();
        await db.schema
          .createTable('summary_findings')
          .addColumn('year', 'integer', (c) => c.notNull())
          .addColumn('year_null', 'integer', (c) => c.notNull())
          .addColumn('rule', 'text', (c) => c.notNull())
          .addColumn('severity', 'varchar(8)', (c) => c.notNull())
          .addColumn('documents', 'integer', (c) => c.notNull())
          .addColumn('findings', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint('summary_findings_pk', ['year', 'year_null', 'rule', 'severity'])
          .execute();
        // counted from the corpus by 0005, with the table it adds
      },
    },
    // The one-dimension counts (summary_facets: the first page's total and facets in a few hundred
    // rows at any corpus size) and indexes for the summary's filters; then every summary table is
    // counted from the corpus (0004's too; on PostgreSQL the migrator runs both in one transaction).
    '0005_summary_facets': {
      async up(db: Kysely<any>) {
        await db.schema.createIndex('summary_documents_region').on('summary_documents').columns(['region', 'year']).execute();
        await db.schema.createIndex('summary_documents_dept').on('summary_documents').columns(['department_type', 'year']).execute();
        await db.schema.createIndex('summary_documents_kind').on('summary_documents').columns(['kind', 'year']).execute();
        await db.schema
          .createTable('summary_facets')
          .addColumn('dimension', 'varchar(16)', (c) => c.notNull())
          .addColumn('value', 'text', (c) => c.notNull())
          .addColumn('is_null', 'integer', (c) => c.notNull())
          .addColumn('has_errors', 'integer', (c) => c.notNull())
          .addColumn('has_warnings', 'integer', (c) => c.notNull())
          .addColumn('has_infos', 'integer', (c) => c.notNull())
          .addColumn('documents', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint('summary_facets_pk', ['dimension', 'value', 'is_null', 'has_errors', 'has_warnings', 'has_infos'])
          .execute();
        await rebuildSummaries(db);
      },
    },
  };
}

/**
 * Indexes for a corpus of 10⁵–10⁶ documents: keyset pagination of the list in its order (year, then
 * id, newest first) under each filter, errors-only, findings by rule and severity, facts by key and
 * amount. On PostgreSQL they are built with CREATE INDEX CONCURRENTLY (writes go on while they build),
 * outside the migrator's transaction, under an advisory lock (workers starting together build each
 * once); an index left invalid by an interrupted build is dropped and built again. pg_trgm (a trusted
 * extension) serves substring search; without the right to create it, search still works by scan.
 */
const SCALE_INDEXES: [name: string, table: string, pg: string, sqlite: string][] = [
  ['documents_order', 'documents', '(COALESCE(year, 0) DESC, id DESC)', '(COALESCE(year, 0) DESC, id DESC)'],
  ['documents_region_order', 'documents', '(region, COALESCE(year, 0) DESC, id DESC)', '(region, COALESCE(year, 0) DESC, id DESC)'],
  ['documents_kind_order', 'documents', '(kind, COALESCE(year, 0) DESC, id DESC)', '(kind, COALESCE(year, 0) DESC, id DESC)'],
  ['documents_dept_order', 'documents', '(department_type, COALESCE(year, 0) DESC, id DESC)', '(department_type, COALESCE(year, 0) DESC, id DESC)'],
  ['documents_year_order', 'documents', '(year, id DESC)', '(year, id DESC)'],
  ['documents_errors_order', 'documents', '(COALESCE(year, 0) DESC, id DESC) WHERE errors > 0', '(COALESCE(year, 0) DESC, id DESC) WHERE errors > 0'],
  ['findings_rule', 'findings', '(rule, severity, document_id)', '(rule, severity, document_id)'],
  ['findings_severity', 'findings', '(severity, document_id)', '(severity, document_id)'],
  ['facts_key_fen', 'facts', '(key, fen DESC, document_id)', '(key, fen DESC, document_id)'],
  // the batches with documents still waiting (the workers' check for jobs lost from Redis): as small as what waits
  ['batch_items_waiting', 'batch_items', "(batch_id) WHERE state = 'waiting'", "(batch_id) WHERE state = 'waiting'"],
];
const TRGM_INDEXES: [string, string][] = [
  ['documents_entity_trgm', 'documents USING gin (entity gin_trgm_ops)'],
  ['documents_name_trgm', 'documents USING gin (name gin_trgm_ops)'],
];

export async function ensureScaleIndexes(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') {
    for (const [name, table, , cols] of SCALE_INDEXES) await sql.raw(`CREATE INDEX IF NOT EXISTS ${name} ON ${table} ${cols}`).execute(db);
    return;
  }
  const wanted = [...SCALE_INDEXES.map(([n]) => n), ...TRGM_INDEXES.map(([n]) => n)];
  const have = async () => new Map((await sql<{ name: string; valid: boolean }>`SELECT c.relname AS name, i.indisvalid AS valid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = ANY(${wanted})`.execute(db)).rows.map((r) => [r.name, r.valid]));
  const before = await have();
  if (wanted.every((n) => before.get(n) === true)) return;
  // one connection for the lock and the builds (CONCURRENTLY cannot run inside a transaction)
  await db.connection().execute(async (c) => {
    await sql`SELECT pg_advisory_lock(715200415)`.execute(c);
    try {
      const now = await have();
      let trgm = true;
      try {
        await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(c);
      } catch {
        trgm = false;
      }
      const todo: [string, string][] = [
        ...SCALE_INDEXES.map(([n, t, cols]): [string, string] => [n, `${t} ${cols}`]),
        ...(trgm ? TRGM_INDEXES : []),
      ];
      for (const [name, body] of todo) {
        if (now.get(name) === true) continue;
        if (now.get(name) === false) await sql.raw(`DROP INDEX CONCURRENTLY IF EXISTS ${name}`).execute(c);
        await sql.raw(`CREATE INDEX CONCURRENTLY IF NOT EXISTS ${name} ON ${body}`).execute(c);
      }
    } finally {
      await sql`SELECT pg_advisory_unlock(715200415)`.execute(c);
    }
  });
}

class InCodeProvider implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrationsFor(this.dialect);
  }
}

export async function migrateToLatest(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const migrator = new Migrator({ db, provider: new InCodeProvider(dialect) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) throw new Error(`database migration failed${failed ? ` at ${failed.migrationName}` : ''}: ${String(error)}`);
  await ensureScaleIndexes(db, dialect);
}

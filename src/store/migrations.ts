/** Migrations, in code so that they run the same from source and from a bundle. Dialect differences are confined to the id column. */
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

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
  };
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
}

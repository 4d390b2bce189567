/**
 * A fresh PostgreSQL database per test, on the server that .ci/run starts (JUESUAN_TEST_PG_URL), so
 * test files running in parallel never see each other's rows.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const PG_URL = process.env.JUESUAN_TEST_PG_URL;
export const PG_SKIP = PG_URL ? false : 'JUESUAN_TEST_PG_URL not set: PostgreSQL tests skipped (.ci/run starts PostgreSQL and sets it)';

export async function freshPgDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!PG_URL) throw new Error('JUESUAN_TEST_PG_URL not set');
  const name = `juesuan_test_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

// One small interface over the two databases the collector runs on: PGlite (embedded Postgres in
// WebAssembly, a folder of data, nothing to install) and a PostgreSQL server through `pg`. Every
// query is written once, in plain PostgreSQL, and runs unchanged on both.
// Each driver is imported only when chosen: a collector on PostgreSQL never loads the WebAssembly.

export type DbKind = 'pglite' | 'postgres';

export interface Queryable {
  /** Runs one statement with `$1…` parameters; resolves with its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  kind: DbKind;
  /** Runs `fn` inside BEGIN … COMMIT on one connection (ROLLBACK when it throws). */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DbOptions {
  /** `postgres://…`: a PostgreSQL server. Absent: PGlite. */
  databaseUrl?: string;
  /** PGlite's data folder; absent: in memory (tests, benchmarks). */
  dataDir?: string;
}

export async function openDb({ databaseUrl, dataDir }: DbOptions): Promise<Db> {
  return databaseUrl ? openPostgres(databaseUrl) : openPGlite(dataDir);
}

async function openPGlite(dataDir?: string): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  const pg = new PGlite(dataDir);
  await pg.waitReady;
  // PGlite is one connection: it queues queries itself, and a transaction holds the queue.
  return {
    kind: 'pglite',
    query: async (sql, params) => (await pg.query<never>(sql, params)).rows,
    transaction: (fn) => pg.transaction((tx) => fn({ query: async (sql, params) => (await tx.query<never>(sql, params)).rows })),
    close: () => pg.close(),
  };
}

async function openPostgres(connectionString: string): Promise<Db> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle client losing its server (a restart, a failover) must not crash the collector.
  pool.on('error', (err) => console.error(`[ressenti-collector] PostgreSQL: ${err.message}`));
  await pool.query('SELECT 1'); // fail at start, with the driver's reason, when the server is unreachable
  return {
    kind: 'postgres',
    query: async (sql, params) => (await pool.query(sql, params)).rows,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({ query: async (sql, params) => (await client.query(sql, params)).rows });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/**
 * A small Kysely dialect for Cloudflare D1 (SQLite semantics, so the SQLite query compiler and migrations apply).
 * D1 has no interactive transactions: `beginTransaction` runs the statements as they come (each is atomic alone);
 * grouping them into one D1 batch is the Workers issue's work, noted in the README.
 */
import { CompiledQuery, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type DatabaseConnection, type Dialect, type Driver, type Kysely, type QueryResult } from 'kysely';

/** The part of D1's binding this dialect uses (structural, so core code needs no Workers types). */
export interface D1Like {
  prepare(sql: string): { bind(...values: unknown[]): { all(): Promise<{ results?: unknown[]; meta?: { changes?: number; last_row_id?: number } }> } };
}

class D1Connection implements DatabaseConnection {
  constructor(private readonly d1: D1Like) {}

  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    const res = await this.d1.prepare(q.sql).bind(...q.parameters).all();
    const changes = res.meta?.changes;
    return {
      rows: (res.results ?? []) as R[],
      numAffectedRows: changes !== undefined ? BigInt(changes) : undefined,
      insertId: res.meta?.last_row_id !== undefined ? BigInt(res.meta.last_row_id) : undefined,
    };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('D1 does not support streaming queries');
  }
}

class D1Driver implements Driver {
  constructor(private readonly d1: D1Like) {}
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return new D1Connection(this.d1);
  }
  async beginTransaction(): Promise<void> {}
  async commitTransaction(): Promise<void> {}
  async rollbackTransaction(): Promise<void> {}
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}

export class D1Dialect implements Dialect {
  constructor(private readonly d1: D1Like) {}
  createAdapter() {
    return new SqliteAdapter();
  }
  createDriver(): Driver {
    return new D1Driver(this.d1);
  }
  createQueryCompiler() {
    return new SqliteQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new SqliteIntrospector(db);
  }
}

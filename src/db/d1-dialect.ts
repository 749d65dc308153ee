/**
 * A small Kysely dialect for Cloudflare D1 (SQLite semantics, so the SQLite query compiler and migrations apply).
 *
 * D1 has no interactive transactions; it runs a `batch([...])` as one transaction. So a Kysely transaction here
 * (what `atomically` opens) is an *atomic group*: reads run at once, writes are deferred and sent as one batch at
 * commit, and dropped on rollback. Callers still get a write's row count straight away — it is predicted by a read
 * (see `predictWrite`), and the batch carries a guard after each predicted write that fails the whole batch if the
 * count at commit differs (someone changed the rows in between). A failed guard throws D1GroupConflictError and
 * nothing of the group is written, so a compare-and-set that lost a race can never leave its dependent rows behind.
 * Limits: reads in a group do not see the group's own earlier writes, and RETURNING is refused inside a group.
 */
import {
  AliasNode, CompiledQuery, IdentifierNode, RawNode, SelectionNode, SelectQueryNode, SqliteAdapter, SqliteQueryCompiler, sql,
  type DatabaseConnection, type DatabaseIntrospector, type DatabaseMetadata, type Dialect, type Driver, type Kysely, type OperationNode,
  type QueryResult, type TableMetadata,
} from 'kysely';

/** What D1 returns for one statement. */
export interface D1ResultLike {
  results?: unknown[];
  meta?: { changes?: number; last_row_id?: number };
}

/** A bound statement (structural, so core code needs no Workers types). */
export interface D1StatementLike {
  all(): Promise<D1ResultLike>;
}

/** The part of D1's binding this dialect uses. */
export interface D1Like {
  prepare(sql: string): { bind(...values: unknown[]): D1StatementLike };
  batch(statements: D1StatementLike[]): Promise<D1ResultLike[]>;
}

/** An atomic group's commit found a predicted row count changed: the batch was rolled back, nothing was written. */
export class D1GroupConflictError extends Error {
  constructor(readonly sql: string) {
    super(`D1 atomic group rolled back: the rows changed by "${sql.slice(0, 120)}" changed between the read and the commit; nothing was written`);
    this.name = 'D1GroupConflictError';
  }
}

const GUARD_MARK = 'emberwatch-d1-guard#';
/** Fails the batch (bad JSON path error naming the guard) unless the previous write changed exactly `?` rows. */
const GUARD_SQL = `select case when changes() = ? then 0 else json_extract('{}', ?) end`;

interface DeferredWrite {
  query: CompiledQuery;
  /** Rows the write will change, as told to the caller; null = not predicted. */
  expect: number | null;
  /** Whether the count can differ at commit, so the batch must check it (plain inserts and upserts cannot). */
  guard: boolean;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** SQL that cannot change rows. Everything else in a group is deferred. */
function isRead(q: CompiledQuery): boolean {
  const kind = q.query.kind;
  if (kind === 'SelectQueryNode') return true;
  if (kind === 'RawNode') return /^\s*(select|pragma|explain|values)\b/i.test(q.sql) || (/^\s*with\b/i.test(q.sql) && !/\b(insert|update|delete|replace)\b/i.test(q.sql));
  return false;
}

function tableName(node: OperationNode | undefined): string | null {
  const n = node as { kind?: string; node?: OperationNode; table?: { identifier?: { name?: string } } } | undefined;
  if (n?.kind === 'AliasNode') return tableName(n.node);
  return n?.kind === 'TableNode' ? (n.table?.identifier?.name ?? null) : null;
}

class D1Connection implements DatabaseConnection {
  private group: DeferredWrite[] | null = null;
  /** Unique keys of rows this group's deferred inserts will add (so a second insert of one key counts as a conflict). */
  private groupKeys = new Set<string>();

  constructor(
    private readonly d1: D1Like,
    private readonly uniqueKeys: (table: string) => Promise<string[][]>,
  ) {}

  private async run<R>(q: { sql: string; parameters: readonly unknown[] }): Promise<QueryResult<R>> {
    const res = await this.d1.prepare(q.sql).bind(...q.parameters).all();
    const changes = res.meta?.changes;
    return {
      rows: (res.results ?? []) as R[],
      numAffectedRows: changes !== undefined ? BigInt(changes) : undefined,
      insertId: res.meta?.last_row_id !== undefined ? BigInt(res.meta.last_row_id) : undefined,
    };
  }

  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    if (!this.group || isRead(q)) return this.run(q);
    const { expect, guard } = await this.predictWrite(q);
    this.group.push({ query: q, expect, guard });
    return { rows: [], numAffectedRows: expect === null ? undefined : BigInt(expect) };
  }

  /**
   * The rows a deferred write will change, read now. UPDATE/DELETE: a count(*) with the same WHERE. INSERT: its
   * rows, less those that an ON CONFLICT DO NOTHING (or OR IGNORE) will skip because a unique key already exists.
   * Plain inserts and upserts need no guard (they change every row or fail the batch); DDL returns null.
   */
  private async predictWrite(q: CompiledQuery): Promise<{ expect: number | null; guard: boolean }> {
    const node = q.query as unknown as Record<string, any>;
    if (node.returning) throw new Error('RETURNING inside an atomic group is not supported on D1 (writes are deferred to the commit batch)');
    if (node.kind === 'UpdateQueryNode' || node.kind === 'DeleteQueryNode') {
      if (node.from && node.kind === 'UpdateQueryNode') throw new Error('UPDATE ... FROM inside an atomic group is not supported on D1');
      if (node.joins || node.using || node.limit) throw new Error('joins/USING/LIMIT in a write inside an atomic group are not supported on D1');
      const table = node.kind === 'UpdateQueryNode' ? node.table : node.from.froms[0];
      const count = SelectQueryNode.cloneWithSelections(SelectQueryNode.createFrom([table], node.with), [
        SelectionNode.create(AliasNode.create(RawNode.createWithSql('count(*)'), IdentifierNode.create('n'))),
      ]);
      const compiled = new SqliteQueryCompiler().compileQuery({ ...count, where: node.where } as SelectQueryNode, q.queryId);
      const { rows } = await this.run<{ n: number }>(compiled);
      return { expect: Number(rows[0]?.n ?? 0), guard: true };
    }
    const unknown = { expect: null, guard: false };
    if (node.kind !== 'InsertQueryNode') return unknown;
    const rows = node.values?.kind === 'ValuesNode' ? (node.values.values as { values: unknown[] }[]) : null;
    if (!rows) return unknown;
    const skipsConflicts = node.onConflict?.doNothing || node.ignore || node.orAction?.action === 'ignore';
    if (!skipsConflicts) return node.onConflict?.updateWhere ? unknown : { expect: rows.length, guard: false };
    return { expect: await this.insertsAfterConflicts(node, rows), guard: true };
  }

  /** How many of an insert-or-ignore's rows will really insert: each row is checked against every unique key. */
  private async insertsAfterConflicts(node: Record<string, any>, rows: { values: unknown[] }[]): Promise<number> {
    const table = tableName(node.into);
    if (!table) throw new Error('insert without a table inside an atomic group');
    const columns = (node.columns as { column: { name: string } }[]).map((c) => c.column.name);
    const target = node.onConflict?.columns as { column: { name: string } }[] | undefined;
    const keys = target?.length ? [target.map((c) => c.column.name)] : await this.uniqueKeys(table);
    let inserted = 0;
    for (const row of rows) {
      const values = row.values.map((v) => (v && typeof v === 'object' && (v as { kind?: string }).kind === 'ValueNode' ? (v as { value: unknown }).value : v));
      // NULL never conflicts in a unique index; keys the insert does not set are left to the guard.
      const usable = keys.filter((k) => k.every((c) => columns.includes(c) && values[columns.indexOf(c)] != null));
      const tuple = (k: string[]) => k.map((c) => values[columns.indexOf(c)]);
      const local = usable.map((k) => `${table}\u0000${k.join(',')}\u0000${JSON.stringify(tuple(k))}`);
      let conflict = local.some((k) => this.groupKeys.has(k));
      if (!conflict && usable.length > 0) {
        const where = usable.map((k) => `(${k.map((c) => `${quote(c)} = ?`).join(' and ')})`).join(' or ');
        const { rows: hit } = await this.run({ sql: `select 1 from ${quote(table)} where ${where} limit 1`, parameters: usable.flatMap(tuple) });
        conflict = hit.length > 0;
      }
      if (conflict) continue;
      inserted++;
      for (const k of local) this.groupKeys.add(k);
    }
    return inserted;
  }

  beginGroup(): void {
    this.group = [];
    this.groupKeys.clear();
  }

  /** Sends the group's writes, each predicted one followed by its guard, as one D1 batch (one transaction). */
  async commitGroup(): Promise<void> {
    const writes = this.group ?? [];
    this.group = null;
    this.groupKeys.clear();
    if (writes.length === 0) return;
    const statements: D1StatementLike[] = [];
    for (const [i, w] of writes.entries()) {
      statements.push(this.d1.prepare(w.query.sql).bind(...w.query.parameters));
      if (w.guard) statements.push(this.d1.prepare(GUARD_SQL).bind(w.expect, `${GUARD_MARK}${i}`));
    }
    try {
      await this.d1.batch(statements);
    } catch (err) {
      const m = new RegExp(`${GUARD_MARK}(\\d+)`).exec(String((err as Error)?.message ?? err));
      if (m) throw new D1GroupConflictError(writes[Number(m[1])]!.query.sql);
      throw err;
    }
  }

  rollbackGroup(): void {
    this.group = null;
    this.groupKeys.clear();
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('D1 does not support streaming queries');
  }
}

class D1Driver implements Driver {
  /** Unique keys per table (PRAGMA index_list/index_info, plus an INTEGER PRIMARY KEY), read once per table. */
  private readonly keys = new Map<string, Promise<string[][]>>();

  constructor(private readonly d1: D1Like) {}

  private uniqueKeys = (table: string): Promise<string[][]> => {
    let p = this.keys.get(table);
    if (!p) {
      p = this.readUniqueKeys(table);
      p.catch(() => this.keys.delete(table));
      this.keys.set(table, p);
    }
    return p;
  };

  private async readUniqueKeys(table: string): Promise<string[][]> {
    const all = async <T>(sql: string) => ((await this.d1.prepare(sql).bind().all()).results ?? []) as T[];
    const out: string[][] = [];
    for (const ix of await all<{ name: string; unique: number; partial: number }>(`pragma index_list(${quote(table)})`)) {
      if (ix.unique !== 1 || ix.partial === 1) continue;
      const cols = await all<{ seqno: number; name: string | null }>(`pragma index_info(${quote(ix.name)})`);
      if (cols.every((c) => c.name)) out.push(cols.sort((a, b) => a.seqno - b.seqno).map((c) => c.name!));
    }
    const pk = (await all<{ name: string; type: string; pk: number }>(`pragma table_info(${quote(table)})`)).filter((c) => c.pk > 0);
    if (pk.length === 1 && pk[0]!.type.toUpperCase() === 'INTEGER') out.push([pk[0]!.name]);
    return out;
  }

  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return new D1Connection(this.d1, this.uniqueKeys);
  }
  async beginTransaction(conn: DatabaseConnection): Promise<void> {
    (conn as D1Connection).beginGroup();
  }
  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await (conn as D1Connection).commitGroup();
  }
  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    (conn as D1Connection).rollbackGroup();
  }
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}

/**
 * Kysely's SQLite introspector reads every table's columns in one join over sqlite_master, which D1 refuses
 * (SQLITE_AUTH) because of its own `_cf_*` tables; this one leaves those out and asks table by table.
 */
class D1Introspector implements DatabaseIntrospector {
  constructor(private readonly db: Kysely<unknown>) {}
  async getSchemas() {
    return [];
  }
  async getTables(options: { withInternalKyselyTables?: boolean } = {}): Promise<TableMetadata[]> {
    const { rows } = await sql<{ name: string; type: string }>`select name, type from sqlite_master where type in ('table', 'view') and name not like 'sqlite_%' and name not like '_cf_%' order by name`.execute(this.db);
    const out: TableMetadata[] = [];
    for (const t of rows) {
      if (!options.withInternalKyselyTables && /^kysely_migration(_lock)?$/.test(t.name)) continue;
      const cols = await sql<{ name: string; type: string; notnull: number; dflt_value: unknown; pk: number }>`select name, type, "notnull", dflt_value, pk from pragma_table_info(${t.name})`.execute(this.db);
      const pk = cols.rows.filter((c) => c.pk > 0);
      out.push({
        name: t.name,
        isView: t.type === 'view',
        columns: cols.rows.map((c) => ({ name: c.name, dataType: c.type, isNullable: !c.notnull, isAutoIncrementing: pk.length === 1 && pk[0] === c && c.type.toLowerCase() === 'integer', hasDefaultValue: c.dflt_value != null })),
      });
    }
    return out;
  }
  async getMetadata(options?: { withInternalKyselyTables?: boolean }): Promise<DatabaseMetadata> {
    return { tables: await this.getTables(options) };
  }
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
  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new D1Introspector(db);
  }
}

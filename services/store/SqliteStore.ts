import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdirSync, statSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import { ConcurrencyError, DuplicateError, NotFoundError } from '../errors.js';
import { addStoreCharge } from './request-charge.js';
import {
  assertFieldPath,
  type Condition,
  type CountQuery,
  type DocumentBase,
  type DocumentStore,
  type Query,
  type Stored,
  type StoreHealth,
  withoutMeta,
} from './document-store.js';

/**
 * Fields the bot filters on in every turn: a head's requests by school, a supporter's deployments,
 * requests and outbox messages by status. Indexed so those reads do not parse every document.
 * Queries use the same `json_extract(body, '$.field')` expression, which is what lets SQLite use them.
 */
const INDEXED_FIELDS = ['status', 'schoolUrn', 'supporterId', 'role', 'personId', 'requestId', 'deploymentId', 'createdAt', 'updatedAt', 'dueOn'];
/** Identity lookups run before the alliance is known; the service-level tick finds what fell due in every alliance. */
const CROSS_ALLIANCE_FIELDS = ['teamsAadObjectId', 'slackUserId', 'email', 'status', 'checkOn'];

const SCHEMA = `
CREATE TABLE IF NOT EXISTS documents (
  alliance_id TEXT NOT NULL,
  id TEXT NOT NULL,
  type TEXT NOT NULL,
  etag TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (alliance_id, id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS documents_by_type ON documents (alliance_id, type);
CREATE INDEX IF NOT EXISTS documents_by_type_all ON documents (type);
${INDEXED_FIELDS.map((field) => `CREATE INDEX IF NOT EXISTS documents_by_${field} ON documents (alliance_id, type, json_extract(body, '$.${field}'));`).join('\n')}
${CROSS_ALLIANCE_FIELDS.map((field) => `CREATE INDEX IF NOT EXISTS documents_all_by_${field} ON documents (type, json_extract(body, '$.${field}'));`).join('\n')}
`;

interface Row {
  etag: string;
  body: string;
}

/** Distinct statements kept prepared; queries come in a few dozen shapes, `in` lists of other lengths add more. */
const MAX_PREPARED = 256;

/** The embedded default: one SQLite file in WAL mode, documents stored as JSON. */
export class SqliteStore implements DocumentStore {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  /** Statements are prepared once per SQL text and reused: preparing costs more than running a point read. */
  private readonly prepared = new Map<string, Database.Statement<unknown[], unknown>>();
  /** The file as opened: a path that no longer leads to it means the store writes where nobody will read. */
  private readonly opened?: Stats;

  constructor(readonly path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    if (path !== ':memory:') this.opened = statSync(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    // Deleted and overwritten content is zeroed in the file, so an erased person leaves no old bytes behind.
    this.db.pragma('secure_delete = ON');
    // Several bot instances may share one file: wait for a lock rather than failing at once.
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    // The planner picks the field indexes over a scan of the whole alliance only with full statistics:
    // PRAGMA optimize samples a few hundred index entries, which on this one-table layout (most rows
    // lack any one field) rates the primary key as selective as a field index.
    this.db.exec('ANALYZE');
  }

  async get<T extends DocumentBase>(allianceId: string, id: string): Promise<Stored<T> | undefined> {
    addStoreCharge();
    const row = this
      .prepare<Row>('SELECT etag, body FROM documents WHERE alliance_id = ? AND id = ?')
      .get(allianceId, id);
    return row ? toStored<T>(row) : undefined;
  }

  async query<T extends DocumentBase>(allianceId: string, query: Query): Promise<Array<Stored<T>>> {
    return this.runQuery<T>(query, allianceId);
  }

  async queryAllAlliances<T extends DocumentBase>(query: Query): Promise<Array<Stored<T>>> {
    return this.runQuery<T>(query);
  }

  async create<T extends DocumentBase>(doc: T): Promise<Stored<T>> {
    addStoreCharge();
    const body = withoutMeta(doc);
    const etag = newEtag();
    try {
      this
        .prepare('INSERT INTO documents (alliance_id, id, type, etag, body) VALUES (?, ?, ?, ?, ?)')
        .run(body.allianceId, body.id, body.type, etag, JSON.stringify(body));
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
        throw new DuplicateError(`${body.type} ${body.id}`, { cause: error });
      }
      throw error;
    }
    return { ...body, _etag: etag };
  }

  async replace<T extends DocumentBase>(doc: T, etag: string): Promise<Stored<T>> {
    addStoreCharge();
    const body = withoutMeta(doc);
    const next = newEtag();
    const result = this
      .prepare('UPDATE documents SET type = ?, etag = ?, body = ? WHERE alliance_id = ? AND id = ? AND etag = ?')
      .run(body.type, next, JSON.stringify(body), body.allianceId, body.id, etag);
    if (result.changes === 0) {
      const exists = await this.get(body.allianceId, body.id);
      if (!exists) throw new NotFoundError(`${body.type} ${body.id}`);
      throw new ConcurrencyError(`${body.type} ${body.id}`);
    }
    return { ...body, _etag: next };
  }

  async upsert<T extends DocumentBase>(doc: T): Promise<Stored<T>> {
    addStoreCharge();
    const body = withoutMeta(doc);
    const etag = newEtag();
    this
      .prepare(
        `INSERT INTO documents (alliance_id, id, type, etag, body) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (alliance_id, id) DO UPDATE SET type = excluded.type, etag = excluded.etag, body = excluded.body`,
      )
      .run(body.allianceId, body.id, body.type, etag, JSON.stringify(body));
    return { ...body, _etag: etag };
  }

  async upsertAll<T extends DocumentBase>(docs: T[]): Promise<void> {
    addStoreCharge();
    const statement = this.prepare(
      `INSERT INTO documents (alliance_id, id, type, etag, body) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (alliance_id, id) DO UPDATE SET type = excluded.type, etag = excluded.etag, body = excluded.body`,
    );
    // One prepared statement in one transaction: fast for thousands of rows, and a failure rolls every row back.
    this.transaction(() => {
      for (const doc of docs) {
        const body = withoutMeta(doc);
        statement.run(body.allianceId, body.id, body.type, newEtag(), JSON.stringify(body));
      }
    });
  }

  async delete(allianceId: string, id: string, etag?: string): Promise<void> {
    addStoreCharge();
    const result = etag
      ? this.prepare('DELETE FROM documents WHERE alliance_id = ? AND id = ? AND etag = ?').run(allianceId, id, etag)
      : this.prepare('DELETE FROM documents WHERE alliance_id = ? AND id = ?').run(allianceId, id);
    if (result.changes === 0) {
      const exists = await this.get(allianceId, id);
      if (!exists) throw new NotFoundError(`Document ${id}`);
      throw new ConcurrencyError(`Document ${id}`);
    }
  }

  private prepare<R = unknown>(sql: string): Database.Statement<unknown[], R> {
    let statement = this.prepared.get(sql);
    if (!statement) {
      if (this.prepared.size >= MAX_PREPARED) this.prepared.clear();
      statement = this.db.prepare<unknown[], unknown>(sql);
      this.prepared.set(sql, statement);
    }
    return statement as Database.Statement<unknown[], R>;
  }

  /** Runs `work` in one SQLite transaction: used by bulk imports so they are all-or-nothing. */
  transaction<R>(work: () => R): R {
    return this.db.transaction(work)();
  }

  async health(): Promise<StoreHealth> {
    try {
      if (this.opened) {
        const now = statSync(this.path, { throwIfNoEntry: false });
        if (!now || now.ino !== this.opened.ino || now.dev !== this.opened.dev) {
          return { ok: false, kind: 'sqlite', detail: `${this.path} was moved, replaced or deleted while the bot had it open; restart the bot` };
        }
      }
      // quick_check reads every page's structure (not the index contents): cheap, and it notices a damaged file.
      const problems = this.db.pragma('quick_check', { simple: false }) as Array<{ quick_check: string }>;
      if (problems[0]?.quick_check !== 'ok') return { ok: false, kind: 'sqlite', detail: problems.map((p) => p.quick_check).join('; ') };
      return { ok: true, kind: 'sqlite', detail: this.path };
    } catch (error) {
      return { ok: false, kind: 'sqlite', detail: (error as Error).message };
    }
  }

  /**
   * Refreshes the index statistics and moves the WAL into the file and truncates it, so no old value
   * (before an erasure) stays on disk. False when another connection is reading, which keeps the WAL until its next checkpoint.
   */
  async clearFreedSpace(): Promise<boolean> {
    // The planner's statistics (sqlite_stat4) hold sample index keys, such as emails: sample afresh.
    this.db.exec('ANALYZE');
    const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
    return result?.busy === 0;
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    this.db.pragma('optimize');
    this.db.close();
  }

  async count(allianceId: string, query: CountQuery): Promise<number> {
    addStoreCharge();
    const { sql, params } = whereSql(query, allianceId);
    return (this.prepare<{ n: number }>(`SELECT COUNT(*) AS n FROM documents WHERE ${sql}`).get(...params) as { n: number }).n;
  }

  private runQuery<T extends DocumentBase>(query: Query, allianceId?: string): Array<Stored<T>> {
    addStoreCharge();
    const { sql: where, params } = whereSql(query, allianceId);
    let sql = `SELECT etag, body FROM documents WHERE ${where}`;
    if (query.orderBy?.length) {
      sql += ' ORDER BY ' + query.orderBy
        .map((o) => `${jsonPath(o.field)} ${o.direction === 'desc' ? 'DESC' : 'ASC'}`)
        .join(', ');
    }
    if (query.limit !== undefined) {
      sql += ' LIMIT ?';
      params.push(query.limit);
    }
    return this.prepare<Row>(sql).all(...params).map((row) => toStored<T>(row));
  }
}

/** The WHERE clause of a query or count: its type, the alliance's partition when given, its conditions. */
function whereSql(query: CountQuery, allianceId?: string): { sql: string; params: unknown[] } {
  const clauses = ['type = ?'];
  const params: unknown[] = [query.type];
  if (allianceId !== undefined) {
    clauses.push('alliance_id = ?');
    params.push(allianceId);
  }
  for (const condition of query.where ?? []) {
    const [sql, values] = conditionToSql(condition);
    clauses.push(sql);
    params.push(...values);
  }
  return { sql: clauses.join(' AND '), params };
}

function jsonPath(field: string): string {
  return `json_extract(body, ${pathLiteral(field)})`;
}

function pathLiteral(field: string): string {
  return `'$.${assertFieldPath(field).join('.')}'`;
}

const COMPARATORS = { eq: '=', ne: '!=', lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;

function conditionToSql(condition: Condition): [string, unknown[]] {
  // The id is also the key column: a look-up of many records by id (reports, finance) uses the primary key.
  const path = condition.field === 'id' ? 'id' : jsonPath(condition.field);
  const value = condition.value;
  switch (condition.op) {
    case 'contains': {
      // json_each also walks a plain string or object; only arrays may match, as in Cosmos ARRAY_CONTAINS.
      const at = pathLiteral(condition.field);
      return [`json_type(body, ${at}) = 'array' AND EXISTS (SELECT 1 FROM json_each(body, ${at}) WHERE value = ?)`, [sqlValue(value)]];
    }
    case 'in': {
      const values = Array.isArray(value) ? value : [value];
      if (values.length === 0) return ['0', []];
      return [`${path} IN (${values.map(() => '?').join(', ')})`, values.map(sqlValue)];
    }
    case 'eq':
      if (value === null) return [`${path} IS NULL`, []];
      // json_extract turns true into 1: compare the JSON type so `eq true` never matches the number 1.
      if (typeof value === 'boolean') return [`json_type(body, ${pathLiteral(condition.field)}) = ?`, [String(value)]];
      return [`${path} = ?`, [sqlValue(value)]];
    case 'ne':
      if (value === null) return [`${path} IS NOT NULL`, []];
      if (typeof value === 'boolean') return [`json_type(body, ${pathLiteral(condition.field)}) IS NOT ?`, [String(value)]];
      return [`(${path} IS NULL OR ${path} != ?)`, [sqlValue(value)]];
    default:
      return [`${path} ${COMPARATORS[condition.op]} ?`, [sqlValue(value)]];
  }
}

/** json_extract returns JSON booleans as 0/1, so booleans are compared as integers. */
function sqlValue(value: unknown): unknown {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

function toStored<T extends DocumentBase>(row: Row): Stored<T> {
  return { ...(JSON.parse(row.body) as T), _etag: row.etag };
}

function newEtag(): string {
  return `"${randomUUID()}"`;
}

// One document-store interface for every record. Documents are partitioned by allianceId
// (the Cosmos partition key); every write of an existing document is etag-checked.

export interface DocumentBase {
  id: string;
  allianceId: string;
  type: string;
}

/** A document as read back from the store: the etag proves which version you hold. */
export type Stored<T extends DocumentBase> = T & { _etag: string };

export type ConditionOp = 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | 'in' | 'contains';

export interface Condition {
  /** Top-level or dotted field path, e.g. `status` or `plan.status`. */
  field: string;
  op: ConditionOp;
  /** For `in` an array of values; for `contains` the value the array field must hold. */
  value: string | number | boolean | null | Array<string | number>;
}

export interface Query {
  type: string;
  where?: Condition[];
  orderBy?: Array<{ field: string; direction?: 'asc' | 'desc' }>;
  limit?: number;
}

export type CountQuery = Pick<Query, 'type' | 'where'>;

export interface StoreHealth {
  ok: boolean;
  kind: 'sqlite' | 'cosmos';
  detail?: string;
}

export interface DocumentStore {
  readonly kind: 'sqlite' | 'cosmos';
  get<T extends DocumentBase>(allianceId: string, id: string): Promise<Stored<T> | undefined>;
  /** Queries one alliance's partition only: one alliance never sees another's documents. */
  query<T extends DocumentBase>(allianceId: string, query: Query): Promise<Array<Stored<T>>>;
  /**
   * Queries every partition. Only for work that must start without knowing the alliance:
   * identifying who is speaking, and the scheduler's list of alliances.
   */
  queryAllAlliances<T extends DocumentBase>(query: Query): Promise<Array<Stored<T>>>;
  /** How many of one alliance's documents match, without reading them (a board's stage totals). */
  count(allianceId: string, query: CountQuery): Promise<number>;
  /** Creates a new document; a document with the same id in the partition → DuplicateError. */
  create<T extends DocumentBase>(doc: T): Promise<Stored<T>>;
  /** Replaces a document if it is still at `etag`; otherwise ConcurrencyError (Cosmos 412). */
  replace<T extends DocumentBase>(doc: T, etag: string): Promise<Stored<T>>;
  /** Creates or overwrites without a version check: imports and idempotent upserts only. */
  upsert<T extends DocumentBase>(doc: T): Promise<Stored<T>>;
  /**
   * Upserts many documents of one alliance at once (directory imports). SQLite writes them all or
   * none in one transaction. Optional: without it callers upsert one by one; imports validate every
   * row before writing and re-running one is idempotent, so a store that cannot be atomic may
   * implement this as a fast bulk write.
   */
  upsertAll?<T extends DocumentBase>(docs: T[]): Promise<void>;
  delete(allianceId: string, id: string, etag?: string): Promise<void>;
  /** Runs a quick integrity check: `ok: false` when the store cannot serve. */
  health(): Promise<StoreHealth>;
  /**
   * After an erasure: makes sure no earlier version of a changed document survives in the store's
   * files (SQLite: its WAL). Returns false if that could not be finished now. Absent where the
   * service manages storage (Cosmos DB replaces documents in place).
   */
  clearFreedSpace?(): Promise<boolean>;
  close(): Promise<void>;
}

const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** Field names become part of SQL in both stores, so only plain identifiers are accepted. */
export function assertFieldPath(field: string): string[] {
  if (!FIELD_PATH.test(field)) throw new Error(`Unsupported field path in query: ${JSON.stringify(field)}`);
  return field.split('.');
}

/** Strips store metadata so a document can be written back. */
export function withoutMeta<T extends DocumentBase>(doc: Stored<T> | T): T {
  const { _etag, _rid, _self, _ts, _attachments, ...rest } = doc as Record<string, unknown>;
  void _etag; void _rid; void _self; void _ts; void _attachments;
  return rest as unknown as T;
}

import type { Container, CosmosClient, CosmosClientOptions, JSONValue, SqlParameter, SqlQuerySpec } from '@azure/cosmos';
import type { Config } from '../config/config.js';
import { ConcurrencyError, ConfigError, DuplicateError, NotFoundError } from '../errors.js';
import { INDEXING_POLICY } from './cosmos-indexing-policy.js';
import { addStoreCharge } from './request-charge.js';
import { assertFieldPath, type Condition, type CountQuery, type DocumentBase, type DocumentStore, type Query, type Stored, type StoreHealth, withoutMeta } from './document-store.js';

export type CosmosStoreConfig = Extract<Config['store'], { kind: 'cosmos' }>;

const PARTITION_KEY = '/allianceId';

// 429s are retried by the SDK, waiting as long as each response's retry-after asks (no fixed interval).
const RETRY_OPTIONS = { maxRetryAttemptCount: 9, maxWaitTimeInSeconds: 30 };

/** Azure Cosmos DB for NoSQL: one container partitioned by allianceId, etags from Cosmos itself. */
export class CosmosStore implements DocumentStore {
  readonly kind = 'cosmos' as const;

  private constructor(private readonly client: CosmosClient, private readonly container: Container) {}

  /** Uses the key when given, else Entra ID; `clientOptions` adds to the SDK options (tests, proxies). */
  static async connect(config: CosmosStoreConfig, clientOptions: Partial<CosmosClientOptions> = {}): Promise<CosmosStore> {
    // The SDKs load only when Cosmos DB is configured: the default SQLite install never pays for them.
    const [{ CosmosClient }, { DefaultAzureCredential }] = await Promise.all([import('@azure/cosmos'), import('@azure/identity')]);
    const policy = clientOptions.connectionPolicy;
    const client = new CosmosClient({
      ...clientOptions,
      endpoint: config.endpoint,
      ...(config.key ? { key: config.key } : { aadCredentials: new DefaultAzureCredential() }),
      connectionPolicy: { ...policy, retryOptions: { ...RETRY_OPTIONS, ...policy?.retryOptions } },
    });
    try {
      const { database } = await client.databases.createIfNotExists({ id: config.database });
      const { container, resource } = await database.containers.createIfNotExists({
        id: config.container,
        partitionKey: { paths: [PARTITION_KEY] },
        // Only a new container takes it; docs/deploy.md says how to apply it to an existing one.
        indexingPolicy: INDEXING_POLICY,
      });
      // createIfNotExists returns an existing container as it is; any other key would break isolation.
      const paths = resource?.partitionKey?.paths ?? [];
      if (paths.length !== 1 || paths[0] !== PARTITION_KEY) {
        throw new ConfigError(`Cosmos container ${config.container} is partitioned by ${paths.join(', ') || 'nothing'}; it must be ${PARTITION_KEY}.`);
      }
      return new CosmosStore(client, container);
    } catch (error) {
      client.dispose();
      // Entra ID data-plane roles may read but not create databases and containers.
      if (statusOf(error) === 401 || statusOf(error) === 403) {
        throw new ConfigError(
          `Cosmos DB refused access to ${config.database}/${config.container} (${statusOf(error)}): check the key or the identity's ` +
            `data-plane role; with Entra ID, create the database and container (partition key ${PARTITION_KEY}) beforehand.`,
        );
      }
      throw error;
    }
  }

  async get<T extends DocumentBase>(allianceId: string, id: string): Promise<Stored<T> | undefined> {
    const { resource, requestCharge } = await this.container.item(id, allianceId).read<T>();
    addStoreCharge(requestCharge);
    return resource ? toStored(resource) : undefined;
  }

  async query<T extends DocumentBase>(allianceId: string, query: Query): Promise<Array<Stored<T>>> {
    return this.runQuery<T>(query, allianceId);
  }

  async queryAllAlliances<T extends DocumentBase>(query: Query): Promise<Array<Stored<T>>> {
    return this.runQuery<T>(query);
  }

  async create<T extends DocumentBase>(doc: T): Promise<Stored<T>> {
    const body = withoutMeta(doc);
    return this.write(body, () => this.container.items.create(body));
  }

  async replace<T extends DocumentBase>(doc: T, etag: string): Promise<Stored<T>> {
    const body = withoutMeta(doc);
    const item = this.container.item(body.id, body.allianceId);
    return this.write(body, () => item.replace<T>(body, { accessCondition: { type: 'IfMatch', condition: etag } }));
  }

  async upsert<T extends DocumentBase>(doc: T): Promise<Stored<T>> {
    const body = withoutMeta(doc);
    return this.write(body, () => this.container.items.upsert<T>(body));
  }

  async delete(allianceId: string, id: string, etag?: string): Promise<void> {
    const options = etag ? { accessCondition: { type: 'IfMatch', condition: etag } } : undefined;
    try {
      addStoreCharge((await this.container.item(id, allianceId).delete(options)).requestCharge);
    } catch (error) {
      throw mapError(error, `Document ${id}`);
    }
  }

  async health(): Promise<StoreHealth> {
    try {
      await this.container.read();
      return { ok: true, kind: 'cosmos', detail: `${this.container.database.id}/${this.container.id}` };
    } catch (error) {
      return { ok: false, kind: 'cosmos', detail: (error as Error).message };
    }
  }

  async close(): Promise<void> {
    this.client.dispose();
  }

  async count(allianceId: string, query: CountQuery): Promise<number> {
    const spec = toSql(query, allianceId, 'VALUE COUNT(1)');
    const { resources, requestCharge } = await this.container.items.query<number>(spec, { partitionKey: allianceId }).fetchAll();
    addStoreCharge(requestCharge);
    return resources[0] ?? 0;
  }

  private async write<T extends DocumentBase>(body: T, send: () => Promise<{ resource?: T; requestCharge: number }>): Promise<Stored<T>> {
    try {
      const { resource, requestCharge } = await send();
      addStoreCharge(requestCharge);
      return toStored(resource as T);
    } catch (error) {
      throw mapError(error, `${body.type} ${body.id}`);
    }
  }

  /**
   * One ORDER BY field and TOP go to Cosmos. Ordering by two or more fields needs a composite index
   * per combination (Cosmos answers 400 without one), so those results are sorted here instead:
   * one alliance's documents of one type are few.
   */
  private async runQuery<T extends DocumentBase>(query: Query, allianceId?: string): Promise<Array<Stored<T>>> {
    const options = allianceId === undefined ? {} : { partitionKey: allianceId };
    const { resources, requestCharge } = await this.container.items.query<T>(toSql(query, allianceId), options).fetchAll();
    addStoreCharge(requestCharge);
    const docs = resources.map((resource) => toStored(resource));
    if ((query.orderBy?.length ?? 0) < 2) return docs;
    docs.sort(compareBy(query.orderBy ?? []));
    return query.limit === undefined ? docs : docs.slice(0, query.limit);
  }
}

/** `select`: what to return, every field by default; `VALUE COUNT(1)` for a count. */
function toSql(query: Query, allianceId?: string, select = '*'): SqlQuerySpec {
  const parameters: SqlParameter[] = [{ name: '@type', value: query.type }];
  const param = (value: JSONValue): string => {
    parameters.push({ name: `@p${parameters.length}`, value });
    return parameters[parameters.length - 1].name;
  };
  const clauses = ['c.type = @type'];
  if (allianceId !== undefined) clauses.push(`c.allianceId = ${param(allianceId)}`);
  for (const condition of query.where ?? []) clauses.push(conditionToSql(condition, param));
  const orderBy = query.orderBy ?? [];
  const top = query.limit !== undefined && orderBy.length < 2 ? `TOP ${param(query.limit)} ` : '';
  let sql = `SELECT ${top}${select} FROM c WHERE ${clauses.join(' AND ')}`;
  if (orderBy.length === 1) sql += ` ORDER BY ${fieldRef(orderBy[0].field)} ${orderBy[0].direction === 'desc' ? 'DESC' : 'ASC'}`;
  return { query: sql, parameters };
}

/** Bracket notation, because names such as `value` or `order` are Cosmos SQL keywords. */
function fieldRef(field: string): string {
  return 'c' + assertFieldPath(field).map((part) => `[${JSON.stringify(part)}]`).join('');
}

const COMPARATORS = { eq: '=', ne: '!=', lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;

/** Missing and null fields behave like SQLite's NULL, so both stores answer alike. */
function conditionToSql(condition: Condition, param: (value: JSONValue) => string): string {
  const field = fieldRef(condition.field);
  const { value } = condition;
  const absent = `(NOT IS_DEFINED(${field}) OR IS_NULL(${field}))`;
  switch (condition.op) {
    case 'contains':
      return `ARRAY_CONTAINS(${field}, ${param(value)})`;
    case 'in':
      return `ARRAY_CONTAINS(${param(Array.isArray(value) ? value : [value])}, ${field})`;
    case 'eq':
      return value === null ? absent : `${field} = ${param(value)}`;
    case 'ne':
      return value === null ? `NOT ${absent}` : `(${absent} OR ${field} != ${param(value)})`;
    default:
      return `${field} ${COMPARATORS[condition.op]} ${param(value)}`;
  }
}

/** Cosmos's order of types (null, booleans, numbers, strings); missing sorts with null, as in SQLite. */
function compareBy(orderBy: NonNullable<Query['orderBy']>) {
  const valueAt = (doc: object, field: string) =>
    assertFieldPath(field).reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
  return (a: object, b: object): number => {
    for (const { field, direction } of orderBy) {
      const order = compareValues(valueAt(a, field), valueAt(b, field));
      if (order !== 0) return direction === 'desc' ? -order : order;
    }
    return 0;
  };
}

const TYPE_ORDER = ['boolean', 'number', 'string'];

function compareValues(x: unknown, y: unknown): number {
  const rank = (v: unknown) => (v === undefined || v === null ? 0 : TYPE_ORDER.indexOf(typeof v) + 1 || 4);
  const [a, b] = [x as string, y as string];
  return rank(x) - rank(y) || (a < b ? -1 : a > b ? 1 : 0);
}

function statusOf(error: unknown): unknown {
  return (error as { code?: unknown }).code;
}

function mapError(error: unknown, what: string): unknown {
  switch (statusOf(error)) {
    case 412: return new ConcurrencyError(what, { cause: error });
    case 409: return new DuplicateError(what, { cause: error });
    case 404: return new NotFoundError(what);
    default: return error;
  }
}

/** Keeps `_etag` and drops Cosmos's other system fields, so both stores return the same shape. */
function toStored<T extends DocumentBase>(resource: T & { _etag?: string }): Stored<T> {
  return { ...withoutMeta(resource), _etag: resource._etag as string };
}

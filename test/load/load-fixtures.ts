import { DEMO_ALLIANCE_ID, DEMO_IDENTITIES } from '../../services/directory/seed-demo.js';
import { fixturePersonId, personIdOf } from '../helpers/person-ids.js';
import type { Person } from '../../services/domain/person.js';
import type { School } from '../../services/domain/school.js';
import type { DocumentStore } from '../../services/store/document-store.js';
import { startCosmosServer, type CosmosTestServer } from '../helpers/cosmos-server.js';
import { CosmosStore } from '../../services/store/CosmosStore.js';
import { TeamsHarness, type TeamsUser } from '../helpers/teams-harness.js';
import { indexPersonIdentities } from '../../services/identity/identity-index.js';

/** Runs `work` over `items` with at most `limit` in flight. */
export async function inPool<T>(items: T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export interface StoreUnderTest {
  name: string;
  /** A harness whose bot runs on this store; `stop` also ends whatever server the store needs. */
  create(): Promise<{ harness: TeamsHarness; stop(): Promise<void> }>;
}

export const SQLITE: StoreUnderTest = {
  name: 'SQLite',
  async create() {
    const harness = new TeamsHarness();
    await harness.start();
    return { harness, stop: () => harness.stop() };
  },
};

export const COSMOS: StoreUnderTest = {
  name: 'Cosmos-protocol server',
  async create() {
    const server: CosmosTestServer = await startCosmosServer();
    const harness = new TeamsHarness(() =>
      CosmosStore.connect({ kind: 'cosmos', endpoint: server.endpoint, key: server.key, database: 's2s-load', container: 'documents' }, server.clientOptions));
    await harness.start();
    return { harness, async stop() { await harness.stop(); await server.stop(); } };
  },
};

/** Helen (the demo manager) and a second manager of the demo alliance, both known to the connector. */
export async function addManagers(harness: TeamsHarness): Promise<TeamsUser[]> {
  const store = harness.app.store;
  const helen = (await store.get<Person>(DEMO_ALLIANCE_ID, await personIdOf(store, DEMO_IDENTITIES.manager.email)))!;
  const ravi: TeamsUser = { id: '29:ravi', aadObjectId: 'aad-load-manager-ravi', name: 'Ravi Kumar', email: 'ravi@riverside-hub.example' };
  await indexPersonIdentities(store, await store.create<Person>({ ...helen, id: fixturePersonId(ravi.email!), email: ravi.email!, name: ravi.name, teamsAadObjectId: ravi.aadObjectId }));
  const managers = [{ id: '29:helen', aadObjectId: DEMO_IDENTITIES.manager.teamsAadObjectId, name: 'Helen Carter' }, ravi];
  managers.forEach((m) => harness.addMember(m));
  return managers;
}

/** `count` heads spread over the demo schools, stored as Person documents with a Teams identity. */
export async function addHeads(harness: TeamsHarness, count: number): Promise<TeamsUser[]> {
  const store = harness.app.store;
  const schools = await store.query<School>(DEMO_ALLIANCE_ID, { type: 'school' });
  const at = harness.clock.now().toISOString();
  const heads = Array.from({ length: count }, (_, i): TeamsUser => ({
    id: `29:load-head-${i}`, aadObjectId: `aad-load-head-${i}`, name: `Load Head ${i}`, email: `head${i}@load-${i % schools.length}.example`,
  }));
  await inPool(heads, 20, async (head, i) => {
    harness.addMember(head);
    await indexPersonIdentities(store, await store.create<Person>({
      id: fixturePersonId(head.email!), allianceId: DEMO_ALLIANCE_ID, type: 'person', email: head.email!, name: head.name, role: 'head',
      baseSchoolUrn: schools[i % schools.length].urn, specialisms: [], phases: [], daysPerYear: 0, teamsAadObjectId: head.aadObjectId, updatedAt: at,
    }));
  });
  return heads;
}

/** Gives every demo supporter a Teams identity, so whoever is proposed can accept over HTTP. */
export async function linkSupporters(harness: TeamsHarness): Promise<Map<string, TeamsUser>> {
  const store: DocumentStore = harness.app.store;
  const people = await store.query<Person>(DEMO_ALLIANCE_ID, { type: 'person', where: [{ field: 'role', op: 'eq', value: 'supporter' }] });
  const byPersonId = new Map<string, TeamsUser>();
  for (const person of people) {
    const aadObjectId = person.teamsAadObjectId ?? `aad-load-${person.id}`;
    if (!person.teamsAadObjectId) await indexPersonIdentities(store, await store.replace<Person>({ ...person, teamsAadObjectId: aadObjectId }, person._etag));
    const user: TeamsUser = { id: `29:${person.id}`, aadObjectId, name: person.name, email: person.email };
    harness.addMember(user);
    byPersonId.set(person.id, user);
  }
  return byPersonId;
}

import { COMMITTED_STATUSES, type Deployment } from '../domain/deployment.js';
import type { Person } from '../domain/person.js';
import type { School } from '../domain/school.js';
import type { DocumentStore } from '../store/document-store.js';
import { FIRST_EPOCH, readDirectoryVersion, type DirectoryChange, type DirectoryVersion } from './directory-version.js';
import type { SchoolFacts, Workload } from './match-scoring.js';
import { summariseWorkloadsUntil, workloadWindowStart, type WorkloadFacts } from './workload.js';

/** What ranking reads of one alliance, held in memory and kept current through the directory version. */
export interface DirectorySnapshot {
  /** Supporters the alliance offers: not erased, and based at a school still in the alliance. */
  supporters: readonly Person[];
  schools: ReadonlyMap<string, SchoolFacts>;
  /** Each supporter's workload at the time asked for (summariseWorkloads over the held deployments). */
  workloads: ReadonlyMap<string, Workload>;
}

interface Held {
  epoch: string;
  seq: number;
  loadedAt: number;
  supporters: Map<string, Person>;
  schools: Map<string, SchoolFacts>;
  deployments: Map<string, WorkloadFacts>;
  list?: Person[];
  /** Workloads summed at `from`, true until `until` unless a deployment changes (then dropped). */
  workloads?: { from: number; until: number; byPerson: Map<string, Workload> };
}

/**
 * A missed note (a crash between a write and its note) heals after this long: the snapshot is
 * reloaded whatever the version says.
 */
const MAX_AGE_MS = 30 * 60 * 1000;

const held = new WeakMap<DocumentStore, Map<string, Promise<Held>>>();

/**
 * The alliance's supporters, schools and the deployments workload counts, for ranking. Each call
 * reads the version document; only records changed since the last call are read again, so a search
 * costs the same whatever the size of the directory or the years of history. The first call in a
 * process (and one after an import) reads everything once.
 */
export async function directorySnapshot(store: DocumentStore, allianceId: string, now: Date): Promise<DirectorySnapshot> {
  let byAlliance = held.get(store);
  if (!byAlliance) held.set(store, (byAlliance = new Map()));
  const version = await readDirectoryVersion(store, allianceId);
  const previous = byAlliance.get(allianceId);
  const next = (previous ?? Promise.resolve(undefined)).catch(() => undefined).then((current) => bringUpToDate(store, allianceId, current, version, now));
  byAlliance.set(allianceId, next);
  // A failed load is not kept: the next search tries again.
  next.catch(() => { if (byAlliance.get(allianceId) === next) byAlliance.delete(allianceId); });
  const current = await next;
  // Staff of a school that left the alliance are no longer offered through it (leave-alliance.ts).
  current.list ??= [...current.supporters.values()].filter((person) => !(person.baseSchoolUrn && current.schools.get(person.baseSchoolUrn)?.leftAt));
  return { supporters: current.list, schools: current.schools, workloads: workloadsAt(current, now) };
}

/** Summing every held deployment costs more than the rest of a search: each sum is kept while it stays true. */
function workloadsAt(current: Held, now: Date): Map<string, Workload> {
  const at = now.getTime();
  if (!current.workloads || at < current.workloads.from || at >= current.workloads.until) {
    const { workloads, validUntil } = summariseWorkloadsUntil(current.deployments.values(), now);
    current.workloads = { from: at, until: validUntil, byPerson: workloads };
  }
  return current.workloads.byPerson;
}

async function bringUpToDate(store: DocumentStore, allianceId: string, current: Held | undefined, version: DirectoryVersion | undefined, now: Date): Promise<Held> {
  const seq = version?.seq ?? 0;
  if (!current || current.epoch !== (version?.epoch ?? FIRST_EPOCH) || now.getTime() - current.loadedAt > MAX_AGE_MS) {
    return load(store, allianceId, version, now);
  }
  // Equal, or a concurrent search read the version a moment before one that already applied it.
  if (seq <= current.seq) return current;
  const missed = version!.changes.filter((change) => change.seq > current.seq);
  // The log keeps the latest changes only: an instance that slept through more reloads everything.
  if (missed.length === 0 || missed[0].seq !== current.seq + 1) return load(store, allianceId, version, now);
  await applyChanges(store, allianceId, current, missed);
  current.seq = seq;
  return current;
}

async function load(store: DocumentStore, allianceId: string, version: DirectoryVersion | undefined, now: Date): Promise<Held> {
  const [supporters, schools, current, rated] = await Promise.all([
    store.query<Person>(allianceId, { type: 'person', where: [{ field: 'role', op: 'eq', value: 'supporter' }, { field: 'erasedAt', op: 'eq', value: null }] }),
    store.query<School>(allianceId, { type: 'school' }),
    store.query<Deployment>(allianceId, {
      type: 'deployment',
      where: [
        { field: 'status', op: 'in', value: [...COMMITTED_STATUSES] },
        { field: 'createdAt', op: 'gte', value: workloadWindowStart(now).toISOString() },
      ],
    }),
    store.query<Deployment>(allianceId, { type: 'deployment', where: [{ field: 'effectivenessRating', op: 'ne', value: null }] }),
  ]);
  return {
    epoch: version?.epoch ?? FIRST_EPOCH,
    seq: version?.seq ?? 0,
    loadedAt: now.getTime(),
    supporters: new Map(supporters.map((person) => [person.id, person])),
    schools: new Map(schools.map((school) => [school.urn, schoolFacts(school)])),
    deployments: new Map([...current, ...rated].map((deployment) => [deployment.id, workloadFacts(deployment)])),
  };
}

/** Re-reads the records named in the log, one point read each, and puts them in place. */
async function applyChanges(store: DocumentStore, allianceId: string, current: Held, changes: DirectoryChange[]): Promise<void> {
  const latest = new Map(changes.map((change) => [`${change.kind}|${change.id}`, change]));
  const reads = await Promise.all([...latest.values()].map(async (change) => ({ change, doc: await store.get(allianceId, change.id) })));
  for (const { change, doc } of reads) {
    if (change.kind === 'deployment') {
      current.workloads = undefined;
      if (doc?.type === 'deployment') current.deployments.set(change.id, workloadFacts(doc as unknown as Deployment));
      else current.deployments.delete(change.id);
    } else if (change.kind === 'school') {
      if (doc?.type === 'school') current.schools.set((doc as unknown as School).urn, schoolFacts(doc as unknown as School));
      current.list = undefined;
    } else {
      const person = doc?.type === 'person' ? (doc as unknown as Person) : undefined;
      if (person && person.role === 'supporter' && person.erasedAt === undefined) current.supporters.set(change.id, person);
      else current.supporters.delete(change.id);
      current.list = undefined;
    }
  }
}

/**
 * Would ranking see any difference between two versions of a deployment? Ranking counts a status
 * only as committed or not, so confirming a plan or reporting a visit changes nothing it reads,
 * and other instances need not hear of such a write.
 */
export function changesRanking(before: Deployment, after: Deployment): boolean {
  const seen = (deployment: Deployment) => {
    const { status, ...facts } = workloadFacts(deployment);
    return JSON.stringify({ ...facts, committed: COMMITTED_STATUSES.includes(status) });
  };
  return seen(before) !== seen(after);
}

function workloadFacts({ supporterId, status, createdAt, daysCommitted, effectivenessRating }: Deployment): WorkloadFacts {
  return { supporterId, status, createdAt, daysCommitted, ...(effectivenessRating !== undefined ? { effectivenessRating } : {}) };
}

function schoolFacts({ urn, name, trust, localAuthority, postcode, leftAt }: School): SchoolFacts {
  return Object.fromEntries(Object.entries({ urn, name, trust, localAuthority, postcode, leftAt }).filter(([, v]) => v !== undefined)) as SchoolFacts;
}

// Generates alliances at national scale straight into a store, for the scale tests and the bench:
// schools, supporters, heads and a manager, and years of requests, deployments, visit reports and
// evaluations. Seeded, so the same options always give the same documents.
//   npx tsx scripts/generate-directory.ts SQLITE_PATH [alliances=87] [schools=250] [supporters=300] [years=3]
import { newAlliance, type Alliance } from '../services/domain/alliance.js';
import type { Deployment, DeploymentStatus } from '../services/domain/deployment.js';
import { DESIGNATIONS } from '../services/domain/designations.js';
import type { Evaluation } from '../services/domain/evaluation.js';
import type { Person } from '../services/domain/person.js';
import { newPersonId } from '../services/identity/email-index.js';
import { PHASES } from '../services/domain/phases.js';
import { schoolId, type School } from '../services/domain/school.js';
import { SPECIALISMS } from '../services/domain/specialisms.js';
import type { RequestStatus } from '../services/domain/request-lifecycle.js';
import type { SupportRequest } from '../services/domain/support-request.js';
import type { VisitReport } from '../services/domain/visit-report.js';
import { renewDirectory } from '../services/matching/directory-version.js';
import { indexPersonIdentities } from '../services/identity/identity-index.js';
import type { DocumentBase, DocumentStore } from '../services/store/document-store.js';

export interface AllianceShape {
  allianceId: string;
  schools: number;
  supporters: number;
  /** Requests a year; three-quarters become deployments, most of those reported and evaluated. */
  requestsPerYear: number;
  years: number;
  now: Date;
  /** The managers' channel, linked as a manager would: what the weekly digest is posted to. */
  managerChannel?: Alliance['managerChannel'];
}

/** The people of a generated alliance who speak in tests and the bench (each linked to a Teams id). */
export interface GeneratedSpeakers {
  head: Person;
  manager: Person;
  supporter: Person;
}

const AUTHORITIES = ['Birmingham', 'Coventry', 'Dudley', 'Sandwell', 'Solihull', 'Walsall', 'Wolverhampton', 'Worcestershire'];
const BATCH = 2_000;
const DAY_MS = 86_400_000;
const REQUEST_STATUS: Record<DeploymentStatus, RequestStatus> = {
  proposed: 'proposed', accepted: 'accepted', declined: 'matching', planned: 'planned', active: 'active',
  completed: 'completed', evaluated: 'evaluated', cancelled: 'cancelled',
};

/** The Teams id a generated speaker is linked to. */
export function generatedTeamsId(allianceId: string, role: keyof GeneratedSpeakers): string {
  return `aad-${allianceId}-${role}`;
}

export async function generateAlliance(store: DocumentStore, shape: AllianceShape): Promise<GeneratedSpeakers> {
  const { allianceId, now } = shape;
  const random = seeded(hash(allianceId) ^ shape.supporters ^ shape.requestsPerYear);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const at = now.toISOString();
  const alliance: Alliance = { ...newAlliance({ id: allianceId, name: `Hub ${allianceId}`, now }), ...(shape.managerChannel ? { managerChannel: shape.managerChannel } : {}) };
  const docs: DocumentBase[] = [alliance];

  const schools: School[] = Array.from({ length: shape.schools }, (_, n) => ({
    id: schoolId(String(100000 + n)), allianceId, type: 'school', urn: String(100000 + n), name: `School ${n}`,
    phase: pick(PHASES), localAuthority: AUTHORITIES[n % AUTHORITIES.length], postcode: `B${1 + (n % 30)} ${n % 10}AA`,
    ...(n % 3 === 0 ? { trust: `Trust ${n % 40}` } : {}), updatedAt: at,
  }));
  const person = (email: string, fields: Partial<Person>): Person => ({
    id: newPersonId(), allianceId, type: 'person', email, name: `${pick(FIRST)} ${pick(LAST)}`, role: 'supporter',
    specialisms: [], phases: [], daysPerYear: 0, updatedAt: at, ...fields,
  });
  const supporters = Array.from({ length: shape.supporters }, (_, n) => person(`s${n}@${allianceId}.example`, {
    role: 'supporter', designation: pick(DESIGNATIONS), baseSchoolUrn: pick(schools).urn,
    specialisms: [...new Set([pick(SPECIALISMS), pick(SPECIALISMS), pick(SPECIALISMS)])], phases: [...new Set([pick(PHASES), pick(PHASES)])],
    daysPerYear: 5 + Math.floor(random() * 25),
  }));
  const heads = schools.map((school, n) => person(`head${n}@${allianceId}.example`, { role: 'head', baseSchoolUrn: school.urn }));
  const speakers: GeneratedSpeakers = {
    head: { ...heads[0], teamsAadObjectId: generatedTeamsId(allianceId, 'head') },
    manager: person(`manager@${allianceId}.example`, { role: 'manager', teamsAadObjectId: generatedTeamsId(allianceId, 'manager') }),
    supporter: { ...supporters[0], teamsAadObjectId: generatedTeamsId(allianceId, 'supporter') },
  };
  heads[0] = speakers.head;
  supporters[0] = speakers.supporter;
  docs.push(...schools, ...supporters, ...heads, speakers.manager);

  let sequence = 0;
  for (let year = shape.years - 1; year >= 0; year--) {
    for (let n = 0; n < shape.requestsPerYear; n++) {
      const created = new Date(now.getTime() - (year * 365 + random() * 365) * DAY_MS).toISOString();
      const head = pick(heads);
      const supporter = pick(supporters);
      const reference = `S2S-${created.slice(0, 4)}-${String(++sequence).padStart(4, '0')}`;
      const requestId = `request-gen-${allianceId}-${sequence}`;
      const matched = random() < 0.75;
      const status: DeploymentStatus = year > 0 ? (random() < 0.85 ? 'evaluated' : 'cancelled') : pick(['proposed', 'accepted', 'planned', 'active', 'completed', 'evaluated'] as const);
      const request: SupportRequest = {
        id: requestId, allianceId, type: 'supportRequest', reference, schoolUrn: head.baseSchoolUrn!, requesterId: head.id,
        specialisms: [pick(SPECIALISMS)], phase: pick(PHASES), need: LONG_TEXT, outcomes: LONG_TEXT, daysWanted: 1 + Math.floor(random() * 5),
        status: matched ? REQUEST_STATUS[status] : pick(['matching', 'declined', 'withdrawn'] as const), candidates: [], excludedCandidateIds: [],
        createdVia: 'teams', createdAt: created, updatedAt: created, history: [{ at: created, by: head.id, action: 'status', to: 'submitted' }],
      };
      docs.push(request);
      if (!matched) continue;
      const deploymentId = `deployment-gen-${allianceId}-${sequence}`;
      const rated = status === 'evaluated';
      const deployment: Deployment = {
        id: deploymentId, allianceId, type: 'deployment', requestId, requestReference: reference, supporterId: supporter.id,
        schoolUrn: request.schoolUrn, schoolHeadIds: [head.id], baseSchoolUrn: supporter.baseSchoolUrn!, designation: supporter.designation!, dayRate: 350,
        daysCommitted: request.daysWanted, status, proposedAt: created, createdAt: created, updatedAt: created,
        ...(rated ? { effectivenessRating: 1 + Math.floor(random() * 4) } : {}),
        history: [{ at: created, by: speakers.manager.id, action: 'status', to: 'proposed' }],
      };
      docs.push(deployment);
      if (['active', 'completed', 'evaluated'].includes(status)) docs.push(visitReport(deployment, created));
      if (rated) docs.push(evaluation(deployment, head.id, created));
    }
  }
  for (let start = 0; start < docs.length; start += BATCH) await writeAll(store, docs.slice(start, start + BATCH));
  for (const speaker of Object.values(speakers)) await indexPersonIdentities(store, speaker, undefined, at);
  await renewDirectory(store, allianceId);
  return speakers;
}

function visitReport(deployment: Deployment, at: string): VisitReport {
  return {
    id: `visit-gen-${deployment.id}`, allianceId: deployment.allianceId, type: 'visitReport', deploymentId: deployment.id,
    requestId: deployment.requestId, supporterId: deployment.supporterId, visitDate: at.slice(0, 10), objectives: ['Objective'],
    progress: [{ rag: 'green', comment: LONG_TEXT }], activities: LONG_TEXT, nextSteps: LONG_TEXT, daysUsed: 1, noPupilData: true,
    submittedAt: at, history: [],
  } as unknown as VisitReport;
}

function evaluation(deployment: Deployment, by: string, at: string): Evaluation {
  return {
    id: `evaluation-gen-${deployment.id}`, allianceId: deployment.allianceId, type: 'evaluation', deploymentId: deployment.id,
    requestId: deployment.requestId, supporterId: deployment.supporterId, evaluatedBy: by, objectiveTexts: ['Objective'],
    objectives: [{ rating: deployment.effectivenessRating!, evidence: LONG_TEXT }], effectiveness: deployment.effectivenessRating!,
    overall: LONG_TEXT, submittedAt: at, history: [],
  } as unknown as Evaluation;
}

/** Writes documents in one bulk call where the store has one, else one upsert each, all at once. */
export async function writeAll(store: DocumentStore, docs: DocumentBase[]): Promise<void> {
  if (store.upsertAll) await store.upsertAll(docs);
  else await Promise.all(docs.map((doc) => store.upsert(doc)));
}

const FIRST = ['Amelia', 'Oliver', 'Priya', 'James', 'Fatima', 'Thomas', 'Grace', 'Mohammed', 'Chloe', 'Daniel', 'Sian', 'Kwame'];
const LAST = ['Hughes', 'Patel', 'Jones', 'Begum', 'Williams', 'Taylor', 'Okafor', 'Evans', 'Khan', 'Murphy', 'Clarke', 'Lewis'];
/** Free text about the length people write, so documents weigh what real ones do. */
const LONG_TEXT = 'Year 5 and 6 arithmetic outcomes fell after staff changes; the team wants a consistent calculation policy, '.repeat(3);

function hash(text: string): number {
  let h = 2166136261;
  for (const char of text) h = Math.imul(h ^ char.charCodeAt(0), 16777619);
  return h >>> 0;
}

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

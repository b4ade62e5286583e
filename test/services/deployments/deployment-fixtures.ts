import { submitVisitReport } from '../../../services/deployments/submit-visit-report.js';
import { confirmPlan } from '../../../services/deployments/confirm-plan.js';
import { submitPlan } from '../../../services/deployments/submit-plan.js';
import type { Deployment, DeploymentStatus } from '../../../services/domain/deployment.js';
import type { PlanInput } from '../../../services/domain/deployment-plan.js';
import { fixturePersonId } from '../../helpers/person-ids.js';
import type { Person } from '../../../services/domain/person.js';
import type { School } from '../../../services/domain/school.js';
import type { SupportRequest } from '../../../services/domain/support-request.js';
import type { VisitReportInput } from '../../../services/domain/visit-report.js';
import { deploymentIdFor } from '../../../services/requests/decide-request.js';
import type { OutboxMessage } from '../../../services/notifications/outbox-message.js';
import type { ServiceContext } from '../../../services/service-context.js';
import type { Stored } from '../../../services/store/document-store.js';
import { openStoreWithAlliance, type TempStore } from '../directory/temp-store.js';

export const ALLIANCE = 'test-hub';
export const SUPPORTED_URN = '990001';
export const BASE_URN = '990002';

export interface World extends TempStore {
  ctx: ServiceContext;
  supporter: Stored<Person>;
  manager: Stored<Person>;
  head: Stored<Person>;
  /** A head of another school: party to nothing. */
  otherHead: Stored<Person>;
  request: Stored<SupportRequest>;
  deployment: Stored<Deployment>;
}

export const PLAN: PlanInput = {
  objectives: [
    { objective: 'Improve KS2 reasoning in maths', successCriteria: 'Year 6 books show reasoning each week', impactMeasure: 'Termly reasoning test' },
    { objective: 'Coach the maths lead', successCriteria: 'Lead runs staff meetings alone', impactMeasure: 'Lead self-review' },
  ],
  days: 3,
  visitDates: ['2026-12-21', '2027-01-11', '2027-01-25'],
};

function person(email: string, fields: Partial<Person>): Person {
  return {
    id: fixturePersonId(email), allianceId: ALLIANCE, type: 'person', email, name: email.split('@')[0], role: 'head',
    specialisms: [], phases: [], daysPerYear: 0, updatedAt: '2026-09-01T00:00:00.000Z', ...fields,
  };
}

function school(urn: string, name: string): School {
  return { id: `school-${urn}`, allianceId: ALLIANCE, type: 'school', urn, name, phase: 'primary', updatedAt: '2026-09-01T00:00:00.000Z' };
}

/** An alliance with one SLE (£250 a day) accepted for a 3-day maths request from Riverside Primary. */
export async function openWorld(status: DeploymentStatus = 'accepted', now = '2026-12-01T09:00:00Z'): Promise<World> {
  const temp = await openStoreWithAlliance();
  temp.clock.set(now);
  return { ...temp, ...(await seedWorld({ store: temp.store, clock: temp.clock }, status)) };
}

export type Parties = Omit<World, keyof TempStore>;

/** The people, schools, request and deployment of `openWorld`, written to any store holding the alliance. */
export async function seedWorld(ctx: ServiceContext, status: DeploymentStatus = 'accepted'): Promise<Parties> {
  const { store } = ctx;
  await store.create(school(SUPPORTED_URN, 'Riverside Primary School'));
  await store.create(school(BASE_URN, 'Kingfisher Academy'));
  const supporter = await store.create(person('sam.sle@kingfisher.example', {
    name: 'Sam Sle', role: 'supporter', baseSchoolUrn: BASE_URN, designation: 'SLE', specialisms: ['maths'], phases: ['primary'], daysPerYear: 15,
  }));
  const manager = await store.create(person('mo.manager@hub.example', { name: 'Mo Manager', role: 'manager' }));
  const head = await store.create(person('hana.head@riverside.example', { name: 'Hana Head', baseSchoolUrn: SUPPORTED_URN }));
  const otherHead = await store.create(person('olly.other@kingfisher.example', { name: 'Olly Other', baseSchoolUrn: BASE_URN }));
  const at = '2026-11-20T09:00:00.000Z';
  const request = await store.create<SupportRequest>({
    id: 'request-abc123', allianceId: ALLIANCE, type: 'supportRequest', reference: 'S2S-2026-0001', schoolUrn: SUPPORTED_URN,
    requesterId: head.id, specialisms: ['maths'], phase: 'primary', need: 'Reasoning in KS2', outcomes: 'Better reasoning',
    daysWanted: 3, status: requestStatusFor(status), candidates: [], excludedCandidateIds: [], matchedSupporterId: supporter.id,
    createdVia: 'cli', createdAt: at, updatedAt: at, history: [{ at, by: head.id, action: 'status', to: 'submitted' }],
  });
  const deployment = await store.create<Deployment>({
    id: deploymentIdFor(request.id, supporter.id), allianceId: ALLIANCE, type: 'deployment', requestId: request.id, requestReference: request.reference,
    supporterId: supporter.id, schoolUrn: SUPPORTED_URN, schoolHeadIds: [head.id], baseSchoolUrn: BASE_URN, designation: 'SLE', dayRate: 250, daysCommitted: 3,
    status, proposedAt: at, createdAt: at, updatedAt: at, history: [{ at, by: manager.id, action: 'status', to: 'proposed' }],
  });
  return { ctx, supporter, manager, head, otherHead, request, deployment };
}

function requestStatusFor(status: DeploymentStatus): SupportRequest['status'] {
  return status === 'proposed' ? 'proposed' : status === 'accepted' ? 'accepted' : status === 'declined' ? 'matching' : (status as SupportRequest['status']);
}

export async function outboxEvents(world: Pick<World, 'ctx'>): Promise<Array<{ kind: string; target: string }>> {
  const messages = await world.ctx.store.query<OutboxMessage>(ALLIANCE, { type: 'outbox', orderBy: [{ field: 'createdAt' }] });
  return messages.map((m) => ({ kind: m.event.kind, target: m.target.kind === 'person' ? m.target.personId : 'managerChannel' }));
}

/** Submits PLAN (or `plan`) and has all three parties confirm it: the deployment is then planned. */
export async function agreePlan(world: Parties, plan: PlanInput = PLAN): Promise<void> {
  await submitPlan(world.ctx, world.supporter, world.deployment.id, plan);
  for (const party of [world.supporter, world.manager, world.head]) await confirmPlan(world.ctx, party, world.deployment.id);
}

/** A report of one day at `visitDate` with green progress on both PLAN objectives. */
export function report(visitDate: string, fields: Partial<VisitReportInput> = {}): VisitReportInput {
  return {
    visitDate,
    progress: [{ rag: 'green', comment: 'Reasoning prompts in every lesson seen' }, { rag: 'amber', comment: 'Lead co-planned the meeting' }],
    activities: 'Book scrutiny, two lesson visits, coaching with the maths lead',
    nextSteps: 'Lead to run the next staff meeting',
    daysUsed: 1,
    noPupilData: true,
    ...fields,
  };
}

/** A world whose agreed plan has its visit of Mon 21 Dec 2026 reported the next day: the report a school checks or a supporter corrects. */
export async function openWorldWithReport(): Promise<{ world: World; reportId: string }> {
  const world = await openWorld('accepted', '2026-12-01T09:00:00Z');
  await agreePlan(world);
  world.clock.set('2026-12-22T16:00:00Z');
  const { report: sent } = await submitVisitReport(world.ctx, world.supporter, world.deployment.id, report('2026-12-21'));
  return { world, reportId: sent.id };
}

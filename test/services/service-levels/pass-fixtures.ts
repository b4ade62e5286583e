import type { Deployment } from '../../../services/domain/deployment.js';
import type { Person } from '../../../services/domain/person.js';
import type { SupportRequest } from '../../../services/domain/support-request.js';
import type { OutboxMessage } from '../../../services/notifications/outbox-message.js';
import { withDueFields } from '../../../services/service-levels/record-due.js';
import type { Stored } from '../../../services/store/document-store.js';
import { fixturePersonId } from '../../helpers/person-ids.js';
import { ALLIANCE, BASE_URN, type Parties } from '../deployments/deployment-fixtures.js';

/** A second maths SLE, ranked after the proposed one on the request's stored candidates. */
export async function addRunnerUp(world: Parties): Promise<Stored<Person>> {
  const email = 'pia.second@kingfisher.example';
  const runnerUp = await world.ctx.store.create<Person>({
    id: fixturePersonId(email), allianceId: ALLIANCE, type: 'person', email, name: 'Pia Second', role: 'supporter', baseSchoolUrn: BASE_URN,
    designation: 'SLE', specialisms: ['maths'], phases: ['primary'], daysPerYear: 15, updatedAt: '2026-09-01T00:00:00.000Z',
  });
  const request = (await world.ctx.store.get<SupportRequest>(ALLIANCE, world.request.id))!;
  world.request = await world.ctx.store.replace<SupportRequest>({
    ...request,
    candidates: [
      { personId: world.supporter.id, name: world.supporter.name, score: 0.9, reason: 'maths, primary' },
      { personId: runnerUp.id, name: runnerUp.name, score: 0.8, reason: 'maths, primary' },
    ],
  }, request._etag);
  return runnerUp;
}

/** Stores the deployment with its due fields, as the approval that proposed it would have. */
export async function dateProposal(world: Parties): Promise<void> {
  const current = (await world.ctx.store.get<Stored<Deployment>>(ALLIANCE, world.deployment.id))!;
  world.deployment = await world.ctx.store.replace(await withDueFields(world.ctx, current), current._etag);
}

/** Each outbox message as kind and who it is for, in the order written. */
export async function told(world: Parties): Promise<Array<{ kind: string; to: string }>> {
  const messages = await world.ctx.store.query<OutboxMessage>(ALLIANCE, { type: 'outbox', orderBy: [{ field: 'createdAt' }] });
  return messages.map((m) => ({ kind: m.event.kind, to: m.target.kind === 'person' ? m.target.personId : 'managerChannel' }));
}

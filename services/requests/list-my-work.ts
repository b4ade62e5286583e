import type { Deployment } from '../domain/deployment.js';
import type { Person } from '../domain/person.js';
import type { SupportRequest } from '../domain/support-request.js';
import type { ServiceContext } from '../service-context.js';
import type { Stored } from '../store/document-store.js';

export type MyWork =
  | { role: 'head'; requests: Array<Stored<SupportRequest>>; supporters: Map<string, string> }
  | { role: 'supporter'; deployments: Array<Stored<Deployment>>; requests: Map<string, Stored<SupportRequest>> }
  | { role: 'manager'; requests: Array<Stored<SupportRequest>>; supporters: Map<string, string> }
  | { role: 'none' };

const SHOWN = 10;

/**
 * What a person may see of the alliance's work: a head their own school's requests, a supporter
 * their own deployments, a manager the alliance's open requests. Newest first.
 */
export async function listMyWork(ctx: ServiceContext, person: Stored<Person>): Promise<MyWork> {
  const { store } = ctx;
  if (person.role === 'head' && person.baseSchoolUrn) {
    const requests = await store.query<SupportRequest>(person.allianceId, {
      type: 'supportRequest',
      where: [{ field: 'schoolUrn', op: 'eq', value: person.baseSchoolUrn }],
      orderBy: [{ field: 'createdAt', direction: 'desc' }],
      limit: SHOWN,
    });
    return { role: 'head', requests, supporters: await supporterNames(ctx, person.allianceId, requests) };
  }
  if (person.role === 'supporter') {
    const deployments = await store.query<Deployment>(person.allianceId, {
      type: 'deployment',
      where: [{ field: 'supporterId', op: 'eq', value: person.id }],
      orderBy: [{ field: 'createdAt', direction: 'desc' }],
      limit: SHOWN,
    });
    const requests = new Map<string, Stored<SupportRequest>>();
    for (const deployment of deployments) {
      const request = await store.get<SupportRequest>(person.allianceId, deployment.requestId);
      if (request) requests.set(request.id, request);
    }
    return { role: 'supporter', deployments, requests };
  }
  if (person.role === 'manager' || person.role === 'admin') {
    const requests = await store.query<SupportRequest>(person.allianceId, {
      type: 'supportRequest',
      where: [{ field: 'status', op: 'in', value: ['submitted', 'matching', 'on-hold', 'proposed', 'accepted', 'planned', 'active', 'completed'] }],
      orderBy: [{ field: 'createdAt', direction: 'desc' }],
      limit: SHOWN,
    });
    return { role: 'manager', requests, supporters: await supporterNames(ctx, person.allianceId, requests) };
  }
  return { role: 'none' };
}

async function supporterNames(ctx: ServiceContext, allianceId: string, requests: SupportRequest[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of new Set(requests.map((r) => r.matchedSupporterId).filter((id): id is string => Boolean(id)))) {
    const person = await ctx.store.get<Person>(allianceId, id);
    if (person) names.set(id, person.name);
  }
  return names;
}

import type { Person } from '../domain/person.js';
import { schoolId, type School } from '../domain/school.js';
import type { ServiceContext } from '../service-context.js';

export interface DigestNames {
  school(urn: string): Promise<string>;
  person(personId: string | undefined): Promise<string>;
}

/** School and supporter names for the digest's short lists, each read once; erased people stay unnamed. */
export function digestNames(ctx: ServiceContext, allianceId: string): DigestNames {
  const cache = new Map<string, Promise<string>>();
  const cached = (id: string, read: () => Promise<string>) => cache.get(id) ?? cache.set(id, read()).get(id)!;
  return {
    school: (urn) => cached(schoolId(urn), async () => (await ctx.store.get<School>(allianceId, schoolId(urn)))?.name ?? `School ${urn}`),
    person: (personId) => personId === undefined ? Promise.resolve('not recorded') : cached(personId, async () => {
      const person = await ctx.store.get<Person>(allianceId, personId);
      return person && !person.erasedAt ? person.name : 'a former supporter';
    }),
  };
}

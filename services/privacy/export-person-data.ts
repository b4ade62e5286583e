import { withoutMeta, type DocumentBase } from '../store/document-store.js';
import type { ServiceContext } from '../service-context.js';
import { collectPersonRecords, findPeopleByEmail, writeAudit, type PersonRecords } from './person-records.js';

export interface PersonDataExport {
  email: string;
  exportedAt: string;
  alliances: Array<Record<keyof PersonRecords, unknown>>;
}

/**
 * A subject-access export: every record about the person, in every alliance, as plain JSON. The
 * export itself is audited in each alliance, since it hands personal data to whoever ran it.
 */
export async function exportPersonData(ctx: ServiceContext, email: string, by: string): Promise<PersonDataExport> {
  const people = await findPeopleByEmail(ctx, email);
  const alliances: PersonDataExport['alliances'] = [];
  for (const person of people) {
    const records = await collectPersonRecords(ctx, person);
    alliances.push(Object.fromEntries(Object.entries(records).map(([key, value]) => [key, stripMeta(value)])) as PersonDataExport['alliances'][number]);
    await writeAudit(ctx, { allianceId: person.allianceId, by, action: 'person-export', subject: person.id });
  }
  return { email: email.trim().toLowerCase(), exportedAt: ctx.clock.now().toISOString(), alliances };
}

function stripMeta(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripMeta);
  return value && typeof value === 'object' ? withoutMeta(value as DocumentBase) : value;
}

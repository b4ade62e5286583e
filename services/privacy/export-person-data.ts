import { withoutMeta, type DocumentBase } from '../store/document-store.js';
import type { ServiceContext } from '../service-context.js';
import { collectPersonFootprint, findPeopleByEmail, writeAudit, type PersonRecords } from './person-records.js';

export interface PersonDataExport {
  email: string;
  exportedAt: string;
  alliances: Array<Record<keyof PersonRecords, unknown> & { mentionedIn: Array<{ type: string; id: string; fields: string[] }> }>;
}

/**
 * A subject-access export: every record about the person, in every alliance, as plain JSON, and
 * every other document that names or quotes them with the fields where (candidate lists, cards,
 * audit notes): exactly what `erasePersonData` would change or delete. The export itself is audited
 * in each alliance, since it hands personal data to whoever ran it.
 */
export async function exportPersonData(ctx: ServiceContext, email: string, by: string): Promise<PersonDataExport> {
  const people = await findPeopleByEmail(ctx, email);
  const alliances: PersonDataExport['alliances'] = [];
  for (const person of people) {
    const { records, mentions } = await collectPersonFootprint(ctx, person);
    alliances.push({
      ...(Object.fromEntries(Object.entries(records).map(([key, value]) => [key, stripMeta(value)])) as Record<keyof PersonRecords, unknown>),
      mentionedIn: mentions.map(({ document, paths }) => ({ type: document.type, id: document.id, fields: paths })),
    });
    await writeAudit(ctx, { allianceId: person.allianceId, by, action: 'person-export', subject: person.id });
  }
  return { email: email.trim().toLowerCase(), exportedAt: ctx.clock.now().toISOString(), alliances };
}

function stripMeta(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripMeta);
  return value && typeof value === 'object' ? withoutMeta(value as DocumentBase) : value;
}

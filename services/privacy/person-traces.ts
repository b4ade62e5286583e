import type { Person } from '../domain/person.js';
import type { PersonRecords } from './person-records.js';

export const ERASED_NAME = 'Erased person';
export const ERASED_TEXT = '[erased]';

/** Something that identifies or quotes the person, and what replaces it wherever it appears. */
export interface Trace {
  text: string;
  replacement: string;
  /** Names match as whole words; ids, emails and long quotes anywhere; short quotes only as a whole value. */
  match: 'word' | 'anywhere' | 'whole';
}

/** Quotes this long are found inside other text (a card that repeats them); shorter ones only as a whole field. */
const QUOTE_ANYWHERE_LENGTH = 20;

/** The address an erased record keeps: unique, and not one anyone can receive at (.invalid is reserved). */
export function erasedEmail(person: Person): string {
  return `${person.id}@erased.invalid`;
}

/**
 * Everything that names, addresses or quotes the person: their name, email and channel ids (also as
 * they appear in saved Teams conversation references), and the free text they wrote or that was
 * written about them (request text, decline reasons, plans, visit reports, evaluations).
 */
export function personTraces(records: PersonRecords, recordedBy: readonly string[] = []): Trace[] {
  const { person } = records;
  const traces: Trace[] = [
    { text: person.email, replacement: erasedEmail(person), match: 'anywhere' },
    { text: person.name, replacement: ERASED_NAME, match: 'word' },
  ];
  const ids = [person.teamsAadObjectId, person.slackUserId, ...records.conversationLinks.flatMap((link) => addressIds(link.address))];
  // A join request gives the name and channel id the person typed or spoke with.
  for (const request of records.membershipRequests) {
    traces.push({ text: request.headName, replacement: ERASED_NAME, match: 'word' });
    traces.push({ text: request.requester.userId, replacement: ERASED_TEXT, match: 'anywhere' });
    ids.push(...addressIds(request.requester.address));
  }
  for (const id of ids) if (id) traces.push({ text: id, replacement: ERASED_TEXT, match: 'anywhere' });
  for (const name of records.conversationLinks.map((link) => addressName(link.address))) {
    if (name) traces.push({ text: name, replacement: ERASED_NAME, match: 'word' });
  }
  for (const quote of [...writtenByOrAbout(records), ...recordedBy]) {
    const text = quote.trim();
    if (text.length >= 3) traces.push({ text, replacement: ERASED_TEXT, match: text.length >= QUOTE_ANYWHERE_LENGTH ? 'anywhere' : 'whole' });
  }
  // Longest first, so a quote that contains the name is replaced whole before the name inside it.
  return uniqueTraces(traces).sort((a, b) => b.text.length - a.text.length);
}

function writtenByOrAbout(records: PersonRecords): string[] {
  const id = records.person.id;
  const mine = <T extends { by: string }>(entry: T | undefined): entry is T => entry?.by === id;
  return [
    ...records.requestsMade.flatMap((r) => [r.need, r.outcomes, r.ofstedContext ?? '']),
    ...records.requestsDecided.flatMap((r) => (mine(r.decision) ? [r.decision.reason ?? ''] : [])),
    ...records.deployments.flatMap((d) => [d.declineReason ?? '']),
    ...records.plansWritten.flatMap((d) => d.plan?.objectives.flatMap((o) => [o.objective, o.successCriteria, o.impactMeasure]) ?? []),
    ...records.plansWritten.flatMap((d) => (mine(d.plan?.changesRequested) ? [d.plan.changesRequested.comment] : [])),
    ...records.visitReports.flatMap((v) => [v.activities, v.nextSteps, ...v.progress.map((p) => p.comment)]),
    ...records.diagnosticReports.flatMap((d) => [d.strengths, d.priorities]),
    ...[...records.evaluationsAbout, ...records.evaluationsGiven].flatMap((e) => [e.overall, ...e.objectives.map((o) => o.evidence)]),
  ];
}

/** Fields in which people write in their own words, wherever a record keeps what someone did (`by`). */
const OWN_WORDS = new Set(['note', 'reason', 'comment', 'overall', 'evidence']);

/**
 * The words the person wrote anywhere a record says they did it (`by` is their id): reasons in
 * histories, mid-term reviews, visit-record corrections, and kinds of record added later.
 */
export function textsRecordedBy(documents: readonly unknown[], personId: string): string[] {
  const found: string[] = [];
  const words = (value: unknown, key?: string): void => {
    if (typeof value === 'string') {
      if (key !== undefined && OWN_WORDS.has(key)) found.push(value);
    } else if (Array.isArray(value)) value.forEach((item) => words(item, key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) words(v, k);
  };
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (record.by === personId) words(record);
      else Object.values(record).forEach(walk);
    }
  };
  documents.forEach(walk);
  return found;
}

/** Teams references carry the member id (29:…) and AAD id; Slack addresses the user id. */
function addressIds(address: Record<string, unknown>): string[] {
  const user = address.user as { id?: unknown; aadObjectId?: unknown } | undefined;
  return [user?.id, user?.aadObjectId, address.userId].filter((v): v is string => typeof v === 'string' && v.length > 0);
}

function addressName(address: Record<string, unknown>): string | undefined {
  const name = (address.user as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' && name.trim() ? name.trim() : undefined;
}

function uniqueTraces(traces: Trace[]): Trace[] {
  const seen = new Map<string, Trace>();
  for (const trace of traces) if (trace.text && !seen.has(trace.text)) seen.set(trace.text, trace);
  return [...seen.values()];
}

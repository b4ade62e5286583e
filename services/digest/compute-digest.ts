import type { Alliance } from '../domain/alliance.js';
import type { AuditEntry } from '../domain/audit.js';
import { SPECIALISM_LABELS, type Specialism } from '../domain/specialisms.js';
import { requestKind, type SupportRequest } from '../domain/support-request.js';
import { countDirectContacts } from '../contacts/record-direct-contact.js';
import { countDiagnostics } from '../diagnostics/count-diagnostics.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { ServiceContext } from '../service-context.js';
import { digestNames } from './digest-names.js';
import { loadDigestRecords, type DigestRecords } from './digest-records.js';
import { DIGEST_TIME_ZONE, parseIsoWeek, previousIsoWeek } from './iso-week.js';
import { termOf } from './school-term.js';
import { slippingItems } from './slipping.js';
import { readStoredDigest } from './stored-digest.js';
import { round, termCostedDeployments, termSpend, type CostedDeployment } from './term-spend.js';
import { upcomingVisits } from './upcoming-visits.js';
import type { SpecialismCount, WeeklyDigest } from './weekly-digest.js';

const MATCHES_SHOWN = 10;
const WAITING_SHOWN = 5;
const DAY_MS = 86_400_000;

/**
 * The digest of one ISO week (e.g. 2026-W48) for an alliance's managers, in `timeZone`'s calendar.
 * A finished week gives the same figures whenever it is asked for, except that the term's
 * deployments count by their current status.
 */
export async function computeDigest(ctx: ServiceContext, allianceId: string, isoWeek: string, options: { timeZone?: string } = {}): Promise<WeeklyDigest> {
  return (await computeWeek(ctx, allianceId, isoWeek, options)).digest;
}

/**
 * The digest, with the term's costed deployments it counted (kept with a stored digest for the next
 * week). Reads the week's changes, the work in hand and the previous week's stored digest.
 */
export async function computeWeek(ctx: ServiceContext, allianceId: string, isoWeek: string, options: { timeZone?: string } = {}): Promise<{ digest: WeeklyDigest; termCosted: CostedDeployment[] }> {
  const zone = options.timeZone ?? DIGEST_TIME_ZONE;
  const week = parseIsoWeek(isoWeek, zone);
  const now = ctx.clock.now();
  if (week.start > now) throw new ValidationError([{ field: 'week', message: `${isoWeek} has not started yet` }]);
  const alliance = await ctx.store.get<Alliance>(allianceId, allianceId);
  if (!alliance) throw new NotFoundError(`Alliance ${allianceId}`);
  const asOf = new Date(Math.min(now.getTime(), week.end.getTime()));
  const term = termOf(new Date(week.end.getTime() - 1), zone);
  const names = digestNames(ctx, allianceId);
  const [records, previous] = await Promise.all([
    loadDigestRecords(ctx.store, allianceId, week),
    readStoredDigest(ctx.store, allianceId, previousIsoWeek(week.start, zone)),
  ]);
  // The previous week's list holds this term's deployments only if it was counted in the same calendar and term.
  const earlier = previous?.digest.timeZone === zone && previous.digest.term.name === term.name ? previous.termCosted : undefined;
  // Deployments under way are re-counted each week: their reports add delivered days without changing them.
  const recount = [...new Map([...records.changedDeployments, ...records.underWay].map((d) => [d.id, d])).values()];
  const termCosted = await termCostedDeployments(ctx.store, allianceId, term, earlier, recount, records.requests);
  const period = { from: week.start.toISOString(), to: week.end.toISOString() };
  const [diagnostics, contacts] = await Promise.all([countDiagnostics(ctx, allianceId, period), countDirectContacts(ctx, allianceId, period)]);
  const supportCreated = records.created.filter((request) => requestKind(request) === 'support');
  const within = (at: string) => at >= week.start.toISOString() && at < week.end.toISOString();

  const matches = records.changed
    .flatMap((request) => request.history.filter((entry) => isStatus(entry, 'proposed') && within(entry.at)).map((entry) => ({ request, entry })))
    .sort((a, b) => b.entry.at.localeCompare(a.entry.at));
  // A request waiting at `asOf` is waiting now, or has changed since the week began.
  const candidates = new Map([...records.waitingNow, ...records.changed].map((request) => [request.id, request]));
  const waiting = [...candidates.values()].filter((request) => request.createdAt < asOf.toISOString());
  const statusAt = (request: SupportRequest) => lastStatus(request.history, asOf.toISOString());
  const matching = waiting.filter((r) => statusAt(r) === 'submitted' || statusAt(r) === 'matching').sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const daysWaiting = (request: SupportRequest) => Math.floor((asOf.getTime() - Date.parse(request.createdAt)) / DAY_MS);
  const evaluated = records.changedDeployments.filter((d) => d.history.some((entry) => isStatus(entry, 'evaluated') && within(entry.at)));
  const ratings = evaluated.map((d) => d.effectivenessRating).filter((r): r is number => typeof r === 'number');

  // An approval creates its deployment in the same week, so it is among those changed since the week began.
  const deployments = new Map(records.changedDeployments.map((d) => [d.id, d]));
  const supporterOf = (request: SupportRequest, deploymentId?: string) =>
    (deploymentId ? deployments.get(deploymentId)?.supporterId : undefined) ?? request.matchedSupporterId;
  const digest: Omit<WeeklyDigest, 'quiet'> = {
    allianceId,
    allianceName: alliance.name,
    week: week.week,
    firstDay: week.firstDay,
    lastDay: week.lastDay,
    timeZone: zone,
    asOf: asOf.toISOString(),
    newRequests: { count: supportCreated.length, bySpecialism: countBySpecialism(supportCreated) },
    diagnostics: { requested: diagnostics.requested, reported: diagnostics.reported, days: diagnostics.days },
    directContacts: contacts.total,
    matchesMade: {
      count: matches.length,
      latest: await Promise.all(matches.slice(0, MATCHES_SHOWN).map(async ({ request, entry }) => ({
        reference: request.reference,
        school: await names.school(request.schoolUrn),
        supporter: await names.person(supporterOf(request, entry.ref)),
        at: entry.at,
      }))),
    },
    waitingForMatch: {
      count: matching.length,
      averageDays: matching.length ? round(matching.reduce((sum, r) => sum + daysWaiting(r), 0) / matching.length) : 0,
      longest: await Promise.all(matching.slice(0, WAITING_SHOWN).map(async (request) => ({
        reference: request.reference, school: await names.school(request.schoolUrn), days: daysWaiting(request),
      }))),
      onHold: waiting.filter((r) => statusAt(r) === 'on-hold').length,
    },
    evaluations: { count: evaluated.length, ...(ratings.length ? { averageRating: round(ratings.reduce((a, b) => a + b, 0) / ratings.length) } : {}) },
    visits: await upcomingVisits(records.underWay, week.lastDay, names),
    slipping: await slippingItems(ctx, allianceId, asOf),
    term: { name: term.name, firstDay: term.firstDay, lastDay: term.lastDay, ...termSpend(termCosted, asOf.toISOString()) },
  };
  const quiet = [digest.newRequests.count, digest.diagnostics.requested, digest.diagnostics.reported, digest.directContacts, digest.matchesMade.count, digest.evaluations.count, digest.waitingForMatch.count,
    digest.waitingForMatch.onHold, digest.visits.thisWeek, digest.visits.nextWeek, digest.slipping.count].every((count) => count === 0);
  return { digest: { ...digest, quiet }, termCosted };
}

function isStatus(entry: AuditEntry, to: string): boolean {
  return entry.action === 'status' && entry.to === to;
}

/** The status a record had at `at`, from the newest status change no later than it. */
function lastStatus(history: AuditEntry[], at: string): string | undefined {
  return history.filter((entry) => entry.action === 'status' && entry.at <= at).at(-1)?.to;
}

function countBySpecialism(requests: SupportRequest[]): SpecialismCount[] {
  const counts = new Map<Specialism, number>();
  for (const request of requests) counts.set(request.specialisms[0], (counts.get(request.specialisms[0]) ?? 0) + 1);
  return [...counts].map(([specialism, count]) => ({ specialism, label: SPECIALISM_LABELS[specialism], count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

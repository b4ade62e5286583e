import { DateTime } from 'luxon';
import type { Spend, WeeklyDigest } from './weekly-digest.js';

const wholePounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
const poundsAndPence = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

/** The digest as plain text for the command line; a quiet week is one line. */
export function formatDigestText(digest: WeeklyDigest): string {
  const title = `Weekly digest for ${digest.allianceName}, week ${digest.week} (${dateRange(digest.firstDay, digest.lastDay)})`;
  if (digest.quiet) return `${title}: a quiet week, with no new requests, matches or evaluations, nothing waiting for a match and no visits planned.`;

  const { newRequests, matchesMade, waitingForMatch, evaluations, visits, term } = digest;
  const lines = [title];
  lines.push(`New requests: ${newRequests.count}${list(newRequests.bySpecialism.map((s) => `${s.label} ${s.count}`))}`);
  lines.push(`Diagnostic visits: ${digest.diagnostics.requested} asked for, ${digest.diagnostics.reported} reported (${plural(digest.diagnostics.days, 'day')})`);
  lines.push(`Experts messaged directly: ${digest.directContacts}`);
  lines.push(`Matches made: ${matchesMade.count}`);
  for (const match of matchesMade.latest) {
    lines.push(`  ${match.reference} ${match.school}: ${match.supporter} (${day(match.at, digest.timeZone)})`);
  }
  const average = waitingForMatch.count ? `, on average ${plural(waitingForMatch.averageDays, 'day')}` : '';
  const onHold = waitingForMatch.onHold ? `; ${waitingForMatch.onHold} on hold` : '';
  lines.push(`Waiting for a match: ${waitingForMatch.count}${average}${onHold}`);
  for (const wait of waitingForMatch.longest) lines.push(`  ${wait.reference} ${wait.school}: ${plural(wait.days, 'day')}`);
  const rating = evaluations.averageRating === undefined ? '' : `, average effectiveness ${evaluations.averageRating} out of 4`;
  lines.push(`Evaluations received: ${evaluations.count}${rating}`);
  lines.push(`Visits this week: ${visits.thisWeek}; next week: ${visits.nextWeek}`);
  for (const visit of visits.shown) lines.push(`  ${day(visit.date, digest.timeZone)} ${visit.reference} ${visit.school}: ${visit.supporter}`);
  if (digest.slipping.count) {
    lines.push(`Slipping: ${digest.slipping.count}${list(digest.slipping.byStage.map((s) => `${s.label} ${s.count}`))}`);
    for (const item of digest.slipping.oldest) lines.push(`  ${item.reference} ${item.what}: ${item.late}`);
  }
  lines.push(`${term.name} to ${day(digest.lastDay, digest.timeZone)}: ${spend(term)}`);
  for (const group of term.bySpecialism) lines.push(`  ${group.label}: ${spend(group)}`);
  return lines.join('\n');
}

/** "2 deployments, 6 days committed (£2,100), 1 day delivered (£350)". */
function spend(figures: { deployments: number; committed: Spend; delivered: Spend }): string {
  const part = ({ days, cost }: Spend, what: string) => `${plural(days, 'day')} ${what} (${(Number.isInteger(cost) ? wholePounds : poundsAndPence).format(cost)})`;
  return `${plural(figures.deployments, 'deployment')}, ${part(figures.committed, 'committed')}, ${part(figures.delivered, 'delivered')}`;
}

function list(items: string[]): string {
  return items.length ? ` (${items.join(', ')})` : '';
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** e.g. "23–29 Nov 2026", or "28 Dec 2026 – 3 Jan 2027" across a year's end. */
function dateRange(first: string, last: string): string {
  const [from, to] = [DateTime.fromISO(first, { locale: 'en-GB' }), DateTime.fromISO(last, { locale: 'en-GB' })];
  if (from.year !== to.year) return `${from.toFormat('d LLL yyyy')} – ${to.toFormat('d LLL yyyy')}`;
  return from.month === to.month ? `${from.toFormat('d')}–${to.toFormat('d LLL yyyy')}` : `${from.toFormat('d LLL')} – ${to.toFormat('d LLL yyyy')}`;
}

/** An instant or a local date as the alliance's managers would say it, e.g. "Wed 25 Nov". */
function day(at: string, zone: string): string {
  return DateTime.fromISO(at, { zone, locale: 'en-GB' }).toFormat('ccc d LLL');
}

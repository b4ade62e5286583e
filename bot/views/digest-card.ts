import { card, divider, facts, heading, list, text, type CardElement, type MessageCard } from '../../cards/message-card.js';
import type { Spend, WeeklyDigest } from '../../services/digest/weekly-digest.js';

const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });

/** The Monday digest for the manager channel; a quiet week is one line. */
export function buildDigestCard(digest: WeeklyDigest): MessageCard {
  const title = `Weekly digest ${digest.week} (${digest.firstDay} to ${digest.lastDay}): ${digest.allianceName}`;
  const key = `digest:${digest.allianceId}:${digest.week}`;
  if (digest.quiet) return card(title, [text(`${title}: a quiet week, with no new requests, none waiting and no visits ahead.`)], key);

  const elements: CardElement[] = [
    heading(`Weekly digest ${digest.week}`),
    text(`${digest.allianceName}, ${digest.firstDay} to ${digest.lastDay}`, { muted: true }),
    facts([
      { label: 'New requests', value: `${digest.newRequests.count}${digest.newRequests.bySpecialism.length ? ` (${digest.newRequests.bySpecialism.map((s) => `${s.label} ${s.count}`).join(', ')})` : ''}` },
      { label: 'Diagnostic visits', value: `${digest.diagnostics.requested} asked for, ${digest.diagnostics.reported} reported (${digest.diagnostics.days} days)` },
      { label: 'Experts messaged directly', value: String(digest.directContacts) },
      { label: 'Matches made', value: String(digest.matchesMade.count) },
      { label: 'Waiting for a match', value: `${digest.waitingForMatch.count}${digest.waitingForMatch.count ? `, ${digest.waitingForMatch.averageDays} days on average` : ''}${digest.waitingForMatch.onHold ? `; ${digest.waitingForMatch.onHold} on hold` : ''}` },
      { label: 'Visits', value: `${digest.visits.thisWeek} this week, ${digest.visits.nextWeek} next week` },
      { label: 'Evaluations', value: digest.evaluations.count ? `${digest.evaluations.count}, supporters rated ${digest.evaluations.averageRating?.toFixed(1)}/4 on average` : 'none this week' },
    ]),
  ];
  if (digest.waitingForMatch.longest.length) {
    elements.push(heading('Waiting longest'), list(digest.waitingForMatch.longest.map((w) => ({ title: `${w.reference}: ${w.school}`, subtitle: `${w.days} days` }))));
  }
  if (digest.slipping.count) {
    elements.push(
      heading(`Slipping: ${digest.slipping.count}`),
      text(digest.slipping.byStage.map((s) => `${s.label} ${s.count}`).join(', '), { muted: true }),
      list(digest.slipping.oldest.map((item) => ({ title: `${item.reference}: ${item.what}`, subtitle: `${item.late} (due ${item.dueDate})` }))),
    );
  }
  if (digest.matchesMade.latest.length) {
    elements.push(heading('Matches made'), list(digest.matchesMade.latest.map((m) => ({ title: `${m.reference}: ${m.school}`, subtitle: m.supporter }))));
  }
  if (digest.visits.shown.length) {
    elements.push(heading('Visits coming up'), list(digest.visits.shown.map((v) => ({ title: `${v.date}: ${v.school}`, subtitle: `${v.supporter} (${v.reference})` }))));
  }
  elements.push(
    divider(),
    heading(`${digest.term.name}: ${spend(digest.term)}`),
    list(digest.term.bySpecialism.map((s) => ({ title: s.label, subtitle: `${spend(s)} (${s.deployments} deployment${s.deployments === 1 ? '' : 's'})` }))),
  );
  return card(title, elements, key);
}

/** "6 days committed (£2,100), 1 delivered (£350)": the two counts of deploymentDays. */
function spend({ committed, delivered }: { committed: Spend; delivered: Spend }): string {
  return `${committed.days} days committed (${pounds.format(committed.cost)}), ${delivered.days} delivered (${pounds.format(delivered.cost)})`;
}

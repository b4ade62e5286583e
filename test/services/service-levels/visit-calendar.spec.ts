import assert from 'node:assert/strict';
import ical from 'node-ical';
import type { Deployment } from '../../../services/domain/deployment.js';
import { visitsNotMade } from '../../../services/deployments/visits-not-made.js';
import { visitCalendar } from '../../../services/service-levels/visit-calendar.js';

const NOW = new Date('2026-12-02T10:00:00Z');

function deployment(visitDates: string[], version: number, status: Deployment['status'] = 'planned'): Deployment {
  return {
    id: 'deployment-abc', allianceId: 'test-hub', type: 'deployment', requestId: 'request-abc', requestReference: 'S2S-2026-0001',
    supporterId: 'person-s', schoolUrn: '990001', schoolHeadIds: ['person-h'], baseSchoolUrn: '990002', designation: 'SLE', dayRate: 250, daysCommitted: 3,
    status, proposedAt: NOW.toISOString(), createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(), history: [],
    plan: {
      objectives: [{ objective: 'o', successCriteria: 's', impactMeasure: 'i' }], days: visitDates.length, visitDates, dayRate: 250, cost: 750,
      version, status: 'confirmed', submittedBy: 'person-s', submittedAt: NOW.toISOString(), confirmations: {},
    },
  };
}

/** The events as an independent parser reads them: uid → date, sequence, status. */
function parse(text: string): Record<string, { date: string; sequence: number; status?: string; summary: string }> {
  const events: Record<string, { date: string; sequence: number; status?: string; summary: string }> = {};
  for (const component of Object.values(ical.sync.parseICS(text))) {
    if (component?.type !== 'VEVENT') continue;
    const start = component.start as Date & { dateOnly?: boolean };
    assert.equal(start.dateOnly, true, 'visits are all-day events');
    const date = `${start.getFullYear()}-${String(start.getMonth() + 1).padStart(2, '0')}-${String(start.getDate()).padStart(2, '0')}`;
    events[component.uid] = { date, sequence: Number(component.sequence), status: component.status, summary: String(component.summary) };
  }
  return events;
}

describe('visit calendar (.ics)', () => {
  it('has one all-day event per visit that another parser reads back', () => {
    const events = parse(visitCalendar(deployment(['2027-01-11', '2026-12-21', '2027-01-25'], 1), { schoolName: 'Riverside Primary School', now: NOW }));
    assert.deepEqual(Object.keys(events).sort(), ['deployment-abc-visit-1@s2s-bot', 'deployment-abc-visit-2@s2s-bot', 'deployment-abc-visit-3@s2s-bot']);
    assert.deepEqual(Object.values(events).map((e) => e.date).sort(), ['2026-12-21', '2027-01-11', '2027-01-25']);
    assert.equal(events['deployment-abc-visit-1@s2s-bot'].date, '2026-12-21');
    assert.equal(events['deployment-abc-visit-1@s2s-bot'].summary, 'Support visit 1 of 3: S2S-2026-0001 at Riverside Primary School');
    assert.ok(Object.values(events).every((e) => e.sequence === 1 && e.status === 'CONFIRMED'));
  });

  it('imports a changed plan as the same events with a new sequence', () => {
    const before = parse(visitCalendar(deployment(['2026-12-21', '2027-01-11', '2027-01-25'], 1), { now: NOW }));
    const after = parse(visitCalendar(deployment(['2026-12-21', '2027-01-18', '2027-01-25'], 2), { now: NOW }));
    assert.deepEqual(Object.keys(after), Object.keys(before));
    assert.equal(after['deployment-abc-visit-2@s2s-bot'].date, '2027-01-18');
    assert.ok(Object.values(after).every((e) => e.sequence === 2));
  });

  it('cancels the visits the deployment records as not made when it completes early', () => {
    const completed = deployment(['2026-12-21', '2027-01-11', '2027-01-25'], 2, 'completed');
    completed.cancelledVisits = visitsNotMade(completed, [{ visitDate: '2026-12-21' }, { visitDate: '2027-01-11' }]);
    const events = parse(visitCalendar(completed, { now: NOW }));
    assert.deepEqual(Object.values(events).map((e) => e.status), ['CONFIRMED', 'CONFIRMED', 'CANCELLED']);
    assert.ok(Object.values(events).every((e) => e.sequence === 3));
  });

  it('has no events before the plan is agreed', () => {
    const unconfirmed = deployment(['2026-12-21'], 1, 'accepted');
    unconfirmed.plan!.status = 'awaiting-confirmation';
    assert.deepEqual(parse(visitCalendar(unconfirmed, { now: NOW })), {});
  });
});

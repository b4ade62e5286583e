import { strict as assert } from 'node:assert';
import { formatDigestText } from '../../../services/digest/format-digest-text.js';
import type { WeeklyDigest } from '../../../services/digest/weekly-digest.js';

const BUSY: WeeklyDigest = {
  allianceId: 'riverside-hub', allianceName: 'Riverside Hub', week: '2026-W53', firstDay: '2026-12-28', lastDay: '2027-01-03',
  timeZone: 'Europe/London', asOf: '2027-01-04T00:00:00.000Z', quiet: false,
  newRequests: { count: 3, bySpecialism: [{ specialism: 'maths', label: 'Maths', count: 2 }, { specialism: 'send', label: 'SEND', count: 1 }] },
  diagnostics: { requested: 2, reported: 1, days: 1.5 },
  directContacts: 4,
  matchesMade: { count: 1, latest: [{ reference: 'S2S-2026-0041', school: 'Riverside Primary', supporter: 'Priya Shah', at: '2026-12-30T23:30:00.000Z' }] },
  waitingForMatch: { count: 1, averageDays: 12, longest: [{ reference: 'S2S-2026-0031', school: 'Kingfisher Academy', days: 12 }], onHold: 2 },
  evaluations: { count: 1, averageRating: 3 },
  visits: { thisWeek: 1, nextWeek: 0, shown: [{ date: '2027-01-05', reference: 'S2S-2026-0012', school: 'Willow Academy', supporter: 'Sam Okafor' }] },
  slipping: {
    count: 2,
    byStage: [{ label: "supporter's answer to a proposal", count: 1 }, { label: 'visit report', count: 1 }],
    oldest: [
      { reference: 'S2S-2026-0012', what: 'visit report of 2026-12-14', dueDate: '2026-12-21', late: '14 days overdue' },
      { reference: 'S2S-2026-0041', what: "supporter's answer to a proposal", dueDate: '2027-01-01', late: '3 days overdue' },
    ],
  },
  term: {
    name: 'Spring term 2027', firstDay: '2027-01-01', lastDay: '2027-03-31', deployments: 1, committed: { days: 1.5, cost: 412.5 }, delivered: { days: 1, cost: 275 },
    bySpecialism: [{ specialism: 'maths', label: 'Maths', deployments: 1, committed: { days: 1.5, cost: 412.5 }, delivered: { days: 1, cost: 275 } }],
  },
};

describe('formatDigestText', () => {
  it('writes each figure on a line with its short list beneath, dates in London time', () => {
    assert.equal(formatDigestText(BUSY), [
      'Weekly digest for Riverside Hub, week 2026-W53 (28 Dec 2026 – 3 Jan 2027)',
      'New requests: 3 (Maths 2, SEND 1)',
      'Diagnostic visits: 2 asked for, 1 reported (1.5 days)',
      'Experts messaged directly: 4',
      'Matches made: 1',
      '  S2S-2026-0041 Riverside Primary: Priya Shah (Wed 30 Dec)',
      'Waiting for a match: 1, on average 12 days; 2 on hold',
      '  S2S-2026-0031 Kingfisher Academy: 12 days',
      'Evaluations received: 1, average effectiveness 3 out of 4',
      'Visits this week: 1; next week: 0',
      '  Tue 5 Jan S2S-2026-0012 Willow Academy: Sam Okafor',
      "Slipping: 2 (supporter's answer to a proposal 1, visit report 1)",
      '  S2S-2026-0012 visit report of 2026-12-14: 14 days overdue',
      "  S2S-2026-0041 supporter's answer to a proposal: 3 days overdue",
      'Spring term 2027 to Sun 3 Jan: 1 deployment, 1.5 days committed (£412.50), 1 day delivered (£275)',
      '  Maths: 1 deployment, 1.5 days committed (£412.50), 1 day delivered (£275)',
    ].join('\n'));
  });

  it('says a quiet week in one line', () => {
    const text = formatDigestText({ ...BUSY, week: '2026-W48', firstDay: '2026-11-23', lastDay: '2026-11-29', quiet: true });
    assert.equal(text.split('\n').length, 1);
    assert.match(text, /^Weekly digest for Riverside Hub, week 2026-W48 \(23–29 Nov 2026\): a quiet week/);
  });
});

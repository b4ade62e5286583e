import { newAlliance } from '../../services/domain/alliance.js';
import type { Deployment } from '../../services/domain/deployment.js';
import type { Evaluation } from '../../services/domain/evaluation.js';
import type { Person } from '../../services/domain/person.js';
import type { Phase } from '../../services/domain/phases.js';
import { schoolId, type School } from '../../services/domain/school.js';
import type { Specialism } from '../../services/domain/specialisms.js';
import type { SupportRequest } from '../../services/domain/support-request.js';
import type { Rag, VisitReport } from '../../services/domain/visit-report.js';
import type { DocumentBase } from '../../services/store/document-store.js';
import type { RequestStatus } from '../../services/domain/request-lifecycle.js';

/** The alliance's manager, who signs in to see its pages. */
export const REPORT_MANAGER_ID = 'person-report-manager';

/**
 * A small alliance whose capacity and impact figures can be worked out by hand (as of Mon 23 Nov 2026):
 * - Supply: Sam (maths, primary, 10 days, 4 committed → 6 spare), Alex (maths and English, all-through,
 *   5 spare), Pat (phonics, primary, 0 days).
 * - Waiting: maths primary 8 + 4 days (short by 1), science secondary 3 days (nobody offers it),
 *   English primary 2 days (covered). Earlier: maths primary in May 2026, and one in 2025 (over 12 months ago).
 * - Evaluated: Sam's maths deployment (Autumn 2026, objectives 3 and 4, effectiveness 4, two visits
 *   red → green, 2 days at £250) and Alex's English one (Spring 2026, objective 2, effectiveness 2,
 *   one visit of 1.5 days at the plan's £550). One from 2024 lies outside the default period.
 */
export function reportAlliance(allianceId: string): DocumentBase[] {
  const at = '2026-11-23T10:00:00.000Z';
  const school = (urn: string, name: string, localAuthority: string): School => ({
    id: schoolId(urn), allianceId, type: 'school', urn, name, phase: 'primary', localAuthority, updatedAt: at,
  } as School);
  const supporter = (id: string, name: string, specialisms: Specialism[], phases: Phase[], daysPerYear: number): Person => ({
    id, allianceId, type: 'person', email: `${id}@school.example`, name, role: 'supporter', designation: 'SLE', baseSchoolUrn: '100003',
    specialisms, phases, daysPerYear, updatedAt: at,
  });
  const request = (n: number, specialisms: Specialism[], phase: Phase, daysWanted: number, status: RequestStatus, createdAt: string): SupportRequest => ({
    id: `request-r${n}`, allianceId, type: 'supportRequest', reference: `S2S-2026-${String(n).padStart(4, '0')}`, schoolUrn: n % 2 ? '100001' : '100002',
    requesterId: 'person-head', specialisms, phase, need: 'A need long enough to be a real one.', outcomes: 'Better outcomes.', daysWanted, status,
    candidates: [], excludedCandidateIds: [], createdVia: 'teams', createdAt, updatedAt: createdAt, history: [],
  });
  const deployment = (n: number, supporterId: string, createdAt: string, daysCommitted: number, planRate?: number): Deployment => ({
    id: `deployment-r${n}`, allianceId, type: 'deployment', requestId: `request-r${n}`, requestReference: `S2S-2026-${String(n).padStart(4, '0')}`,
    supporterId, schoolUrn: '100001', schoolHeadIds: ['person-head'], baseSchoolUrn: '100003', designation: 'SLE', dayRate: 250, daysCommitted, status: 'evaluated',
    proposedAt: createdAt, createdAt, updatedAt: createdAt, history: [],
    ...(planRate ? { plan: { dayRate: planRate } as Deployment['plan'] } : {}),
  });
  const visit = (deploymentNo: number, supporterId: string, visitDate: string, rags: Rag[], daysUsed: number): VisitReport => ({
    id: `visit-r${deploymentNo}-${visitDate}`, allianceId, type: 'visitReport', deploymentId: `deployment-r${deploymentNo}`, requestId: `request-r${deploymentNo}`,
    supporterId, visitDate, objectives: rags.map((_, i) => `Objective ${i + 1}`), progress: rags.map((rag) => ({ rag, comment: 'Progress noted.' })),
    activities: 'Worked with staff.', nextSteps: 'Keep going.', daysUsed, noPupilData: true, submittedAt: `${visitDate}T16:00:00.000Z`, history: [],
  });
  const evaluation = (deploymentNo: number, supporterId: string, submittedAt: string, ratings: number[], effectiveness: number): Evaluation => ({
    id: `evaluation-r${deploymentNo}`, allianceId, type: 'evaluation', deploymentId: `deployment-r${deploymentNo}`, requestId: `request-r${deploymentNo}`,
    supporterId, evaluatedBy: 'person-head', objectiveTexts: ratings.map((_, i) => `Objective ${i + 1}`),
    objectives: ratings.map((rating) => ({ rating, evidence: 'Seen in books.' })), effectiveness, overall: 'Helpful.', submittedAt, history: [],
  });
  return [
    newAlliance({ id: allianceId, name: 'Report Hub', now: new Date('2024-09-01T00:00:00Z') }),
    school('100001', 'Oak Primary', 'Dudley'), school('100002', 'Ash Secondary', 'Walsall'), school('100003', 'Elm Primary', 'Dudley'),
    { id: REPORT_MANAGER_ID, allianceId, type: 'person', email: 'rene.manager@report-hub.example', name: 'Rene Okafor', role: 'manager', specialisms: [], phases: [], daysPerYear: 0, updatedAt: at } satisfies Person,
    supporter('person-sam', 'Sam Rivers', ['maths'], ['primary'], 10),
    supporter('person-alex', 'Alex Moss', ['maths', 'english'], ['all-through'], 5),
    supporter('person-pat', 'Pat Lee', ['phonics'], ['primary'], 0),
    request(1, ['maths'], 'primary', 8, 'matching', '2026-11-02T09:00:00.000Z'),
    request(3, ['maths'], 'primary', 4, 'on-hold', '2026-10-12T09:00:00.000Z'),
    request(5, ['science'], 'secondary', 3, 'submitted', '2026-11-20T09:00:00.000Z'),
    request(7, ['english'], 'primary', 2, 'matching', '2026-11-18T09:00:00.000Z'),
    request(9, ['maths'], 'primary', 3, 'declined', '2026-05-01T09:00:00.000Z'),
    request(11, ['maths'], 'primary', 3, 'closed', '2025-06-01T09:00:00.000Z'),
    request(20, ['maths'], 'primary', 4, 'evaluated', '2026-09-02T09:00:00.000Z'),
    deployment(20, 'person-sam', '2026-09-02T09:00:00.000Z', 4),
    visit(20, 'person-sam', '2026-09-20', ['red', 'amber'], 1), visit(20, 'person-sam', '2026-10-01', ['green', 'green'], 1),
    evaluation(20, 'person-sam', '2026-10-05T12:00:00.000Z', [3, 4], 4),
    request(22, ['english'], 'primary', 2, 'evaluated', '2026-01-10T09:00:00.000Z'),
    deployment(22, 'person-alex', '2026-01-10T09:00:00.000Z', 2, 550),
    visit(22, 'person-alex', '2026-02-01', ['amber'], 1.5),
    evaluation(22, 'person-alex', '2026-03-10T12:00:00.000Z', [2], 2),
    request(24, ['maths'], 'primary', 2, 'evaluated', '2024-01-10T09:00:00.000Z'),
    deployment(24, 'person-sam', '2024-01-10T09:00:00.000Z', 2),
    evaluation(24, 'person-sam', '2024-03-10T12:00:00.000Z', [1], 1),
  ];
}

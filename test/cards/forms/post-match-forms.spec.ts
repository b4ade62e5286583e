import { strict as assert } from 'node:assert';
import { parseFormSubmission, type FormDefinition } from '../../../cards/form-definition.js';
import { createDeploymentPlanForm, PLAN_FIELDS as P } from '../../../cards/forms/deployment-plan.js';
import { createEvaluationForm, EVALUATION_FIELDS as E } from '../../../cards/forms/evaluation.js';
import { createPlanChangesForm } from '../../../cards/forms/plan-changes.js';
import { createVisitReportForm, VISIT_REPORT_FIELDS as V } from '../../../cards/forms/visit-report.js';
import { parseTeamsSubmission, renderFormToAdaptiveCard } from '../../../cards/render/adaptive.js';
import { parseSlackViewSubmission, renderFormToSlackModal } from '../../../cards/render/block-kit.js';
import { validateAdaptiveCard } from '../../../cards/render/validate-adaptive.js';
import { slackStateFor, teamsInvokeValue, type Answers } from '../hosts.js';

const NOW = new Date('2026-12-22T10:00:00Z');
const OBJECTIVES = ['Improve KS2 reasoning', 'Coach the maths lead'];

/** The same answers through Teams and Slack must give the same result. */
function viaBothChannels(form: FormDefinition<unknown>, answers: Answers) {
  const teams = parseFormSubmission(form, parseTeamsSubmission(form, teamsInvokeValue(renderFormToAdaptiveCard(form, { actionData: {} }), answers)));
  const slack = parseFormSubmission(form, parseSlackViewSubmission(form, slackStateFor(renderFormToSlackModal(form, { callbackId: form.id }), answers)));
  assert.deepEqual(teams, slack);
  return teams;
}

describe('post-match forms', () => {
  const plan = createDeploymentPlanForm({ subject: 'S2S-2026-0001 at Riverside Primary School', now: NOW });
  const report = createVisitReportForm({ now: NOW, objectives: OBJECTIVES });
  const evaluation = createEvaluationForm({ objectives: OBJECTIVES });

  for (const form of [plan, report, evaluation, createPlanChangesForm({ subject: 'S2S-2026-0001' })] as Array<FormDefinition<unknown>>) {
    it(`${form.id}: renders a clean Teams card`, () => {
      assert.deepEqual(validateAdaptiveCard(renderFormToAdaptiveCard(form, { actionData: {} })).failures, []);
    });

    it(`${form.id}: title and submit label fit a Slack modal uncut`, () => {
      assert.ok(form.title.length <= 24 && form.submitLabel.length <= 24, `${form.title} / ${form.submitLabel}`);
    });
  }

  it('plan: objective groups, days and comma-separated dates become the plan input', () => {
    const result = viaBothChannels(plan, {
      [P.objective(1)]: 'Reasoning', [P.successCriteria(1)]: 'Books show it', [P.impactMeasure(1)]: 'Termly test',
      [P.days]: 2, [P.visitDates]: '2027-01-11, 2027-01-25',
    });
    assert.deepEqual(result, { ok: true, value: {
      objectives: [{ objective: 'Reasoning', successCriteria: 'Books show it', impactMeasure: 'Termly test' }], days: 2, visitDates: ['2027-01-11', '2027-01-25'],
    } });
  });

  it('plan: half days and dates written the British way', () => {
    const result = parseFormSubmission(plan, {
      [P.objective(1)]: 'Reasoning', [P.successCriteria(1)]: 'Books', [P.impactMeasure(1)]: 'Test',
      [P.days]: '2.5', [P.visitDates]: '11/01/2027\n25 Jan 2027; Mon 8 February 2027',
    });
    assert.deepEqual(result.ok && result.value, {
      objectives: [{ objective: 'Reasoning', successCriteria: 'Books', impactMeasure: 'Test' }], days: 2.5, visitDates: ['2027-01-11', '2027-01-25', '2027-02-08'],
    });
  });

  it('plan: an objective of 501–1000 characters is refused under its own field, with the domain\'s limit', () => {
    const objective = plan.fields.find((f) => f.id === P.objective(3));
    assert.equal(objective?.type === 'text' && objective.maxLength, 500, 'the form offers what the domain accepts');
    const result = parseFormSubmission(plan, {
      [P.objective(1)]: 'Reasoning', [P.successCriteria(1)]: 'Books', [P.impactMeasure(1)]: 'Test',
      // Group 2 left empty: the long objective is the plan's second, but the person typed it in group 3.
      [P.objective(3)]: 'x'.repeat(700), [P.successCriteria(3)]: 'Books', [P.impactMeasure(3)]: 'Test',
      [P.days]: '1', [P.visitDates]: '2027-01-11, 2027-01-25, 12 Feb',
    });
    assert.deepEqual(!result.ok && result.problems, [{ field: P.objective(3), message: 'Please keep this to 500 characters (you wrote 700).' }]);
  });

  it('plan: visit dates that cannot hold the days, with every other problem at once', () => {
    const result = parseFormSubmission(plan, {
      [P.objective(1)]: 'Reasoning', [P.days]: '4', [P.visitDates]: '2027-01-11, 2027-01-25',
    });
    assert.deepEqual(!result.ok && result.problems, [
      { field: P.successCriteria(1), message: 'Please answer this question.' },
      { field: P.impactMeasure(1), message: 'Please answer this question.' },
      { field: P.visitDates, message: '4 days need at least 4 visit dates; you listed 2.' },
    ]);
  });

  it('plan: a half-filled second objective and a bad date are shown on their fields', () => {
    const result = parseFormSubmission(plan, {
      [P.objective(1)]: 'Reasoning', [P.successCriteria(1)]: 'Books', [P.impactMeasure(1)]: 'Test',
      [P.objective(2)]: 'Coaching', [P.days]: '3', [P.visitDates]: '2027-01-11 11/01/2027',
    });
    assert.equal(result.ok, false);
    assert.deepEqual(!result.ok && result.problems.map((p) => p.field), [P.successCriteria(2), P.impactMeasure(2), P.visitDates]);
  });

  it('visit report: one RAG and comment per plan objective, and the no-pupil-data box must be ticked', () => {
    const answers = {
      [V.visitDate]: '2026-12-21', [V.rag(1)]: 'green', [V.comment(1)]: 'On track', [V.rag(2)]: 'amber', [V.comment(2)]: 'Started',
      [V.activities]: 'Observations', [V.nextSteps]: 'Staff meeting', [V.daysUsed]: '1.5', [V.noPupilData]: true,
    };
    const result = viaBothChannels(report, answers);
    assert.deepEqual(result, { ok: true, value: {
      visitDate: '2026-12-21', progress: [{ rag: 'green', comment: 'On track' }, { rag: 'amber', comment: 'Started' }],
      activities: 'Observations', nextSteps: 'Staff meeting', daysUsed: 1.5, noPupilData: true,
    } });
    const unticked = viaBothChannels(report, { ...answers, [V.noPupilData]: false });
    assert.deepEqual(!unticked.ok && unticked.problems.map((p) => p.field), [V.noPupilData]);
    const missing = viaBothChannels(report, { ...answers, [V.rag(2)]: '' });
    assert.deepEqual(!missing.ok && missing.problems.map((p) => p.field), [V.rag(2)]);
  });

  it('evaluation: ratings 1–4 per objective, effectiveness and an overall comment', () => {
    const result = viaBothChannels(evaluation, {
      [E.rating(1)]: '4', [E.evidence(1)]: 'Books', [E.rating(2)]: '3', [E.evidence(2)]: 'Meetings', [E.effectiveness]: '4', [E.overall]: 'Valued',
    });
    assert.deepEqual(result, { ok: true, value: {
      objectives: [{ rating: 4, evidence: 'Books' }, { rating: 3, evidence: 'Meetings' }], effectiveness: 4, overall: 'Valued',
    } });
  });
});

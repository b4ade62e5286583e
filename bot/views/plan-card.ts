import { showDate } from '../../services/domain/show-date.js';
import { actions, button, card, facts, heading, list, text, type MessageCard } from '../../cards/message-card.js';
import type { Deployment } from '../../services/domain/deployment.js';
import { PLAN_PARTIES, type PlanParty } from '../../services/domain/deployment-plan.js';
import type { School } from '../../services/domain/school.js';
import type { DeploymentDays } from '../../services/deployments/deployment-days.js';
import type { Step } from '../../services/deployments/next-steps.js';
import { ACTIONS } from '../flows/action-ids.js';
import { deliveredText } from './delivered-days.js';
import { money } from './money.js';

const PLAN_BUTTONS = {
  confirmPlan: { action: ACTIONS.confirmPlan, title: 'Confirm plan', primary: true },
  askChanges: { action: ACTIONS.askPlanChanges, title: 'Ask for changes', primary: false },
  revisePlan: { action: ACTIONS.openPlanForm, title: 'Revise plan', primary: false },
  reportVisit: { action: ACTIONS.openVisitReport, title: 'Report a visit', primary: true },
  complete: { action: ACTIONS.completeDeployment, title: 'Complete', primary: false },
  evaluate: { action: ACTIONS.openEvaluation, title: 'Evaluate', primary: true },
} as const;

const PARTY_LABELS: Record<PlanParty, string> = { supporter: 'Supporter', alliance: 'Alliance', school: 'School' };

/**
 * A deployment's plan with who has confirmed it. Given the person's `steps` it carries only the
 * buttons they can use now; without them (a card for several readers) those of the plan's stage.
 */
export function buildPlanCard(deployment: Deployment, school?: School, view: { headline?: string; steps?: readonly Step[]; days?: DeploymentDays; calendarUrl?: string } = {}): MessageCard {
  const { headline, steps, days, calendarUrl } = view;
  const plan = deployment.plan;
  const where = school?.name ?? `URN ${deployment.schoolUrn}`;
  if (!plan) return card(`No plan yet for ${deployment.requestReference}`, [text(`There is no plan yet for ${deployment.requestReference} at ${where}.`)]);
  const data = { deploymentId: deployment.id };
  const confirmed = PLAN_PARTIES.map((p) => `${PARTY_LABELS[p]} ${plan.confirmations[p] ? '✓' : '(waiting)'}`).join(', ');
  const stageSteps: readonly Step[] = { 'awaiting-confirmation': ['confirmPlan', 'askChanges'] as const, 'changes-requested': ['revisePlan'] as const, confirmed: [] }[plan.status];
  const shown = (steps ?? stageSteps).filter((step) => step in PLAN_BUTTONS);
  const count = PLAN_PARTIES.filter((p) => plan.confirmations[p]).length;
  const footer = [
    ...(plan.status === 'confirmed' ? [text('All three parties confirmed this plan. Visits can start; report each one within 5 working days.')] : []),
    // The same address serves a changed plan or cancelled visits, so a calendar subscribed to it keeps up.
    ...(plan.status === 'confirmed' && calendarUrl ? [text(`Add the visits to your calendar (Outlook, Google): ${calendarUrl}`)] : []),
    ...(plan.status === 'awaiting-confirmation' ? [text(`Confirmed by ${count} of ${PLAN_PARTIES.length} parties.`)] : []),
    ...(shown.length ? [actions(shown.map((step) => {
      const { action, title, primary } = PLAN_BUTTONS[step as keyof typeof PLAN_BUTTONS];
      return button(action, title, data, primary ? { style: 'primary' } : {});
    }))] : []),
  ];
  return card(headline ?? `Plan for ${deployment.requestReference} at ${where}`, [
    heading(headline ?? `Plan for ${deployment.requestReference} at ${where}`),
    facts([
      { label: 'Days', value: String(plan.days) },
      { label: 'Day rate', value: money(plan.dayRate) },
      { label: 'Cost', value: money(plan.cost) },
      ...(days?.delivered ? [{ label: 'Delivered', value: deliveredText(days, plan.days) }] : []),
      { label: 'Visit dates', value: plan.visitDates.map(showDate).join(', ') },
      ...(deployment.cancelledVisits?.length ? [{ label: 'Cancelled', value: `${deployment.cancelledVisits.map(showDate).join(', ')} (not made)` }] : []),
      { label: 'Version', value: String(plan.version) },
      { label: 'Confirmed', value: confirmed },
    ]),
    list(plan.objectives.map((o, i) => ({ title: `Objective ${i + 1}: ${o.objective}`, lines: [`Success criteria: ${o.successCriteria}`, `Impact measure: ${o.impactMeasure}`] }))),
    ...(plan.status === 'changes-requested' && plan.changesRequested ? [text(`Changes asked for: ${plan.changesRequested.comment}`)] : []),
    ...footer,
  ], `plan:${deployment.id}`);
}

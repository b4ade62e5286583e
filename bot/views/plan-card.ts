import { actions, button, card, facts, heading, list, text, type MessageCard } from '../../cards/message-card.js';
import type { Deployment } from '../../services/domain/deployment.js';
import { PLAN_PARTIES, type PlanParty } from '../../services/domain/deployment-plan.js';
import type { School } from '../../services/domain/school.js';
import { ACTIONS } from '../flows/action-ids.js';

const PARTY_LABELS: Record<PlanParty, string> = { supporter: 'Supporter', alliance: 'Alliance', school: 'School' };

/**
 * A deployment's plan with who has confirmed it. While it awaits confirmation it carries Confirm and
 * Ask-for-changes buttons for whoever sees it; the flow decides whether that person is a party.
 */
export function buildPlanCard(deployment: Deployment, school?: School, headline?: string): MessageCard {
  const plan = deployment.plan;
  const where = school?.name ?? `URN ${deployment.schoolUrn}`;
  if (!plan) return card(`No plan yet for ${deployment.requestReference}`, [text(`There is no plan yet for ${deployment.requestReference} at ${where}.`)]);
  const data = { deploymentId: deployment.id };
  const confirmed = PLAN_PARTIES.map((p) => `${PARTY_LABELS[p]} ${plan.confirmations[p] ? '✓' : '…'}`).join('  ');
  const footer = {
    'awaiting-confirmation': actions([
      button(ACTIONS.confirmPlan, 'Confirm plan', data, { style: 'primary' }),
      button(ACTIONS.askPlanChanges, 'Ask for changes', data),
    ]),
    'changes-requested': actions([button(ACTIONS.openPlanForm, 'Revise plan', data, { style: 'primary' })]),
    confirmed: text('All three parties confirmed this plan. Visits can start; report each one within 5 working days.'),
  }[plan.status];
  return card(headline ?? `Plan for ${deployment.requestReference} at ${where}`, [
    heading(headline ?? `Plan for ${deployment.requestReference} at ${where}`),
    facts([
      { label: 'Days', value: String(plan.days) },
      { label: 'Day rate', value: `£${plan.dayRate}` },
      { label: 'Cost', value: `£${plan.cost}` },
      { label: 'Visit dates', value: plan.visitDates.join(', ') },
      { label: 'Version', value: String(plan.version) },
      { label: 'Confirmed', value: confirmed },
    ]),
    list(plan.objectives.map((o, i) => ({ title: `Objective ${i + 1}: ${o.objective}`, lines: [`Success criteria: ${o.successCriteria}`, `Impact measure: ${o.impactMeasure}`] }))),
    ...(plan.status === 'changes-requested' && plan.changesRequested ? [text(`Changes asked for: ${plan.changesRequested.comment}`)] : []),
    footer,
  ], `plan:${deployment.id}`);
}

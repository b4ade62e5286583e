import { parseFormSubmission, type RawValues } from '../../cards/form-definition.js';
import { createDeclineForm } from '../../cards/forms/decline-request.js';
import type { Deployment } from '../../services/domain/deployment.js';
import type { Person } from '../../services/domain/person.js';
import { schoolId, type School } from '../../services/domain/school.js';
import { NotFoundError } from '../../services/errors.js';
import { respondToProposal } from '../../services/requests/respond-to-proposal.js';
import type { Stored } from '../../services/store/document-store.js';
import { cardReply, type TurnResult } from '../conversation/reply.js';
import { renderProposalCard } from '../views/proposal-card.js';
import type { FlowContext } from './flow-context.js';

export async function acceptProposal(ctx: FlowContext, person: Stored<Person>, deploymentId: string): Promise<TurnResult> {
  const outcome = await respondToProposal(ctx, person, deploymentId, { accept: true });
  ctx.notificationsWritten();
  const school = await ctx.store.get<School>(person.allianceId, schoolId(outcome.request.schoolUrn));
  return { replies: [], replaceSource: cardReply(renderProposalCard(outcome.deployment, outcome.request, school)) };
}

async function declineForm(ctx: FlowContext, person: Stored<Person>, deploymentId: string) {
  const deployment = await ctx.store.get<Deployment>(person.allianceId, deploymentId);
  if (!deployment || deployment.supporterId !== person.id) throw new NotFoundError('That proposal');
  return createDeclineForm({ purpose: 'proposal', subject: `${deployment.requestReference}: ${deployment.daysCommitted} days` });
}

export async function showDeclineProposalForm(ctx: FlowContext, person: Stored<Person>, deploymentId: string): Promise<TurnResult> {
  return { replies: [{ kind: 'form', form: await declineForm(ctx, person, deploymentId), data: { deploymentId } }] };
}

export async function handleDeclineProposalSubmit(ctx: FlowContext, person: Stored<Person>, values: RawValues, data: Record<string, unknown>): Promise<TurnResult> {
  const deploymentId = String(data.deploymentId ?? '');
  const form = await declineForm(ctx, person, deploymentId);
  const parsed = parseFormSubmission(form, values);
  if (!parsed.ok) return { replies: [], replaceSource: { kind: 'form', form, values, errors: parsed.problems, data: { deploymentId } } };
  const outcome = await respondToProposal(ctx, person, deploymentId, { accept: false, reason: parsed.value.reason });
  ctx.notificationsWritten();
  const school = await ctx.store.get<School>(person.allianceId, schoolId(outcome.request.schoolUrn));
  return { replies: [], replaceSource: cardReply(renderProposalCard(outcome.deployment, outcome.request, school)) };
}

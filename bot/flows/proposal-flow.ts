import { createDeclineForm } from '../../cards/forms/decline-request.js';
import type { Person } from '../../services/domain/person.js';
import { schoolId } from '../../services/domain/school.js';
import type { DeclineInput } from '../../services/domain/support-request.js';
import { NotFoundError } from '../../services/errors.js';
import { respondToProposal, type ProposalOutcome } from '../../services/requests/respond-to-proposal.js';
import type { Stored } from '../../services/store/document-store.js';
import { findRecord } from '../../services/store/get-record.js';
import { cardReply, type TurnResult } from '../conversation/reply.js';
import { buildProposalCard } from '../views/proposal-card.js';
import type { FlowContext } from './flow-context.js';
import type { FormEntry } from './form-entry.js';

async function answered(ctx: FlowContext, person: Stored<Person>, outcome: ProposalOutcome): Promise<TurnResult> {
  const school = await findRecord(ctx, person.allianceId, schoolId(outcome.request.schoolUrn), 'school');
  return { replies: [], replaceSource: cardReply(buildProposalCard(outcome.deployment, outcome.request, school)) };
}

export async function acceptProposal(ctx: FlowContext, person: Stored<Person>, deploymentId: string): Promise<TurnResult> {
  return answered(ctx, person, await respondToProposal(ctx, person, deploymentId, { accept: true }));
}

/** The proposed supporter's reason for saying no, which the manager reads. */
export const declineProposalForm: FormEntry<DeclineInput> = {
  blank: () => createDeclineForm({ purpose: 'proposal', subject: '' }),
  async open(ctx, person, { data }) {
    const deployment = await findRecord(ctx, person.allianceId, String(data.deploymentId ?? ''), 'deployment');
    if (!deployment || deployment.supporterId !== person.id) throw new NotFoundError('That proposal');
    return {
      form: createDeclineForm({ purpose: 'proposal', subject: `${deployment.requestReference}: ${deployment.daysCommitted} days` }),
      data: { deploymentId: deployment.id },
      submit: async ({ reason }) => answered(ctx, person, await respondToProposal(ctx, person, deployment.id, { accept: false, reason })),
    };
  },
};

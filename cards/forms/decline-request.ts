import { declineInputSchema, type DeclineInput } from '../../services/domain/support-request.js';
import { mapOnto, type FormDefinition } from '../form-definition.js';

// One form for every reason given to the other side: a manager declining a school's request or its
// request to join or leave, or closing a request; a supporter declining the deployment they were
// proposed for; a head withdrawing her school's request, or asking for her school to leave the
// alliance. Ids differ so the edge can route each to its own flow.

export type DeclinePurpose = 'request' | 'proposal' | 'membership' | 'withdraw' | 'close' | 'leave';

export const DECLINE_FORM_IDS = {
  request: 'decline-request',
  proposal: 'decline-proposal',
  membership: 'decline-membership',
  withdraw: 'withdraw-request',
  close: 'close-request',
  leave: 'leave-alliance',
} as const satisfies Record<DeclinePurpose, string>;

export const DECLINE_ACTIONS = {
  declineRequest: 'decline-request.submit',
  declineProposal: 'decline-proposal.submit',
  declineMembership: 'decline-membership.submit',
  withdrawRequest: 'withdraw-request.submit',
  closeRequest: 'close-request.submit',
  leaveAlliance: 'leave-alliance.submit',
} as const;

export const DECLINE_FIELDS = {
  subject: 'subject',
  reason: 'reason',
} as const;

export interface DeclineContext {
  purpose: DeclinePurpose;
  /** What is being declined, e.g. "S2S-2026-0042: maths, primary, Oakfield Primary". */
  subject: string;
}

const WORDING: Record<DeclinePurpose, { title: string; help: string; actionId: string; submitLabel?: string }> = {
  request: {
    title: 'Decline this request',
    help: 'The school will see this reason.',
    actionId: DECLINE_ACTIONS.declineRequest,
  },
  proposal: {
    title: 'Decline this proposal',
    help: 'The alliance manager will see this reason.',
    actionId: DECLINE_ACTIONS.declineProposal,
  },
  membership: {
    title: 'Decline this request',
    help: 'The head who asked will see this reason.',
    actionId: DECLINE_ACTIONS.declineMembership,
  },
  withdraw: {
    title: 'Withdraw this request',
    help: 'The alliance manager, and the supporter if one is matched, will see this reason.',
    actionId: DECLINE_ACTIONS.withdrawRequest,
    submitLabel: 'Withdraw',
  },
  close: {
    title: 'Close this request',
    help: 'The school, and the supporter if one is matched, will see this reason.',
    actionId: DECLINE_ACTIONS.closeRequest,
    submitLabel: 'Close',
  },
  leave: {
    title: 'Leave the alliance',
    // Said here rather than in the subject, so a modal opened from Slack's launcher (blank) says it too.
    help: 'If the alliance manager agrees, your school can no longer request support here and its requests not yet matched are closed; support already under way carries on to completion. The manager will see this reason.',
    actionId: DECLINE_ACTIONS.leaveAlliance,
    submitLabel: 'Ask to leave',
  },
};

export function createDeclineForm({ purpose, subject }: DeclineContext): FormDefinition<DeclineInput> {
  const wording = WORDING[purpose];
  return {
    id: DECLINE_FORM_IDS[purpose],
    title: wording.title,
    submitLabel: wording.submitLabel ?? 'Decline',
    submitActionId: wording.actionId,
    fields: [
      { type: 'info', id: DECLINE_FIELDS.subject, text: subject },
      {
        type: 'text',
        id: DECLINE_FIELDS.reason,
        label: 'Reason',
        help: `${wording.help} Between 5 and 500 characters.`,
        required: true,
        multiline: true,
        maxLength: 500,
      },
    ],
    schema: mapOnto((answers) => answers, declineInputSchema),
  };
}

import { createDeclineForm, type DeclinePurpose } from '../../cards/forms/decline-request.js';
import { type Person, isManager } from '../../services/domain/person.js';
import type { DeclineInput, SupportRequest } from '../../services/domain/support-request.js';
import { closableRequest, closeRequest } from '../../services/requests/close-request.js';
import { reopenRequest, reopenRequestByReference } from '../../services/requests/reopen-request.js';
import { withdrawableRequest, withdrawRequest } from '../../services/requests/withdraw-request.js';
import type { Stored } from '../../services/store/document-store.js';
import { cardReply, type TurnResult } from '../conversation/reply.js';
import { buildRequestCourseCard } from '../views/request-course-card.js';
import type { FlowContext } from './flow-context.js';
import type { FormEntry } from './form-entry.js';

/** The form that asks for the reason, for a request this person may end now (checked on opening, so no form only refuses). */
function reasonForm(
  purpose: Extract<DeclinePurpose, 'withdraw' | 'close'>,
  load: (ctx: FlowContext, person: Person, requestId: string) => Promise<Stored<SupportRequest>>,
  end: (ctx: FlowContext, person: Stored<Person>, requestId: string, input: DeclineInput) => Promise<Stored<SupportRequest>>,
): FormEntry<DeclineInput> {
  return {
    blank: () => createDeclineForm({ purpose, subject: '' }),
    async open(ctx, person, { data }) {
      const request = await load(ctx, person, String(data.requestId ?? ''));
      return {
        form: createDeclineForm({ purpose, subject: `${request.reference}: ${request.need.slice(0, 120)}` }),
        // Delivered and evaluated support needs no more reason than that.
        ...(request.status === 'evaluated' ? { values: { reason: 'Support delivered and evaluated.' } } : {}),
        data: { requestId: request.id },
        async submit(input) {
          const ended = await end(ctx, person, request.id, input);
          return { replies: [], replaceSource: courseReply(person, ended) };
        },
      };
    },
  };
}

/** "Withdraw" on a head's request: her reason, then everyone concerned is told. */
export const withdrawRequestForm = reasonForm('withdraw', withdrawableRequest, withdrawRequest);

/** "Close" on any open request, for the manager: the reason the school and the supporter read. */
export const closeRequestForm = reasonForm('close', closableRequest, closeRequest);

/** "Reopen" on a closed request, from the close confirmation or the brokerage card. */
export async function reopenFromCard(ctx: FlowContext, person: Stored<Person>, requestId: string): Promise<TurnResult> {
  const reopened = await reopenRequest(ctx, person, requestId);
  return { replies: [], replaceSource: courseReply(person, reopened) };
}

/** "reopen S2S-2026-0042", for a manager without the brokerage card or the close confirmation to hand. */
export async function reopenByReference(ctx: FlowContext, person: Stored<Person>, reference: string): Promise<TurnResult> {
  const reopened = await reopenRequestByReference(ctx, person, reference);
  return { replies: [courseReply(person, reopened)] };
}

function courseReply(person: Stored<Person>, request: SupportRequest) {
  return cardReply(buildRequestCourseCard(request, { byName: person.name, forManagers: isManager(person) }));
}

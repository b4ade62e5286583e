import { randomBytes } from 'node:crypto';
import { createSupportRequestForm, SUPPORT_REQUEST_FIELDS } from '../../cards/forms/support-request.js';
import type { Person } from '../../services/domain/person.js';
import type { SupportRequestInput } from '../../services/domain/support-request.js';
import { ForbiddenError } from '../../services/errors.js';
import { requireMemberSchool } from '../../services/membership/member-school.js';
import { submitSupportRequest } from '../../services/requests/submit-request.js';
import type { Stored } from '../../services/store/document-store.js';
import { cardReply, type TurnResult } from '../conversation/reply.js';
import { buildRequestConfirmationCard } from '../views/request-confirmation-card.js';
import type { FlowContext } from './flow-context.js';
import { showForm, type FormCall, type FormEntry } from './form-entry.js';

/** A head's request for support; a fresh submission id per form, so a double Send stores it once. */
export const supportRequestForm: FormEntry<SupportRequestInput> = {
  blank: (now) => createSupportRequestForm({ now }),
  async open(ctx, person, { data, channel }) {
    if (person.role !== 'head') {
      throw new ForbiddenError('Support requests come from school leaders. If your school needs support, ask your head to send a request, or ask the alliance manager.');
    }
    // Showing the form refuses a school that has left; a submission is refused by storeRequest, which
    // reads the school once and hands it back for the confirmation.
    if (person.baseSchoolUrn && typeof data.submissionId !== 'string') await requireMemberSchool(ctx, person.allianceId, person.baseSchoolUrn);
    const submissionId = typeof data.submissionId === 'string' ? data.submissionId : randomBytes(12).toString('base64url');
    return {
      form: createSupportRequestForm({ now: ctx.clock.now() }),
      data: { submissionId },
      async submit(input) {
        const result = await submitSupportRequest(ctx, person, input, { via: channel, submissionId });
        return { replies: [], replaceSource: cardReply(buildRequestConfirmationCard(result.request, result.school, result.alreadyReceived)) };
      },
    };
  },
};

/** The support-request form, prefilled from what the person already said ("help with KS2 maths"). */
export function showRequestForm(
  ctx: FlowContext, person: Stored<Person>, call: FormCall, prefill: { specialisms?: string[]; phase?: string | null } = {},
): Promise<TurnResult> {
  return showForm(supportRequestForm, ctx, person, call, {
    ...(prefill.specialisms?.length ? { [SUPPORT_REQUEST_FIELDS.specialisms]: prefill.specialisms } : {}),
    ...(prefill.phase ? { [SUPPORT_REQUEST_FIELDS.phase]: prefill.phase } : {}),
  });
}

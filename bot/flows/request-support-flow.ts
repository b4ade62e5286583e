import { randomBytes } from 'node:crypto';
import { parseFormSubmission, type RawValues } from '../../cards/form-definition.js';
import { createSupportRequestForm, SUPPORT_REQUEST_FIELDS } from '../../cards/forms/support-request.js';
import type { Person } from '../../services/domain/person.js';
import type { School } from '../../services/domain/school.js';
import { schoolId } from '../../services/domain/school.js';
import type { ChannelKind } from '../../services/identity/channel-identity.js';
import { submitSupportRequest } from '../../services/requests/submit-request.js';
import type { Stored } from '../../services/store/document-store.js';
import { cardReply, textReply, type Reply, type TurnResult } from '../conversation/reply.js';
import { renderRequestConfirmationCard } from '../views/request-confirmation-card.js';
import type { FlowContext } from './flow-context.js';

/** The support-request form, prefilled from what the person already said ("help with KS2 maths"). */
export function showRequestForm(ctx: FlowContext, person: Person, prefill: { specialisms?: string[]; phase?: string | null } = {}): TurnResult {
  if (person.role !== 'head') {
    return { replies: [textReply('Support requests come from school leaders. If your school needs support, ask your head to send a request, or ask the alliance manager.')] };
  }
  const form = createSupportRequestForm({ now: ctx.clock.now() });
  const values = {
    ...(prefill.specialisms?.length ? { [SUPPORT_REQUEST_FIELDS.specialisms]: prefill.specialisms } : {}),
    ...(prefill.phase ? { [SUPPORT_REQUEST_FIELDS.phase]: prefill.phase } : {}),
  };
  // A fresh id per form: pressing Send twice, or a channel retrying, stores the request once.
  const submissionId = randomBytes(12).toString('base64url');
  return { replies: [{ kind: 'form', form, values, data: { submissionId } }] };
}

export async function handleRequestSubmit(
  ctx: FlowContext,
  person: Stored<Person>,
  values: RawValues,
  data: Record<string, unknown>,
  via: ChannelKind,
): Promise<TurnResult> {
  const form = createSupportRequestForm({ now: ctx.clock.now() });
  const parsed = parseFormSubmission(form, values);
  const submissionId = typeof data.submissionId === 'string' ? data.submissionId : '';
  if (!parsed.ok) {
    // Back into the same card, answers kept, each problem under its field; nothing is stored.
    const again: Reply = { kind: 'form', form, values, errors: parsed.problems, data: { submissionId } };
    return { replies: [], replaceSource: again };
  }
  const result = await submitSupportRequest(ctx, person, parsed.value, { via, submissionId });
  if (!result.alreadyReceived) ctx.notificationsWritten();
  const school = await ctx.store.get<School>(person.allianceId, schoolId(result.request.schoolUrn));
  const confirmation = cardReply(renderRequestConfirmationCard(result.request, school, result.alreadyReceived));
  return { replies: [], replaceSource: confirmation };
}

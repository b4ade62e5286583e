import type { FormDefinition } from '../../cards/form-definition.js';
import { createDeclineForm, DECLINE_FORM_IDS } from '../../cards/forms/decline-request.js';
import { createSupportRequestForm, SUPPORT_REQUEST_FORM_ID } from '../../cards/forms/support-request.js';

/**
 * The definition behind a submitted form id, so each edge can read its channel's answers by field
 * type before the flow validates them. Wording-only context (subjects) does not affect parsing.
 */
export function formDefinitionFor(formId: string, now: Date): FormDefinition<unknown> | undefined {
  switch (formId) {
    case SUPPORT_REQUEST_FORM_ID:
      return createSupportRequestForm({ now });
    case DECLINE_FORM_IDS.request:
      return createDeclineForm({ purpose: 'request', subject: '' });
    case DECLINE_FORM_IDS.proposal:
      return createDeclineForm({ purpose: 'proposal', subject: '' });
    default:
      return undefined;
  }
}

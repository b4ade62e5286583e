import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { parseFormSubmission } from '../../../../cards/form-definition.js';
import { parseSlackViewSubmission, toSlackErrors } from '../../../../cards/render/block-kit.js';
import { blankForm } from '../../../flows/forms.js';
import { createViewAnswerer } from '../../create-answerer.js';
import { decodeFormMetadata } from '../../form-metadata.js';
import type { SlackTurns } from '../../SlackTurns.js';
import type { SlackOrigin } from '../../to-turn.js';

type Args = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

/** A submitted modal: field errors go back into the modal; a valid form goes to the flows after the ack. */
export function formSubmission(turns: SlackTurns) {
  return async ({ ack, view, body, client }: Args): Promise<void> => {
    const metadata = decodeFormMetadata(view.private_metadata);
    const form = metadata && blankForm(metadata.formId, turns.clock.now());
    if (!metadata || !form) {
      await ack({ response_action: 'update', view: { type: 'modal', title: { type: 'plain_text', text: 'Form out of date' }, blocks: [
        { type: 'section', text: { type: 'plain_text', text: 'This form is out of date and nothing was saved. Please open it again.' } },
      ] } });
      return;
    }
    const values = parseSlackViewSubmission(form, view.state.values);
    const parsed = parseFormSubmission(form, values);
    // Slack shows field errors only in the ack, so the form's schema runs here; the flow checks again.
    if (!parsed.ok) {
      await ack(toSlackErrors(parsed.problems));
      return;
    }
    await ack();
    // Who submitted comes from the signed payload, never from the metadata the view carried.
    const origin: SlackOrigin = { ...metadata.origin, userId: body.user.id, ...(body.team?.id ? { teamId: body.team.id } : {}) };
    const turn = { kind: 'formSubmit' as const, formId: metadata.formId, values, data: metadata.data };
    await turns.answer(client, origin, turn, createViewAnswerer(client, origin));
  };
}

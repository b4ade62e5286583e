import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { FormValues } from '../../../../cards/form-definition.js';
import { blankForm } from '../../../flows/forms.js';
import { actionOrigin, pressedMessage } from '../../action-origin.js';
import { createActionAnswerer } from '../../create-answerer.js';
import { deliverResult } from '../../deliver-result.js';
import type { SlackTurns } from '../../SlackTurns.js';
import { buttonData } from '../../to-turn.js';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

/**
 * The launcher posted for a form that arose without a trigger_id (a DM message): opens that form
 * as a modal. Who may submit it is still decided by the flows when it comes back.
 */
export function openFormButton(turns: SlackTurns) {
  return async ({ ack, body, action, client, respond }: Args): Promise<void> => {
    await ack();
    const origin = actionOrigin(body);
    const answerer = createActionAnswerer(client, respond, body.trigger_id, origin, pressedMessage(body));
    const payload = buttonData(action.value);
    const form = blankForm(String(payload.formId ?? ''), turns.clock.now());
    try {
      const replies = form
        ? [{ kind: 'form' as const, form, values: buttonData(String(payload.values)) as FormValues, data: stringsOf(buttonData(String(payload.data))) }]
        : [{ kind: 'text' as const, text: 'That form is out of date. Say "help" to see what I can do now.' }];
      await deliverResult({ replies }, answerer, origin);
    } catch (error) {
      turns.logger.error({ err: error, formId: payload.formId }, 'could not open the Slack form');
    }
  };
}

function stringsOf(data: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(data).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

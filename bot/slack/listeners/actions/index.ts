import type { App } from '@slack/bolt';
import { ACTIONS } from '../../../flows/action-ids.js';
import { OPEN_FORM_ACTION } from '../../render-reply.js';
import type { SlackTurns } from '../../SlackTurns.js';
import { cardButton } from './card-button.js';
import { openFormButton } from './open-form-button.js';

export function register(app: App, turns: SlackTurns): void {
  for (const actionId of Object.values(ACTIONS)) app.action(actionId, cardButton(turns));
  app.action(OPEN_FORM_ACTION, openFormButton(turns));
}

import type { App } from '@slack/bolt';
import { FORM_CALLBACK_ID } from '../../form-metadata.js';
import type { SlackTurns } from '../../SlackTurns.js';
import { formSubmission } from './form-submission.js';

export function register(app: App, turns: SlackTurns): void {
  app.view(FORM_CALLBACK_ID, formSubmission(turns));
}

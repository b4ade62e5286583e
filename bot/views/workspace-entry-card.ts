import { actions, button, card, heading, text, type MessageCard } from '../../cards/message-card.js';
import { ACTIONS } from '../flows/action-ids.js';

/** The way into the web workspace, for the Slack App Home: the button sends a one-time sign-in link by DM. */
export function buildWorkspaceEntryCard(): MessageCard {
  return card('The alliance workspace', [
    heading('The alliance workspace'),
    text('The web workspace: for managers the pipeline board, directory, capacity, impact and finance; for everyone else their own work. The button sends you a sign-in link in our chat that works once, for ten minutes.'),
    actions([button(ACTIONS.openWorkspace, 'Open the workspace', {}, { style: 'primary' })]),
  ]);
}

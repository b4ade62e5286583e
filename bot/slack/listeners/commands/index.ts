import type { App } from '@slack/bolt';
import type { SlackTurns } from '../../SlackTurns.js';
import { s2sCommand, SLASH_COMMAND } from './s2s-command.js';

export function register(app: App, turns: SlackTurns): void {
  app.command(SLASH_COMMAND, s2sCommand(turns));
}

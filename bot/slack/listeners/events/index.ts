import type { App } from '@slack/bolt';
import type { SlackTurns } from '../../SlackTurns.js';
import { appHomeOpened } from './app-home-opened.js';
import { appMention } from './app-mention.js';
import { directMessage } from './direct-message.js';

export function register(app: App, turns: SlackTurns): void {
  app.message(directMessage(turns));
  app.event('app_mention', appMention(turns));
  app.event('app_home_opened', appHomeOpened(turns));
}

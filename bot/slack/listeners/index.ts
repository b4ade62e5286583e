import type { App } from '@slack/bolt';
import type { SlackTurns } from '../SlackTurns.js';
import { register as registerActions } from './actions/index.js';
import { register as registerCommands } from './commands/index.js';
import { register as registerEvents } from './events/index.js';
import { register as registerViews } from './views/index.js';

export function registerListeners(app: App, turns: SlackTurns): void {
  registerEvents(app, turns);
  registerCommands(app, turns);
  registerActions(app, turns);
  registerViews(app, turns);
}

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sourceFiles } from '../../helpers/source-files.js';

describe('Slack edge boundary', () => {
  it('keeps Bolt and the Web API client inside bot/slack', () => {
    const outside = ['services', 'bot/flows', 'bot/conversation', 'bot/notifications', 'bot/teams', 'bot/views', 'cards']
      .flatMap(sourceFiles)
      .filter((file) => /from '@slack\/(bolt|web-api|socket-mode)'/.test(readFileSync(file, 'utf8')));
    assert.deepEqual(outside, []);
  });

  it('imports nothing from services but types and errors, so the rules stay in the flows', () => {
    const reaching = sourceFiles('bot/slack').flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/^import (?!type )[^;]*from '(?:\.\.\/)+services\/([^']+)'/gm)].map((m) => `${file}: ${m[1]}`));
    assert.deepEqual(reaching, ['bot/slack/slack-errors.ts: errors.js']);
  });
});

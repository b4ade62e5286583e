import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sourceFiles } from '../../helpers/source-files.js';

describe('Teams edge boundary', () => {
  it('keeps botbuilder and the Bot Framework inside bot/teams', () => {
    const outside = ['services', 'bot/flows', 'bot/conversation', 'bot/notifications', 'bot/slack', 'bot/views', 'cards']
      .flatMap(sourceFiles)
      .filter((file) => /from '(botbuilder|botframework-[a-z-]+)(\/[^']*)?'/.test(readFileSync(file, 'utf8')));
    assert.deepEqual(outside, []);
  });

  it('imports nothing from services but types and errors, so the rules stay in the flows', () => {
    const reaching = sourceFiles('bot/teams').flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/^import (?!type )[^;]*from '(?:\.\.\/)+services\/([^']+)'/gm)].map((m) => `${file}: ${m[1]}`));
    assert.deepEqual(reaching, ['bot/teams/TeamsSender.ts: errors.js']);
  });
});

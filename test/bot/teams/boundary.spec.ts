import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

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

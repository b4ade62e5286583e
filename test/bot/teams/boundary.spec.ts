import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { sourceFiles } from '../../helpers/source-files.js';

// The Bot Framework SDK and its own packages (botbuilder*, botframework-*): moving to the Teams SDK or the
// Microsoft 365 Agents SDK should be a change to one folder.
const BOT_FRAMEWORK = /(?:from |import\(|require\()\s*'(?:botbuilder|botframework-)[^']*'/;
const usesBotFramework = (file: string) => BOT_FRAMEWORK.test(readFileSync(file, 'utf8'));

describe('Teams edge boundary', () => {
  it('keeps botbuilder and the Bot Framework inside bot/teams, across the product, scripts and tests', () => {
    const outside = ['bot', 'services', 'cards', 'cli', 'manifest', 'scripts', 'test']
      .filter(existsSync)
      .flatMap(sourceFiles)
      .filter((file) => !file.startsWith('bot/teams/') && usesBotFramework(file));
    assert.deepEqual(outside, []);
  });

  it('lets only the echo-bot baseline of the benchmarks use botbuilder directly', () => {
    // bench/echo-bot.ts measures bare botbuilder on purpose, as the floor the product's turns are compared with.
    assert.deepEqual(sourceFiles('bench').filter(usesBotFramework), ['bench/echo-bot.ts']);
  });

  it('imports nothing from services but types and errors, so the rules stay in the flows', () => {
    const reaching = sourceFiles('bot/teams').flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/^import (?!type )[^;]*from '(?:\.\.\/)+services\/([^']+)'/gm)].map((m) => `${file}: ${m[1]}`));
    assert.deepEqual(reaching, ['bot/teams/TeamsSender.ts: errors.js']);
  });
});

import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fillPlaceholders, readPackageEnvironment } from '../../manifest/package-environment.js';
import { ConfigError } from '../../services/errors.js';

describe('package environment', () => {
  describe('readPackageEnvironment', () => {
    let root: string;
    beforeEach(() => {
      root = mkdtempSync(join(tmpdir(), 's2s-package-env-'));
      mkdirSync(join(root, 'env'));
      writeFileSync(join(root, 'env', '.env.dev'), 'BOT_DOMAIN=from-file.example.org\nBOT_ID=from-file\n');
      writeFileSync(join(root, 'env', '.env.dev.user'), 'SECRET_SLACK_BOT_TOKEN=xoxb-secret\n');
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('reads env/.env.<name>; a real environment variable wins; *.user secrets are not read', () => {
      const variables = readPackageEnvironment('dev', { BOT_ID: 'from-environment' }, root);
      assert.equal(variables.BOT_DOMAIN, 'from-file.example.org');
      assert.equal(variables.BOT_ID, 'from-environment');
      assert.equal(variables.SECRET_SLACK_BOT_TOKEN, undefined);
    });

    it('refuses an environment without a file, and a name that could leave env/', () => {
      assert.throws(() => readPackageEnvironment('prod', {}, root), (e: unknown) => e instanceof ConfigError && /env\/\.env\.prod does not exist/.test(e.message));
      assert.throws(() => readPackageEnvironment('../dev', {}, root), /lower-case letters, digits and hyphens/);
    });
  });

  describe('fillPlaceholders', () => {
    it('fills strings at any depth and leaves other values alone', () => {
      const document = { id: '${{APP_ID}}', list: ['https://${{ DOMAIN }}/x', 3, true, null], nested: { same: '${{APP_ID}}' } };
      assert.deepEqual(fillPlaceholders(document, { APP_ID: 'a1', DOMAIN: 'bot.example.org' }), {
        id: 'a1', list: ['https://bot.example.org/x', 3, true, null], nested: { same: 'a1' },
      });
    });

    it('keeps quotes and colons in a value from breaking the document', () => {
      assert.deepEqual(fillPlaceholders({ name: '${{NAME}}' }, { NAME: 'St Mary\'s "Hub": north' }), { name: 'St Mary\'s "Hub": north' });
    });

    it('names every unset or blank variable once, sorted', () => {
      assert.throws(
        () => fillPlaceholders({ a: '${{ZED}}', b: ['${{ALPHA}}', '${{ZED}}'], c: '${{SET}}' }, { SET: 'x', ALPHA: '  ' }),
        (e: unknown) => e instanceof ConfigError && e.message.endsWith(': ALPHA, ZED'),
      );
    });
  });
});

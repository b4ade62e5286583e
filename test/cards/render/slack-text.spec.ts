import { strict as assert } from 'node:assert';
import { boldThen, escapeMrkdwn, fit } from '../../../cards/render/slack-text.js';
import { HOSTILE } from '../fixtures.js';

describe('slack text', () => {
  it('escapes &, < and > so mentions and links stay literal', () => {
    assert.equal(escapeMrkdwn(HOSTILE), '&lt;!channel&gt; *bold* [x](http://evil) &amp; &lt;@U123&gt;');
  });

  it('fit leaves short text alone and cuts long text with an ellipsis', () => {
    assert.equal(fit('short', 10), 'short');
    assert.equal(fit('abcdefghijk', 5), 'abcd…');
  });

  it('fit never splits an escape or a surrogate pair', () => {
    assert.equal(fit('a&b&c', 8, escapeMrkdwn), 'a&amp;b…');
    assert.equal(fit('ab😀c', 4), 'ab…');
  });

  it('boldThen escapes both parts and keeps within the limit', () => {
    assert.deepEqual(boldThen('<b>', ['<!here>'], 2000), { type: 'mrkdwn', text: '*&lt;b&gt;*\n&lt;!here&gt;', verbatim: true });
    assert.ok(boldThen('x'.repeat(3000), ['y'.repeat(3000)], 2000).text.length <= 2000);
  });
});

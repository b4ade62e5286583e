import { strict as assert } from 'node:assert';
import { ChannelApiError, NotFoundError } from '../../../services/errors.js';
import { classifyFailure } from '../../../services/notifications/classify-failure.js';

const channel = (status: number | undefined, extra: { retryAfterMs?: number; permanent?: boolean } = {}) =>
  new ChannelApiError('channel said no', { status, permanent: extra.permanent ?? false, retryAfterMs: extra.retryAfterMs });

describe('classifyFailure', () => {
  it('stops on permanent failures and on answers that cannot change (blocked, not found, 400)', () => {
    for (const error of [channel(403, { permanent: true }), channel(404, { permanent: true }), channel(400), channel(410)]) {
      assert.deepEqual(classifyFailure(error), { retry: false, reason: `channel said no (HTTP ${error.status})` });
    }
  });

  it('retries 429 and 412 honouring Retry-After, knowing the channel did not act', () => {
    assert.deepEqual(classifyFailure(channel(429, { retryAfterMs: 3_000 })), { retry: true, reason: 'channel said no (HTTP 429)', retryAfterMs: 3_000, uncertain: false });
    assert.deepEqual(classifyFailure(channel(412)), { retry: true, reason: 'channel said no (HTTP 412)', uncertain: false });
  });

  it('retries gateway and network failures, which may come after the channel posted', () => {
    for (const status of [502, 504, undefined]) {
      const verdict = classifyFailure(channel(status));
      assert.equal(verdict.retry, true);
      assert.equal(verdict.retry && verdict.uncertain, true, String(status));
    }
  });

  it('retries anything that is not a channel answer, e.g. a record missing while rendering', () => {
    assert.deepEqual(classifyFailure(new NotFoundError('That request')), { retry: true, reason: 'That request was not found.', uncertain: true });
  });
});

import { strict as assert } from 'node:assert';
import { createPacer } from '../../../services/notifications/pacing.js';

describe('createPacer', () => {
  it('spaces starts on one conversation by its rate and leaves others alone', () => {
    const pacer = createPacer();
    pacer.started({ key: 'teams:a', perSecond: 7 }, 1_000);
    pacer.started({ key: 'slack:b', perSecond: 1 }, 1_000);
    assert.equal(Math.round(pacer.waitMs('teams:a', 1_000)), 143);
    assert.equal(pacer.waitMs('slack:b', 1_500), 500);
    assert.equal(pacer.waitMs('slack:c', 1_500), 0);
  });

  it('lets a Retry-After hold a conversation longer than its rate, never shorter', () => {
    const pacer = createPacer();
    pacer.started({ key: 'slack:b', perSecond: 1 }, 0);
    pacer.holdOff('slack:b', 5_000);
    pacer.started({ key: 'slack:b', perSecond: 1 }, 100);
    assert.equal(pacer.waitMs('slack:b', 1_000), 4_000);
    assert.equal(pacer.waitMs('slack:b', 6_000), 0);
  });
});

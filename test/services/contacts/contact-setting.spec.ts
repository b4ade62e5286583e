import assert from 'node:assert/strict';
import { setContactDirectly } from '../../../services/contacts/set-contact-directly.js';
import type { AuditDocument } from '../../../services/domain/audit.js';
import { acceptsDirectContact } from '../../../services/domain/direct-contact.js';
import type { Person } from '../../../services/domain/person.js';
import { ForbiddenError } from '../../../services/errors.js';
import { ALLIANCE, openWorld, type World } from '../deployments/deployment-fixtures.js';

describe('a person\'s own "contact me directly" setting', () => {
  let world: World;
  beforeEach(async () => { world = await openWorld(); });
  afterEach(() => world.close());
  const audit = () => world.store.query<AuditDocument>(ALLIANCE, { type: 'audit', where: [{ field: 'action', op: 'eq', value: 'contact-directly' }], orderBy: [{ field: 'at' }] });

  it('turns it on and off for an expert, stored on their record and audited each time it changes', async () => {
    assert.equal(acceptsDirectContact(world.supporter), false, 'an SLE is reached through a request by default');
    const on = await setContactDirectly(world.ctx, world.supporter, true);
    assert.deepEqual([on.allowed, on.changed], [true, true]);
    const stored = (await world.store.get<Person>(ALLIANCE, world.supporter.id))!;
    assert.deepEqual([stored.contactDirectly, acceptsDirectContact(stored)], [true, true]);

    const again = await setContactDirectly(world.ctx, stored, true);
    assert.deepEqual([again.changed, again.person._etag], [false, stored._etag], 'nothing is written when nothing changes');

    world.clock.set('2026-12-01T10:00:00Z');
    const off = await setContactDirectly(world.ctx, stored, false);
    assert.deepEqual([off.allowed, off.changed, (await world.store.get<Person>(ALLIANCE, world.supporter.id))?.contactDirectly], [false, true, false]);
    assert.deepEqual((await audit()).map((a) => [a.by, a.subject, a.note]), [[world.supporter.id, world.supporter.id, 'on'], [world.supporter.id, world.supporter.id, 'off']]);
  });

  it('is refused, changing nothing, for people who never appear in searches', async () => {
    await assert.rejects(setContactDirectly(world.ctx, world.head, true), ForbiddenError);
    await assert.rejects(setContactDirectly(world.ctx, world.manager, true), ForbiddenError);
    assert.equal((await world.store.get<Person>(ALLIANCE, world.head.id))?.contactDirectly, undefined);
    assert.deepEqual(await audit(), []);
  });
});

import { strict as assert } from 'node:assert';
import { addAlliance, listAlliances, setDayRate } from '../../../services/directory/alliances.js';
import { DEFAULT_DAY_RATES } from '../../../services/domain/designations.js';
import { DuplicateError, ValidationError } from '../../../services/errors.js';
import { openTempStore, type TempStore } from './temp-store.js';

describe('alliances', () => {
  let temp: TempStore;
  beforeEach(() => { temp = openTempStore(); });
  afterEach(() => temp.close());

  it('creates an alliance with the default day rates and lists it', async () => {
    await addAlliance(temp.store, temp.clock, { id: 'riverside-hub', name: 'Riverside Teaching School Hub', region: 'West Midlands' });
    await addAlliance(temp.store, temp.clock, { id: 'fenland-tsa', name: 'Fenland TSA' });

    const alliances = await listAlliances(temp.store);
    assert.deepEqual(alliances.map((a) => [a.id, a.region]), [['fenland-tsa', undefined], ['riverside-hub', 'West Midlands']]);
    assert.deepEqual(alliances[1].dayRates, DEFAULT_DAY_RATES);
    assert.equal(alliances[1].createdAt, '2025-01-15T09:00:00.000Z');
  });

  it('refuses an id that exists and keeps the first alliance', async () => {
    await addAlliance(temp.store, temp.clock, { id: 'riverside-hub', name: 'Riverside' });
    await assert.rejects(addAlliance(temp.store, temp.clock, { id: 'riverside-hub', name: 'Other' }), (error: unknown) =>
      error instanceof DuplicateError && /Alliance "riverside-hub" already exists/.test(error.message));
    assert.equal((await listAlliances(temp.store))[0].name, 'Riverside');
  });

  it('refuses a malformed id or an empty name', async () => {
    await assert.rejects(addAlliance(temp.store, temp.clock, { id: 'Riverside Hub', name: ' ' }), (error: unknown) =>
      error instanceof ValidationError && error.problems.map((p) => p.field).join() === 'id,name');
  });

  it('sets one day rate and leaves the others', async () => {
    await addAlliance(temp.store, temp.clock, { id: 'riverside-hub', name: 'Riverside' });
    const updated = await setDayRate(temp.store, 'riverside-hub', { designation: 'SLE', rate: 300 });

    assert.deepEqual(updated.dayRates, { ...DEFAULT_DAY_RATES, SLE: 300 });
    await assert.rejects(setDayRate(temp.store, 'riverside-hub', { designation: 'Wizard', rate: 300 }), ValidationError);
  });
});

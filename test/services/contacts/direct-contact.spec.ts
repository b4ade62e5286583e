import assert from 'node:assert/strict';
import { countDirectContacts, recordDirectContact } from '../../../services/contacts/record-direct-contact.js';
import { exportPeople } from '../../../services/directory/export-directory.js';
import { importPeople } from '../../../services/directory/import-people.js';
import { importSchools } from '../../../services/directory/import-schools.js';
import { acceptsDirectContact, type DirectContact } from '../../../services/domain/direct-contact.js';
import type { Person } from '../../../services/domain/person.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../../services/errors.js';
import type { Stored } from '../../../services/store/document-store.js';
import { csv, openStoreWithAlliance, TWO_SCHOOLS, type TempStore } from '../directory/temp-store.js';

const HEADER = 'email,name,role,base_school_urn,designation,specialisms,phases,days_per_year,teams_aad_object_id,slack_user_id,contact_directly';
const PEOPLE = csv(
  HEADER,
  'sam@kingfisher.example,Sam Sle,supporter,990002,SLE,maths,primary,15,,,',
  'olive@kingfisher.example,Olive Optin,supporter,990002,SLE,maths,primary,15,,,yes',
  'lee@kingfisher.example,Lee Lead,supporter,990002,lead-teacher,maths,primary,5,,,',
  'nat@kingfisher.example,Nat Notme,supporter,990002,lead-teacher,maths,primary,5,,,No',
  'hana@riverside.example,Hana Head,head,990001,,,,,,,',
);

describe('contacting an expert directly', () => {
  let temp: TempStore;
  let byEmail: Map<string, Stored<Person>>;
  const ctx = () => ({ store: temp.store, clock: temp.clock });

  beforeEach(async () => {
    temp = await openStoreWithAlliance();
    await importSchools(temp.store, temp.clock, 'test-hub', { fileName: 'schools.csv', text: TWO_SCHOOLS });
    await importPeople(temp.store, temp.clock, 'test-hub', { fileName: 'people.csv', text: PEOPLE });
    byEmail = new Map((await temp.store.query<Person>('test-hub', { type: 'person' })).map((p) => [p.email, p]));
  });
  afterEach(() => temp.close());

  it('is off for SLEs and on for lead teachers unless the contact_directly column says otherwise', () => {
    const accepts = (email: string) => acceptsDirectContact(byEmail.get(email)!);
    assert.deepEqual(
      ['sam@kingfisher.example', 'olive@kingfisher.example', 'lee@kingfisher.example', 'nat@kingfisher.example', 'hana@riverside.example'].map(accepts),
      [false, true, true, false, false],
    );
  });

  it('round-trips the column through export, empty where the default applies', async () => {
    const lines = (await exportPeople(temp.store, 'test-hub')).trim().split('\n');
    assert.equal(lines[0], HEADER);
    assert.ok(lines.some((l) => l.startsWith('olive@') && l.endsWith(',yes')));
    assert.ok(lines.some((l) => l.startsWith('nat@') && l.endsWith(',no')));
    assert.ok(lines.some((l) => l.startsWith('sam@') && l.endsWith(',')));
  });

  it('rejects a value that is not yes or no, naming the column', async () => {
    const bad = csv(HEADER, 'sam@kingfisher.example,Sam Sle,supporter,990002,SLE,maths,primary,15,,,maybe');
    await assert.rejects(importPeople(temp.store, temp.clock, 'test-hub', { fileName: 'people.csv', text: bad }),
      (e: ValidationError) => e.problems.length === 1 && e.problems[0].field === 'people.csv:2: contact_directly');
  });

  it('records who contacted whom and when, never what was said, and counts them', async () => {
    temp.clock.set('2026-12-02T10:00:00Z');
    const head = byEmail.get('hana@riverside.example')!;
    const { contact, expert } = await recordDirectContact(ctx(), head, byEmail.get('lee@kingfisher.example')!.id, 'teams');
    assert.equal(expert.name, 'Lee Lead');
    assert.deepEqual(Object.keys(contact).filter((k) => !k.startsWith('_')).sort(), ['allianceId', 'at', 'fromPersonId', 'id', 'toPersonId', 'type', 'via']);
    await recordDirectContact(ctx(), head, byEmail.get('olive@kingfisher.example')!.id, 'slack');
    await recordDirectContact(ctx(), head, byEmail.get('lee@kingfisher.example')!.id, 'slack');

    const counts = await countDirectContacts(ctx(), 'test-hub', { from: '2026-12-01T00:00:00Z', to: '2026-12-08T00:00:00Z' });
    assert.equal(counts.total, 3);
    assert.deepEqual(counts.byExpert[0], { personId: expert.id, count: 2 });
    assert.equal((await countDirectContacts(ctx(), 'test-hub', { from: '2026-12-03T00:00:00Z', to: '2026-12-08T00:00:00Z' })).total, 0);
  });

  it('refuses people who did not agree, unknown people, and people of another alliance', async () => {
    const head = byEmail.get('hana@riverside.example')!;
    await assert.rejects(recordDirectContact(ctx(), head, byEmail.get('sam@kingfisher.example')!.id, 'teams'), ForbiddenError);
    await assert.rejects(recordDirectContact(ctx(), head, 'person-nobody', 'teams'), NotFoundError);
    await assert.rejects(recordDirectContact(ctx(), { ...head, allianceId: 'other-hub' }, byEmail.get('lee@kingfisher.example')!.id, 'teams'), NotFoundError);
    assert.equal((await temp.store.query<DirectContact>('test-hub', { type: 'directContact' })).length, 0);
  });
});

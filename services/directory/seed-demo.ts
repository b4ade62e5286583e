// The demo alliance: Riverside Teaching School Hub, 30 schools with fake URNs (99xxxx) and 29 people,
// loaded from demo/schools.csv and demo/people.csv through the ordinary import, so it proves that path.
//
// Predictable identities for local Teams and Slack testing (the emulator configs use these):
//   manager   Helen Carter   aadObjectId 00000000-0000-0000-0000-000000000001  Slack U0DEMOMGR
//   head      Mark Davies    aadObjectId 00000000-0000-0000-0000-000000000002  Slack U0DEMOHEAD  (Hawthorn Junior, RI)
//   supporter Priya Shah     aadObjectId 00000000-0000-0000-0000-000000000003  Slack U0DEMOSLE   (SLE, maths, primary)
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Clock } from '../clock.js';
import { newAlliance } from '../domain/alliance.js';
import { DuplicateError } from '../errors.js';
import type { DocumentStore } from '../store/document-store.js';
import { importPeople } from './import-people.js';
import { importSchools } from './import-schools.js';

export const DEMO_ALLIANCE_ID = 'demo-alliance';

export const DEMO_IDENTITIES = {
  head: { name: 'Mark Davies', about: 'head of Hawthorn Junior', email: 'mark.davies@hawthorn-junior.example', teamsAadObjectId: '00000000-0000-0000-0000-000000000002', slackUserId: 'U0DEMOHEAD' },
  manager: { name: 'Helen Carter', about: 'the alliance manager', email: 'helen.carter@riverside-hub.example', teamsAadObjectId: '00000000-0000-0000-0000-000000000001', slackUserId: 'U0DEMOMGR' },
  supporter: { name: 'Priya Shah', about: 'SLE in maths', email: 'priya.shah@oakfield-primary.example', teamsAadObjectId: '00000000-0000-0000-0000-000000000003', slackUserId: 'U0DEMOSLE' },
} as const;

/** Typical published hub rates (SLE £350, LLE £450, NLE £550), rather than the bare defaults. */
const DEMO_DAY_RATES = { SLE: 350, NLE: 550, LLE: 450, 'executive-head': 550, 'lead-teacher': 250, 'lead-practitioner': 300 };

/**
 * Loads the demo alliance unless it exists already; returns whether it did. Safe to call on every
 * start: a second instance seeding at the same moment loses the create race and does nothing.
 */
export async function seedDemo(store: DocumentStore, clock: Clock): Promise<boolean> {
  if (await store.get(DEMO_ALLIANCE_ID, DEMO_ALLIANCE_ID)) return false;
  const alliance = newAlliance({ id: DEMO_ALLIANCE_ID, name: 'Riverside Teaching School Hub', region: 'West Midlands', now: clock.now() });
  try {
    await store.create({ ...alliance, dayRates: DEMO_DAY_RATES });
  } catch (error) {
    if (error instanceof DuplicateError) return false;
    throw error;
  }
  try {
    await importSchools(store, clock, DEMO_ALLIANCE_ID, await demoFile('schools.csv'));
    await importPeople(store, clock, DEMO_ALLIANCE_ID, await demoFile('people.csv'));
  } catch (error) {
    // Without the alliance the next start seeds again; the imports are idempotent, so retrying is safe.
    await store.delete(DEMO_ALLIANCE_ID, DEMO_ALLIANCE_ID);
    throw error;
  }
  return true;
}

async function demoFile(name: string): Promise<{ fileName: string; text: string }> {
  const path = fileURLToPath(new URL(`./demo/${name}`, import.meta.url));
  return { fileName: `demo/${name}`, text: await readFile(path, 'utf8') };
}

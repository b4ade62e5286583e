// Runs in its own process so its RSS is the import's alone:
//   memory-child.ts DB_PATH PEOPLE_CSV   loads the generated directory into a fresh SQLite file
// Prints one JSON line with the peak RSS it saw. bench/memory.bench.ts then serves it with the compiled bot.
import { readFileSync } from 'node:fs';
import { systemClock } from '../services/clock.js';
import { importPeople } from '../services/directory/import-people.js';
import { importSchools } from '../services/directory/import-schools.js';
import { newAlliance } from '../services/domain/alliance.js';
import type { Person } from '../services/domain/person.js';
import { peopleWithEmail } from '../services/identity/email-index.js';
import { SqliteStore } from '../services/store/SqliteStore.js';
import { BENCH_ALLIANCE, BENCH_HEAD_AAD } from './memory-ids.js';

let peak = process.memoryUsage().rss;
const sample = () => { peak = Math.max(peak, process.memoryUsage().rss); };
const sampler = setInterval(sample, 10);

async function load(dbPath: string, peopleCsv: string): Promise<Record<string, unknown>> {
  const store = new SqliteStore(dbPath);
  await store.create(newAlliance({ id: BENCH_ALLIANCE, name: 'Benchmark Alliance', now: new Date() }));
  const schoolsCsv = peopleCsv.replace(/\.csv$/, '.schools.csv');
  const started = performance.now();
  await importSchools(store, systemClock, BENCH_ALLIANCE, { fileName: schoolsCsv, text: readFileSync(schoolsCsv, 'utf8') });
  await importPeople(store, systemClock, BENCH_ALLIANCE, { fileName: peopleCsv, text: readFileSync(peopleCsv, 'utf8') });
  const [head] = await peopleWithEmail(store, 'person1@test-school-1.example');
  if (!head || head.role !== 'head') throw new Error('the generated directory has no head at person1');
  await store.replace<Person>({ ...head, teamsAadObjectId: BENCH_HEAD_AAD }, head._etag);
  const people = await store.query(BENCH_ALLIANCE, { type: 'person' });
  await store.close();
  return { people: people.length, importMs: Math.round(performance.now() - started) };
}

const [dbPath, peopleCsv] = process.argv.slice(2);
const details = await load(dbPath, peopleCsv);
sample();
clearInterval(sampler);
process.stdout.write(`${JSON.stringify({ peakRss: peak, ...details })}\n`);
process.exit(0);

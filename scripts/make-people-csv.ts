// Writes a valid people CSV of COUNT people and the schools CSV it needs, for timing large imports:
//   npx tsx scripts/make-people-csv.ts 10000 /tmp/people.csv   (also writes /tmp/people.schools.csv)
//   npx s2s import schools /tmp/people.schools.csv --alliance ID && npx s2s import people /tmp/people.csv --alliance ID
import { stringify } from 'csv-stringify/sync';
import { writeFileSync } from 'node:fs';
import { DESIGNATIONS } from '../services/domain/designations.js';
import { PHASES } from '../services/domain/phases.js';
import { SPECIALISMS, SPECIALISM_LABELS } from '../services/domain/specialisms.js';
import { SCHOOL_COLUMNS } from '../services/directory/import-schools.js';
import { PEOPLE_COLUMNS } from '../services/directory/person-row.js';

const [countText, output] = process.argv.slice(2);
const count = Number(countText);
if (!Number.isInteger(count) || count < 1 || !output) {
  process.stderr.write('usage: npx tsx scripts/make-people-csv.ts COUNT OUTPUT.csv\n');
  process.exit(1);
}

const FIRST = ['Amelia', 'Oliver', 'Priya', 'James', 'Fatima', 'Thomas', 'Grace', 'Mohammed', 'Chloe', 'Daniel', 'Sian', 'Kwame'];
const LAST = ['Hughes', 'Patel', 'Jones', 'Begum', 'Williams', 'Taylor', 'Okafor', 'Evans', 'Khan', 'Murphy', 'Clarke', 'Lewis'];
const AUTHORITIES = ['Worcestershire', 'Shropshire', 'Herefordshire', 'Telford and Wrekin', 'Dudley'];

// Fake URNs start 99; about one school per 20 people, as in a large hub.
const schoolCount = Math.min(10_000, Math.ceil(count / 20));
const urns = Array.from({ length: schoolCount }, (_, i) => String(990000 + i));
const schools = urns.map((urn, i) => [
  urn, `Test School ${i + 1}`, PHASES[i % PHASES.length], AUTHORITIES[i % AUTHORITIES.length],
  `WR${(i % 15) + 1} ${(i % 9) + 1}AB`, i % 3 === 0 ? 'Test Learning Trust' : '', i % 10 === 9 ? 'requires-improvement' : 'good', '2023-05-17',
]);

const people = Array.from({ length: count }, (_, i) => {
  const head = i % 20 === 0;
  // Alternate ids and labels so the run also exercises name normalisation.
  const specialism = (offset: number) => {
    const id = SPECIALISMS[(i + offset) % SPECIALISMS.length];
    return i % 2 ? id : SPECIALISM_LABELS[id];
  };
  return [
    `person${i + 1}@test-school-${(i % schoolCount) + 1}.example`, `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`,
    head ? 'head' : 'supporter', urns[i % schoolCount], head ? '' : DESIGNATIONS[i % DESIGNATIONS.length],
    head ? '' : [specialism(0), specialism(5)].join(';'), head ? '' : PHASES[i % PHASES.length], head ? '' : 10 + (i % 11), '', '', '',
  ];
});

const schoolsPath = output.replace(/(\.csv)?$/, '.schools.csv');
writeFileSync(schoolsPath, stringify(schools, { header: true, columns: [...SCHOOL_COLUMNS] }));
writeFileSync(output, stringify(people, { header: true, columns: PEOPLE_COLUMNS.map((c) => c.name) }));
process.stderr.write(`Wrote ${count} people to ${output} and ${schoolCount} schools to ${schoolsPath}\n`);

// Starts Microsoft 365 Agents Playground (a local Teams stand-in) against the local bot, as one of
// the demo people: `npm run playground -- head|manager|supporter` (head by default).
// The Playground reads its users and team from .m365agentsplayground.yml in its working directory
// and only acts as `currentUser`, so each role gets its own generated folder under data/.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';

// The demo alliance's people (services/directory/demo/people.csv); the AAD ids of the first three are
// DEMO_IDENTITIES, the others are matched by email on first contact. The Playground wants ≥ 5 others.
const PEOPLE = {
  head: { name: 'Mark Davies', email: 'mark.davies@hawthorn-junior.example', aadObjectId: '00000000-0000-0000-0000-000000000002' },
  manager: { name: 'Helen Carter', email: 'helen.carter@riverside-hub.example', aadObjectId: '00000000-0000-0000-0000-000000000001' },
  supporter: { name: 'Priya Shah', email: 'priya.shah@oakfield-primary.example', aadObjectId: '00000000-0000-0000-0000-000000000003' },
  head2: { name: 'Julie Hartley', email: 'julie.hartley@longmynd-primary.example', aadObjectId: '00000000-0000-0000-0000-000000000004' },
  head3: { name: 'Andrew Pearce', email: 'andrew.pearce@madeley-court.example', aadObjectId: '00000000-0000-0000-0000-000000000005' },
  supporter2: { name: "James O'Connor", email: 'james.oconnor@riverside-primary.example', aadObjectId: '00000000-0000-0000-0000-000000000006' },
} as const;

type Role = 'head' | 'manager' | 'supporter';
const role = (process.argv[2] ?? 'head') as Role;
if (!['head', 'manager', 'supporter'].includes(role)) {
  process.stderr.write('Usage: npm run playground -- [head|manager|supporter]\n');
  process.exit(1);
}

function user(key: keyof typeof PEOPLE) {
  const person = PEOPLE[key];
  const [givenName, ...rest] = person.name.split(' ');
  return { id: `user-${key}`, name: person.name, userPrincipleName: person.email, aadObjectId: person.aadObjectId, givenName, surname: rest.join(' '), email: person.email };
}

const config = {
  version: '0.1.1',
  tenantId: '00000000-0000-0000-0000-0000000000001',
  bot: { id: '00000000-0000-0000-0000-00000000000011', name: 'S2S Support' },
  currentUser: user(role),
  users: (Object.keys(PEOPLE) as Array<keyof typeof PEOPLE>).filter((key) => key !== role).map(user),
  // One personal chat per person, so the bot keeps each person's conversation apart.
  personalChat: { id: `personal-chat-${role}` },
  groupChat: { id: 'group-chat-demo', name: "Heads' group" },
  team: {
    id: 'team-riverside',
    name: 'Riverside Teaching School Hub',
    aadGroupId: '00000000-0000-0000-0000-000000000031',
    channels: [{ id: 'channel-brokerage', name: 'Brokerage' }],
  },
};

const folder = resolve('data', `playground-${role}`);
mkdirSync(folder, { recursive: true });
writeFileSync(join(folder, '.m365agentsplayground.yml'), stringify(config));
const cli = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');
const endpoint = process.env.BOT_ENDPOINT ?? 'http://127.0.0.1:3978/api/messages';
process.stdout.write(`Agents Playground as ${config.currentUser.name} (${role}) against ${endpoint}: open http://localhost:56150\n`);
const child = spawn(process.execPath, [cli, 'start', '--app-endpoint', endpoint, '--channel-id', 'msteams', '--disable-telemetry'], {
  cwd: folder,
  stdio: 'inherit',
  env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
});
child.on('exit', (code) => process.exit(code ?? 0));

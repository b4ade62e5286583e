// Starts Microsoft 365 Agents Playground (a local Teams stand-in) against the local bot, as one of
// the demo people: `npm run playground -- head|manager|supporter` (head by default).
// The Playground reads its users and team from .m365agentsplayground.yml in its working directory
// and only acts as `currentUser`, so each role gets its own generated folder under data/ and its own
// port, and several people can be played at once, each in a terminal and a browser tab of their own.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { DEMO_IDENTITIES } from '../services/directory/seed-demo.js';

// The demo alliance's people (services/directory/demo/people.csv): the three who can be played, then
// others matched by email on first contact. The Playground wants ≥ 5 others.
const PEOPLE = {
  ...DEMO_IDENTITIES,
  head2: { name: 'Julie Hartley', email: 'julie.hartley@longmynd-primary.example', teamsAadObjectId: '00000000-0000-0000-0000-000000000004' },
  head3: { name: 'Andrew Pearce', email: 'andrew.pearce@madeley-court.example', teamsAadObjectId: '00000000-0000-0000-0000-000000000005' },
  supporter2: { name: "James O'Connor", email: 'james.oconnor@riverside-primary.example', teamsAadObjectId: '00000000-0000-0000-0000-000000000006' },
} as const;

/** Each role's own port, so two Playgrounds can run side by side; the Playground picks a free one if taken. */
const PORTS = { head: 56150, manager: 56151, supporter: 56152 };

type Role = keyof typeof PORTS;
const role = (process.argv[2] ?? 'head') as Role;
if (!Object.hasOwn(PORTS, role)) {
  process.stderr.write('Usage: npm run playground -- [head|manager|supporter]\n');
  process.exit(1);
}

function user(key: keyof typeof PEOPLE) {
  const person = PEOPLE[key];
  const [givenName, ...rest] = person.name.split(' ');
  return { id: `user-${key}`, name: person.name, userPrincipleName: person.email, aadObjectId: person.teamsAadObjectId, givenName, surname: rest.join(' '), email: person.email };
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
const loopback = fileURLToPath(new URL('playground-loopback.cjs', import.meta.url));
const endpoint = process.env.BOT_ENDPOINT ?? 'http://127.0.0.1:3978/api/messages';
const port = process.env.PLAYGROUND_PORT ?? String(PORTS[role]);
const child = spawn(
  process.execPath,
  ['--require', loopback, cli, 'start', '--app-endpoint', endpoint, '--channel-id', 'msteams', '--port', port, '--disable-telemetry'],
  { cwd: folder, stdio: ['inherit', 'pipe', 'inherit'], env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' } },
);
// With its output piped, the Playground says which port it really took ("Listening on 41939").
createInterface({ input: child.stdout }).on('line', (line) => {
  const listening = /^Listening on (\d+)$/.exec(line);
  process.stdout.write(listening
    ? `Agents Playground as ${config.currentUser.name} (${role}) against ${endpoint}: open http://127.0.0.1:${listening[1]}\n`
    : `${line}\n`);
});
const stop = () => child.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('exit', (code) => process.exit(code ?? 0));

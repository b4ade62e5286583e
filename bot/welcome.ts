import { resolve } from 'node:path';
import type { Config } from '../services/config/config.js';
import { DEMO_IDENTITIES } from '../services/directory/seed-demo.js';

const DEFAULT_PORT = 3978;

/**
 * What someone who just ran `npm start` should do next, as lines of text: `npm start` prints them
 * and GET / shows them. In production it says only what the service is, nothing about its data.
 */
export function welcomeLines(config: Config, port: number): string[] {
  const url = `http://localhost:${port}`;
  const channels = [config.teams.enabled ? `Teams at ${url}/api/messages` : '', config.slack ? `Slack at ${url}/slack/events` : ''].filter(Boolean).join(', ') || 'no channel';
  if (config.mode === 'production') return ['School-to-school support bot.', `It answers ${channels}; health at ${url}/healthz.`];
  // The Playground calls 127.0.0.1:3978 unless told otherwise.
  const endpoint = port === DEFAULT_PORT ? '' : `BOT_ENDPOINT=http://127.0.0.1:${port}/api/messages `;
  return [
    `School-to-school support bot is running at ${url} (local mode: no sign-in, demo data).`,
    'Try it as a demo person in Teams\' local stand-in, each in a terminal of its own (several can run at once):',
    ...Object.entries(DEMO_IDENTITIES).map(([role, person]) =>
      `  ${`${endpoint}npm run playground -- ${role}`.padEnd(endpoint.length + 36)}${person.name}, ${person.about}`),
    `Health: ${url}/healthz`,
    `Data: ${config.store.kind === 'sqlite' ? `${resolve(config.store.path)} (delete it to start again with fresh demo data)` : `Cosmos DB at ${config.store.endpoint}`}`,
    `Channels: ${channels}. Stop with Ctrl-C.`,
  ];
}

/** The same lines as a small page for GET /, so a browser pointed at the bot sees what to do. */
export function welcomePage(lines: string[]): string {
  const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>School-to-school support bot</title></head>
<body><h1>School-to-school support bot</h1><pre>${lines.map(escape).join('\n')}</pre></body></html>\n`;
}

import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { runAction } from '../../bot/flows/actions.js';
import type { Clock } from '../../services/clock.js';
import type { Person } from '../../services/domain/person.js';
import { BotError } from '../../services/errors.js';
import { SqliteStore } from '../../services/store/SqliteStore.js';

/** A button as a card shows it: its action id (Teams verb, Slack action_id), title and data. */
export interface ShownButton {
  actionId: string;
  title: string;
  data: Record<string, unknown>;
}

/** Replies that are refusals in words rather than errors. */
const REFUSAL = /^(Only |That button is out of date|You (can|may)not|Sorry)/;

/**
 * Presses each button a person was shown, each on its own copy of the store as it was when shown,
 * and returns those refused (an error for the person, or a refusal in words). Form submit buttons
 * are left out: the walks submit those. So a card never carries a button that only refuses, without
 * the presses changing the walk.
 */
export async function refusedButtons(sqlitePath: string, clock: Clock, personId: string, buttons: readonly ShownButton[]): Promise<string[]> {
  const pressable = buttons.filter((b) => !b.actionId.endsWith('.submit'));
  if (!pressable.length) return [];
  const dir = mkdtempSync(join(tmpdir(), 's2s-probe-'));
  try {
    const snapshot = join(dir, 'snapshot.db');
    const source = new Database(sqlitePath, { readonly: true });
    await source.backup(snapshot);
    source.close();
    const refused: string[] = [];
    for (const [index, button] of pressable.entries()) {
      const path = join(dir, `press-${index}.db`);
      copyFileSync(snapshot, path);
      const store = new SqliteStore(path);
      try {
        const person = await store.queryAllAlliances<Person>({ type: 'person', where: [{ field: 'id', op: 'eq', value: personId }], limit: 1 });
        const ctx = { store, clock, logger: pino({ level: 'silent' }), savedConversations: new Set<string>() };
        const result = await runAction(ctx, person[0], button.actionId, { data: button.data, channel: 'teams' });
        const words = result.replies.flatMap((reply) => (reply.kind === 'text' ? [reply.text] : []));
        const refusal = words.find((text) => REFUSAL.test(text));
        if (refusal) refused.push(`${button.title}: ${refusal}`);
      } catch (error) {
        if (!(error instanceof BotError)) throw error;
        refused.push(`${button.title}: ${error.message}`);
      } finally {
        await store.close();
      }
    }
    return refused;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

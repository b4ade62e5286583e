import type { Alliance } from '../domain/alliance.js';
import { joiningSettingsInputSchema } from '../domain/membership.js';
import { parseInput } from '../parse-input.js';
import { requireAlliance } from '../directory/directory-store.js';
import type { ServiceContext } from '../service-context.js';
import { withoutMeta, type Stored } from '../store/document-store.js';

/** The admin sets whether the alliance takes join requests from the bot, and its memorandum of understanding. */
export async function setJoiningSettings(ctx: ServiceContext, allianceId: string, input: { listed: boolean; memorandum: string }): Promise<Stored<Alliance>> {
  const settings = parseInput(joiningSettingsInputSchema, input);
  const alliance = await requireAlliance(ctx.store, allianceId);
  return ctx.store.replace<Alliance>({ ...withoutMeta(alliance), joining: { ...settings, updatedAt: ctx.clock.now().toISOString() } }, alliance._etag);
}

export interface JoinableAlliance {
  id: string;
  name: string;
  region?: string;
}

/**
 * Alliances a school may ask to join from the bot: only those that chose to be listed, so nobody
 * learns of an alliance that did not want to be found. `except` leaves out the asker's own.
 */
export async function listJoinableAlliances(ctx: ServiceContext, except: readonly string[] = []): Promise<JoinableAlliance[]> {
  const alliances = await ctx.store.queryAllAlliances<Alliance>({ type: 'alliance', where: [{ field: 'joining.listed', op: 'eq', value: true }], orderBy: [{ field: 'name' }] });
  return alliances.filter((a) => !except.includes(a.id)).map((a) => ({ id: a.id, name: a.name, ...(a.region ? { region: a.region } : {}) }));
}

/** The alliance, if it takes join requests from the bot; otherwise undefined, whether or not it exists. */
export async function joinableAlliance(ctx: ServiceContext, allianceId: string): Promise<Stored<Alliance> | undefined> {
  const alliance = await ctx.store.get<Alliance>(allianceId, allianceId);
  return alliance?.type === 'alliance' && alliance.joining?.listed ? alliance : undefined;
}

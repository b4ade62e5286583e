import { z } from 'zod';
import type { StoredServiceLevels } from '../service-levels/settings.js';
import { DEFAULT_DAY_RATES, DESIGNATIONS, type Designation } from './designations.js';
import type { JoiningSettings } from './membership.js';

export const ALLIANCE_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;

export const allianceIdSchema = z
  .string()
  .regex(ALLIANCE_ID, 'use 2–63 lower-case letters, digits and hyphens, starting with a letter or digit');

export interface TeamsChannelLink {
  conversationReference: Record<string, unknown>;
  channelName?: string;
  linkedBy: string;
  linkedAt: string;
}

export interface SlackChannelLink {
  teamId?: string;
  channelId: string;
  linkedBy: string;
  linkedAt: string;
}

export interface Alliance {
  id: string;
  allianceId: string;
  type: 'alliance';
  name: string;
  region?: string;
  dayRates: Record<Designation, number>;
  managerChannel?: { teams?: TeamsChannelLink; slack?: SlackChannelLink };
  /** Whether and how schools may ask to join from the bot. */
  joining?: JoiningSettings;
  /** Service levels the alliance changed from the defaults (services/service-levels). */
  serviceLevels?: StoredServiceLevels;
  createdAt: string;
}

export function newAlliance(input: { id: string; name: string; region?: string; now: Date }): Alliance {
  const id = allianceIdSchema.parse(input.id);
  return {
    id,
    allianceId: id,
    type: 'alliance',
    name: input.name,
    ...(input.region ? { region: input.region } : {}),
    dayRates: { ...DEFAULT_DAY_RATES },
    createdAt: input.now.toISOString(),
  };
}

export function dayRateFor(alliance: Alliance, designation: Designation): number {
  return alliance.dayRates[designation] ?? DEFAULT_DAY_RATES[designation];
}

export { DESIGNATIONS };

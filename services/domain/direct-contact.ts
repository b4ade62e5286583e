import type { ChannelKind } from '../identity/channel-identity.js';
import type { Designation } from './designations.js';
import type { Person } from './person.js';

/**
 * That someone chose to message an expert directly: who, whom, when and on which channel. The
 * message itself goes through Teams or Slack and is never seen or stored here.
 */
export interface DirectContact {
  id: string;
  allianceId: string;
  type: 'directContact';
  fromPersonId: string;
  toPersonId: string;
  via: ChannelKind;
  at: string;
}

/**
 * Whether a person may be messaged directly when nobody set it for them: SLEs are reached through a
 * request unless they opt in; lead teachers and practitioners and system leaders are listed to be
 * contacted (seed 004).
 */
export function contactDirectlyByDefault(designation: Designation | undefined): boolean {
  return designation !== undefined && designation !== 'SLE';
}

export function acceptsDirectContact(person: Pick<Person, 'role' | 'designation' | 'contactDirectly' | 'erasedAt'>): boolean {
  if (person.erasedAt || person.role !== 'supporter') return false;
  return person.contactDirectly ?? contactDirectlyByDefault(person.designation);
}

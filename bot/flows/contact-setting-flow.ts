import { setContactDirectly } from '../../services/contacts/set-contact-directly.js';
import { acceptsDirectContact } from '../../services/domain/direct-contact.js';
import type { Person } from '../../services/domain/person.js';
import type { Stored } from '../../services/store/document-store.js';
import { findRecord } from '../../services/store/get-record.js';
import { textReply, type TurnResult } from '../conversation/reply.js';
import type { FlowContext } from './flow-context.js';

/*
 * A person's own "contact me directly" setting, said in chat: "let schools contact me directly",
 * "stop direct contact", "what is my direct contact setting?". The phrases name the speaker ("me",
 * "my") or switch the setting outright, so a head searching for someone to contact is not caught.
 */
const ABOUT_ME = /\b(?:contact(?:ing)?|messag(?:e|ing)|email(?:ing)?|approach(?:ing)?)\s+me\s+directly\b/i;
const SWITCH = /\b(?:stop|start|turn\s+(?:on|off)|switch\s+(?:on|off)|enable|disable|allow|opt\s+(?:in|out)(?:\s+(?:to|of))?)\s+(?:my\s+)?direct\s+contact\b/i;
const MY_SETTING = /\bmy\s+direct\s+contact\b/i;
const TURN_OFF = /\b(?:stop|don'?t|do\s+not|no\s+longer|turn\s+off|switch\s+off|disable|opt\s+out|no\s+more|rather\s+not)\b/i;
const TURN_ON = /\b(?:let|allow|turn\s+on|switch\s+on|enable|opt\s+in|start|happy\s+for|ok(?:ay)?\s+for|welcome\s+to|may)\b/i;

export type ContactWish = 'on' | 'off' | 'show';

/** What a message asks of the speaker's own setting, or undefined when it is about something else. */
export function readContactWish(text: string): ContactWish | undefined {
  if (!ABOUT_ME.test(text) && !SWITCH.test(text) && !MY_SETTING.test(text)) return undefined;
  if (TURN_OFF.test(text)) return 'off';
  return TURN_ON.test(text) ? 'on' : 'show';
}

/** Changes (or shows) the speaker's own setting and says what it is now, and how to change it back. */
export async function answerContactWish(ctx: FlowContext, person: Stored<Person>, wish: ContactWish): Promise<TurnResult> {
  const alliance = await findRecord(ctx, person.allianceId, person.allianceId, 'alliance');
  const schools = `Schools in ${alliance?.name ?? 'your alliance'}`;
  if (wish === 'show') {
    if (person.role !== 'supporter') return { replies: [textReply('Only experts listed in the directory can be messaged directly from a search; you are reached as usual.')] };
    return { replies: [textReply(`${describe(acceptsDirectContact(person), schools)} ${howToChange(acceptsDirectContact(person))}`)] };
  }
  const { allowed, changed } = await setContactDirectly(ctx, person, wish === 'on');
  const lead = changed ? 'Done.' : 'Nothing to change.';
  return { replies: [textReply(`${lead} ${describe(allowed, schools, changed)} ${howToChange(allowed)}`)] };
}

function describe(allowed: boolean, schools: string, changed = false): string {
  const now = changed ? ' now' : '';
  return allowed
    ? `${schools} can${now} message you directly: searches show a "Message" button beside your name.`
    : `${schools}${now} reach you through a request to the alliance manager; searches show no "Message" button for you.`;
}

function howToChange(allowed: boolean): string {
  return allowed ? 'Say "stop direct contact" to turn it off.' : 'Say "let schools contact me directly" to turn it on.';
}

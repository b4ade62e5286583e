import { createRequire } from 'node:module';
import type * as AdaptiveCards from 'adaptivecards';

// The package's main (lib/) build fails under Node; the bundled dist build loads, parses and
// validates without a DOM (only rendering would need jsdom globals), so none are set up here.
const require = createRequire(import.meta.url);
const ac = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCards;

/** Teams renders up to 1.5, and the library happily accepts newer versions, so this is checked here. */
const TEAMS_VERSION = ac.Versions.v1_5;
/**
 * Properties the library does not model but hosts use: Teams' `msteams` extension, an action's
 * `fallback` (checked by parsing as an older host would) and `$schema`.
 */
const NOT_MODELLED = new Set(['msteams', 'fallback', '$schema']);

export interface AdaptiveCardCheck {
  /** Every parse warning, validation failure and silently dropped property; empty when the card is clean. */
  failures: string[];
  /** Size of the card's JSON in bytes: Teams accepts about 100 KB per message, 80 KB recommended. */
  bytes: number;
}

export function validateAdaptiveCard(card: object): AdaptiveCardCheck {
  const failures: string[] = [];
  const version = (card as { version?: unknown }).version;
  const parsedVersion = typeof version === 'string' ? ac.Version.parse(version, new ac.SerializationContext()) : undefined;
  if (!parsedVersion?.isValid || parsedVersion.compareTo(TEAMS_VERSION) > 0) {
    failures.push(`version: ${String(version)} is not a version Teams renders (up to 1.5)`);
  }

  const context = new ac.SerializationContext(TEAMS_VERSION);
  const parsed = new ac.AdaptiveCard();
  parsed.parse(card, context);
  const parseEvents = eventsOf(context);
  failures.push(...parseEvents.map((message) => `parse: ${message}`));
  const validationEvents = parsed.validateProperties().validationEvents.map((event) => event.message);
  failures.push(...validationEvents.map((message) => `validate: ${message}`));
  // The library ignores unknown properties and drops invalid values without a warning, so
  // compare the card with what the library read back to catch typos and bad values.
  failures.push(...droppedProperties(card, parsed.toJSON(), '$').map((path) => `dropped: ${path}`));
  failures.push(...checkFallbacks(card, new Set([...parseEvents, ...validationEvents])));

  return { failures, bytes: Buffer.byteLength(JSON.stringify(card), 'utf8') };
}

/**
 * Parses the card as a host without Action.Execute would, so every fallback is read and checked.
 * A `refresh` needs none: such a host ignores it and shows the card as sent.
 */
function checkFallbacks(sent: object, alreadyReported: ReadonlySet<string>): string[] {
  const { refresh: _ignored, ...card } = sent as Record<string, unknown>;
  const failures = executeActionsOf(card)
    .filter((action) => typeof action.fallback !== 'object' || action.fallback === null)
    .map((action) => `fallback: Action.Execute "${String(action.verb)}" has no Action.Submit fallback`);
  const registry = new ac.CardObjectRegistry<AdaptiveCards.Action>();
  ac.GlobalRegistry.populateWithDefaultActions(registry);
  registry.unregister('Action.Execute');
  const context = new ac.SerializationContext(TEAMS_VERSION);
  context.setActionRegistry(registry);
  const parsed = new ac.AdaptiveCard();
  parsed.parse(card, context);
  const expected = /^Unknown action type "Action\.Execute"/;
  const fresh = eventsOf(context).filter((message) => !expected.test(message) && !alreadyReported.has(message));
  failures.push(...fresh.map((message) => `fallback: ${message}`));
  const validation = parsed.validateProperties().validationEvents.map((event) => event.message);
  failures.push(...validation.filter((message) => !alreadyReported.has(message)).map((message) => `fallback: ${message}`));
  return failures;
}

function eventsOf(context: AdaptiveCards.SerializationContext): string[] {
  return Array.from({ length: context.eventCount }, (_, index) => context.getEventAt(index).message);
}

function executeActionsOf(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(executeActionsOf);
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  const own = record.type === 'Action.Execute' ? [record] : [];
  return [...own, ...Object.entries(record).filter(([key]) => key !== 'fallback').flatMap(([, child]) => executeActionsOf(child))];
}

function droppedProperties(source: unknown, output: unknown, path: string): string[] {
  if (typeof source !== 'object' || source === null) return source === output ? [] : [`${path} (read back as ${JSON.stringify(output)})`];
  if (typeof output !== 'object' || output === null) return [path];
  const out = output as Record<string, unknown>;
  return Object.entries(source as Record<string, unknown>).flatMap(([key, value]) => {
    if (NOT_MODELLED.has(key)) return [];
    const childPath = Array.isArray(source) ? `${path}[${key}]` : `${path}.${key}`;
    // toJSON leaves out empty collections; that loses nothing.
    if (!(key in out)) return Array.isArray(value) && value.length === 0 ? [] : [childPath];
    return droppedProperties(value, out[key], childPath);
  });
}

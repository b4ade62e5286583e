// The neutral message card: plain objects tagged by `type`, built by the factories below and
// turned into Adaptive Cards or Block Kit by cards/render/. All text is plain; each renderer makes
// it safe for its platform, so callers may pass user input straight in.

/** Button payloads stay flat and small: Slack carries them as a ≤ 2000-character string. */
export type ActionData = Readonly<Record<string, string | number | boolean | null>>;

export type ButtonStyle = 'primary' | 'danger' | 'default';

export interface Confirm {
  title: string;
  text: string;
  confirmLabel: string;
  denyLabel: string;
}

export interface Button {
  actionId: string;
  label: string;
  data: ActionData;
  style: ButtonStyle;
  confirm?: Confirm;
  /** A link button opens this https address instead of sending the action (Slack still reports the press). */
  url?: string;
}

export interface Fact {
  label: string;
  value: string;
}

export interface ListItem {
  title: string;
  subtitle?: string;
  lines?: readonly string[];
}

export interface HeadingElement { type: 'heading'; text: string }
export interface TextElement { type: 'text'; text: string; muted?: boolean }
export interface FactsElement { type: 'facts'; facts: readonly Fact[] }
export interface DividerElement { type: 'divider' }
export interface ListElement { type: 'list'; items: readonly ListItem[] }
export interface ActionsElement { type: 'actions'; buttons: readonly Button[] }

export type CardElement = HeadingElement | TextElement | FactsElement | DividerElement | ListElement | ActionsElement;

/**
 * A card posted where everyone in a channel sees it, whose buttons are for some of them only. Teams
 * draws `everyone` for the channel and, for each of `teamsUserIds` (60 at most), asks the bot for
 * that person's own view when they look at it (Universal Actions refresh: `actionId` with `data`).
 * Channels without per-person views draw the whole card; the server refuses whoever may not press.
 */
export interface PersonalViews {
  everyone: readonly CardElement[];
  teamsUserIds: readonly string[];
  actionId: string;
  data: ActionData;
}

export interface MessageCard {
  /**
   * Stable identity of what the card shows (e.g. "support-request:S2S-2026-0042"). Edges store
   * the posted message's id under it so a later card with the same key updates it in place.
   */
  key?: string;
  /** One line for notifications, previews and clients that cannot draw cards. */
  summary: string;
  elements: readonly CardElement[];
  personalViews?: PersonalViews;
}

export function card(summary: string, elements: readonly CardElement[], key?: string): MessageCard {
  return key === undefined ? { summary, elements } : { key, summary, elements };
}

export function heading(text: string): HeadingElement {
  return { type: 'heading', text };
}

export function text(value: string, options: { muted?: boolean } = {}): TextElement {
  return options.muted ? { type: 'text', text: value, muted: true } : { type: 'text', text: value };
}

export function facts(entries: readonly Fact[]): FactsElement {
  return { type: 'facts', facts: entries };
}

export function divider(): DividerElement {
  return { type: 'divider' };
}

export function list(items: readonly ListItem[]): ListElement {
  return { type: 'list', items };
}

export function actions(buttons: readonly Button[]): ActionsElement {
  return { type: 'actions', buttons };
}

export function button(
  actionId: string,
  label: string,
  data: ActionData,
  options: { style?: ButtonStyle; confirm?: Confirm } = {},
): Button {
  const base: Button = { actionId, label, data, style: options.style ?? 'default' };
  return options.confirm ? { ...base, confirm: options.confirm } : base;
}

/** A button that opens a web address, e.g. a Teams chat or Slack DM with someone. */
export function linkButton(actionId: string, label: string, url: string): Button {
  if (!/^https:\/\//.test(url)) throw new RangeError('a link button opens an https address');
  return { actionId, label, data: {}, style: 'primary', url };
}

/** Best-effort text of an element or field a renderer does not know, so nothing vanishes silently. */
export function fallbackTextOf(element: unknown): string {
  if (typeof element !== 'object' || element === null) return '';
  const record = element as Record<string, unknown>;
  const found = [record.text, record.label, record.title].find((value) => typeof value === 'string');
  return typeof found === 'string' ? found : '';
}

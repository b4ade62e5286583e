import type { MrkdwnElement, PlainTextElement } from '@slack/types';

// Slack text objects that respect Block Kit's length limits and never let user input become a
// link, mention or @channel.

/** Block Kit limits, in characters. */
export const SLACK_LIMITS = {
  viewTitle: 24,
  viewButton: 24,
  header: 150,
  buttonText: 75,
  optionText: 75,
  placeholder: 150,
  label: 2000,
  hint: 2000,
  sectionText: 3000,
  sectionField: 2000,
  sectionFields: 10,
  buttonValue: 2000,
  selectOptions: 100,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  privateMetadata: 3000,
  messageBlocks: 50,
} as const;

/** Slack's own rule: only these three need escaping in mrkdwn, and escaping them stops mentions. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Fits text into `max` UTF-16 units after encoding, ending with "…" when cut. It cuts between
 * characters, so neither a surrogate pair nor an escape like "&amp;" is ever split.
 */
export function fit(text: string, max: number, encode: (part: string) => string = (part) => part): string {
  const whole = encode(text);
  if (whole.length <= max) return whole;
  let result = '';
  for (const character of text) {
    const part = encode(character);
    if (result.length + part.length > max - 1) break;
    result += part;
  }
  return `${result}…`;
}

/** Plain text is never parsed for mentions or links, so user input needs no escaping in it. */
export function plain(text: string, max: number): PlainTextElement {
  return { type: 'plain_text', text: fit(text, max), emoji: true };
}

/** `verbatim` stops Slack turning bare URLs and #channel names into links by itself. */
export function mrkdwn(markup: string): MrkdwnElement {
  return { type: 'mrkdwn', text: markup, verbatim: true };
}

/** "*Label*\nvalue" with both parts escaped, for when plain text cannot carry the emphasis. */
export function boldThen(label: string, rest: readonly string[], max: number): MrkdwnElement {
  const title = `*${fit(label, Math.floor(max / 2), escapeMrkdwn)}*`;
  const body = rest.length ? `\n${fit(rest.join('\n'), max - title.length - 1, escapeMrkdwn)}` : '';
  return mrkdwn(`${title}${body}`);
}

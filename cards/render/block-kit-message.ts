import type { ActionsBlock, Button as SlackButton, KnownBlock } from '@slack/types';
import {
  fallbackTextOf,
  type ActionsElement, type Button, type CardElement, type FactsElement, type ListElement, type MessageCard,
} from '../message-card.js';
import { boldThen, escapeMrkdwn, plain, SLACK_LIMITS as LIMIT } from './slack-text.js';

/** Ready for `chat.postMessage` / `chat.update`: `text` is what notifications and previews show. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

export function renderCardToBlockKit(card: MessageCard): SlackMessage {
  const blocks = card.elements.flatMap(convertElement);
  // Slack rejects a message with more than 50 blocks; say so rather than fail to post.
  const fitted = blocks.length <= LIMIT.messageBlocks
    ? blocks
    : [...blocks.slice(0, LIMIT.messageBlocks - 1), notice(`${blocks.length - LIMIT.messageBlocks + 1} more parts not shown.`)];
  // Slack parses the top-level text for mentions and links too, so user words in it are escaped.
  return { text: escapeMrkdwn(card.summary), blocks: fitted };
}

function convertElement(element: CardElement): KnownBlock[] {
  switch (element.type) {
    case 'heading': return [{ type: 'header', text: plain(element.text, LIMIT.header) }];
    case 'text': return [element.muted ? notice(element.text) : { type: 'section', text: plain(element.text, LIMIT.sectionText) }];
    case 'facts': return convertFacts(element);
    case 'divider': return [{ type: 'divider' }];
    case 'list': return convertList(element);
    case 'actions': return convertActions(element);
    default: return [{ type: 'section', text: plain(fallbackTextOf(element) || ' ', LIMIT.sectionText) }];
  }
}

function notice(text: string): KnownBlock {
  return { type: 'context', elements: [plain(text, LIMIT.sectionField)] };
}

/** A section holds at most 10 fields, so long fact lists span several sections. */
function convertFacts(element: FactsElement): KnownBlock[] {
  const sections: KnownBlock[] = [];
  for (let start = 0; start < element.facts.length; start += LIMIT.sectionFields) {
    const fields = element.facts.slice(start, start + LIMIT.sectionFields)
      .map((fact) => boldThen(fact.label, [fact.value], LIMIT.sectionField));
    sections.push({ type: 'section', fields });
  }
  return sections;
}

function convertList(element: ListElement): KnownBlock[] {
  return element.items.map((item) => ({
    type: 'section',
    text: boldThen(item.title, [...(item.subtitle ? [item.subtitle] : []), ...(item.lines ?? [])], LIMIT.sectionText),
  }));
}

/** Slack requires action ids to be unique within a block, so a repeated id (e.g. one Approve per candidate) starts a new block. */
function convertActions(element: ActionsElement): ActionsBlock[] {
  const blocks: ActionsBlock[] = [];
  let ids = new Set<string>();
  for (const button of element.buttons) {
    if (!blocks.length || ids.has(button.actionId)) {
      blocks.push({ type: 'actions', elements: [] });
      ids = new Set();
    }
    ids.add(button.actionId);
    blocks[blocks.length - 1].elements.push(convertButton(button));
  }
  return blocks;
}

function convertButton(button: Button): SlackButton {
  const value = JSON.stringify(button.data);
  // Cutting the payload would corrupt it; it should hold ids only.
  if (value.length > LIMIT.buttonValue) throw new RangeError(`data for "${button.actionId}" is over 2000 characters`);
  const { confirm } = button;
  return {
    type: 'button',
    action_id: button.actionId,
    text: plain(button.label, LIMIT.buttonText),
    value,
    ...(button.url && { url: button.url }),
    ...(button.style !== 'default' && { style: button.style }),
    ...(confirm && {
      confirm: {
        title: plain(confirm.title, LIMIT.confirmTitle),
        text: plain(confirm.text, LIMIT.confirmText),
        confirm: plain(confirm.confirmLabel, LIMIT.confirmButton),
        deny: plain(confirm.denyLabel, LIMIT.confirmButton),
        ...(button.style === 'danger' && { style: 'danger' as const }),
      },
    }),
  };
}

import type { HomeView, ModalView } from '@slack/types';
import { actions, button, card, text } from '../../cards/message-card.js';
import { renderCardToBlockKit, renderFormToSlackModal, type SlackMessage } from '../../cards/render/block-kit.js';
import { escapeMrkdwn, plain, SLACK_LIMITS } from '../../cards/render/slack-text.js';
import type { Reply, TurnResult } from '../conversation/reply.js';
import { encodeFormMetadata, FORM_CALLBACK_ID } from './form-metadata.js';
import type { SlackOrigin } from './to-turn.js';

/** A Slack-only button: a form needs a trigger_id, which a plain DM message does not give. */
export const OPEN_FORM_ACTION = 'slack.open-form';

const HOME_BLOCKS = 100;

type FormReply = Extract<Reply, { kind: 'form' }>;

/** A card or text reply as a Slack message; a form becomes a message with a button that opens it. */
export function replyToSlackMessage(reply: Reply): SlackMessage {
  switch (reply.kind) {
    case 'card':
      return renderCardToBlockKit(reply.card);
    case 'text':
      // Plain text, so user input quoted in an answer never becomes a mention or link.
      return { text: escapeMrkdwn(reply.text), blocks: [{ type: 'section', text: plain(reply.text, SLACK_LIMITS.sectionText) }] };
    case 'form':
      return renderCardToBlockKit(formLauncherCard(reply));
  }
}

export function replyToModal(reply: FormReply, origin: SlackOrigin): ModalView {
  const { userId: _userId, ...where } = origin;
  return renderFormToSlackModal(reply.form, {
    values: reply.values,
    callbackId: FORM_CALLBACK_ID,
    privateMetadata: encodeFormMetadata({ formId: reply.form.id, data: reply.data ?? {}, origin: where }),
  });
}

/** The App Home shows a turn's cards one after another (a home view holds up to 100 blocks). */
export function replyToHomeView(result: TurnResult): HomeView {
  const replies = result.replaceSource ? [result.replaceSource, ...result.replies] : result.replies;
  const blocks = replies.flatMap((reply) => replyToSlackMessage(reply).blocks);
  return { type: 'home', blocks: blocks.slice(0, HOME_BLOCKS) };
}

/** The launcher button carries the form id, its data and any prefill, so pressing it opens the same form. */
function formLauncherCard(reply: FormReply) {
  const payload = { formId: reply.form.id, data: JSON.stringify(reply.data ?? {}), values: JSON.stringify(reply.values ?? {}) };
  // Prefill is a nicety; the ids are not, so drop the prefill if the button would be too large.
  const fitted = JSON.stringify(payload).length <= SLACK_LIMITS.buttonValue ? payload : { ...payload, values: '{}' };
  return card(reply.form.title, [
    text(`${reply.form.title}: press the button to open the form.`),
    actions([button(OPEN_FORM_ACTION, reply.form.title, fitted, { style: 'primary' })]),
  ]);
}

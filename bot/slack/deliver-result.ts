import type { ModalView } from '@slack/types';
import type { SlackMessage } from '../../cards/render/block-kit.js';
import type { TurnResult } from '../conversation/reply.js';
import { replyToModal, replyToSlackMessage } from './render-reply.js';
import type { SlackOrigin } from './to-turn.js';

/** How to answer one Slack payload: built per payload kind in create-answerer.ts. */
export interface SlackAnswerer {
  post(message: SlackMessage): Promise<void>;
  /** Redraws the message whose button was pressed; absent where nothing was pressed. */
  replace?(message: SlackMessage): Promise<void>;
  /** Opens a modal with the payload's trigger_id; absent where Slack gave none. */
  openModal?(view: ModalView): Promise<void>;
}

/**
 * Sends a turn's result: the pressed message is updated in place, the first form opens as a modal
 * (a trigger_id opens one view), and everything else is posted as messages.
 */
export async function deliverResult(result: TurnResult, answerer: SlackAnswerer, origin: SlackOrigin): Promise<void> {
  let modalOpened = false;
  const replies = result.replaceSource ? [result.replaceSource, ...result.replies] : result.replies;
  for (const [index, reply] of replies.entries()) {
    if (reply.kind === 'form' && answerer.openModal && !modalOpened) {
      modalOpened = true;
      await answerer.openModal(replyToModal(reply, origin));
    } else if (index === 0 && result.replaceSource && answerer.replace) {
      await answerer.replace(replyToSlackMessage(reply));
    } else {
      await answerer.post(replyToSlackMessage(reply));
    }
  }
}

import type { FormDefinition, FormProblem, FormValues } from '../../cards/form-definition.js';
import type { MessageCard } from '../../cards/message-card.js';

/** What the bot says back, before a channel decides how to draw it. */
export type Reply =
  | { kind: 'card'; card: MessageCard }
  | {
      kind: 'form';
      form: FormDefinition<unknown>;
      values?: FormValues;
      errors?: readonly FormProblem[];
      /** Carried back with the submission (e.g. which request a decline is for, a submission id). */
      data?: Record<string, string>;
    }
  | { kind: 'text'; text: string };

export interface TurnResult {
  replies: Reply[];
  /** For a press on a card or form: what that card should become, updated in place. */
  replaceSource?: Reply;
  /** For a card's automatic refresh: how it looks to this person alone (nobody else's copy changes). */
  personalView?: Reply;
  /** The replies are the person's "my work", so what they missed need not be shown again. */
  showsMyWork?: boolean;
}

export function cardReply(card: MessageCard): Reply {
  return { kind: 'card', card };
}

export function textReply(text: string): Reply {
  return { kind: 'text', text };
}

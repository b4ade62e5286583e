import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { SlackAnswerer } from './deliver-result.js';
import type { SlackOrigin } from './to-turn.js';

/** DMs and mentions: answers go to the same conversation. */
export function createMessageAnswerer(client: WebClient, channel: string): SlackAnswerer {
  return { post: async (message) => void (await client.chat.postMessage({ channel, ...message })) };
}

/** Slash commands answer through response_url, which works even where the bot is not a member. */
export function createCommandAnswerer(client: WebClient, respond: RespondFn, triggerId: string): SlackAnswerer {
  return {
    post: async (message) => void (await respond({ response_type: 'ephemeral', ...message })),
    openModal: async (view) => void (await client.views.open({ trigger_id: triggerId, view })),
  };
}

export interface PressedMessage {
  channel: string;
  ts: string;
  ephemeral: boolean;
}

/**
 * Button presses: the pressed message is updated in place (chat.update, or response_url for an
 * ephemeral one). Other answers in a channel go only to the presser; in a DM they are posted.
 */
export function createActionAnswerer(
  client: WebClient, respond: RespondFn, triggerId: string, origin: SlackOrigin, pressed?: PressedMessage,
): SlackAnswerer {
  const privately = pressed && (pressed.ephemeral || origin.scope !== 'personal');
  return {
    post: async (message) => {
      if (privately) await respond({ response_type: 'ephemeral', replace_original: false, ...message });
      else await client.chat.postMessage({ channel: pressed?.channel ?? origin.userId, ...message });
    },
    replace: async (message) => {
      if (!pressed) await client.chat.postMessage({ channel: origin.userId, ...message });
      else if (pressed.ephemeral) await respond({ replace_original: true, ...message });
      else await client.chat.update({ channel: pressed.channel, ts: pressed.ts, ...message });
    },
    openModal: async (view) => void (await client.views.open({ trigger_id: triggerId, view })),
  };
}

/** A modal's result goes where the form was opened: the person's DM, or privately in the channel. */
export function createViewAnswerer(client: WebClient, origin: SlackOrigin): SlackAnswerer {
  return {
    post: async (message) => {
      if (origin.scope === 'personal') await client.chat.postMessage({ channel: origin.userId, ...message });
      else await client.chat.postEphemeral({ channel: origin.conversationId, user: origin.userId, ...message });
    },
  };
}

import { createHash } from 'node:crypto';
import type { MessageCard } from '../../cards/message-card.js';
import type { Alliance } from '../../services/domain/alliance.js';
import type { Person } from '../../services/domain/person.js';
import { ChannelApiError } from '../../services/errors.js';
import type { ChannelKind } from '../../services/identity/channel-identity.js';
import { conversationLinksFor } from '../../services/identity/conversation-references.js';
import type { NotificationDeliverer } from '../../services/notifications/OutboxDelivery.js';
import type { OutboxMessage } from '../../services/notifications/outbox-message.js';
import type { Pace } from '../../services/notifications/pacing.js';
import type { Stored } from '../../services/store/document-store.js';
import type { ChannelSender, PostedMessage } from './channel-sender.js';
import { buildNotification, type NotificationContext } from './build-notification.js';

/** A card posted under a key, so the next card with that key edits it instead of posting again. */
interface PostedCard extends PostedMessage {
  id: string;
  allianceId: string;
  type: 'postedCard';
  channel: ChannelKind;
  key: string;
}

interface Destination {
  channel: ChannelKind;
  address: Record<string, unknown>;
}

/** Delivers outbox messages on whichever channel the target uses: Teams, Slack, or both for a manager channel. */
export class ChannelDeliverer implements NotificationDeliverer {
  constructor(private readonly ctx: NotificationContext, private readonly senders: Partial<Record<ChannelKind, ChannelSender>>) {}

  async deliver(message: Stored<OutboxMessage>): Promise<Record<string, unknown> | undefined> {
    const card = await buildNotification(this.ctx, message.allianceId, message.event, message.target);
    if (!card) return { skipped: 'the records it spoke of are gone' };
    const destinations = await this.destinations(message);
    for (const destination of destinations) await this.send(message.allianceId, destination, card);
    return { channels: destinations.map((d) => d.channel) };
  }

  /** Teams takes about 7 messages a second per conversation, Slack about 1 per channel. */
  async pace(message: Stored<OutboxMessage>): Promise<Pace | undefined> {
    const [first] = await this.destinations(message).catch(() => []);
    if (!first) return undefined;
    return { key: `${first.channel}:${conversationOf(first.address)}`, perSecond: first.channel === 'teams' ? 7 : 1 };
  }

  private async destinations(message: OutboxMessage): Promise<Destination[]> {
    const usable = (channel: ChannelKind) => Boolean(this.senders[channel]);
    if (message.target.kind === 'managerChannel') {
      const alliance = await this.ctx.store.get<Alliance>(message.allianceId, message.allianceId);
      const found: Destination[] = [];
      if (alliance?.managerChannel?.teams && usable('teams')) found.push({ channel: 'teams', address: alliance.managerChannel.teams.conversationReference });
      if (alliance?.managerChannel?.slack && usable('slack')) found.push({ channel: 'slack', address: { channel: alliance.managerChannel.slack.channelId } });
      if (!found.length) throw new ChannelApiError('No brokerage channel is linked: a manager should say "use this channel for brokerage" in one.', { permanent: true });
      return found;
    }
    const links = await conversationLinksFor(this.ctx, message.allianceId, message.target.personId);
    const link = links.find((l) => usable(l.channel));
    if (link) return [{ channel: link.channel, address: link.address }];
    const person = await this.ctx.store.get<Person>(message.allianceId, message.target.personId);
    // A Slack bot may open a DM with anyone in its workspace; Teams needs the app installed first.
    if (person?.slackUserId && !person.erasedAt && usable('slack')) return [{ channel: 'slack', address: { userId: person.slackUserId } }];
    throw new ChannelApiError(`${person?.name ?? 'This person'} has not opened a chat with the bot yet (or removed it).`, { permanent: true });
  }

  private async send(allianceId: string, destination: Destination, card: MessageCard): Promise<void> {
    const sender = this.senders[destination.channel] as ChannelSender;
    if (!card.key) {
      await sender.post(destination.address, card);
      return;
    }
    const id = `posted-${destination.channel}-${createHash('sha256').update(card.key).digest('hex').slice(0, 24)}`;
    const posted = await this.ctx.store.get<PostedCard>(allianceId, id);
    // A card posted to an earlier brokerage channel is not edited once the channel has moved.
    if (posted && conversationOf(posted.address) === conversationOf(destination.address)) {
      await sender.update(posted, card);
      return;
    }
    const sent = await sender.post(destination.address, card);
    await this.ctx.store.upsert<PostedCard>({ id, allianceId, type: 'postedCard', channel: destination.channel, key: card.key, ...sent });
  }
}

/** The conversation an address points at: a Teams conversation id, a Slack channel, or a Slack user's DM. */
function conversationOf(address: Record<string, unknown>): string {
  return (address.conversation as { id?: string } | undefined)?.id ?? String(address.channel ?? address.userId ?? '');
}

import {
  TeamsActivityHandler, type InvokeResponse, type MessagingExtensionQuery, type MessagingExtensionResponse, type TurnContext,
} from 'botbuilder';
import type { Clock } from '../../services/clock.js';
import type { TurnResult } from '../conversation/reply.js';
import type { TurnBody, TurnRunner } from '../conversation/turn.js';
import { FIND_EXPERT_COMMAND, messagingExtensionResponse, searchBody } from './message-extension.js';
import { replyToActivity, replyToAdaptiveCard } from './render-reply.js';
import { cardActionBody, teamsTurn } from './to-turn.js';

const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** The Teams edge: activities in, neutral turns to the flows, Adaptive Cards back out. No business rules here. */
export class TeamsBot extends TeamsActivityHandler {
  constructor(
    private readonly runTurn: TurnRunner,
    private readonly clock: Clock,
    private readonly options: { trustUnsignedServiceUrl: boolean } = { trustUnsignedServiceUrl: false },
  ) {
    super();
    this.onMessage(async (context, next) => {
      const value = context.activity.value;
      // An Action.Submit fallback arrives as a message carrying the card's data.
      const body = value && typeof value === 'object'
        ? cardActionBody(value, this.clock.now())
        : { kind: 'message' as const, text: textWithoutMentions(context) };
      const result = await this.turn(context, body);
      await this.deliver(context, result, false);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.deliver(context, await this.turn(context, { kind: 'installed' }), false);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.turn(context, { kind: 'uninstalled' });
      await next();
    });
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'adaptiveCard/action') return super.onInvokeActivity(context);
    const result = await this.turn(context, cardActionBody(context.activity.value, this.clock.now()));
    await this.deliver(context, result, true);
    const shown = result.personalView ?? result.replaceSource;
    const source = shown ? replyToAdaptiveCard(shown) : undefined;
    // The invoke response redraws the pressed (or refreshed) card for that person alone.
    return source
      ? { status: 200, body: { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: source } }
      : { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Done' } };
  }

  /** "Find an expert" in the compose or command box (invoke composeExtension/query). */
  protected override async handleTeamsMessagingExtensionQuery(context: TurnContext, query: MessagingExtensionQuery): Promise<MessagingExtensionResponse> {
    if (query.commandId !== FIND_EXPERT_COMMAND) return super.handleTeamsMessagingExtensionQuery(context, query);
    return messagingExtensionResponse(await this.turn(context, searchBody(query)));
  }

  private turn(context: TurnContext, body: TurnBody): Promise<TurnResult> {
    return this.runTurn(teamsTurn(context, body, this.options.trustUnsignedServiceUrl));
  }

  /** Sends replies; updates the pressed card in place for everyone who can see it. */
  private async deliver(context: TurnContext, result: TurnResult, invoked: boolean): Promise<void> {
    const sourceId = context.activity.replyToId;
    if (result.replaceSource && sourceId) {
      const replacement = replyToActivity(result.replaceSource);
      await context.updateActivity({ ...replacement, id: sourceId, type: 'message' });
    } else if (result.replaceSource && !invoked) {
      await context.sendActivity(replyToActivity(result.replaceSource));
    }
    for (const reply of result.replies) await context.sendActivity(replyToActivity(reply));
  }
}

/** In channels people @mention the bot; the mention is not part of what they asked. */
function textWithoutMentions(context: TurnContext): string {
  const text = context.activity.text ?? '';
  const withoutMention = text.replace(/<at>[^<]*<\/at>/gi, ' ');
  return withoutMention.replace(/\s+/g, ' ').trim();
}


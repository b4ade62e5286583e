import { TeamsInfo, TurnContext } from 'botbuilder';
import { readTeamsAction, parseTeamsSubmission, FORM_ID_KEY } from '../../cards/render/adaptive.js';
import type { Turn, TurnBody, TurnPlace } from '../conversation/turn.js';
import { blankForm } from '../flows/forms.js';

/** Where a Teams activity happened, with the reference needed to write there later. */
export function teamsPlace(context: TurnContext): TurnPlace {
  const { conversation } = context.activity;
  const type = conversation.conversationType;
  const channelData = context.activity.channelData as { channel?: { name?: string } } | undefined;
  return {
    scope: type === 'channel' ? 'channel' : type === 'groupChat' ? 'group' : 'personal',
    conversationId: conversation.id,
    address: TurnContext.getConversationReference(context.activity) as Record<string, unknown>,
    ...(channelData?.channel?.name ? { channelName: channelData.channel.name } : {}),
  };
}

/** The neutral turn for a Teams activity: who, where, and what they said, pressed or submitted. */
export function teamsTurn(context: TurnContext, body: TurnBody, trustUnsignedServiceUrl = false): Turn {
  const from = context.activity.from;
  const lookupAllowed = trustUnsignedServiceUrl || serviceUrlIsSigned(context);
  return {
    ...body,
    user: {
      channel: 'teams',
      userId: from.aadObjectId ?? from.id,
      name: from.name,
      // Only asked when the AAD id is not yet linked to a directory person.
      // A failed look-up (a guest, or a user outside the tenant) means "not in the directory".
      lookupEmail: async () => {
        // The look-up asks the activity's serviceUrl who this is: only a URL the token vouched for may answer.
        if (!lookupAllowed) return undefined;
        const member = await TeamsInfo.getMember(context, from.id).catch(() => undefined);
        return member?.email ?? member?.userPrincipalName;
      },
    },
    place: teamsPlace(context),
  } as Turn;
}

/**
 * Whether the Bot Framework token of this activity named its serviceUrl (the JWT `serviceurl` claim,
 * which the adapter has already checked against the activity). An unsigned activity's serviceUrl is
 * whatever the caller wrote, so a member look-up there would let the caller say who they are.
 */
function serviceUrlIsSigned(context: TurnContext): boolean {
  const identity = context.turnState.get<{ isAuthenticated: boolean; getClaimValue(type: string): string | null } | undefined>(
    context.adapter.BotIdentityKey,
  );
  const claim = identity?.isAuthenticated ? identity.getClaimValue('serviceurl') : null;
  return Boolean(claim) && claim === context.activity.serviceUrl;
}

/** A card press (Action.Execute invoke or Action.Submit message): a form submission or a button. */
export function cardActionBody(activityValue: unknown, now: Date): TurnBody {
  const { verb, data } = readTeamsAction(activityValue);
  const formId = typeof data[FORM_ID_KEY] === 'string' ? (data[FORM_ID_KEY] as string) : undefined;
  const form = formId ? blankForm(formId, now) : undefined;
  if (formId && form) return { kind: 'formSubmit', formId, values: parseTeamsSubmission(form, activityValue), data: { ...data } };
  return { kind: 'action', actionId: verb ?? '', data: { ...data } };
}

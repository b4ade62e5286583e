// Building blocks shared by the Adaptive Card form and message renderers.

export type AcObject = { type: string; [property: string]: unknown };

export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  $schema: string;
  /** Teams renders Adaptive Cards up to 1.5. */
  version: '1.5';
  body: AcObject[];
  actions?: AcObject[];
  fallbackText?: string;
  msteams?: { width: 'Full' };
  /** Universal Actions: each listed user gets their own view of the card from the bot. */
  refresh?: { action: AcObject; userIds: readonly string[] };
}

/** Key that carries the action id in Action.Submit data, where there is no `verb`. */
export const VERB_KEY = 'verb';

export function adaptiveCard(body: AcObject[], extra: Partial<AdaptiveCardJson> = {}): AdaptiveCardJson {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...extra,
  };
}

export interface TextRunStyle {
  weight?: 'Bolder';
  size?: 'Small' | 'Medium' | 'Large';
  isSubtle?: boolean;
  color?: 'Attention';
}

/**
 * Text that may carry user input goes in a TextRun: hosts render TextRuns literally, never as
 * markdown, so "[x](http://evil)" cannot become a disguised link. TextBlock and FactSet would parse it.
 */
export function plainText(text: string, style: TextRunStyle = {}, block: Record<string, unknown> = {}): AcObject {
  return { type: 'RichTextBlock', ...block, inlines: [{ type: 'TextRun', text, ...style }] };
}

export type ActionStyle = 'positive' | 'destructive' | undefined;

/**
 * Action.Execute (universal actions) for Teams, with an Action.Submit fallback for older hosts.
 * The fallback has no verb, so the action id travels in its data under VERB_KEY.
 */
export function executeAction(
  title: string,
  verb: string,
  data: Readonly<Record<string, unknown>>,
  style: ActionStyle,
): AcObject {
  const styled = style ? { style } : {};
  return {
    type: 'Action.Execute',
    title,
    verb,
    data,
    ...styled,
    fallback: { type: 'Action.Submit', title, data: { ...data, [VERB_KEY]: verb }, ...styled },
  };
}

export interface TeamsAction {
  verb?: string;
  data: Readonly<Record<string, unknown>>;
}

/**
 * Reads which action a Teams submission came from and its data: an `adaptiveCard/action` invoke
 * carries `{ action: { type: 'Action.Execute', verb, data } }`; an Action.Submit message carries the
 * data itself as `activity.value`.
 */
export function readTeamsAction(activityValue: unknown): TeamsAction {
  if (!isRecord(activityValue)) return { data: {} };
  const action = activityValue.action;
  if (isRecord(action) && action.type === 'Action.Execute') {
    return { verb: stringOrUndefined(action.verb), data: isRecord(action.data) ? action.data : {} };
  }
  return { verb: stringOrUndefined(activityValue[VERB_KEY]), data: activityValue };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

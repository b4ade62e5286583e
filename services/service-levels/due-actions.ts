import type { DueItem } from './due-items.js';

/** What the tick does for an item: nudge the person it waits on, then escalate to the manager channel. */
export interface DueAction {
  kind: 'nudge' | 'escalate';
  on: string;
  item: DueItem;
  /**
   * The delivery key: record, stage, item and due date. The same item falling due again on another
   * date (a new proposal, a moved visit) is a new key; the same one is never sent twice.
   */
  key: string;
}

export function actionsOf(items: readonly DueItem[]): DueAction[] {
  return items.flatMap((item) => (['nudge', 'escalate'] as const).map((kind) => ({
    kind,
    on: kind === 'nudge' ? item.nudgeOn : item.escalateOn,
    item,
    key: `sla#${item.recordId}#${item.stage}#${item.item}#${item.dueDate}#${kind}`,
  })));
}

/**
 * Fields a request or deployment carries so the tick reads only what is due: `checkOn`, the next day
 * the tick must act on it (indexed across alliances), `dueOn`, its earliest due date (indexed per
 * alliance, for "what is due"), and `slaActed`, the actions already taken.
 */
export interface DueFields {
  dueOn?: string;
  checkOn?: string;
  slaActed?: string[];
}

/** The due fields for these items, keeping only the taken actions that still apply. */
export function dueFieldsOf(items: readonly DueItem[], acted: readonly string[] = []): DueFields {
  const actions = actionsOf(items);
  const stillActed = acted.filter((key) => actions.some((action) => action.key === key));
  const pending = actions.filter((action) => !stillActed.includes(action.key)).map((action) => action.on).sort();
  const dueDates = items.map((item) => item.dueDate).sort();
  // Undefined clears a field when spread over the record (JSON drops it).
  return { slaActed: stillActed, checkOn: pending[0], dueOn: dueDates[0] };
}

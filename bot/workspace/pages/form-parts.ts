import { html, type Html } from '../html.js';

/** `<option>`s for a select, with the current value selected. */
export function optionsOf(choices: ReadonlyArray<readonly [string, string]>, selected: string | undefined | readonly string[]): Html {
  const isSelected = (value: string) => (Array.isArray(selected) ? selected.includes(value) : selected === value);
  return html`${choices.map(([value, label]) => html`<option value="${value}"${isSelected(value) ? html` selected` : ''}>${label}</option>`)}`;
}

/** A table that scrolls sideways on narrow screens; focusable and named so keyboard users can scroll it too. */
export function scrollingTable(label: string, table: Html): Html {
  return html`<div class="scroll" role="region" aria-label="${label}" tabindex="0">${table}</div>`;
}

export interface SortableColumn<K extends string> {
  key: K;
  label: string;
  numeric?: boolean;
}

/**
 * A column heading that sorts the table by it: a plain link (works without JavaScript), with
 * aria-sort on the column the table is sorted by. Figures sort largest first, names A to Z.
 */
export function sortableHeader<K extends string>(path: string, column: SortableColumn<K>, current: K, keep: Record<string, string> = {}): Html {
  const href = `${path}?${new URLSearchParams({ ...keep, sort: column.key }).toString()}`;
  const sorted = column.key === current;
  const direction = column.numeric ? 'descending' : 'ascending';
  return html`<th scope="col"${column.numeric ? html` class="num"` : ''}${sorted ? html` aria-sort="${direction}"` : ''}><a href="${href}">${column.label}${sorted ? html` <span aria-hidden="true">${column.numeric ? '▼' : '▲'}</span>` : ''}</a></th>`;
}

export const pounds = (amount: number): string => `£${amount.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** The from–to form of a report page (GET, so the period is in the address and can be shared). */
export function periodForm(path: string, period: { from: string; to: string }, label = 'Period'): Html {
  return html`<form method="get" action="${path}" class="filters" aria-label="${label}">
  <div><label for="from">From</label><input type="date" id="from" name="from" value="${period.from}"></div>
  <div><label for="to">To</label><input type="date" id="to" name="to" value="${period.to}"></div>
  <button type="submit">Show</button>
</form>`;
}

/** The CSRF token every form carries. */
export function csrfInput(token: string): Html {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}

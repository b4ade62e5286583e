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

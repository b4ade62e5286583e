import { html, type Html } from '../html.js';

/** `<option>`s for a select, with the current value selected. */
export function optionsOf(choices: ReadonlyArray<readonly [string, string]>, selected: string | undefined | readonly string[]): Html {
  const isSelected = (value: string) => (Array.isArray(selected) ? selected.includes(value) : selected === value);
  return html`${choices.map(([value, label]) => html`<option value="${value}"${isSelected(value) ? html` selected` : ''}>${label}</option>`)}`;
}

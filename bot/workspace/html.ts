import escapeHtml from 'escape-html';

/** Markup that is already safe: produced by `html` or by the page code, never from user text. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlPart = Html | string | number | boolean | null | undefined | readonly HtmlPart[];

function renderPart(part: HtmlPart): string {
  if (part === null || part === undefined || part === false || part === true) return '';
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(renderPart).join('');
  return escapeHtml(String(part));
}

/** A template tag that escapes every interpolated value unless it is itself Html. */
export function html(strings: TemplateStringsArray, ...values: HtmlPart[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += renderPart(value) + (strings[index + 1] ?? '');
  });
  return new Html(out);
}

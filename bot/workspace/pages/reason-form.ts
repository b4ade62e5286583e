import { parseFormSubmission } from '../../../cards/form-definition.js';
import { createDeclineForm, type DeclinePurpose } from '../../../cards/forms/decline-request.js';
import { html, type Html } from '../html.js';
import { csrfInput } from './form-parts.js';

/** What a reason form says: who reads the reason, and the words on its buttons. */
export interface ReasonFormWording {
  /** Unique on the page: names the textarea. */
  id: string;
  action: string;
  csrf: string;
  outcome?: string;
  summary: string;
  label: string;
  submit: string;
}

/** A folded form that asks why (declining, closing): the page stays short until the manager opens it. */
export function reasonForm(wording: ReasonFormWording): Html {
  return html`<details><summary>${wording.summary}</summary><form method="post" action="${wording.action}">${csrfInput(wording.csrf)}${wording.outcome ? html`<input type="hidden" name="outcome" value="${wording.outcome}">` : ''}
  <label for="reason-${wording.id}">${wording.label}</label><textarea id="reason-${wording.id}" name="reason" rows="3" required minlength="5" maxlength="500"></textarea>
  <button type="submit" class="danger">${wording.submit}</button></form></details>`;
}

/** The reason as the chat form's schema reads it, or what is wrong with it. */
export function readReason(purpose: DeclinePurpose, subject: string, body: Record<string, unknown>): { ok: true; reason: string } | { ok: false; problem: string } {
  const parsed = parseFormSubmission(createDeclineForm({ purpose, subject }), { reason: String(body.reason ?? '') });
  return parsed.ok ? { ok: true, reason: parsed.value.reason } : { ok: false, problem: parsed.problems.map((p) => p.message).join(' ') };
}

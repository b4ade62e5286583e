import type { Alliance } from '../../../services/domain/alliance.js';
import type { Person } from '../../../services/domain/person.js';
import { ForbiddenError } from '../../../services/errors.js';
import { html } from '../html.js';
import type { PageContext, PageResult } from '../respond.js';
import { chooseInSession } from '../session.js';
import { csrfInput } from './form-parts.js';

const ROLE_NAMES: Record<Person['role'], string> = { manager: 'manager', admin: 'administrator', head: 'head', supporter: 'supporter' };

/** Someone in several alliances picks which one to work in; each alliance's pages show only its own records. */
export async function showAllianceChooser(ctx: PageContext): Promise<PageResult> {
  const choices = ctx.session.choices ?? [];
  if (!choices.length) return { kind: 'redirect', to: '/workspace' };
  const options = (await Promise.all(choices.map(async (choice) => {
    const [person, alliance] = await Promise.all([
      ctx.deps.flows.store.get<Person>(choice.allianceId, choice.personId),
      ctx.deps.flows.store.get<Alliance>(choice.allianceId, choice.allianceId),
    ]);
    return person?.type === 'person' && !person.erasedAt && alliance?.type === 'alliance' ? { person, alliance } : undefined;
  }))).filter((o) => o !== undefined).sort((a, b) => a.alliance.name.localeCompare(b.alliance.name));
  return ctx.page('Choose an alliance', undefined, html`<p>You are in more than one alliance. Each keeps its own records: choose the one to work in now. You can switch at any time from the top of the page.</p>
<ul class="cards">${options.map(({ person, alliance }) => html`<li class="card"><form method="post" action="/workspace/choose">${csrfInput(ctx.csrf)}
  <input type="hidden" name="allianceId" value="${alliance.id}">
  <h2>${alliance.name}</h2><p>As ${ROLE_NAMES[person.role]}${alliance.id === ctx.session.allianceId ? ' (open now)' : ''}</p>
  <button type="submit">Open ${alliance.name}</button></form></li>`)}</ul>`);
}

/** Only an alliance the sign-in proved the person is in: the choices are sealed in the session cookie. */
export async function chooseAlliance(ctx: PageContext): Promise<PageResult> {
  const next = chooseInSession(ctx.session, String(ctx.body.allianceId ?? ''));
  if (!next) throw new ForbiddenError('You are not in that alliance. Choose one of yours.');
  const person = await ctx.deps.flows.store.get<Person>(next.allianceId, next.personId);
  if (person?.type !== 'person' || person.erasedAt) throw new ForbiddenError('You are no longer in that alliance\'s directory.');
  ctx.replaceSession = next;
  return { kind: 'redirect', to: '/workspace' };
}

import { personInAllianceWithEmail } from '../../../services/identity/email-index.js';
import { ForbiddenError } from '../../../services/errors.js';
import { identifySpeaker } from '../../../services/identity/channel-identity.js';
import { redeemSignInLink } from '../../../services/identity/sign-in-links.js';
import { DEMO_ALLIANCE_ID, DEMO_IDENTITIES } from '../../../services/directory/seed-demo.js';
import { html } from '../html.js';
import { notice } from '../layout.js';
import type { PageContext, PageResult } from '../respond.js';
import { isManager } from '../../../services/domain/person.js';
import { anonymousSession, signedInSession } from '../session.js';

/** Where someone lands: their page if signed in, else the sign-in page. */
export async function showHome(ctx: PageContext): Promise<PageResult> {
  if (!ctx.person) return { kind: 'redirect', to: ctx.session.choices?.length ? '/workspace/choose' : '/workspace/sign-in' };
  return { kind: 'redirect', to: isManager(ctx.person) ? '/workspace/board' : '/workspace/my-work' };
}

export async function showSignIn(ctx: PageContext): Promise<PageResult> {
  const howTo = html`<p>In Microsoft Teams, open the <strong>Workspace</strong> tab of the School-to-school support app: it signs you in with your Teams account.</p>
<p>From Slack or any browser, say <strong>open the workspace</strong> in your chat with the bot. It sends you a sign-in link that works once, for ten minutes.</p>`;
  if (ctx.deps.mode !== 'local') return ctx.page('Sign in to the workspace', undefined, howTo);
  const demo = await Promise.all(Object.entries(DEMO_IDENTITIES).map(async ([role, identity]) => ({
    role, person: await personInAllianceWithEmail(ctx.deps.flows.store, DEMO_ALLIANCE_ID, identity.email),
  })));
  const choices = demo.filter((d) => d.person && !d.person.erasedAt);
  return ctx.page('Sign in to the workspace', undefined, html`${howTo}
<h2>Local mode: sign in as a demo person</h2>
${choices.length ? html`<ul class="cards">${choices.map(({ role, person }) => html`<li class="card">
  <form method="post" action="/workspace/sign-in/demo">
    <input type="hidden" name="_csrf" value="${ctx.csrf}">
    <input type="hidden" name="email" value="${person!.email}">
    <p><strong>${person!.name}</strong> <span class="tag">${role}</span></p>
    <button type="submit">Sign in as ${person!.name}</button>
  </form></li>`)}</ul>` : html`<p>The demo alliance is not loaded. Start the bot with <code>DEMO_SEED=on</code> on an empty store.</p>`}`);
}

/** Local mode only: sign in as one of the demo people, no proof needed. */
export async function signInAsDemoPerson(ctx: PageContext): Promise<PageResult> {
  if (ctx.deps.mode !== 'local') throw new ForbiddenError('Demo sign-in is only available in local mode.');
  const email = String(ctx.body.email ?? '');
  const isDemo = Object.values(DEMO_IDENTITIES).some((identity) => identity.email === email);
  const person = isDemo ? await personInAllianceWithEmail(ctx.deps.flows.store, DEMO_ALLIANCE_ID, email) : undefined;
  if (!person || person.erasedAt) throw new ForbiddenError('That is not one of the demo people.');
  ctx.replaceSession = signedInSession([person], 'demo');
  return { kind: 'redirect', to: '/workspace' };
}

/** The link from chat opens a page with a button, so link previews in chat cannot use up the one-time link. */
export async function showSignInLink(ctx: PageContext): Promise<PageResult> {
  return ctx.page('Open the workspace', undefined, html`<form method="post" action="/workspace/link">
  <input type="hidden" name="_csrf" value="${ctx.csrf}">
  <input type="hidden" name="token" value="${ctx.query.get('t') ?? ''}">
  <p>This link signs you in to the alliance workspace. It works once.</p>
  <button type="submit">Continue to the workspace</button>
</form>`);
}

export async function redeemLink(ctx: PageContext): Promise<PageResult> {
  const { people } = await redeemSignInLink(ctx.deps.flows, String(ctx.body.token ?? ''));
  ctx.replaceSession = signedInSession(people, 'link');
  return { kind: 'redirect', to: '/workspace' };
}

/** The Teams tab: a small script gets the SSO token from Teams and posts it to /workspace/sso. */
export async function showTeamsTab(ctx: PageContext): Promise<PageResult> {
  if (!ctx.deps.verifyTeamsToken) {
    return ctx.page('Teams sign-in is not set up', undefined, notice('error', 'Teams single sign-on is not configured for this bot (MICROSOFT_APP_ID or TEAMS_SSO_APP_ID). Ask the bot for a sign-in link instead: say "open the workspace".'), { status: 503 });
  }
  return ctx.page('Signing you in', undefined, html`<p id="sso-status" role="status">Signing you in with your Teams account…</p>
<noscript><p>Signing in from Teams needs JavaScript. Ask the bot for a sign-in link instead: say <strong>open the workspace</strong>.</p></noscript>`,
  { scripts: ['/workspace/static/teams-js.js', '/workspace/static/teams-sign-in.js'] });
}

/** Adding the tab to a channel: one screen, then Teams saves the tab pointing at /workspace/teams. */
export async function showTeamsTabSetup(ctx: PageContext): Promise<PageResult> {
  return ctx.page('Add the workspace to this channel', undefined, html`<p>The tab shows the alliance workspace. Each person who opens it is signed in with their own Teams account and sees only what they may: managers the whole alliance, heads and supporters their own work.</p>
<p>Select <strong>Save</strong> to add it.</p>`, { scripts: ['/workspace/static/teams-js.js', '/workspace/static/teams-configure.js'] });
}

/** Checks the tab's token and signs the person in; the token itself proves the request, so no CSRF token is needed. */
export async function signInWithTeams(ctx: PageContext): Promise<PageResult> {
  const verify = ctx.deps.verifyTeamsToken;
  const token = ctx.body.token;
  if (!verify || typeof token !== 'string') return { kind: 'json', status: 401, body: { error: 'Teams sign-in is not available.' } };
  try {
    const user = await verify(token);
    const people = await identifySpeaker(ctx.deps.flows, { channel: 'teams', userId: user.objectId, lookupEmail: async () => user.email });
    if (!people.length) return { kind: 'json', status: 403, body: { error: 'You are not in the alliance directory. Ask your alliance manager to add you.' } };
    // Someone in several alliances chooses one next (/workspace sends them to the chooser).
    ctx.replaceSession = signedInSession(people, 'teams');
    return { kind: 'json', body: { redirect: '/workspace' } };
  } catch (error) {
    if (error instanceof ForbiddenError) return { kind: 'json', status: 401, body: { error: error.message } };
    throw error;
  }
}

export async function signOut(ctx: PageContext): Promise<PageResult> {
  ctx.replaceSession = anonymousSession();
  return { kind: 'redirect', to: '/workspace/sign-in' };
}

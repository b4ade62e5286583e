import type { Request, Response } from 'restify';
import type { Alliance } from '../../services/domain/alliance.js';
import { isManager, type Person } from '../../services/domain/person.js';
import { BotError, ValidationError } from '../../services/errors.js';
import type { Stored } from '../../services/store/document-store.js';
import { html, type Html, type HtmlPart } from './html.js';
import { layout, notice } from './layout.js';
import { csrfToken, csrfValid, readSession, writeSession, type WorkspaceSession } from './session.js';
import type { WorkspaceDeps } from './workspace-deps.js';

export type PageResult =
  | { kind: 'page'; status?: number; body: Html }
  | { kind: 'redirect'; to: string }
  | { kind: 'file'; fileName: string; contentType: string; body: string }
  | { kind: 'json'; status?: number; body: unknown };

export interface PageContext {
  req: Request;
  deps: WorkspaceDeps;
  session: WorkspaceSession;
  person?: Stored<Person>;
  alliance?: Stored<Alliance>;
  csrf: string;
  query: URLSearchParams;
  body: Record<string, unknown>;
  /** Set by sign-in and sign-out: the session to write back. */
  replaceSession?: WorkspaceSession;
  page(title: string, current: string | undefined, content: HtmlPart, options?: { status?: number; scripts?: string[] }): PageResult;
}

/** Who may reach a route: anyone (sign-in pages), anyone signed in, or the alliance's managers only. */
export type Access = 'anyone' | 'signed-in' | 'manager';
export type PageHandler = (ctx: PageContext) => Promise<PageResult>;

const FRAME_ANCESTORS = "'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.skype.com https://*.office.com https://*.cloud.microsoft";
const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors ${FRAME_ANCESTORS}`,
  'x-content-type-options': 'nosniff',
  // Sign-in link tokens are in URLs: never pass them on to another site.
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

const STATUS_OF: Record<string, number> = { forbidden: 403, not_found: 404, validation: 400, import: 400, conflict: 409, duplicate: 409, illegal_transition: 409 };


async function signedInPerson(deps: WorkspaceDeps, session: WorkspaceSession): Promise<Stored<Person> | undefined> {
  if (!session.personId || !session.allianceId) return undefined;
  const person = await deps.flows.store.get<Person>(session.allianceId, session.personId);
  return person && person.type === 'person' && !person.erasedAt ? person : undefined;
}

/** Wraps a page handler: session, CSRF on every POST, access by role, errors as pages, security headers. */
export function route(deps: WorkspaceDeps, access: Access, handler: PageHandler, options: { csrf?: boolean } = {}) {
  return async (req: Request, res: Response): Promise<void> => {
    const { session, fresh } = await readSession(req, deps.session);
    const person = await signedInPerson(deps, session);
    const alliance = person ? await deps.flows.store.get<Alliance>(person.allianceId, person.allianceId) : undefined;
    const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;
    const ctx: PageContext = {
      req, deps, session, person, alliance, body,
      csrf: csrfToken(session),
      query: new URL(req.url ?? '/', 'http://workspace').searchParams,
      page(title, current, content, pageOptions = {}) {
        const shell = layout({
          title, person: this.person, allianceName: this.alliance?.name, csrf: this.csrf, current, scripts: pageOptions.scripts,
          canSwitchAlliance: Boolean(this.person) && (this.session.choices?.length ?? 0) > 1,
          choosingAlliance: !this.person && Boolean(this.session.choices?.length),
        }, content);
        return { kind: 'page', status: pageOptions.status, body: shell };
      },
    };
    let result: PageResult;
    if (req.method === 'POST' && options.csrf !== false && !csrfValid(session, body._csrf)) {
      result = ctx.page('This form has expired', undefined, notice('error', html`The page was open too long or came from somewhere else, so nothing was changed. <a href="/workspace">Go back to the workspace</a> and try again.`), { status: 403 });
    } else if (access !== 'anyone' && !person) {
      // Signed in to several alliances but none chosen yet: choose first.
      const where = session.choices?.length ? '/workspace/choose' : '/workspace/sign-in';
      result = req.method === 'GET' ? { kind: 'redirect', to: where } : ctx.page('Please sign in', undefined, notice('error', html`Sign in to the workspace${session.choices?.length ? ' and choose an alliance' : ''} first. Nothing was changed. <a href="${where}">Continue</a>`), { status: 401 });
    } else if (access === 'manager' && !isManager(person)) {
      result = ctx.page('Only for alliance managers', undefined, notice('error', html`This page is for the alliance's managers. <a href="/workspace/my-work">See your own work</a>.`), { status: 403 });
    } else {
      result = await handler(ctx).catch((error: unknown) => errorPage(ctx, error));
    }
    const nextSession = ctx.replaceSession ?? (fresh ? session : undefined);
    if (nextSession) await writeSession(res, nextSession, deps.session);
    send(res, result);
  };
}

function errorPage(ctx: PageContext, error: unknown): PageResult {
  if (!(error instanceof BotError)) {
    ctx.deps.flows.logger.error({ err: error, url: ctx.req.url }, 'workspace page failed');
    return ctx.page('Something went wrong', undefined, notice('error', 'The workspace could not do that just now, and nothing was changed. Try again in a minute; if it keeps happening, tell your administrator.'), { status: 500 });
  }
  const problems = error instanceof ValidationError ? html`<ul>${error.problems.map((p) => html`<li>${p.field}: ${p.message}</li>`)}</ul>` : '';
  return ctx.page('That did not work', undefined, html`${notice('error', error.message)}${problems}<p><a href="/workspace">Back to the workspace</a></p>`, { status: STATUS_OF[error.code] ?? 400 });
}

function send(res: Response, result: PageResult): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  switch (result.kind) {
    case 'redirect':
      res.writeHead(303, { location: result.to });
      res.end();
      return;
    case 'json':
      res.writeHead(result.status ?? 200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(result.body));
      return;
    case 'file':
      res.writeHead(200, { 'content-type': result.contentType, 'content-disposition': `attachment; filename="${result.fileName}"` });
      res.end(result.body);
      return;
    case 'page':
      res.writeHead(result.status ?? 200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(result.body.value);
  }
}

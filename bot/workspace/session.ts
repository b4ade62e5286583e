import { randomBytes } from 'node:crypto';
import { parse as parseCookies, serialize as serializeCookie } from 'cookie';
import Tokens from 'csrf';
import { sealData, unsealData } from 'iron-session';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What the sealed cookie holds. No person data: the person is read from the store on each request. */
export interface WorkspaceSession {
  /** Synchroniser-token secret for CSRF: every form carries a token made from it. */
  csrfSecret: string;
  personId?: string;
  allianceId?: string;
  /** How they signed in, shown on the page and in logs. */
  via?: 'demo' | 'link' | 'teams';
  /**
   * Someone in several alliances: the directory records their sign-in proved, one per alliance. They
   * choose one (personId and allianceId are then that record); sealed, so they cannot add another.
   */
  choices?: SessionChoice[];
}

export interface SessionChoice {
  personId: string;
  allianceId: string;
}

const COOKIE = 's2s_workspace';
const TTL_SECONDS = 8 * 60 * 60;
const tokens = new Tokens();

export interface SessionOptions {
  /** At least 32 characters; seals the cookie (iron-session: AES-256-CBC + HMAC-SHA-256). */
  secret: string;
  /** Secure cookies; on whenever the workspace is served over https. */
  secure: boolean;
}

export function randomSessionSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The session from the request's cookie, or a new anonymous one (with a fresh CSRF secret). */
export async function readSession(req: IncomingMessage, options: SessionOptions): Promise<{ session: WorkspaceSession; fresh: boolean }> {
  const sealed = parseCookies(req.headers.cookie ?? '')[COOKIE];
  if (sealed) {
    const data = await unsealData<Partial<WorkspaceSession>>(sealed, { password: options.secret, ttl: TTL_SECONDS }).catch((): Partial<WorkspaceSession> => ({}));
    if (typeof data.csrfSecret === 'string') return { session: data as WorkspaceSession, fresh: false };
  }
  return { session: anonymousSession(), fresh: true };
}

/** Nobody signed in yet (or signed out): only a CSRF secret, so the sign-in forms are protected too. */
export function anonymousSession(): WorkspaceSession {
  return { csrfSecret: tokens.secretSync() };
}

/**
 * Writes the session cookie. A Teams tab is a cross-site frame, so its cookie must be
 * SameSite=None; Secure; Partitioned; a browser tab from a sign-in link gets SameSite=Lax.
 */
export async function writeSession(res: ServerResponse, session: WorkspaceSession, options: SessionOptions): Promise<void> {
  const sealed = await sealData(session, { password: options.secret, ttl: TTL_SECONDS });
  const inTeams = session.via === 'teams' && options.secure;
  res.setHeader('set-cookie', serializeCookie(COOKIE, sealed, {
    httpOnly: true,
    secure: options.secure,
    sameSite: inTeams ? 'none' : 'lax',
    partitioned: inTeams,
    path: '/workspace',
    maxAge: TTL_SECONDS,
  }));
}

/**
 * A new session for a person who just proved who they are: a new CSRF secret, so no token from before
 * sign-in works. One directory record signs them straight in; several (one per alliance) wait for a choice.
 */
export function signedInSession(people: ReadonlyArray<{ id: string; allianceId: string }>, via: NonNullable<WorkspaceSession['via']>): WorkspaceSession {
  const fresh = { csrfSecret: tokens.secretSync(), via };
  if (people.length === 1) return { ...fresh, personId: people[0]!.id, allianceId: people[0]!.allianceId };
  return { ...fresh, choices: people.map(({ id, allianceId }) => ({ personId: id, allianceId })) };
}

/** The session once the person chose one of the alliances their sign-in proved; undefined if it is not one of them. */
export function chooseInSession(session: WorkspaceSession, allianceId: string): (WorkspaceSession & SessionChoice) | undefined {
  const choice = session.choices?.find((c) => c.allianceId === allianceId);
  return choice ? { ...session, personId: choice.personId, allianceId: choice.allianceId } : undefined;
}

export function csrfToken(session: WorkspaceSession): string {
  return tokens.create(session.csrfSecret);
}

export function csrfValid(session: WorkspaceSession, token: unknown): boolean {
  return typeof token === 'string' && tokens.verify(session.csrfSecret, token);
}

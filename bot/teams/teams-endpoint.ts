import type { Activity, ActivityHandlerBase } from 'botbuilder';
import type { Request, Response } from 'restify';
import { z } from 'zod';
import type { Logger } from '../../services/logger.js';
import type { TeamsAdapter } from './create-adapter.js';

/** A Teams service that cannot reach Bot Framework's signing keys must not hold the request for ever. */
export const TOKEN_CHECK_TIMEOUT_MS = 5000;

const activityShape = z.looseObject({ type: z.string().min(1) });

const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

class TokenCheckTimeout extends Error {}

/**
 * The POST /api/messages handler. The token is checked first, with a time limit: a bad token is 401,
 * a check that cannot finish (signing keys unreachable) is 503, and neither answer carries internal
 * text. Only then does the activity run as a turn.
 */
export function createTeamsEndpoint({ adapter, authentication }: TeamsAdapter, bot: ActivityHandlerBase, logger: Logger, timeoutMs = TOKEN_CHECK_TIMEOUT_MS) {
  return async (req: Request, res: Response): Promise<void> => {
    const parsed = activityShape.safeParse(req.body);
    if (!parsed.success) {
      res.send(400, { message: 'The body is not a Bot Framework activity.' });
      return;
    }
    const activity = parsed.data as unknown as Activity;
    const header = typeof req.headers.authorization === 'string' ? req.headers.authorization : '';
    let authenticated: Awaited<ReturnType<typeof authentication.authenticateRequest>>;
    try {
      authenticated = await withinTime(authentication.authenticateRequest(activity, header), timeoutMs);
    } catch (error) {
      const rejected = isBadToken(error);
      logger.warn({ err: error, serviceUrl: activity.serviceUrl }, rejected ? 'Teams request refused: bad token' : 'Teams request not checked: Bot Framework sign-in unavailable');
      if (rejected) res.send(401, { message: 'The request has no valid Bot Framework token.' });
      else {
        res.header('Retry-After', '30');
        res.send(503, { message: 'The bot cannot check Bot Framework sign-in right now. Try again shortly.' });
      }
      return;
    }
    try {
      const invokeResponse = await adapter.runAuthenticated(authenticated, activity, (context) => bot.run(context));
      if (invokeResponse?.body !== undefined) res.send(invokeResponse.status ?? 200, invokeResponse.body);
      else res.send(invokeResponse?.status ?? 200);
    } catch (error) {
      logger.error({ err: error, activityType: activity.type }, 'Teams activity failed');
      res.send(500, { message: 'Something went wrong on our side. Nothing was saved; please try again.' });
    }
  };
}

/** A token Bot Framework would not accept (missing, forged, expired, wrong audience or service URL). */
function isBadToken(error: unknown): boolean {
  if (error instanceof TokenCheckTimeout) return false;
  const { name, statusCode } = error as { name?: string; statusCode?: number };
  return statusCode === 401 || TOKEN_ERRORS.has(name ?? '');
}

async function withinTime<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new TokenCheckTimeout(`no answer from Bot Framework sign-in within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

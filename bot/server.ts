import restify from 'restify';
import type { AddressInfo } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DocumentStore } from '../services/store/document-store.js';
import { ConfigError } from '../services/errors.js';
import type { Logger } from '../services/logger.js';
import { InFlightTracker } from './in-flight-tracker.js';

export interface ServerDependencies {
  store: DocumentStore;
  logger: Logger;
  /**
   * Handles one Bot Framework activity POST (built in bot/teams so botbuilder stays there). Absent when
   * Teams is not configured in production: then /api/messages is not served at all (404).
   */
  teamsEndpoint?: (req: restify.Request, res: restify.Response) => Promise<void>;
  /** Raw Node handler for Slack: it must see the unparsed body to check the signature. */
  slackListener?: (req: IncomingMessage, res: ServerResponse) => void;
  /** Adds the manager's web workspace (bot/workspace) under /workspace. */
  mountWorkspace?: (server: restify.Server) => void;
  /** Adds the signed visit-calendar links (bot/calendar) under /calendar. */
  mountCalendar?: (server: restify.Server) => void;
  /** The page GET / answers with: what this service is and, locally, what to do next. */
  homePage?: () => string;
}

export interface RunningServer {
  url: string;
  port: number;
  /** Stops taking requests, waits for turns in flight (up to `graceMs`), then resolves. */
  close(graceMs?: number): Promise<void>;
}

export async function startServer(deps: ServerDependencies, port: number, host = '127.0.0.1'): Promise<RunningServer> {
  const server = restify.createServer({ name: 's2s-bot', handleUncaughtExceptions: false });
  const inFlight = new InFlightTracker();
  server.pre((req, res, next) => {
    inFlight.track(res);
    return next();
  });

  hideErrorDetails(server, deps.logger);

  if (deps.homePage) {
    const page = deps.homePage;
    server.get('/', async (_req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.sendRaw(200, page());
    });
  }

  server.get('/healthz', async (_req, res) => {
    const health = await deps.store.health();
    if (!health.ok) deps.logger.error({ store: health }, 'health check: the store cannot serve');
    // The detail (a file path or driver message) goes to the log, not to whoever asks.
    res.send(health.ok ? 200 : 503, { status: health.ok ? 'ok' : 'store unavailable', store: { ok: health.ok, kind: health.kind } });
  });

  if (deps.teamsEndpoint) {
    const teams = deps.teamsEndpoint;
    // bodyParser only on this route: Slack's route needs the raw body for its signature check.
    server.post('/api/messages', restify.plugins.bodyParser({ maxBodySize: 256 * 1024 }), async (req, res) => {
      await teams(req, res);
    });
  }

  if (deps.slackListener) {
    const slack = deps.slackListener;
    // restify wants async handlers here; this one settles when Bolt has finished the response.
    server.post('/slack/events', async (req, res) => {
      await new Promise<void>((resolve) => {
        res.once('close', resolve);
        slack(req, res);
      });
    });
  }

  deps.mountWorkspace?.(server);
  deps.mountCalendar?.(server);

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(listenError(error, port, host)));
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const actualPort = address.port;
  deps.logger.info({ port: actualPort }, 'server listening');

  return {
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    async close(graceMs = 10_000) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await inFlight.drained(graceMs);
      // Connections kept alive by clients would hold close() open forever; turns are done, so drop them.
      server.server.closeAllConnections?.();
      await closed;
    },
  };
}

/**
 * restify answers its own errors (bad JSON, unknown route, a handler that throws) with the error's
 * message. Those can carry parser or driver internals, so every error body is replaced by a fixed
 * sentence for its status; the real error goes to the log.
 */
function hideErrorDetails(server: restify.Server, logger: Logger): void {
  server.on('restifyError', (req: restify.Request, _res: restify.Response, error: Error & { statusCode?: number }, callback: () => void) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) logger.error({ err: error, path: req.path() }, 'HTTP request failed');
    const body = { code: status, message: PUBLIC_ERROR_TEXT[status] ?? (status >= 500 ? PUBLIC_ERROR_TEXT[500] : 'The request was refused.') };
    (error as { toJSON?: () => unknown }).toJSON = () => body;
    (error as { body?: unknown }).body = body;
    callback();
  });
}

const PUBLIC_ERROR_TEXT: Record<number, string> = {
  400: 'The request could not be read.',
  404: 'There is nothing here.',
  405: 'That method is not allowed here.',
  413: 'The request is too large.',
  415: 'That content type is not accepted here.',
  500: 'Something went wrong on our side. Please try again.',
};

/** A port someone else holds is a setting to change, said in one line rather than a stack trace. */
function listenError(error: NodeJS.ErrnoException, port: number, host: string): Error {
  const other = `choose another with PORT, e.g. PORT=${port + 1} npm start`;
  if (error.code === 'EADDRINUSE') return new ConfigError(`Port ${port} is already in use (is the bot already running?): stop what holds it, or ${other}.`);
  if (error.code === 'EACCES') return new ConfigError(`Port ${port} on ${host} needs more privileges than this user has: ${other}.`);
  return error;
}

import restify from 'restify';
import type { AddressInfo } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DocumentStore } from '../services/store/document-store.js';
import type { Logger } from '../services/logger.js';
import { InFlightTracker } from './in-flight-tracker.js';

export interface ServerDependencies {
  store: DocumentStore;
  logger: Logger;
  /** Handles one Bot Framework activity POST (built in bot/teams so botbuilder stays there). */
  teamsEndpoint: (req: restify.Request, res: restify.Response) => Promise<void>;
  /** Raw Node handler for Slack: it must see the unparsed body to check the signature. */
  slackListener?: (req: IncomingMessage, res: ServerResponse) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  /** Stops taking requests, waits for turns in flight (up to `graceMs`), then resolves. */
  close(graceMs?: number): Promise<void>;
}

export async function startServer(deps: ServerDependencies, port: number, host = '0.0.0.0'): Promise<RunningServer> {
  const server = restify.createServer({ name: 's2s-bot', handleUncaughtExceptions: false });
  const inFlight = new InFlightTracker();
  server.pre((req, res, next) => {
    inFlight.track(res);
    return next();
  });

  server.get('/healthz', async (_req, res) => {
    const health = await deps.store.health();
    res.send(health.ok ? 200 : 503, { status: health.ok ? 'ok' : 'store unavailable', store: health });
  });

  // bodyParser only on this route: Slack's route needs the raw body for its signature check.
  server.post('/api/messages', restify.plugins.bodyParser({ maxBodySize: 256 * 1024 }), async (req, res) => {
    await deps.teamsEndpoint(req, res);
  });

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

  await new Promise<void>((resolve) => server.listen(port, host, () => resolve()));
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

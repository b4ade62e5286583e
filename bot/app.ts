import type { Config } from '../services/config/config.js';
import { systemClock, type Clock } from '../services/clock.js';
import { buildIdentityIndexOnce } from '../services/identity/build-identity-index.js';
import { seedDemo } from '../services/directory/seed-demo.js';
import { createLogger, type Logger } from '../services/logger.js';
import { ReminderScheduler } from '../services/deployments/ReminderScheduler.js';
import { DigestScheduler } from '../services/digest/digest-scheduler.js';
import { OutboxDelivery } from '../services/notifications/OutboxDelivery.js';
import { BackgroundBroker } from '../services/requests/BackgroundBroker.js';
import type { DocumentStore } from '../services/store/document-store.js';
import { meterTurn } from '../services/store/request-charge.js';
import { openStore } from '../services/store/open-store.js';
import { TurnReadCachingStore, withTurnReadCache } from '../services/store/turn-read-cache.js';
import type { FlowContext } from './flows/flow-context.js';
import type { Turn } from './conversation/turn.js';
import { routeTurn } from './flows/route-turn.js';
import { ChannelDeliverer } from './notifications/ChannelDeliverer.js';
import { startServer, type RunningServer } from './server.js';
import { createSlackEdge } from './slack/create-slack-edge.js';
import { createTeamsAdapter } from './teams/create-adapter.js';
import { TeamsBot } from './teams/TeamsBot.js';
import { createTeamsEndpoint } from './teams/teams-endpoint.js';
import { TeamsSender } from './teams/TeamsSender.js';
import { createWorkspace } from './workspace/create-workspace.js';
import { randomSessionSecret } from './workspace/session.js';
import { createCalendarLinks } from './calendar/calendar-links.js';
import { mountCalendar } from './calendar/mount-calendar.js';
import { welcomeLines, welcomePage } from './welcome.js';

export interface AppOverrides {
  store?: DocumentStore;
  clock?: Clock;
  logger?: Logger;
  /** Tests drive delivery (`outbox.runOnce()`) and the digest themselves: no background loops. */
  startOutbox?: boolean;
  /**
   * New requests are brokered after the head's turn (the default with the background loops on);
   * false brokers them inside the turn, as tests that drive the outbox themselves expect.
   */
  brokerInBackground?: boolean;
}

export interface RunningApp extends RunningServer {
  store: DocumentStore;
  outbox: OutboxDelivery;
  /** Present when new requests are brokered after the turn: `idle()` waits for them. */
  broker?: BackgroundBroker;
  seeded: boolean;
}

/** Builds the whole bot from configuration: store, channels, flows, outbox and HTTP server. */
export async function startApp(config: Config, overrides: AppOverrides = {}): Promise<RunningApp> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const clock = overrides.clock ?? systemClock;
  const store = new TurnReadCachingStore(overrides.store ?? (await openStore(config.store)));
  const seeded = config.demoSeed ? await seedDemo(store, clock) : false;
  if (seeded) logger.info('The store was empty, so the demo alliance "Riverside Teaching School Hub" was loaded.');
  const indexed = await buildIdentityIndexOnce(store, clock.now());
  if (indexed) logger.info(`Indexed the Teams and Slack ids of ${indexed} people so each turn finds its speaker with one read.`);

  const teams = createTeamsAdapter(config.teams, logger);
  // Flows are built below; Slack only runs turns once the server is up.
  // Each turn's store calls and Cosmos request units, at debug: what a turn costs, turn by turn.
  const runTurn = async (turn: Turn) => {
    const { result, charge } = await meterTurn(() => withTurnReadCache(() => routeTurn(flows, turn)));
    logger.debug({ turn: turn.kind, storeCalls: charge.storeCalls, requestUnits: Math.round(charge.requestUnits * 100) / 100 }, 'turn store cost');
    return result;
  };
  const slack = config.slack ? await createSlackEdge(config.slack, runTurn, clock, logger) : undefined;
  const senders = { teams: new TeamsSender(teams.adapter, config.teams.appId ?? ''), ...(slack ? { slack: slack.sender } : {}) };
  const calendarLinks = createCalendarLinks(config.workspace.sessionSecret ?? randomSessionSecret(), config.workspace.publicUrl);
  const deliverer = new ChannelDeliverer({ store, clock, calendarUrl: calendarLinks.urlFor }, senders);
  const outbox = new OutboxDelivery({ store, clock }, deliverer, logger);
  const wakeOutbox = () => outbox.kick();
  const flows: FlowContext = {
    store,
    clock,
    logger,
    wakeOutbox: () => outbox.kick(),
    savedConversations: new Set(),
    workspaceUrl: config.workspace.publicUrl,
    calendarUrl: calendarLinks.urlFor,
  };
  const broker = (overrides.brokerInBackground ?? overrides.startOutbox !== false) ? new BackgroundBroker(flows, logger) : undefined;
  if (broker) flows.brokerSoon = (request) => broker.broker(request);
  // Member look-ups trust an activity's serviceUrl only when its token vouched for it, or in local mode.
  const bot = new TeamsBot(runTurn, clock, { trustUnsignedServiceUrl: config.mode === 'local' });
  const server: RunningServer = await startServer(
    {
      store,
      logger,
      ...(config.teams.enabled ? { teamsEndpoint: createTeamsEndpoint(teams, bot, logger) } : {}),
      ...(slack ? { slackListener: slack.requestListener } : {}),
      mountWorkspace: createWorkspace(config, flows),
      mountCalendar: (server) => mountCalendar(server, { store, clock }, calendarLinks),
      homePage: () => welcomePage(welcomeLines(config, server.port)),
    },
    config.port,
    config.host,
  );
  if (config.mode === 'local' && !isLoopback(config.host)) {
    logger.warn({ host: config.host }, `Local mode has no sign-in, and the demo people are public: anyone who can reach ${config.host} can act as any of them. Use HOST=127.0.0.1 unless this network is yours alone.`);
  }
  await slack?.start();
  const scheduler = new DigestScheduler(flows, config.scheduler, logger);
  const reminders = new ReminderScheduler(flows, config.scheduler, logger);
  if (overrides.startOutbox !== false) {
    outbox.start();
    scheduler.start();
    reminders.start();
    reminders.sweepNow();
  }

  return {
    ...server,
    store,
    outbox,
    ...(broker ? { broker } : {}),
    seeded,
    async close(graceMs?: number) {
      await slack?.stop();
      await server.close(graceMs);
      await broker?.idle();
      await scheduler.stop();
      await reminders.stop();
      await outbox.stop();
      await store.close();
    },
  };
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

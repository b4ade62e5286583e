import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import restify from 'restify';
import type { AddressInfo } from 'node:net';

/** The baseline: a bare botbuilder echo bot on restify (CloudAdapter, auth off), as thin as a Teams bot gets. */
export async function startEchoBot(): Promise<{ url: string; close(): Promise<void> }> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant' }));
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    await context.sendActivity(`You said: ${context.activity.text ?? ''}`);
    await next();
  });
  const server = restify.createServer({ name: 'echo-bench' });
  server.post('/api/messages', restify.plugins.bodyParser({ maxBodySize: 256 * 1024 }), async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.server.closeAllConnections?.();
    }),
  };
}

import type { ActivityHandlerBase, CloudAdapter } from 'botbuilder';
import type { Request, Response } from 'restify';

/** The POST /api/messages handler: authenticates (per adapter config) and runs one turn. */
export function createTeamsEndpoint(adapter: CloudAdapter, bot: ActivityHandlerBase) {
  return async (req: Request, res: Response): Promise<void> => {
    await adapter.process(req, res, (context) => bot.run(context));
  };
}

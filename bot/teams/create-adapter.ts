import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import type { Config } from '../../services/config/config.js';
import type { Logger } from '../../services/logger.js';

/**
 * CloudAdapter with Bot Framework authentication. An empty app id turns authentication off, which
 * config only allows in local mode; with an app id every unsigned request gets 401.
 */
export function createTeamsAdapter(teams: Config['teams'], logger: Logger): CloudAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: teams.appId ?? '',
    MicrosoftAppPassword: teams.appPassword ?? '',
    MicrosoftAppTenantId: teams.tenantId ?? '',
    MicrosoftAppType: teams.appType,
  };
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(options));
  adapter.onTurnError = async (context, error) => {
    // A proactive send (outbox delivery) must fail to its caller, which retries or records it;
    // apologising into that conversation would hide the failure.
    if (context.activity.name === 'ContinueConversation') throw error;
    logger.error({ err: error, activityType: context.activity.type }, 'Teams turn failed');
    await context.sendActivity('Sorry, something went wrong on our side and nothing was saved. Please try again in a minute.');
  };
  return adapter;
}

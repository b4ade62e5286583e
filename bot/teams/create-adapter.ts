import {
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import type { Config } from '../../services/config/config.js';
import type { Logger } from '../../services/logger.js';

/** CloudAdapter that can run an activity whose token the endpoint has already checked. */
export class CheckedCloudAdapter extends CloudAdapter {
  runAuthenticated(...args: Parameters<CloudAdapter['processActivity']>): ReturnType<CloudAdapter['processActivity']> {
    return this.processActivity(...args);
  }
}

export interface TeamsAdapter {
  adapter: CheckedCloudAdapter;
  /** Checks an activity's Bot Framework token; the endpoint calls it first so it can bound the wait. */
  authentication: ConfigurationBotFrameworkAuthentication;
}

/**
 * CloudAdapter with Bot Framework authentication. An empty app id turns authentication off, which
 * config only allows in local mode; with an app id every unsigned request gets 401.
 */
export function createTeamsAdapter(teams: Config['teams'], logger: Logger): TeamsAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: teams.appId ?? '',
    MicrosoftAppPassword: teams.appPassword ?? '',
    MicrosoftAppTenantId: teams.tenantId ?? '',
    // botbuilder turns authentication off only for an empty MultiTenant id; the type means nothing then.
    MicrosoftAppType: teams.appId ? teams.appType : 'MultiTenant',
    ...(teams.openIdMetadataUrl ? publicCloudWithMetadata(teams.openIdMetadataUrl) : {}),
  };
  const authentication = new ConfigurationBotFrameworkAuthentication(options);
  const adapter = new CheckedCloudAdapter(authentication);
  adapter.onTurnError = async (context, error) => {
    // A proactive send (outbox delivery) must fail to its caller, which retries or records it;
    // apologising into that conversation would hide the failure.
    if (context.activity.name === 'ContinueConversation') throw error;
    logger.error({ err: error, activityType: context.activity.type }, 'Teams turn failed');
    await context.sendActivity('Sorry, something went wrong on our side and nothing was saved. Please try again in a minute.');
  };
  return { adapter, authentication };
}

/**
 * Setting any one endpoint makes the SDK expect all of them, so these are the public cloud's values
 * (botframework-connector's AuthenticationConstants) with only the signing-key metadata replaced.
 */
function publicCloudWithMetadata(openIdMetadataUrl: string): Partial<ConfigurationBotFrameworkAuthenticationOptions> {
  return {
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
    OAuthUrl: 'https://api.botframework.com',
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

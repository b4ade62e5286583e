// Azure resources for one environment of the school-to-school support bot, deployed by
// `atk provision --env <name>` (m365agents.yml → arm/deploy) with infra/azure.parameters.json:
//   - a user-assigned managed identity: the bot's identity for Teams and for Cosmos DB (no secrets)
//   - an App Service plan and a Linux web app running Node 24 LTS (or 22) in production mode
//   - an Azure Bot registration with the Teams channel (modules/bot-registration.bicep)
//   - a Cosmos DB account, database and container, serverless by default (modules/cosmos.bicep)
// Outputs are written back to env/.env.<name>, where packaging and deployment read them.

@minLength(4)
@maxLength(20)
@description('Lower-case letters and digits; prefixes every resource name and must make them globally unique')
param resourceBaseName string
param location string = resourceGroup().location
@description('App Service plan size. B1 is enough for one alliance; use P0v3 or larger to scale out.')
param appServiceSku string = 'B1'
@minValue(1)
param instanceCount int = 1
@description('Node LTS line of the web app; CI runs the whole test suite on Node 24')
@allowed(['24-lts', '22-lts'])
param nodeVersion string = '24-lts'
@maxLength(42)
param botDisplayName string
param cosmosServerless bool = true
param cosmosDatabase string = 's2s'
param cosmosContainer string = 'records'
// Slack is optional: leave all empty for a Teams-only deployment.
@secure()
param slackSigningSecret string = ''
@secure()
param slackBotToken string = ''
@secure()
param slackAppToken string = ''
@description('The Slack bot\'s bot_id and user_id (from auth.test); not secret')
param slackBotId string = ''
param slackBotUserId string = ''

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-identity'
  location: location
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    accountName: '${resourceBaseName}-cosmos'
    location: location
    databaseName: cosmosDatabase
    containerName: cosmosContainer
    dataContributorPrincipalId: identity.properties.principalId
    serverless: cosmosServerless
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: appServiceSku
    capacity: instanceCount
  }
  properties: {
    reserved: true // Linux
  }
}

resource web 'Microsoft.Web/sites@2023-12-01' = {
  name: '${resourceBaseName}-app'
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false // any instance can take any request; state lives in Cosmos DB
    siteConfig: {
      linuxFxVersion: 'NODE|${nodeVersion}'
      appCommandLine: 'npm run start:prod' // the compiled build (Oryx runs `npm run build` after `npm install`)
      alwaysOn: true // the outbox loop, digest and Socket Mode need a process that stays up
      healthCheckPath: '/healthz'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        // Oryx runs `npm install` on the server, so better-sqlite3's native module matches Linux.
        {
          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
          value: 'true'
        }
        {
          name: 'S2S_MODE'
          value: 'production'
        }
        {
          name: 'LOG_LEVEL'
          value: 'info'
        }
        {
          name: 'MICROSOFT_APP_TYPE'
          value: 'UserAssignedMSI'
        }
        {
          name: 'MICROSOFT_APP_ID'
          value: identity.properties.clientId
        }
        {
          name: 'MICROSOFT_APP_TENANT_ID'
          value: identity.properties.tenantId
        }
        // DefaultAzureCredential picks the user-assigned identity by this id when signing in to Cosmos DB.
        {
          name: 'AZURE_CLIENT_ID'
          value: identity.properties.clientId
        }
        {
          name: 'COSMOS_ENDPOINT'
          value: cosmos.outputs.endpoint
        }
        {
          name: 'COSMOS_DATABASE'
          value: cosmosDatabase
        }
        {
          name: 'COSMOS_CONTAINER'
          value: cosmosContainer
        }
        {
          name: 'SLACK_SIGNING_SECRET'
          value: slackSigningSecret
        }
        {
          name: 'SLACK_BOT_TOKEN'
          value: slackBotToken
        }
        {
          name: 'SLACK_APP_TOKEN'
          value: slackAppToken
        }
        {
          name: 'SLACK_BOT_ID'
          value: slackBotId
        }
        {
          name: 'SLACK_BOT_USER_ID'
          value: slackBotUserId
        }
      ]
    }
  }
}

module bot 'modules/bot-registration.bicep' = {
  name: 'bot-registration'
  params: {
    name: resourceBaseName
    displayName: botDisplayName
    messagingEndpoint: 'https://${web.properties.defaultHostName}/api/messages'
    identityClientId: identity.properties.clientId
    identityResourceId: identity.id
    identityTenantId: identity.properties.tenantId
  }
}

// Written to env/.env.<name> by the toolkit (see m365agents.yml).
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = web.id
output BOT_DOMAIN string = web.properties.defaultHostName
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = identity.properties.tenantId
output COSMOS_ENDPOINT string = cosmos.outputs.endpoint

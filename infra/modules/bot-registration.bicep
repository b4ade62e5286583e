// The Azure Bot registration: tells the Bot Framework where /api/messages is and which identity
// the bot is, and turns on the Teams channel. The identity is a user-assigned managed identity
// (MICROSOFT_APP_TYPE=UserAssignedMSI), so there is no bot password to keep or rotate.

param name string
@maxLength(42)
param displayName string
param messagingEndpoint string
param identityClientId string
param identityResourceId string
param identityTenantId string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: 'F0' // the Teams channel is free on F0
  }
  properties: {
    displayName: displayName
    endpoint: messagingEndpoint
    msaAppType: 'UserAssignedMSI'
    msaAppId: identityClientId
    msaAppMSIResourceId: identityResourceId
    msaAppTenantId: identityTenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      acceptedTerms: true
      deploymentEnvironment: 'CommercialDeployment'
    }
  }
}
